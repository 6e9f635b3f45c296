/** Counts expected and unexpected answers; a benchmark that measures errors is worthless, so > 0.1 % fails the run. */
import type { LoadResult } from '../lib/load'
import { progress } from '../lib/load'

export const MAX_ERROR_SHARE = 0.001

export class ResponseCheck {
  ok = 0
  bad = 0
  sampled = 0
  sampledBad = 0
  readonly examples: string[] = []

  record(ok: boolean, status: number, body: string): void {
    if (ok) this.ok++
    else {
      this.bad++
      if (this.examples.length < 5) this.examples.push(`HTTP ${status} ${body.slice(0, 160)}`)
    }
  }

  sample(ok: boolean, detail: string): void {
    this.sampled++
    if (!ok) {
      this.sampledBad++
      if (this.examples.length < 5) this.examples.push(`sample: ${detail.slice(0, 160)}`)
    }
  }

  get total(): number {
    return this.ok + this.bad
  }
}

/** Prints the verification line; marks the process failed when unexpected answers exceed 0.1 %. */
export function checkedShare(
  label: string,
  check: ResponseCheck,
  load?: Pick<LoadResult, 'errors' | 'timeouts' | 'non2xx'>,
): boolean {
  const transport = load ? load.errors + load.timeouts : 0
  const share = check.total === 0 ? 1 : (check.bad + check.sampledBad + transport) / (check.total + transport)
  const ok = share <= MAX_ERROR_SHARE
  progress(
    `  [${label}] verified ${check.ok.toLocaleString('en-US')} expected answers, ${check.bad} unexpected, ` +
      `${transport} transport errors/timeouts; ${check.sampled} decrypted samples (${check.sampledBad} wrong)`,
  )
  if (!ok) {
    process.exitCode = 1
    progress(
      `  !! [${label}] ${(share * 100).toFixed(2)} % unexpected answers (> 0.1 %): this figure measures errors, not work`,
    )
    for (const e of check.examples) progress(`     ${e}`)
  }
  return ok
}
