/**
 * Scenario g: the soak. Full journeys (getQR → getToken → /profiles) at the highest rate the machine gives for
 * BENCH_SOAK seconds against a platform on disk (lowdb documents, the request log and the consent ledger as segment
 * files, as `npm start` runs it). RSS every 10 s, throughput per window (a minute, or a fifth of a short run), then a
 * graceful stop and a count of the ledger's releases and the request log's calls against what was acknowledged.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchConfig } from '../config'
import { type CpuUse, CpuMeter } from '../lib/cpu-time'
import { HttpClient } from '../lib/http'
import { progress } from '../lib/load'
import { Osp, profilesRequest } from '../lib/osp'
import { startChild } from '../lib/processes'
import { readRss } from '../lib/rss'
import type { PlatformInfo } from '../servers/platform'

export interface SoakResult {
  durationS: number
  windowS: number
  journeys: number
  failures: number
  /** Journeys completed in each window. */
  perWindow: number[]
  /**
   * VmRSS of the platform every 10 s (MB), with the V8 heap's used and total size then, and the array buffers: almost
   * all of them the typed-array tables of live tokens, redeemed codes and nonces (store/expiring-tables.ts).
   */
  rss: Array<{ atS: number; mb: number; heapUsedMb?: number; heapTotalMb?: number; arrayBuffersMb?: number }>
  peakMb: number
  /** Mean RSS over the second window and over the last one. */
  secondWindowMb: number
  lastWindowMb: number
  /** The same without the array buffers (the live protocol state's tables, which fill for as long as a token lives). */
  secondWindowRestMb: number
  lastWindowRestMb: number
  acknowledged: { getQr: number; getToken: number; getProfiles: number }
  recorded: { getQr: number; getToken: number; getProfiles: number; releases: number }
  stopMs: number
  cpu: CpuUse
}

export async function benchSoak(cfg: BenchConfig): Promise<SoakResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iams-soak-'))
  const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const child = await startChild<PlatformInfo>('platform', {
    env: {
      BENCH_KEK_PUBLIC_PEM: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      BENCH_DATA_DIR: dataDir,
    },
  })
  const http = new HttpClient(child.info.port, cfg.connections + 8)
  try {
    const osp = new Osp(http, { ...child.info, privateKey: kek.privateKey })
    await osp.getKey()
    const acknowledged = { getQr: 0, getToken: 0, getProfiles: 0 }
    const seconds = cfg.soakS
    const windowS = Math.min(60, seconds / 5)
    const perWindow: number[] = [0]
    const rss: SoakResult['rss'] = []
    let peakMb = 0
    let failures = 0
    const started = performance.now()
    const meter = new CpuMeter(child.pid)
    meter.start()
    const sampler = setInterval(() => {
      const r = readRss(child.pid)
      if (!r) return
      peakMb = Math.max(peakMb, r.rssMb, r.hwmMb)
      const atS = Math.round((performance.now() - started) / 1000)
      const sample: SoakResult['rss'][number] = { atS, mb: r.rssMb }
      rss.push(sample)
      void child.memory().then((m) => {
        if (m)
          Object.assign(sample, {
            heapUsedMb: m.heapUsed / 1048576,
            heapTotalMb: m.heapTotal / 1048576,
            arrayBuffersMb: m.arrayBuffers / 1048576,
          })
        const done = perWindow.reduce((a, b) => a + b, 0)
        progress(
          `  [soak] ${atS} s / ${seconds} s  ${done.toLocaleString('en-US')} journeys, RSS ${Math.round(r.rssMb)} MB (peak ${Math.round(peakMb)}), heap used ${Math.round(sample.heapUsedMb ?? Number.NaN)} of ${Math.round(sample.heapTotalMb ?? Number.NaN)} MB, live-state tables ${Math.round(sample.arrayBuffersMb ?? Number.NaN)} MB`,
        )
      })
    }, 10_000)
    await driveJourneys(
      cfg.connections,
      { started, seconds, windowS, perWindow },
      (w, i) => fullJourney(osp, `s${w}-${i}`, (step) => acknowledged[step]++),
      () => failures++,
    )
    clearInterval(sampler)
    const durationS = (performance.now() - started) / 1000
    const cpu = meter.stop(acknowledged.getProfiles)
    // A graceful stop drains the request log and the ledger: then every acknowledged call must be on disk.
    http.close()
    const t0 = performance.now()
    await child.stop(30_000)
    const stopMs = performance.now() - t0
    const clientID = child.info.clientID
    const calls = countLines(join(dataDir, 'records', 'requests', clientID), (l) =>
      l.code === 'D00000' ? String(l.operationId) : undefined,
    )
    const releases = countLines(join(dataDir, 'records', 'consents', clientID), (l) =>
      l.type === 'granted' && (l.consent as { kind?: string } | undefined)?.kind === 'getProfiles'
        ? 'release'
        : undefined,
    )
    const mean = (from: number, to: number, rest = false) =>
      windowMean(rss, from, to, (r) => (rest ? r.mb - (r.arrayBuffersMb ?? Number.NaN) : r.mb))
    return {
      durationS,
      windowS,
      journeys: acknowledged.getProfiles,
      failures,
      perWindow,
      rss,
      peakMb,
      secondWindowMb: mean(windowS, 2 * windowS),
      lastWindowMb: mean(seconds - windowS, seconds + 1),
      secondWindowRestMb: mean(windowS, 2 * windowS, true),
      lastWindowRestMb: mean(seconds - windowS, seconds + 1, true),
      acknowledged,
      // The bench's own setup calls (getKey, one getQR/getToken/profiles for the expected answer) are not counted.
      recorded: {
        getQr: calls.get('getQr') ?? 0,
        getToken: calls.get('getToken') ?? 0,
        getProfiles: calls.get('getProfiles') ?? 0,
        releases: releases.get('release') ?? 0,
      },
      stopMs,
      cpu,
    }
  } finally {
    http.close()
    await child.stop(5_000)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export type JourneyStep = 'getQr' | 'getToken' | 'getProfiles'

/**
 * One full journey — getQR (magic-approve) → getToken → /profiles — calling `ack` after each step the platform
 * acknowledged (D00000), with the nonce of the signed ones. Throws at the first step that fails.
 */
export async function fullJourney(
  osp: Osp,
  state: string,
  ack: (step: JourneyStep, nonce?: string) => void,
): Promise<void> {
  const code = await osp.login(state)
  ack('getQr')
  const token = osp.token(code)
  const tokenNonce = osp.lastNonce
  const t = await token
  ack('getToken', tokenNonce)
  const profiles = osp.call('/profiles', profilesRequest(t))
  const profilesNonce = osp.lastNonce
  await profiles
  ack('getProfiles', profilesNonce)
}

/** The soak's clock: when it started, how long it runs, and the journeys completed per window (filled as they end). */
export interface SoakWindows {
  started: number
  seconds: number
  windowS: number
  perWindow: number[]
}

/** `connections` workers running `journey` back to back until the soak's time is up; each success counted in its window. */
export async function driveJourneys(
  connections: number,
  clock: SoakWindows,
  journey: (worker: number, i: number) => Promise<void>,
  onFailure: (e: unknown) => void,
): Promise<void> {
  const end = clock.started + clock.seconds * 1000
  const last = Math.ceil(clock.seconds / clock.windowS) - 1
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < end; i++) {
      try {
        await journey(w, i)
        const win = Math.min(Math.floor((performance.now() - clock.started) / 1000 / clock.windowS), last)
        while (clock.perWindow.length <= win) clock.perWindow.push(0)
        clock.perWindow[win]!++
      } catch (e) {
        onFailure(e)
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)))
}

/** The mean of `value` over the samples taken in (from, to] seconds; NaN when there are none. */
export function windowMean<T extends { atS: number }>(
  samples: T[],
  from: number,
  to: number,
  value: (s: T) => number,
): number {
  const xs = samples.filter((r) => r.atS > from && r.atS <= to).map(value)
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN
}

function countLines(
  dir: string,
  kind: (l: Record<string, unknown>) => string | undefined,
): Map<string, number> {
  const out = new Map<string, number>()
  if (!existsSync(dir)) return out
  for (const f of readdirSync(dir)) {
    const text = readFileSync(join(dir, f), 'utf8')
    for (let i = 0, j = text.indexOf('\n'); j !== -1; i = j + 1, j = text.indexOf('\n', i)) {
      const k = kind(JSON.parse(text.slice(i, j)) as Record<string, unknown>)
      if (k) out.set(k, (out.get(k) ?? 0) + 1)
    }
  }
  return out
}
