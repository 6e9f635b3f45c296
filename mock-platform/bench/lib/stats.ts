/** Percentiles over recorded samples and number formatting for the report. */

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]!
}

/** A growable list of latencies (ms) that sorts once at the end. */
export class Samples {
  private data = new Float64Array(4096)
  length = 0

  add(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }

  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort()
  }

  summary(): { p50: number; p99: number; max: number } {
    const s = this.sorted()
    return { p50: percentile(s, 50), p99: percentile(s, 99), max: s.length ? s[s.length - 1]! : Number.NaN }
  }
}

export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)
