/** Signed POST transport over openapi-fetch: one body string, signed and sent as-is, parsed into an envelope. */
import createClient from 'openapi-fetch'
import type { paths } from '../../generated/platform'
import { signRequest } from '../codec'
import { type IamSmartFailure, transportFailure } from './result'

/** The platform's response envelope (reference §2.3). */
export interface Envelope {
  txID: string
  code: string
  message: string
  content: unknown
}

/**
 * The `fetch` the client calls: the global `fetch`, undici's, or a wrapper such as
 * `(input, init) => fetch(input, init)`. The client always passes a `Request` (with its own `signal`).
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>

/** What the `log` hook receives: one `request` and then one `response` or `error` per HTTP exchange. */
export type IamSmartLogEvent =
  | {
      type: 'request'
      method: 'POST'
      url: string
      /** Path under the base URL, e.g. `/auth/getToken`. */
      path: string
      /** The signed headers; `signature` is masked. */
      headers: Record<string, string>
      /** The body as sent, with `content` (ciphertext) summarised. */
      body: string
    }
  | {
      type: 'response'
      method: 'POST'
      url: string
      path: string
      status: number
      durationMs: number
      /** The envelope's code and txID, when the answer was one. */
      code?: string
      txID?: string
      /** The body as received, with `content` and `secretKey` summarised. */
      body: string
    }
  | { type: 'error'; method: 'POST'; url: string; path: string; durationMs: number; message: string }

export type IamSmartLogger = (event: IamSmartLogEvent) => void

/** An envelope (with the HTTP status it came with, 2xx or not) or a transport failure. */
export type SignedPost = (
  path: string,
  body: string,
) => Promise<{ ok: true; envelope: Envelope; status: number } | IamSmartFailure>

type LoosePost = (
  path: string,
  init: {
    body: string
    bodySerializer: (body: string) => string
    headers: Record<string, string>
    parseAs: 'text'
    signal?: AbortSignal
  },
) => Promise<{ data?: string; error?: unknown; response: Response }>

/** Reads an envelope from parsed JSON; `msg` is accepted as a fallback for `message` (reference §2.3). */
export function toEnvelope(value: unknown): Envelope | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  if (typeof v.code !== 'string') return undefined
  const message = typeof v.message === 'string' ? v.message : typeof v.msg === 'string' ? v.msg : ''
  return { txID: typeof v.txID === 'string' ? v.txID : '', code: v.code, message, content: v.content ?? null }
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Members never shown in a log: ciphertext and wrapped keys are summarised, tokens and secrets masked. */
const SUMMARISED = new Set(['content', 'secretKey'])
const MASKED = new Set(['accessToken', 'clientSecret', 'code_verifier', 'password', 'signature'])

/** A body for the log hook: JSON with secrets masked (nested objects too), or a length for anything else. */
export function maskBody(text: string): string {
  const value = parseJson(text)
  if (value === undefined) return text === '' ? '' : `[${text.length} characters, not JSON]`
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object' || depth > 8) return v
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1))
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, x]) => {
        if (SUMMARISED.has(k) && typeof x === 'string') return [k, `[${x.length} characters]`]
        if (MASKED.has(k) && typeof x === 'string') return [k, '***']
        return [k, walk(x, depth + 1)]
      }),
    )
  }
  return JSON.stringify(walk(value, 0))
}

function emit(log: IamSmartLogger | undefined, event: IamSmartLogEvent): void {
  if (!log) return
  try {
    log(event)
  } catch {
    // a failing logger never fails the call
  }
}

/**
 * Creates the signed POST used by every back-channel call. Redirects are refused (a signed request
 * is never replayed to another URL); each exchange is aborted after `timeoutMs` (0: never).
 * Failures come back as `IamSmartFailure` values.
 */
export function createSignedPost(o: {
  baseUrl: string
  clientID: string
  clientSecret: string
  fetch?: FetchLike
  now: () => number
  timeoutMs?: number
  log?: IamSmartLogger
}): SignedPost {
  const http = createClient<paths>({
    baseUrl: o.baseUrl,
    redirect: 'error',
    ...(o.fetch ? { fetch: (request: Request) => o.fetch!(request) } : {}),
  })
  const post = http.POST as unknown as LoosePost
  const timeoutMs = o.timeoutMs ?? 30_000
  return async (path, body) => {
    const headers = await signRequest({
      clientID: o.clientID,
      clientSecret: o.clientSecret,
      body,
      timestamp: o.now(),
    })
    const url = `${o.baseUrl}${path}`
    const started = Date.now()
    emit(o.log, {
      type: 'request',
      method: 'POST',
      url,
      path,
      headers: { ...headers, signature: '***', 'Content-Type': 'application/json' },
      body: maskBody(body),
    })
    let res: Awaited<ReturnType<LoosePost>>
    try {
      res = await post(path, {
        body,
        bodySerializer: (b) => b,
        headers: { ...headers, 'Content-Type': 'application/json' },
        parseAs: 'text',
        ...(timeoutMs > 0 ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      })
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
      const message = timedOut
        ? `request to ${path} timed out after ${timeoutMs} ms`
        : `request to ${path} failed: ${e instanceof Error ? e.message : String(e)}`
      emit(o.log, { type: 'error', method: 'POST', url, path, durationMs: Date.now() - started, message })
      return transportFailure(timedOut ? 'TIMEOUT' : 'NETWORK_ERROR', message)
    }
    const status = res.response.status
    const text = res.response.ok ? res.data : typeof res.error === 'string' ? res.error : undefined
    const raw = text === undefined ? res.error : parseJson(text)
    const envelope = toEnvelope(raw)
    emit(o.log, {
      type: 'response',
      method: 'POST',
      url,
      path,
      status,
      durationMs: Date.now() - started,
      ...(envelope ? { code: envelope.code, txID: envelope.txID } : {}),
      body:
        typeof text === 'string' ? maskBody(text) : raw === undefined ? '' : maskBody(JSON.stringify(raw)),
    })
    if (envelope) return { ok: true, envelope, status }
    return res.response.ok
      ? transportFailure('INVALID_RESPONSE', `${path} answered without an iAM Smart envelope`, status)
      : transportFailure('HTTP_ERROR', `${path} answered HTTP ${status}`, status)
  }
}
