/** The back-channel pipeline: five headers, timestamp window, HMAC over the raw body, nonce replay, CEK + AES-GCM, envelope. */
import {
  CodecError,
  decryptJson,
  encryptJson,
  SIGNATURE_METHOD,
  stringToSign,
  verifySignature,
} from '@iamsmart-sandbox/openapi/codec'
import type { Context } from 'hono'
import type { Clock } from '../clock'
import type { DCode } from '../errors'
import { PlatformError } from '../errors'
import type { RegisteredApp } from '../features/apps/app.types'
import { acceptsPlainContent, profileOf } from '../features/apps/compatibility'
import { SANDBOX_ORG_ID } from '../features/orgs/org.types'
import { type CallEvidence, type CallStage, evidenceOf } from '../features/inspector/evidence'
import type { ForcedOutcome } from '../features/scenarios/scenarios.service'
import type { AppsService } from '../features/apps/apps.service'
import type { KeysService } from '../features/security/keys.service'
import { MAX_JSON_DEPTH, nestedTooDeep } from '../http/json-depth'
import { newId } from '../ids'
import { LogFullError } from '../store/record-log'
import type { Logger } from '../logger'
import { envelope, sendEnvelope } from './envelope'
import type { MemoryGuard } from './memory-guard'
import type { RateLimiter } from './rate-limiter'
import type { ReplayGuard } from './replay-guard'

export interface PlatformCall<Req = Record<string, unknown>> {
  app: RegisteredApp
  request: Req
  txID: string
}

/** What the request inspector sees of every call (the self-service issue renders it). */
export interface CallRecord {
  txID: string
  operationId: string
  clientID: string | undefined
  at: number
  durationMs: number
  code: DCode
  status: number
  headers: Record<string, string>
  stringToSign?: string
  request?: unknown
  response?: unknown
  detail?: string
  /** How the signature header was encoded: raw Base64 passes in lenient mode, with an inspector warning. */
  signatureEncoding?: 'url' | 'raw'
  /** Set when a scenario forced this call's D-code or delay. */
  forced?: ForcedOutcome
  /** Failures only: what the request inspector needs to explain the fault. Never sent, never stored. */
  evidence?: CallEvidence
}

export interface SignedRouteDeps {
  clock: Clock
  apps: AppsService
  keys: KeysService
  replay: ReplayGuard
  limiter: RateLimiter
  /** Load shedding: new signed calls are refused while the heap is above HEAP_LIMIT_PERCENT of its limit. */
  memory?: MemoryGuard
  /** Signed calls per organisation (ORG_RATE_LIMIT_PER_MINUTE); apps of no organisation count on their own. */
  orgLimiter?: RateLimiter
  // The app's test clock is not used for the timestamp window: the OSP signs with its real clock (scenarios/app-clock.ts).
  /** Records the call; a returned promise means the request log is behind: the answer waits for room (backpressure). */
  observe?: (record: CallRecord) => Promise<void> | undefined | void
  /** Scenarios: a forced D-code or delay for this app's call of this operation (consumes one use). */
  forced?: (clientID: string, operationId: string) => ForcedOutcome | undefined
  /** Security events (bad signatures, replays, reused codes, rate limits) are logged here, redacted. */
  logger?: Logger
}

/** Codes worth a security log line (checklist #47). */
const SECURITY_CODES: ReadonlySet<string> = new Set([
  'D20004',
  'D20005',
  'D20006',
  'D20026',
  'D30004',
  'D40004',
])

/** The organisation whose rate limit a call counts against: apps of the sandbox organisation (admin-created, demo) or of none count alone. */
function orgKey(app: RegisteredApp): string {
  return app.orgId && app.orgId !== SANDBOX_ORG_ID ? `org:${app.orgId}` : `app:${app.clientID}`
}

const HEADER_NAMES = ['clientID', 'signatureMethod', 'timestamp', 'nonce', 'signature'] as const

export type Handler<Req> = (call: PlatformCall<Req>, c: Context) => Promise<unknown> | unknown

/** Wraps a platform operation in the protocol. `encrypted` ops take `{"content": ...}` and answer encrypted content. */
export function signedRoute<Req = Record<string, unknown>>(
  deps: SignedRouteDeps,
  operationId: string,
  encrypted: boolean,
  handler: Handler<Req>,
) {
  return async (c: Context): Promise<Response> => {
    const started = performance.now()
    const txID = newId()
    const record: CallRecord = {
      txID,
      operationId,
      clientID: undefined,
      at: deps.clock.now(),
      durationMs: 0,
      code: 'D00000',
      status: 200,
      headers: {},
    }
    let cek: Uint8Array | undefined
    let response: Response
    let stage: CallStage = 'headers'
    let raw = ''
    let verdict: Awaited<ReturnType<typeof verifySignature>> | undefined
    try {
      raw = await c.req.text()
      const contentType = c.req.header('content-type') ?? ''
      if (raw.length > 0 && !/^application\/json\s*(;|$)/i.test(contentType)) {
        throw new PlatformError('D20003', `Content-Type must be application/json, got "${contentType}"`, 415)
      }
      const h = Object.fromEntries(HEADER_NAMES.map((n) => [n, c.req.header(n)])) as Record<
        (typeof HEADER_NAMES)[number],
        string | undefined
      >
      record.headers = Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >
      record.clientID = h.clientID
      const missing = HEADER_NAMES.filter((n) => !h[n])
      if (missing.length > 0) throw new PlatformError('D20002', `missing header(s): ${missing.join(', ')}`)
      const clientID = h.clientID!
      if (h.signatureMethod !== SIGNATURE_METHOD) {
        throw new PlatformError(
          'D20005',
          `signatureMethod must be ${SIGNATURE_METHOD}, got "${h.signatureMethod}"`,
        )
      }
      if (!/^\d{1,15}$/.test(h.timestamp!))
        throw new PlatformError('D20003', 'timestamp must be milliseconds since epoch')
      const app = deps.apps.get(clientID)
      const parts = {
        clientID,
        signatureMethod: h.signatureMethod,
        timestamp: h.timestamp!,
        nonce: h.nonce!,
        body: raw,
      }
      record.stringToSign = stringToSign(parts)
      // Unknown client and bad signature answer alike (no client enumeration).
      if (!app) throw new PlatformError('D20006', 'unknown clientID')
      stage = 'signature'
      // The current secret, then the former one while a rotation's overlap lasts.
      const [current, ...former] = deps.apps.secretsOf(app)
      let checked = await verifySignature({ secret: current!, parts, signatureHeader: h.signature! })
      for (const secret of former) {
        if (checked.valid) break
        checked = await verifySignature({ secret, parts, signatureHeader: h.signature! })
      }
      verdict = checked
      if (!verdict.valid) throw new PlatformError('D20006', 'signature does not match the string to sign')
      record.signatureEncoding = verdict.wasUrlEncoded ? 'url' : 'raw'
      if (!verdict.wasUrlEncoded && app.strict) {
        throw new PlatformError('D20006', 'strict mode: the signature header must be URL-encoded Base64')
      }
      stage = 'memory'
      if (deps.memory?.busy())
        throw new PlatformError(
          'D20026',
          'the sandbox is at its memory bound (HEAP_LIMIT_PERCENT): retry in a moment',
          429,
          { 'Retry-After': '1' },
        )
      stage = 'rate'
      const wait = deps.limiter.hit(`client:${clientID}`)
      if (wait > 0)
        throw new PlatformError('D20026', 'rate limit exceeded', 429, { 'Retry-After': String(wait) })
      const orgWait = deps.orgLimiter?.hit(orgKey(app)) ?? 0
      if (orgWait > 0)
        throw new PlatformError(
          'D20026',
          'organisation rate limit exceeded (ORG_RATE_LIMIT_PER_MINUTE, shared by all the apps of the organisation)',
          429,
          { 'Retry-After': String(orgWait) },
        )
      stage = 'timestamp'
      const skew = Number(h.timestamp) - deps.clock.now()
      if (!deps.replay.withinWindow(skew)) {
        throw new PlatformError(
          'D20004',
          `timestamp is ${Math.round(skew / 60_000)} minute(s) off server time`,
        )
      }
      stage = 'nonce'
      const nonce = deps.replay.remember(clientID, h.nonce!, Number(h.timestamp))
      if (!nonce.ok && nonce.reason === 'replay') throw new PlatformError('D20004', 'nonce already used')
      if (!nonce.ok)
        throw new PlatformError(
          'D20026',
          `NONCES_PER_APP reached: this app holds ${nonce.limit} nonces inside the replay window; the oldest leaves it in ${nonce.retryAfterS} s`,
          429,
          { 'Retry-After': String(nonce.retryAfterS) },
        )
      stage = 'decrypt'

      let request: unknown = {}
      // The sample library's unencrypted mode (compatibility profile `unencrypted`): a plain JSON request, answered plain.
      let plain = false
      if (encrypted) {
        const body = parseJson(raw)
        if (!body || typeof body !== 'object' || Array.isArray(body))
          throw new PlatformError('D20003', 'body must be {"content": "..."}')
        const content = (body as Record<string, unknown>).content
        if (typeof content !== 'string' && acceptsPlainContent(profileOf(app))) {
          plain = true
          request = body
        } else if (content === undefined || content === null || content === '') {
          throw new PlatformError(
            'D20002',
            Object.keys(body).some((k) => k !== 'content')
              ? 'content is missing: the body is plain JSON, not {"content": "<encrypted request>"}'
              : 'content is missing',
          )
        }
        if (!plain && typeof content !== 'string')
          throw new PlatformError('D20003', 'content must be a Base64 string')
        const candidates = plain ? [] : deps.keys.candidates(clientID)
        if (!plain && candidates.length === 0)
          throw new PlatformError('D30002', 'no valid CEK: call security/getKey')
        for (const k of candidates) {
          try {
            request = await decryptJson(k.key, content as string)
            cek = k.key
            break
          } catch {}
        }
        if (!plain && !cek) {
          // A CEK that expired or was rotated out is "not exist or expired" (D30002), as the sample's retry expects.
          for (const k of deps.keys.stale(clientID)) {
            if (await opens(k.key, content as string))
              throw new PlatformError(
                'D30002',
                'content was encrypted with a CEK that expired or no longer exists',
              )
          }
          throw new PlatformError('D30004', 'content does not decrypt with the current or previous CEK')
        }
        if (!request || typeof request !== 'object' || Array.isArray(request)) {
          throw new PlatformError('D20003', 'decrypted content must be a JSON object')
        }
        if (nestedTooDeep(request))
          throw new PlatformError('D20003', `decrypted content nests deeper than ${MAX_JSON_DEPTH} levels`)
      } else if (raw.length > 0 && raw.trim() !== '{}') {
        const body = parseJson(raw)
        if (!body || typeof body !== 'object' || Array.isArray(body))
          throw new PlatformError('D20003', 'body must be a JSON object')
        // getKey and revokeKey take no parameters (the sample posts {}, others an empty body).
        if (Object.keys(body).length > 0)
          throw new PlatformError(
            'D20001',
            `${operationId} takes no parameters: send {} or an empty body (got ${Object.keys(body).slice(0, 5).join(', ')})`,
          )
      }
      record.request = request
      stage = 'handler'
      const forced = deps.forced?.(clientID, operationId)
      if (forced) {
        record.forced = forced
        if (forced.delayMs) await new Promise((r) => setTimeout(r, forced.delayMs))
        if (forced.dcode) throw new PlatformError(forced.dcode, `forced by scenario ${forced.scenarioId}`)
      }
      const result = await handler({ app, request: request as Req, txID }, c)
      record.response = result ?? null
      const content =
        encrypted && !plain && result !== undefined && result !== null
          ? await encryptJson(cek!, result)
          : (result ?? null)
      response = sendEnvelope(c, envelope(txID, 'D00000', content))
    } catch (e) {
      const err = toPlatformError(e)
      record.code = err.code
      record.status = err.status
      record.detail = err.detail
      record.evidence = evidenceOf(
        deps.keys,
        deps.clock,
        stage,
        raw,
        c.req.header('content-length'),
        verdict,
        record,
      )
      response = sendEnvelope(c, envelope(txID, err.code, null), err.status, err.headers)
      if (err.code === 'D20000')
        deps.logger?.error('unexpected error', { txID, operationId, error: err.detail })
      if (SECURITY_CODES.has(err.code)) {
        deps.logger?.warn('security event', {
          txID,
          operationId,
          clientID: record.clientID,
          dcode: err.code,
          detail: err.detail,
        })
      }
    }
    record.durationMs = performance.now() - started
    const behind = deps.observe?.(record)
    if (behind) await behind
    return response
  }
}

async function opens(key: Uint8Array, content: string): Promise<boolean> {
  try {
    await decryptJson(key, content)
    return true
  } catch {
    return false
  }
}

function parseJson(raw: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new PlatformError('D20003', 'body is not valid JSON')
  }
  if (nestedTooDeep(value))
    throw new PlatformError('D20003', `body nests deeper than ${MAX_JSON_DEPTH} levels`)
  return value
}

export function toPlatformError(e: unknown): PlatformError {
  if (e instanceof PlatformError) return e
  if (e instanceof CodecError) return new PlatformError(e.code, e.message)
  // The request log or the consent ledger is behind by its whole queue: refuse, the caller retries (nothing lost).
  if (e instanceof LogFullError) return new PlatformError('D20026', e.message, 429, { 'Retry-After': '1' })
  return new PlatformError('D20000', e instanceof Error ? e.message : String(e), 500)
}
