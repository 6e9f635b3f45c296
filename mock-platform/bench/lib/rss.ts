/** Resident set size of a process from /proc/<pid>/status (VmRSS now, VmHWM = the kernel's peak), sampled on a timer. */
import { readFileSync } from 'node:fs'

export interface RssReading {
  rssMb: number
  hwmMb: number
}

export function readRss(pid: number): RssReading | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN)
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

/** Samples VmRSS every `everyMs` and keeps the peak; `mark(label)` records a named reading. */
export class RssSampler {
  peakMb = 0
  readonly marks: Record<string, number> = {}
  private timer: NodeJS.Timeout | undefined

  constructor(
    readonly pid: number,
    private readonly everyMs = 100,
  ) {}

  start(): void {
    this.sample()
    this.timer = setInterval(() => this.sample(), this.everyMs)
    this.timer.unref()
  }

  sample(): RssReading | undefined {
    const r = readRss(this.pid)
    if (r) this.peakMb = Math.max(this.peakMb, r.rssMb, Number.isFinite(r.hwmMb) ? r.hwmMb : 0)
    return r
  }

  mark(label: string): number {
    const r = this.sample()
    this.marks[label] = r?.rssMb ?? Number.NaN
    return this.marks[label]!
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.sample()
  }
}
