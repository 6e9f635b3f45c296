/**
 * The API reference's "try it": the sandbox acts as the reader's app and calls one platform operation for real,
 * signed with the app's client secret and encrypted with the app's content key, through the platform in-process,
 * and returns the transcript (every HTTP exchange as sent and received, the plaintext and the decrypted answer).
 *
 * The content key: the sandbox holds no KEK private key, so it cannot unwrap a getKey answer. It takes the app's
 * current CEK from its own key service (as callbacks do); only when the app has none valid does it call getKey as
 * the app first (a real, recorded call) and take the CEK that call issued. See docs/decisions/0016.
 */
import { decryptJson, encryptJson, signRequest } from '@iamsmart-sandbox/openapi/codec'
import {
  type PlatformOperationId,
  platformOperations,
} from '@iamsmart-sandbox/openapi/generated/platform-operations'
import type { components } from '@iamsmart-sandbox/openapi/generated/sandbox'
import type { Clock } from '../../clock'
import type { RegisteredApp } from '../apps'
import type { Keys } from '../security'

/** The operations a server calls: every signed POST of the platform (getQR is the resident's browser navigation). */
export type TryOperation = {
  [K in PlatformOperationId]: (typeof platformOperations)[K]['method'] extends 'post' ? K : never
}[PlatformOperationId]

export const isTryOperation = (id: string): id is TryOperation =>
  id in platformOperations && platformOperations[id as PlatformOperationId].method === 'post'

export const TRY_OPERATIONS: TryOperation[] = Object.keys(platformOperations).filter(isTryOperation)

// The contract's `TryItRequest.operation` enum names exactly these operations (the type check fails otherwise).
type SpecOperation = components['schemas']['TryItRequest']['operation']
const sameOperations: [SpecOperation, TryOperation] extends [TryOperation, SpecOperation] ? true : never =
  true
void sameOperations

export interface HttpRequestRecord {
  method: 'POST'
  url: string
  headers: Record<string, string>
  body: string
}

export interface HttpResponseRecord {
  status: number
  headers: Record<string, string>
  body: string
}

export interface TryExchange {
  operation: TryOperation
  txID: string | null
  code: string | null
  request: HttpRequestRecord
  response: HttpResponseRecord
}

export interface TryResult {
  operation: TryOperation
  clientID: string
  /** Whether the operation itself was sent (false: the getKey before it failed). */
  sent: boolean
  /** The txID, D-code and message of the operation's answer (or of the getKey that failed before it). */
  txID: string | null
  code: string | null
  message: string | null
  /** The request JSON before encryption. */
  plaintext: Record<string, unknown>
  /** The answer's `content`, decrypted for encrypted operations; null when it has none. */
  content: unknown
  /** Where the content key came from: the app's current one, one a getKey of this try issued, or none needed. */
  cek: { source: 'current' | 'getKey' | 'none'; issueAt?: number; expiresAt?: number }
  exchanges: TryExchange[]
}

export interface TryItDeps {
  clock: Clock
  keys: Keys
  /** The sandbox's public base URL: the URL shown for each request. */
  baseUrl: () => string
  /** The platform itself, in-process (createApp's fetch). */
  send: (req: Request) => Promise<Response>
}

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((value, name) => {
    out[name] = value
  })
  return out
}

function parseEnvelope(text: string): {
  txID: string | null
  code: string | null
  message: string | null
  content: unknown
} {
  try {
    const v = JSON.parse(text) as Record<string, unknown>
    if (v && typeof v === 'object' && !Array.isArray(v))
      return {
        txID: typeof v.txID === 'string' ? v.txID : null,
        code: typeof v.code === 'string' ? v.code : null,
        message: typeof v.message === 'string' ? v.message : null,
        content: v.content ?? null,
      }
  } catch {}
  return { txID: null, code: null, message: null, content: null }
}

/** One signed POST of `body` as the app, through the platform in-process. */
async function signedPost(
  d: TryItDeps,
  app: RegisteredApp,
  operation: TryOperation,
  body: string,
): Promise<{ exchange: TryExchange; envelope: ReturnType<typeof parseEnvelope> }> {
  const url = `${d.baseUrl()}/api/v1${platformOperations[operation].path}`
  const signed = await signRequest({
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    body,
    timestamp: d.clock.now(),
  })
  const headers = { ...signed, 'Content-Type': 'application/json' }
  const res = await d.send(new Request(url, { method: 'POST', headers, body }))
  const text = await res.text()
  const envelope = parseEnvelope(text)
  return {
    envelope,
    exchange: {
      operation,
      txID: envelope.txID,
      code: envelope.code,
      request: { method: 'POST', url, headers, body },
      response: { status: res.status, headers: headersOf(res.headers), body: text },
    },
  }
}

/** Calls `operation` as `app` with the decrypted request `plaintext`; the whole transcript, never a throw for a D-code. */
export async function tryOperation(
  d: TryItDeps,
  app: RegisteredApp,
  operation: TryOperation,
  plaintext: Record<string, unknown>,
): Promise<TryResult> {
  const exchanges: TryExchange[] = []
  const result = (
    sent: boolean,
    envelope: ReturnType<typeof parseEnvelope>,
    content: unknown,
    cek: TryResult['cek'],
  ): TryResult => ({
    operation,
    clientID: app.clientID,
    sent,
    txID: envelope.txID,
    code: envelope.code,
    message: envelope.message,
    plaintext,
    content,
    cek,
    exchanges,
  })

  if (!platformOperations[operation].encrypted) {
    const { exchange, envelope } = await signedPost(d, app, operation, JSON.stringify(plaintext))
    exchanges.push(exchange)
    return result(true, envelope, envelope.content, { source: 'none' })
  }

  // The app's current CEK, or (none valid) a getKey as the app and the CEK it issued.
  let source: 'current' | 'getKey' = 'current'
  let key = (await d.keys.candidates(app.clientID))[0]
  if (!key) {
    source = 'getKey'
    const got = await signedPost(d, app, 'getKey', '{}')
    exchanges.push(got.exchange)
    const issueAt = (got.envelope.content as { issueAt?: unknown } | null)?.issueAt
    const fresh = await d.keys.candidates(app.clientID)
    key = got.envelope.code === 'D00000' ? (fresh.find((k) => k.issueAt === issueAt) ?? fresh[0]) : undefined
    if (!key) return result(false, got.envelope, null, { source: 'none' })
  }
  const cek = { source, issueAt: key.issueAt, expiresAt: key.expiresAt }
  const body = JSON.stringify({ content: await encryptJson(key.key, plaintext) })
  const { exchange, envelope } = await signedPost(d, app, operation, body)
  exchanges.push(exchange)
  let content: unknown = envelope.content
  if (typeof content === 'string') {
    try {
      content = await decryptJson(key.key, content)
    } catch {
      // Left as received: the answer was not encrypted with this CEK (it cannot be, short of a bug).
    }
  }
  return result(true, envelope, content, cek)
}
