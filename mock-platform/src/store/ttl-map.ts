/** Short-lived state (nonces, codes, tickets, CEKs) in memory with TTLs read from the injected clock; bounded. */
import type { Clock } from '../clock'

export class TtlMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>()
  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 100_000,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    if (e.expiresAt <= this.clock.now()) {
      this.entries.delete(key)
      return undefined
    }
    return e.value
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  set(key: string, value: V, ttlMs: number): void {
    // Bounded work per call: drop a few expired entries from the oldest end (a Map keeps insertion order),
    // and at capacity evict the oldest entry instead of sweeping the whole map.
    const now = this.clock.now()
    let steps = 0
    for (const [k, e] of this.entries) {
      if (steps++ >= 4 || e.expiresAt > now) break
      this.entries.delete(k)
    }
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    this.entries.delete(key)
    this.entries.set(key, { value, expiresAt: now + ttlMs })
  }

  /** Atomically reads and removes (single use). */
  take(key: string): V | undefined {
    const v = this.get(key)
    if (v !== undefined) this.entries.delete(key)
    return v
  }

  delete(key: string): boolean {
    return this.entries.delete(key)
  }

  values(): V[] {
    const now = this.clock.now()
    return [...this.entries.values()].filter((e) => e.expiresAt > now).map((e) => e.value)
  }

  get size(): number {
    return this.entries.size
  }

  sweep(): void {
    const now = this.clock.now()
    for (const [k, e] of this.entries) if (e.expiresAt <= now) this.entries.delete(k)
  }
}
