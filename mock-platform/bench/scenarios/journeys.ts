/** Scenario c: complete journeys (getQR → approve → getToken → /profiles) with 50 in flight, after one getKey. */
import { isDeepStrictEqual } from 'node:util'
import type { BenchConfig } from '../config'
import { type CpuUse, CpuMeter } from '../lib/cpu-time'
import { progress, progressEvery, progressSuffix } from '../lib/load'
import { type Osp, profilesRequest } from '../lib/osp'
import { Samples } from '../lib/stats'
import { checkedShare, ResponseCheck } from './check'

export interface JourneyResult {
  journeysPerS: number
  journeys: number
  durationS: number
  p50Ms: number
  p99Ms: number
  steps: Record<'getQR' | 'getToken' | 'profiles', { p50Ms: number; p99Ms: number }>
  check: ResponseCheck
  cpu: CpuUse
}

async function loop(
  osp: Osp,
  seconds: number,
  concurrency: number,
  label: string,
  expected: Record<string, unknown>,
  pid?: number,
) {
  const meter = new CpuMeter(pid)
  meter.start()
  const check = new ResponseCheck()
  const total = new Samples()
  const steps = { getQR: new Samples(), getToken: new Samples(), profiles: new Samples() }
  const started = performance.now()
  const end = started + seconds * 1000
  const every = progressEvery(seconds)
  let reported = 0
  const ticker = setInterval(() => {
    const s = Math.round((performance.now() - started) / 1000)
    const rate = Math.round((check.ok - reported) / every).toLocaleString('en-US')
    progress(
      `  [${label}] ${s} s / ${seconds} s  ${check.ok.toLocaleString('en-US')} journeys (${rate}/s lately)${progressSuffix()}`,
    )
    reported = check.ok
  }, every * 1000)
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < end; i++) {
      const t0 = performance.now()
      try {
        const code = await osp.login(`j${w}-${i}`)
        const t1 = performance.now()
        const token = await osp.token(code)
        const t2 = performance.now()
        const content = await osp.call<Record<string, unknown>>('/profiles', profilesRequest(token))
        const t3 = performance.now()
        // Every journey's content is decrypted and compared (the client must read it anyway).
        const ok = isDeepStrictEqual(content, expected)
        check.record(ok, 200, JSON.stringify(content))
        check.sampled++
        if (ok) {
          total.add(t3 - t0)
          steps.getQR.add(t1 - t0)
          steps.getToken.add(t2 - t1)
          steps.profiles.add(t3 - t2)
        }
      } catch (e) {
        check.record(false, 0, e instanceof Error ? e.message : String(e))
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)))
  clearInterval(ticker)
  return { check, total, steps, durationS: (performance.now() - started) / 1000, cpu: meter.stop(check.ok) }
}

export async function benchJourneys(
  osp: Osp,
  pid: number | undefined,
  cfg: BenchConfig,
): Promise<JourneyResult> {
  const token = await osp.token(await osp.login('bench-journey-expected'))
  const expected = await osp.call<Record<string, unknown>>('/profiles', profilesRequest(token))
  progress(`  [journeys] ${cfg.connections} journeys in flight for ${cfg.durationS} s (getKey done once) …`)
  if (cfg.warmupS > 0) await loop(osp, cfg.warmupS, cfg.connections, 'journeys warm-up', expected)
  const r = await loop(osp, cfg.durationS, cfg.connections, 'journeys', expected, pid)
  checkedShare('journeys', r.check)
  const t = r.total.summary()
  const step = (s: Samples) => {
    const x = s.summary()
    return { p50Ms: x.p50, p99Ms: x.p99 }
  }
  return {
    journeysPerS: r.check.ok / r.durationS,
    journeys: r.check.ok,
    durationS: r.durationS,
    p50Ms: t.p50,
    p99Ms: t.p99,
    steps: { getQR: step(r.steps.getQR), getToken: step(r.steps.getToken), profiles: step(r.steps.profiles) },
    check: r.check,
    cpu: r.cpu,
  }
}
