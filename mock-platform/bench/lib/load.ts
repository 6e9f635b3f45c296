/** Runs autocannon with progress lines on stdout and returns its result (req/s from completed requests / seconds). */
import autocannon, { type Options, type Result } from 'autocannon'
import { type CpuUse, CpuMeter } from './cpu-time'

export interface LoadResult {
  rps: number
  p50Ms: number
  p99Ms: number
  requests: number
  durationS: number
  errors: number
  timeouts: number
  non2xx: number
  cpu: CpuUse
  raw: Result
}

export function progress(line: string): void {
  process.stdout.write(`${line}\n`)
}

let suffix: () => string = () => ''
/** Appends e.g. the platform's current RSS to every periodic progress line. */
export function setProgressSuffix(fn: () => string): void {
  suffix = fn
}
export const progressSuffix = (): string => suffix()

/** Seconds between progress lines: every 2 s, every 10 s for runs over a minute. */
export function progressEvery(seconds: number): number {
  return seconds > 60 ? 10 : 2
}

/** `serverPid`: the process whose CPU time is charged to the requests (a child; NaN when in-process). */
export function runAutocannon(label: string, opts: Options, serverPid?: number): Promise<LoadResult> {
  return new Promise((done, fail) => {
    const seconds = opts.duration ?? 10
    progress(`  [${label}] ${opts.connections ?? 10} connections for ${seconds} s …`)
    let elapsed = 0
    let count = 0
    let reported = 0
    const every = progressEvery(seconds)
    const meter = new CpuMeter(serverPid)
    meter.start()
    const instance = autocannon({ timeout: 10, ...opts }, (err, result) => {
      if (err) return fail(err)
      const durationS = result.duration || seconds
      const cpu = meter.stop(result.requests.total)
      done({
        rps: result.requests.total / durationS,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        requests: result.requests.total,
        durationS,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        cpu,
        raw: result,
      })
    })
    instance.on('tick', (t: { counter: number }) => {
      elapsed++
      count += t.counter
      if (elapsed <= seconds && (elapsed % every === 0 || elapsed === Math.ceil(seconds))) {
        const since = elapsed % every || every
        const rate = Math.round((count - reported) / since).toLocaleString('en-US')
        progress(
          `  [${label}] ${elapsed} s / ${seconds} s  ${count.toLocaleString('en-US')} responses (${rate}/s lately)${suffix()}`,
        )
        reported = count
      }
    })
  })
}
