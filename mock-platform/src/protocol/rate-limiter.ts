/** Fixed-window rate limits per key (client, organisation, IP, app + resident), read from the injected clock. */
import type { Clock } from '../clock'

/** Windows held at most by default; a new key beyond it waits for the oldest window to end. */
export const RATE_LIMITER_MAX_KEYS = 50_000

/**
 * A rate limit as its callers see it: the embedded engine (RateLimiter, below; synchronous) or the hosted one over
 * SharedState (rate-limiter.shared.ts), whose counts are global across instances.
 */
export interface Limiter {
  /** Counts one call; 0 when allowed, otherwise the seconds to wait. */
  hit(key: string): number | Promise<number>
}

export class RateLimiter implements Limiter {
  /** Insertion order is start order (a key whose window ended is re-inserted), so ended windows leave from the front. */
  private readonly windows = new Map<string, { start: number; count: number }>()
  constructor(
    private readonly clock: Clock,
    private readonly limit: () => number,
    private readonly windowMs = 60_000,
    private readonly maxKeys = RATE_LIMITER_MAX_KEYS,
  ) {}

  /** Counts one call; returns 0 when allowed, otherwise the seconds to wait. */
  hit(key: string): number {
    const now = this.clock.now()
    let w = this.current(key, now)
    if (!w) {
      const full = this.fullFor(now)
      if (full > 0) return full
      w = { start: now, count: 0 }
      this.windows.set(key, w)
    }
    w.count++
    if (w.count <= this.limit()) return 0
    return this.waitFor(w.start, now)
  }

  /** What `hit` would answer, without counting. */
  peek(key: string): number {
    const now = this.clock.now()
    const w = this.current(key, now)
    if (!w) return this.fullFor(now)
    return w.count < this.limit() ? 0 : this.waitFor(w.start, now)
  }

  /** Windows held (ended ones not yet dropped included). */
  get size(): number {
    return this.windows.size
  }

  /** The key's window if it has not ended (an ended one is dropped). */
  private current(key: string, now: number): { start: number; count: number } | undefined {
    const w = this.windows.get(key)
    if (w && now - w.start >= this.windowMs) {
      this.windows.delete(key)
      return undefined
    }
    return w
  }

  /**
   * Drops ended windows from the front (each once: amortised O(1)); when every window held is still running, a new
   * key is refused until the oldest ends. Nobody else's window is ever reset to make room.
   */
  private fullFor(now: number): number {
    for (const [k, w] of this.windows) {
      if (now - w.start < this.windowMs) break
      this.windows.delete(k)
    }
    if (this.windows.size < this.maxKeys) return 0
    const oldest = this.windows.values().next().value!
    return this.waitFor(oldest.start, now)
  }

  private waitFor(start: number, now: number): number {
    return Math.max(1, Math.ceil((start + this.windowMs - now) / 1000))
  }
}
