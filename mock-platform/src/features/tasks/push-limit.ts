/**
 * Requests pushed to a resident's virtual app (authByQR false), per (app, resident) per minute: one limiter shared by
 * every task kind (profile, e-ME, step-up, signing, data exchange), each push counted once. Per app, so one
 * provider's pushes (its CI, say) never block another provider's pushes to the same resident (push bombing, checklist #30).
 * `PushLimiter` counts in this process; `SharedPushLimiter` in SharedState (hosted mode), global across instances.
 */
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import { RateLimiter } from '../../protocol/rate-limiter'
import type { SharedState } from '../../store/shared-state'

/** The default of PUSHES_PER_RESIDENT_PER_MINUTE (config.ts). */
export const PUSHES_PER_MINUTE = 10

/** Synchronous in this process; promises when counted in the shared state. */
export interface PushLimit {
  /** Throws (or rejects with) D20026 when this app may not push to this resident now; counts nothing. */
  check(clientID: string, residentId: string): void | Promise<void>
  /** Counts one push, once the request exists. */
  record(clientID: string, residentId: string): void | Promise<void>
}

export class PushLimiter implements PushLimit {
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

const WINDOW_MS = 60_000

/**
 * Hosted: fixed one-minute windows in SharedState (aligned to the minute, as SharedRateLimiter's). The check reads
 * the count and the record adds to it; between them other instances may count too, so concurrent pushes to one
 * resident may pass the limit by the number of instances racing (the embedded check and count are one step).
 */
export class SharedPushLimiter implements PushLimit {
  constructor(
    private readonly shared: SharedState,
    private readonly clock: Clock,
    private readonly perMinute: () => number = () => PUSHES_PER_MINUTE,
  ) {}

  async check(clientID: string, residentId: string): Promise<void> {
    const now = this.clock.now()
    const limit = this.perMinute()
    if ((await this.shared.count(sharedKey(clientID, residentId), WINDOW_MS, now)) < limit) return
    const end = Math.floor(now / WINDOW_MS) * WINDOW_MS + WINDOW_MS
    throw refusal(limit, Math.max(1, Math.ceil((end - now) / 1000)))
  }

  async record(clientID: string, residentId: string): Promise<void> {
    await this.shared.hit(sharedKey(clientID, residentId), WINDOW_MS, this.clock.now())
  }
}

const sharedKey = (clientID: string, residentId: string) => `push:${keyOf(clientID, residentId)}`
const keyOf = (clientID: string, residentId: string) => `${clientID}\u0000${residentId}`

function refusal(limit: number, waitS: number): PlatformError {
  return new PlatformError(
    'D20026',
    `more than ${limit} requests pushed to this resident by this app in a minute (PUSHES_PER_RESIDENT_PER_MINUTE); next push possible in ${waitS} s`,
  )
}
