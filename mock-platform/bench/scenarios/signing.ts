/** Scenario f: anonymous hash signings per second (initiate → getQR hand-over → approve → getToken → getResult). */
import { createHash, randomBytes, verify, X509Certificate } from 'node:crypto'
import type { BenchConfig } from '../config'
import { type CpuUse, CpuMeter } from '../lib/cpu-time'
import { progress } from '../lib/load'
import type { Osp } from '../lib/osp'
import { Samples } from '../lib/stats'
import { BENCH_RETURN_URI } from '../servers/platform'
import { checkedShare, ResponseCheck } from './check'

export interface SigningResult {
  signingsPerS: number
  signings: number
  durationS: number
  p99Ms: number
  check: ResponseCheck
  cpu: CpuUse
}

/** One signing, verified like a provider would: the signature over the document with the returned certificate. */
async function signOnce(osp: Osp, id: string): Promise<boolean> {
  const document = randomBytes(64)
  const hashCode = createHash('sha256').update(document).digest('hex')
  const init = await osp.call<{ ticketID: string }>('/anonymous/signing/initiateRequest', {
    businessID: id,
    source: 'PC_Browser',
    redirectURI: BENCH_RETURN_URI,
    state: id,
    hashCode,
    documentName: 'Bench document',
    department: 'Bench department',
    serviceName: 'Bench service',
  })
  const token = await osp.token(await osp.login(id, init.ticketID))
  const r = await osp.call<{ hashCode: string; signature: string; cert: string }>(
    '/anonymous/signing/getResult',
    token,
  )
  const cert = new X509Certificate(Buffer.from(r.cert, 'base64'))
  return (
    r.hashCode === hashCode && verify('sha256', document, cert.publicKey, Buffer.from(r.signature, 'base64'))
  )
}

export async function benchSigning(
  osp: Osp,
  pid: number | undefined,
  cfg: BenchConfig,
): Promise<SigningResult> {
  const run = async (seconds: number, label: string, meterPid?: number) => {
    const meter = new CpuMeter(meterPid)
    meter.start()
    const check = new ResponseCheck()
    const latency = new Samples()
    const started = performance.now()
    const end = started + seconds * 1000
    const worker = async (w: number) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now()
        try {
          const ok = await signOnce(osp, `${label}-${w}-${i}`.slice(0, 36))
          check.record(ok, 200, ok ? '' : 'signature did not verify')
          check.sampled++
          if (ok) latency.add(performance.now() - t0)
        } catch (e) {
          check.record(false, 0, e instanceof Error ? e.message : String(e))
        }
      }
    }
    await Promise.all(Array.from({ length: cfg.connections }, (_, w) => worker(w)))
    return { check, latency, durationS: (performance.now() - started) / 1000, cpu: meter.stop(check.ok) }
  }
  progress(`  [signing] ${cfg.connections} signings in flight for ${cfg.durationS} s …`)
  if (cfg.warmupS > 0) await run(cfg.warmupS, 'sw')
  const r = await run(cfg.durationS, 'sg', pid)
  checkedShare('signing', r.check)
  return {
    signingsPerS: r.check.ok / r.durationS,
    signings: r.check.ok,
    durationS: r.durationS,
    p99Ms: r.latency.summary().p99,
    check: r.check,
    cpu: r.cpu,
  }
}
