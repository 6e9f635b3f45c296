/** Fixed-window rate limits per key (client or IP), read from the injected clock. */
import type { Clock } from '../clock'

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()
  constructor(
    private readonly clock: Clock,
    private readonly limit: () => number,
    private readonly windowMs = 60_000,
  ) {}

  /** Returns 0 when allowed, otherwise the seconds to wait. */
  hit(key: string): number {
    const now = this.clock.now()
    let w = this.windows.get(key)
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.windows.clear()
      w = { start: now, count: 0 }
      this.windows.set(key, w)
    }
    w.count++
    if (w.count <= this.limit()) return 0
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000))
  }
}
