/** Scenarios b and b0: a signed + encrypted /profiles call, and the floor under it, fed from a pool of pre-signed requests (one nonce each). */
import { isDeepStrictEqual } from 'node:util'
import type { BenchConfig } from '../config'
import { type LoadResult, progress, runAutocannon } from '../lib/load'
import { type Osp, profilesRequest, type SignedRequest } from '../lib/osp'
import { FLOOR_PATH, type FloorSetup } from '../servers/bare'
import { checkedShare, ResponseCheck } from './check'

const PATH = '/api/v1/profiles'
/** Pre-signed requests older than this are re-signed on the spot (the server's window is ±300 s). */
const MAX_AGE_MS = 240_000
const POOL_CAP = 250_000
const SAMPLE_EVERY = 500

export interface SignedResult extends LoadResult {
  check: ResponseCheck
  presigned: number
  signedLive: number
}

/** Where the calls go: the platform's /profiles, or the floor (bench/servers/bare.ts) set up to do the same work. */
export interface SignedTarget {
  port: number
  pid: number | undefined
  label: 'signed' | 'floor'
}

/**
 * Fresh token right before the run (tokens live 600 s), the expected content, a calibrating warm-up, the pool, the
 * load. The floor gets the same requests (same secret, CEK and body sizes) and answers the same content.
 */
export async function benchSigned(
  target: SignedTarget,
  osp: Osp,
  cfg: BenchConfig,
  bareRps: number,
): Promise<SignedResult> {
  const { port, pid, label } = target
  const token = await osp.token(await osp.login(`bench-${label}`))
  const request = profilesRequest(token)
  const expected = await osp.call<Record<string, unknown>>('/profiles', request)
  if (!expected.enName || !expected.gender || !expected.emailAddress) {
    throw new Error(`/profiles released an unexpected content: ${JSON.stringify(Object.keys(expected))}`)
  }
  const path = label === 'floor' ? FLOOR_PATH : PATH
  if (label === 'floor') await setUpFloor(port, osp, expected)

  // Requests come from `pool` while it lasts, then are signed on the spot (counted: that costs generator CPU).
  let pool: Array<SignedRequest | undefined> = []
  let cursor = 0
  let signedLive = 0
  const next = (): SignedRequest => {
    const s = pool[cursor]
    pool[cursor++] = undefined
    if (s && Date.now() - s.timestamp < MAX_AGE_MS) return s
    signedLive++
    return osp.signEncrypted(request)
  }
  /** Pre-signs `size` requests (fresh timestamps and nonces) right before a measured run. */
  const fill = (size: number) => {
    const t0 = performance.now()
    pool = new Array(size)
    cursor = 0
    for (let i = 0; i < size; i++) pool[i] = osp.signEncrypted(request)
    progress(
      `  [${label}] pre-signed ${size.toLocaleString('en-US')} requests in ${Math.round(performance.now() - t0)} ms`,
    )
  }

  const run = (label: string, duration: number, check: ResponseCheck) =>
    runAutocannon(
      label,
      {
        url: `http://127.0.0.1:${port}`,
        connections: cfg.connections,
        duration,
        requests: [
          {
            method: 'POST',
            path,
            setupRequest: (req) => {
              const s = next()
              req.headers = s.headers
              req.body = s.body
              return req
            },
            onResponse: (status, body) => {
              const ok = status === 200 && body.includes('"code":"D00000"')
              check.record(ok, status, body)
              if (ok && check.ok % SAMPLE_EVERY === 1) {
                try {
                  const env = JSON.parse(body) as { content: string }
                  const content = osp.decrypt<Record<string, unknown>>(env.content)
                  check.sample(isDeepStrictEqual(content, expected), JSON.stringify(content))
                } catch (e) {
                  check.sample(false, String(e))
                }
              }
            },
          },
        ],
      },
      pid,
    )
  // The warm-up signs live and calibrates the pool: three times its rate for the run (at most the bare route's rate).
  let estimate = bareRps
  if (cfg.warmupS > 0)
    estimate = Math.min(bareRps, 3 * (await run(`${label} warm-up`, cfg.warmupS, new ResponseCheck())).rps)
  fill(Math.min(POOL_CAP, Math.ceil(Math.max(estimate, 1000) * cfg.durationS) + cfg.connections * 4))
  const check = new ResponseCheck()
  const liveBefore = signedLive
  const result = await run(label, cfg.durationS, check)
  checkedShare(label, check, result)
  const live = signedLive - liveBefore
  if (live > 0)
    progress(
      `  [${label}] pool ran out: ${live} requests were signed during the run (costs load-generator CPU)`,
    )
  return { ...result, check, presigned: result.requests - live, signedLive: live }
}

async function setUpFloor(port: number, osp: Osp, answer: unknown): Promise<void> {
  const setup: FloorSetup = {
    clientSecret: osp.creds.clientSecret,
    cekBase64: osp.cek!.toString('base64'),
    answer,
  }
  const res = await fetch(`http://127.0.0.1:${port}${FLOOR_PATH}/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(setup),
  })
  if (res.status !== 204) throw new Error(`floor setup answered ${res.status}`)
}
