/**
 * Scenario h (issue 19): MockPass's full Singpass v2 flow, for comparison with the sandbox's journeys (c).
 * MockPass (@opengovsg/mockpass, the Singpass/Corppass mock) is installed into a scratch directory outside the
 * workspace (reused when present), started as a child process bound to 127.0.0.1, and driven as a relying party
 * would: authorize (302 with a code, no login page) → token (private_key_jwt client assertion, ES512) → the ID token
 * decrypted (ECDH-ES+A256KW / A256CBC-HS512) and verified (ES256) with the jose that MockPass itself brings.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchConfig } from '../config'
import { type CpuUse, CpuMeter } from '../lib/cpu-time'
import { HttpClient } from '../lib/http'
import { progress, progressEvery } from '../lib/load'
import { stopPid } from '../lib/processes'
import { Samples } from '../lib/stats'
import type { Row } from '../report'
import { checkedShare, ResponseCheck } from './check'

export const MOCKPASS_VERSION = '4.3.4'
const PACKAGE = '@opengovsg/mockpass'
/** The first Singpass profile of MockPass's lib/assertions.js, chosen with MOCKPASS_NRIC. */
const NRIC = 'S8979373D'
const EXPECTED_SUB = `s=${NRIC},u=a9865837-7bd7-46ac-bef4-42a76a946424`
const CLIENT_ID = 'iams-bench-rp'
const REDIRECT_URI = 'http://127.0.0.1/callback'

export interface MockPassResult {
  version: string
  dir: string
  flowsPerS: number
  flows: number
  durationS: number
  p50Ms: number
  p99Ms: number
  steps: Record<'authorize' | 'token' | 'idToken', { p50Ms: number; p99Ms: number }>
  check: ResponseCheck
  cpu: CpuUse
}

/** Either the figures, or why the scenario did not run (installation or start-up failed): never a failed bench. */
export type MockPassOutcome = { ok: true; result: MockPassResult } | { ok: false; reason: string }

type Jwk = Record<string, string>
type Key = unknown
/** The part of jose (v5, MockPass's own dependency) used here; the workspace does not depend on jose. */
interface Jose {
  importJWK(jwk: Jwk, alg: string): Promise<Key>
  createLocalJWKSet(jwks: { keys: Jwk[] }): Key
  compactDecrypt(jwe: string, key: Key): Promise<{ plaintext: Uint8Array }>
  jwtVerify(
    jwt: string,
    key: Key,
    options: { issuer: string; audience: string; algorithms: string[] },
  ): Promise<{ payload: Record<string, unknown> }>
  SignJWT: new (payload: Record<string, unknown>) => SignJwt
}
interface SignJwt {
  setProtectedHeader(h: Record<string, string>): this
  setIssuer(v: string): this
  setSubject(v: string): this
  setAudience(v: string): this
  setJti(v: string): this
  setIssuedAt(): this
  setExpirationTime(v: string): this
  sign(key: Key): Promise<string>
}

/** The scratch directory (BENCH_MOCKPASS_DIR, default <tmpdir>/iams-bench-mockpass-<version>). */
export function mockPassDir(): string {
  return process.env.BENCH_MOCKPASS_DIR || join(tmpdir(), `iams-bench-mockpass-${MOCKPASS_VERSION}`)
}

const packageDir = (dir: string) => join(dir, 'node_modules', ...PACKAGE.split('/'))

function installedVersion(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(packageDir(dir), 'package.json'), 'utf8')) as { version?: string })
      .version
  } catch {
    return undefined
  }
}

/** npm's own settings pass through; the workspace ones `npm run -w` sets would point the install back here. */
function npmEnv(): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)))
}

/** The first lines of npm's error (its code and summary), without the "npm error" prefixes. */
const npmError = (stderr: string) =>
  stderr
    .split('\n')
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter(Boolean)
    .slice(0, 2)
    .join('; ')

/** Installs MockPass into `dir` unless that version is already there (`--ignore-scripts`: nothing of it runs). */
async function install(dir: string): Promise<void> {
  if (installedVersion(dir) === MOCKPASS_VERSION) {
    progress(`  [mockpass] reusing ${PACKAGE}@${MOCKPASS_VERSION} in ${dir}`)
    return
  }
  mkdirSync(dir, { recursive: true })
  if (!existsSync(join(dir, 'package.json')))
    writeFileSync(join(dir, 'package.json'), '{ "name": "iams-bench-mockpass", "private": true }\n')
  progress(`  [mockpass] installing ${PACKAGE}@${MOCKPASS_VERSION} into ${dir} …`)
  await new Promise<void>((done, fail) =>
    execFile(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--save-exact',
        `${PACKAGE}@${MOCKPASS_VERSION}`,
      ],
      { cwd: dir, env: npmEnv(), timeout: 180_000, maxBuffer: 4 << 20 },
      (err, _out, stderr) =>
        err ? fail(new Error(`npm install failed: ${npmError(stderr) || err.message}`)) : done(),
    ),
  )
  const v = installedVersion(dir)
  if (v !== MOCKPASS_VERSION) throw new Error(`npm install left ${PACKAGE}@${v ?? 'nothing'} in ${dir}`)
}

/**
 * Runs MockPass's app.js in a child bound to 127.0.0.1 on a free port (its index.js would listen on every
 * interface). MockPass as shipped: its access log (morgan "combined") and per-request console lines stay on,
 * written to /dev/null. A clean environment (no .env in its cwd): the defaults are MockPass's static test keys.
 */
function startMockPass(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const launcher = `
    const fail = (e) => { process.send({ type: 'error', message: String((e && e.stack) || e) }); process.exit(1) }
    process.on('uncaughtException', fail)
    process.on('disconnect', () => process.exit(0))
    const { app } = require(process.env.IAMS_BENCH_MOCKPASS_APP)
    const server = app.listen(0, '127.0.0.1', () => process.send({ type: 'ready', port: server.address().port }))
    server.on('error', fail)
  `
  const child = spawn(process.execPath, ['-e', launcher], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      IAMS_BENCH_MOCKPASS_APP: join(packageDir(dir), 'app.js'),
      SHOW_LOGIN_PAGE: 'false',
      MOCKPASS_NRIC: NRIC,
    },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  })
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stopPid(child, 0)
      fail(new Error('MockPass did not start within 30 s'))
    }, 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`MockPass exited with code ${code} before it was ready`))
    })
    child.on('message', (m: { type?: string; port?: number; message?: string }) => {
      if (m?.type === 'error') {
        clearTimeout(timer)
        fail(new Error(`MockPass failed to start: ${m.message?.split('\n')[0]}`))
      }
      if (m?.type !== 'ready' || !m.port) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      done({ child, port: m.port })
    })
  })
}

/** The relying party: MockPass's static RP keys (sign the client assertion, open the ID token) and its ASP keys. */
async function relyingParty(dir: string, port: number) {
  const require = createRequire(join(packageDir(dir), 'package.json'))
  const jose = require('jose') as Jose
  const certs = join(packageDir(dir), 'static', 'certs')
  const keys = (f: string) => (JSON.parse(readFileSync(join(certs, f), 'utf8')) as { keys: Jwk[] }).keys
  const rp = keys('oidc-v2-rp-secret.json')
  const sig = rp.find((k) => k.use === 'sig')
  const enc = rp.find((k) => k.use === 'enc')
  if (!sig?.alg || !enc?.alg) throw new Error('MockPass RP keyset without a signing and an encryption key')
  return {
    jose,
    issuer: `http://127.0.0.1:${port}/singpass/v2`,
    sig: { kid: sig.kid!, alg: sig.alg, key: await jose.importJWK(sig, sig.alg) },
    enc: await jose.importJWK(enc, enc.alg),
    asp: jose.createLocalJWKSet({ keys: keys('oidc-v2-asp-public.json') }),
  }
}
type RelyingParty = Awaited<ReturnType<typeof relyingParty>>

/** One full flow; returns the step times or throws with what was unexpected. */
async function flow(http: HttpClient, rp: RelyingParty): Promise<[number, number, number]> {
  const { jose } = rp
  const t0 = performance.now()
  const state = randomBytes(16).toString('base64url')
  const nonce = randomUUID()
  const q = new URLSearchParams({
    scope: 'openid',
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    state,
    nonce,
  })
  const auth = await http.send('GET', `/singpass/v2/authorize?${q}`)
  const location = auth.headers.location
  if (auth.status !== 302 || typeof location !== 'string')
    throw new Error(`authorize: HTTP ${auth.status} ${auth.body.slice(0, 120)}`)
  const back = new URL(location)
  const code = back.searchParams.get('code')
  if (!code || back.searchParams.get('state') !== state) throw new Error(`authorize: redirect ${location}`)
  const t1 = performance.now()
  const assertion = await new jose.SignJWT({})
    .setProtectedHeader({ alg: rp.sig.alg, typ: 'JWT', kid: rp.sig.kid })
    .setIssuer(CLIENT_ID)
    .setSubject(CLIENT_ID)
    .setAudience(rp.issuer)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(rp.sig.key)
  const form = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    grant_type: 'authorization_code',
    code,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
  }).toString()
  const token = await http.send(
    'POST',
    '/singpass/v2/token',
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    form,
  )
  if (token.status !== 200) throw new Error(`token: HTTP ${token.status} ${token.body.slice(0, 120)}`)
  const idToken = (JSON.parse(token.body) as { id_token?: string }).id_token
  if (!idToken) throw new Error(`token: no id_token in ${token.body.slice(0, 120)}`)
  const t2 = performance.now()
  const { plaintext } = await jose.compactDecrypt(idToken, rp.enc)
  const { payload } = await jose.jwtVerify(new TextDecoder().decode(plaintext), rp.asp, {
    issuer: rp.issuer,
    audience: CLIENT_ID,
    algorithms: ['ES256'],
  })
  if (payload.sub !== EXPECTED_SUB || payload.nonce !== nonce)
    throw new Error(`ID token: sub ${String(payload.sub)}, nonce ${String(payload.nonce)}`)
  const t3 = performance.now()
  return [t1 - t0, t2 - t1, t3 - t2]
}

async function loop(
  http: HttpClient,
  rp: RelyingParty,
  seconds: number,
  concurrency: number,
  label: string,
  pid?: number,
) {
  const meter = new CpuMeter(pid)
  meter.start()
  const check = new ResponseCheck()
  const total = new Samples()
  const steps = { authorize: new Samples(), token: new Samples(), idToken: new Samples() }
  const started = performance.now()
  const end = started + seconds * 1000
  const every = progressEvery(seconds)
  let reported = 0
  const ticker = setInterval(() => {
    const s = Math.round((performance.now() - started) / 1000)
    const rate = Math.round((check.ok - reported) / every).toLocaleString('en-US')
    progress(
      `  [${label}] ${s} s / ${seconds} s  ${check.ok.toLocaleString('en-US')} flows (${rate}/s lately)`,
    )
    reported = check.ok
  }, every * 1000)
  const worker = async () => {
    while (performance.now() < end) {
      try {
        const [a, t, i] = await flow(http, rp)
        check.record(true, 200, '')
        check.sampled++
        total.add(a + t + i)
        steps.authorize.add(a)
        steps.token.add(t)
        steps.idToken.add(i)
      } catch (e) {
        check.record(false, 0, e instanceof Error ? e.message : String(e))
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => worker()))
  clearInterval(ticker)
  return { check, total, steps, durationS: (performance.now() - started) / 1000, cpu: meter.stop(check.ok) }
}

/** Installs, starts, drives and stops MockPass; any failure before the measured run is reported, not thrown. */
export async function benchMockPass(cfg: BenchConfig): Promise<MockPassOutcome> {
  const dir = mockPassDir()
  let server: { child: ChildProcess; port: number }
  try {
    await install(dir)
    server = await startMockPass(dir)
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) }
  }
  const http = new HttpClient(server.port, cfg.connections + 8)
  try {
    progress(`  [mockpass] ${PACKAGE}@${MOCKPASS_VERSION} pid ${server.child.pid} port ${server.port}`)
    let rp: RelyingParty
    try {
      rp = await relyingParty(dir, server.port)
      await flow(http, rp)
    } catch (e) {
      return { ok: false, reason: `first flow failed: ${e instanceof Error ? e.message : String(e)}` }
    }
    progress(`  [mockpass] ${cfg.connections} flows in flight for ${cfg.durationS} s …`)
    if (cfg.warmupS > 0) await loop(http, rp, cfg.warmupS, cfg.connections, 'mockpass warm-up')
    const r = await loop(http, rp, cfg.durationS, cfg.connections, 'mockpass', server.child.pid)
    checkedShare('mockpass', r.check)
    const t = r.total.summary()
    const step = (s: Samples) => {
      const x = s.summary()
      return { p50Ms: x.p50, p99Ms: x.p99 }
    }
    return {
      ok: true,
      result: {
        version: MOCKPASS_VERSION,
        dir,
        flowsPerS: r.check.ok / r.durationS,
        flows: r.check.ok,
        durationS: r.durationS,
        p50Ms: t.p50,
        p99Ms: t.p99,
        steps: {
          authorize: step(r.steps.authorize),
          token: step(r.steps.token),
          idToken: step(r.steps.idToken),
        },
        check: r.check,
        cpu: r.cpu,
      },
    }
  } finally {
    http.close()
    await stopPid(server.child, 5_000)
  }
}

/** Row h, and when the sandbox's journeys (c) ran too, the comparison of the two per login. */
export function mockPassRow(o: MockPassOutcome, journeys?: { journeysPerS: number; cpu: CpuUse }): Row {
  const scenario = 'h. MockPass full flow (Singpass v2)'
  const budget = 'reference (issue 19)'
  if (!o.ok) return { scenario, value: Number.NaN, unit: 'flows/s', budget, note: `not run: ${o.reason}` }
  const m = o.result
  const n = (x: number) => Math.round(x).toLocaleString('en-US')
  const steps = `step p99 authorize ${m.steps.authorize.p99Ms.toFixed(1)} ms, token (incl. signing the client assertion) ${m.steps.token.p99Ms.toFixed(1)} ms, ID token decrypt + verify ${m.steps.idToken.p99Ms.toFixed(1)} ms`
  const vs =
    journeys && Number.isFinite(journeys.cpu.serverUsPerOp) && Number.isFinite(m.cpu.serverUsPerOp)
      ? `; sandbox journeys ${n(journeys.journeysPerS)}/s vs MockPass flows ${n(m.flowsPerS)}/s (${(journeys.journeysPerS / m.flowsPerS).toFixed(2)}×), server CPU ${n(journeys.cpu.serverUsPerOp)} µs per journey vs ${n(m.cpu.serverUsPerOp)} µs per flow (MockPass ${(m.cpu.serverUsPerOp / journeys.cpu.serverUsPerOp).toFixed(2)}× the sandbox's)`
      : ''
  return {
    scenario,
    value: m.flowsPerS,
    unit: 'flows/s',
    p99Ms: m.p99Ms,
    cpu: m.cpu,
    budget,
    pass: m.check.bad === 0,
    note: `${PACKAGE}@${m.version}: authorize → token (ES512 client assertion) → ID token (ECDH-ES+A256KW, ES256) opened as an RP; ${steps}${vs}`,
  }
}
