/** The documented answer when an app reaches its bound of live short-lived state (LIVE_STATE_PER_APP). */
import { PlatformError } from '../errors'
import type { Admission } from './tenant-ttl-map'

/** Detail prefix the request inspector recognises (diagnose-request.ts). */
export const LIVE_STATE_LIMIT = 'LIVE_STATE_PER_APP reached'

/** D20026 with HTTP 429 and Retry-After: the seconds until this app's oldest entry of that kind expires. */
export function liveStateRefusal(what: string, refused: Extract<Admission, { ok: false }>): PlatformError {
  const wait = Math.max(1, Math.ceil(refused.retryAfterMs / 1000))
  return new PlatformError(
    'D20026',
    `${LIVE_STATE_LIMIT}: this app holds ${refused.limit} live ${what}; the oldest expires in ${wait} s`,
    429,
    { 'Retry-After': String(wait) },
  )
}
