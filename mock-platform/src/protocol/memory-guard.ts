/**
 * Load shedding by memory: when the V8 heap is above HEAP_LIMIT_PERCENT of its limit, new signed calls are refused
 * (HTTP 429 + D20026, Retry-After 1) instead of the process running out of memory and losing what it holds. The heap
 * is read at most every 100 ms; the reading is injected (server.ts reads node:v8), so tests and MSW hosts have none.
 */
export interface HeapReading {
  used: number
  limit: number
}

export class MemoryGuard {
  private checkedAt = Number.NEGATIVE_INFINITY
  private over = false

  constructor(
    private readonly read: () => HeapReading,
    private readonly percent: () => number,
    private readonly now: () => number,
  ) {}

  /** True while the heap is above the bound (re-read at most every 100 ms). */
  busy(): boolean {
    const t = this.now()
    if (t - this.checkedAt >= 100) {
      this.checkedAt = t
      const { used, limit } = this.read()
      this.over = used > (limit * this.percent()) / 100
    }
    return this.over
  }
}
