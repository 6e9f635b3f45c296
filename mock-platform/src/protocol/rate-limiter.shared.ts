/**
 * The hosted rate limit: fixed-window counters in SharedState (PostgreSQL), so a limit is global across instances.
 * Windows are aligned to multiples of their length on the sandbox clock (the embedded engine starts a key's window at
 * its first call): at most `limit` calls a window either way, a burst straddling two windows may reach twice that.
 * No bound on keys held: the counters are rows, removed by SharedState.sweep once their window ended.
 */
import type { Clock } from '../clock'
import type { SharedState } from '../store/shared-state'
import type { Limiter } from './rate-limiter'
import type { Hit } from './replay-guard.shared'

export class SharedRateLimiter implements Limiter {
  constructor(
    private readonly shared: SharedState,
    /** Keeps this limiter's counters apart from the others' (several count the same keys). */
    private readonly name: string,
    private readonly clock: Clock,
    private readonly limit: () => number,
    private readonly windowMs = 60_000,
  ) {}

  async hit(key: string): Promise<number> {
    return this.wait(await this.shared.hit(`${this.name}:${key}`, this.windowMs, this.clock.now()))
  }

  /** This limiter's counter for `key`, to be counted with other state in one step (SharedState.admit). */
  counter(key: string): Hit {
    return { key: `${this.name}:${key}`, windowMs: this.windowMs, limit: this.limit() }
  }

  /** 0 when a window's `count` is within the limit (0: not counted), else the seconds until the window ends. */
  wait(count: number): number {
    if (count <= this.limit()) return 0
    const now = this.clock.now()
    const end = Math.floor(now / this.windowMs) * this.windowMs + this.windowMs
    return Math.max(1, Math.ceil((end - now) / 1000))
  }
}
