/**
 * Requests pushed to a resident's virtual app (authByQR false), per (app, resident) per minute: one limiter shared by
 * every task kind (profile, e-ME, step-up, signing, data exchange), each push counted once. Per app, so one
 * provider's pushes (its CI, say) never block another provider's pushes to the same resident (push bombing, checklist #30).
 */
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import { RateLimiter } from '../../protocol/rate-limiter'

/** The default of PUSHES_PER_RESIDENT_PER_MINUTE (config.ts). */
export const PUSHES_PER_MINUTE = 10

export class PushLimiter {
  private readonly windows: RateLimiter
  constructor(
    clock: Clock,
    private readonly perMinute: () => number = () => PUSHES_PER_MINUTE,
    maxPairs = 100_000,
  ) {
    this.windows = new RateLimiter(clock, perMinute, 60_000, maxPairs)
  }

  /** Throws D20026 when this app may not push to this resident now (nothing is counted). */
  check(clientID: string, residentId: string): void {
    const wait = this.windows.peek(keyOf(clientID, residentId))
    if (wait > 0) throw refusal(this.perMinute(), wait)
  }

  /** Counts one push, once the request exists (call it in the same synchronous step as `check`). */
  record(clientID: string, residentId: string): void {
    this.windows.hit(keyOf(clientID, residentId))
  }
}

const keyOf = (clientID: string, residentId: string) => `${clientID}\u0000${residentId}`

function refusal(limit: number, waitS: number): PlatformError {
  return new PlatformError(
    'D20026',
    `more than ${limit} requests pushed to this resident by this app in a minute (PUSHES_PER_RESIDENT_PER_MINUTE); next push possible in ${waitS} s`,
  )
}
