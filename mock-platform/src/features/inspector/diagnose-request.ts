/** Diagnoses of the replay window, codes, tokens, businessIDs, sources and scopes, with the facts the inspector holds. */
import { LIVE_STATE_LIMIT } from '../../store/live-state'
import { SOURCES } from '../login'
import { type DiagnosisContext, describeDuration, diagnosis, iso } from './diagnosis.kit'
import type { Diagnosis, InspectedCall } from './inspector.types'

export { diagnoseRedirect, diagnoseScope } from './diagnose-uri'

const field = (c: InspectedCall | undefined, name: string): unknown =>
  (c?.request as Record<string, unknown> | undefined)?.[name]
const seen = (c: InspectedCall) => `${iso(c.at)} (request ${c.txID}, ${c.operationId})`

export function diagnoseTimestamp(ctx: DiagnosisContext): Diagnosis[] {
  const ts = Number(ctx.record.headers.timestamp)
  const now = ctx.record.evidence?.serverNow ?? ctx.record.at
  const skew = ts - now
  const fix =
    'Send Date.now() (milliseconds since the epoch) and keep the server clock in sync with NTP. The window is ±300 s.'
  const unit = (v: number, name: string, scale: string) =>
    diagnosis(
      'timestamp-units',
      'error',
      `The timestamp looks like ${name} since the epoch, not milliseconds`,
      `timestamp ${ts} read as milliseconds is ${iso(ts)}; ${scale} it is ${iso(v)}, close to the platform time ${iso(now)}.`,
      fix,
    )
  if (ts < 1e11 && Math.abs(ts * 1000 - now) < 86_400_000) return [unit(ts * 1000, 'seconds', 'times 1000')]
  if (ts > 1e14 && Math.abs(ts / 1000 - now) < 86_400_000)
    return [unit(ts / 1000, 'microseconds', 'divided by 1000')]
  return [
    diagnosis(
      'timestamp-window',
      'error',
      `The timestamp is ${describeDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the platform's clock`,
      `timestamp ${ts} (${iso(ts)}) vs platform time ${iso(now)}: off by ${describeDuration(skew)}, outside the ±300 s window. The app's test clock does not move this window.`,
      fix,
    ),
  ]
}

export function diagnoseNonce(ctx: DiagnosisContext): Diagnosis[] {
  const nonce = ctx.record.headers.nonce ?? ''
  const first = ctx.earlier((c) => c.headers.nonce === nonce)
  return [
    diagnosis(
      'nonce-reused',
      'error',
      `The nonce "${nonce}" was already used${first ? ` at ${iso(first.at)}` : ''}`,
      first
        ? `First used at ${seen(first)}. The platform remembers every nonce of an app, across all endpoints, until its timestamp leaves the ±300 s window.`
        : 'It was used by this app within the last 10 minutes (that call is no longer in the inspector tail).',
      'Generate a fresh random nonce for every call, retries included (e.g. 16 random bytes as hex), together with a fresh timestamp.',
    ),
  ]
}

export function diagnoseCode(ctx: DiagnosisContext): Diagnosis[] {
  const detail = ctx.record.detail ?? ''
  const masked = field(ctx.view, 'code')
  const restart = 'Start a new login (getQR) and exchange the new code at once, exactly once.'
  if (detail.startsWith('code already used')) {
    const first = ctx.earlier(
      (c) => c.operationId === 'getToken' && c.code === 'D00000' && field(c, 'code') === masked,
    )
    return [
      diagnosis(
        'code-reused',
        'error',
        `The authorisation code was already used${first ? ` at ${iso(first.at)}` : ''}, and the token it produced is now revoked`,
        `${first ? `It was exchanged at ${seen(first)}. ` : ''}Codes are single use: a second exchange revokes the access token of the first, so that token now answers D20009.`,
        `Exchange each code once; never retry getToken with the same code. ${restart}`,
      ),
    ]
  }
  if (detail.startsWith('code expired at')) {
    const at = detail.slice('code expired at '.length)
    const clock =
      ctx.clockOffsetMs > 0 ? ` The app's test clock is ${describeDuration(ctx.clockOffsetMs)} ahead.` : ''
    return [
      diagnosis(
        'code-expired',
        'error',
        `The authorisation code expired at ${at}`,
        `Codes live 120 s from the redirect.${clock}`,
        restart,
      ),
    ]
  }
  if (detail.includes('another app'))
    return [
      diagnosis(
        'code-other-app',
        'error',
        'The authorisation code was issued to another app',
        'The login that produced it used another clientID.',
        `Exchange the code with the clientID that started the login. ${restart}`,
      ),
    ]
  return [
    diagnosis(
      'code-unknown',
      'error',
      'The authorisation code is unknown',
      'The sandbox never issued it, or it expired more than 5 minutes ago, or it comes from another environment (another sandbox, a restart, the real ITE).',
      restart,
    ),
  ]
}

export function diagnoseToken(ctx: DiagnosisContext): Diagnosis[] {
  const detail = ctx.record.detail ?? ''
  const relogin = 'Log the resident in again (getQR, getToken) and use the new accessToken with its openID.'
  if (detail.startsWith('access token expired at')) {
    const clock =
      ctx.clockOffsetMs > 0 ? ` The app's test clock is ${describeDuration(ctx.clockOffsetMs)} ahead.` : ''
    return [
      diagnosis(
        'token-expired',
        'error',
        `The access token expired at ${detail.slice(24)}`,
        `Access tokens live 600 000 ms (10 minutes) from getToken.${clock}`,
        relogin,
      ),
    ]
  }
  const masked = field(ctx.view, 'accessToken')
  const issued = ctx.earlier(
    (c) =>
      c.operationId === 'getToken' && (c.response as Record<string, unknown> | null)?.accessToken === masked,
  )
  const revoked =
    issued &&
    ctx.earlier(
      (c) =>
        c.at >= issued.at &&
        c.code === 'D40004' &&
        (c.detail ?? '').startsWith('code already used') &&
        field(c, 'code') === field(issued, 'code'),
    )
  if (revoked)
    return [
      diagnosis(
        'token-revoked',
        'error',
        `The access token was revoked at ${iso(revoked.at)}: its code was used a second time`,
        `Issued at ${seen(issued)}; the same code was exchanged again at ${seen(revoked)}, which revokes the token (code replay protection).`,
        relogin,
      ),
    ]
  return [
    diagnosis(
      'token-unknown',
      'error',
      'The access token is unknown',
      issued
        ? `It was issued at ${seen(issued)} and is no longer valid.`
        : 'The sandbox never issued it to this app, or it expired more than 5 minutes ago, or it belongs to another app or environment.',
      relogin,
    ),
  ]
}

export function diagnoseBusinessId(ctx: DiagnosisContext): Diagnosis[] {
  const id = field(ctx.view, 'businessID')
  const first = ctx.earlier((c) => c.code === 'D00000' && field(c, 'businessID') === id)
  return [
    diagnosis(
      'businessid-reused',
      'error',
      `The businessID "${String(id)}" was already used${first ? ` at ${iso(first.at)}` : ''}`,
      `${first ? `First used at ${seen(first)}. ` : ''}A businessID must be unique per app across profile, e-ME and signing requests (remembered for 24 hours).`,
      'Generate a new businessID for every request (1–36 printable ASCII characters, e.g. crypto.randomUUID()) and keep it to match the callback.',
    ),
  ]
}

export function diagnoseSource(ctx: DiagnosisContext): Diagnosis[] {
  const source = String(field(ctx.view, 'source') ?? '')
  const lower = source.toLowerCase().replace(/[-\s]/g, '_')
  const near = SOURCES.filter(
    (s) => s.toLowerCase() === lower || (lower.length >= 3 && s.toLowerCase().startsWith(lower)),
  )
  return [
    diagnosis(
      'source-unsupported',
      'error',
      `The source "${source}" is not supported${near.length > 0 ? `; did you mean ${near.join(' or ')}?` : ''}`,
      `Supported sources (case-sensitive): ${SOURCES.join(', ')}.`,
      'Send the source that describes where the resident is: PC_Browser on a desktop, the mobile browser name (e.g. iOS_Safari), or App_Link/App_Scheme from an app.',
    ),
  ]
}

/** D20026 from one of the per-app limits (design §7): which limit, the numbers the platform gave, what to do. */
export function diagnoseLimit(ctx: DiagnosisContext): Diagnosis[] {
  const detail = ctx.record.detail ?? ''
  const stage = ctx.record.evidence?.stage
  const others = 'Other apps are not affected, and nothing of yours was dropped to make room.'
  if (stage === 'nonce' && detail.startsWith('NONCES_PER_APP'))
    return [
      diagnosis(
        'nonce-limit',
        'error',
        'This app holds as many nonces as it may inside the replay window (NONCES_PER_APP)',
        `${detail}. The platform remembers every nonce of an app until its timestamp leaves the ±300 s window and never forgets one early, so at the bound the app's new signed calls answer HTTP 429 with Retry-After until its oldest nonce leaves the window. ${others}`,
        'Wait the Retry-After seconds, then spread your calls: at most NONCES_PER_APP signed calls per 10 minutes per app. A load test can use several apps; on your own sandbox, raise NONCES_PER_APP.',
      ),
    ]
  if (detail.startsWith(LIVE_STATE_LIMIT))
    return [
      diagnosis(
        'live-state-limit',
        'error',
        'This app holds as many live codes, tokens, requests or businessIDs as it may (LIVE_STATE_PER_APP)',
        `${detail}. Nothing live is dropped to make room: the app's new ones answer HTTP 429 with Retry-After until its oldest expires (codes 120 s, tokens 10 minutes, requests 240 s, businessIDs 24 hours). ${others}`,
        'Wait the Retry-After seconds; exchange codes and finish requests rather than leaving them pending; reuse an access token until it expires instead of logging in for every call. On your own sandbox, raise LIVE_STATE_PER_APP.',
      ),
    ]
  if (stage === 'rate') {
    const org = detail.startsWith('organisation')
    return [
      diagnosis(
        'rate-limit',
        'error',
        org
          ? "Your organisation's apps made more signed calls this minute than it may (ORG_RATE_LIMIT_PER_MINUTE)"
          : 'This app made more signed calls this minute than it may (RATE_LIMIT_PER_MINUTE)',
        `${org ? 'The limit counts the signed calls of all the apps of your organisation together; apps of the sandbox organisation count alone.' : 'The limit counts the signed calls of this app.'} Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.`,
        `Wait the Retry-After seconds and retry with a new nonce and timestamp; keep a steady rate below the limit (retry with back-off). On your own sandbox, raise ${org ? 'ORG_RATE_LIMIT_PER_MINUTE' : 'RATE_LIMIT_PER_MINUTE'}.`,
      ),
    ]
  }
  if (/ pushed to this resident/.test(detail))
    return [
      diagnosis(
        'push-limit',
        'error',
        'This app pushed too many requests to this resident in a minute (PUSHES_PER_RESIDENT_PER_MINUTE)',
        `${detail}. Profile, e-ME, step-up, signing and data-exchange requests pushed to the resident's app (authByQR false) count together, per app: another app's pushes to the same resident do not count.`,
        'Do not re-send a request the resident has not answered yet; wait for its callback or timeout. Tests that push many requests can use several test residents, PC_Browser (QR, not limited) or, on your own sandbox, a higher PUSHES_PER_RESIDENT_PER_MINUTE.',
      ),
    ]
  return []
}
