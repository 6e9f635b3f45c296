/** Scenario a: the baseline, POST /bare on a bare Hono app, under autocannon. */
import type { BenchConfig } from '../config'
import { type LoadResult, runAutocannon } from '../lib/load'
import { BARE_PATH } from '../servers/bare'
import { checkedShare, ResponseCheck } from './check'

export type BareResult = LoadResult & { check: ResponseCheck }

/** `label` names the run (the baseline is taken before and after the platform scenarios); `warmUp` once per server. */
export async function benchBare(
  port: number,
  pid: number | undefined,
  cfg: BenchConfig,
  label = 'bare',
  warmUp = true,
): Promise<BareResult> {
  const run = (label: string, duration: number, check: ResponseCheck) =>
    runAutocannon(
      label,
      {
        url: `http://127.0.0.1:${port}`,
        connections: cfg.connections,
        duration,
        // The same per-response body check as the signed scenario, so both load generators do comparable work.
        requests: [
          {
            method: 'POST',
            path: BARE_PATH,
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
            onResponse: (status, body) =>
              check.record(status === 200 && body.includes('"code":"D00000"'), status, body),
          },
        ],
      },
      pid,
    )
  if (warmUp && cfg.warmupS > 0) await run(`${label} warm-up`, cfg.warmupS, new ResponseCheck())
  const check = new ResponseCheck()
  const result = await run(label, cfg.durationS, check)
  checkedShare(label, check, result)
  return { ...result, check }
}
