/**
 * Scenario j (issue 14): the hosted mode — journeys on PostgreSQL with one instance, and with two behind the
 * round-robin proxy, against the embedded mode (memory) in the same run. Reports journeys/s, server CPU per journey
 * (instances + proxy) and the database's share (every PostgreSQL process of the private cluster), and that nothing is
 * lost: every journey's content checked, every call in the request log.
 */
import { fork } from 'node:child_process'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startCluster, stopCluster } from '../../scripts/postgres.mjs'
import type { BenchConfig } from '../config'
import { processCpuMs } from '../lib/cpu-time'
import { HttpClient } from '../lib/http'
import { progress } from '../lib/load'
import { Osp } from '../lib/osp'
import { type ServerChild, startChild, stopPid } from '../lib/processes'
import type { PlatformInfo } from '../servers/platform'
import { benchJourneys, type JourneyResult } from './journeys'
import { benchSigned } from './signed'

export interface HostedRun {
  label: string
  instances: number
  journeys: JourneyResult
  /** CPU µs per journey: the instances (and the proxy), and PostgreSQL. */
  serverUsPerJourney: number
  proxyUsPerJourney: number
  databaseUsPerJourney: number
  /** Calls in the shared request log at the end (PostgreSQL runs) … */
  logged: number
  /** … and the calls answered: every one must be there (the log may hold a few more: calls in flight when the load stopped). */
  calls: number
  /** Signed + encrypted `/profiles` calls after the journeys: rate, p99, CPU per call (servers, database). */
  signed: { rps: number; p99Ms: number; serverUsPerCall: number; databaseUsPerCall: number; bad: number }
}

export interface HostedResult {
  runs: HostedRun[]
  notRun?: string
}

/** Every process of the cluster: the postmaster and its children (backends, WAL writer, checkpointer …). */
function clusterPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  const children = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster
      } catch {
        return false
      }
    })
    .map(Number)
  return [postmaster, ...children]
}

/** CPU ms of a set of processes (those that ended meanwhile are not counted: backends live as long as the pools). */
function cpuOf(pids: number[]): Map<number, number> {
  return new Map(pids.map((p) => [p, processCpuMs(p)]))
}
function cpuSince(before: Map<number, number>, pids: number[]): number {
  let ms = 0
  for (const p of pids) {
    const now = processCpuMs(p)
    if (Number.isFinite(now)) ms += now - (before.get(p) ?? 0)
  }
  return ms
}

async function requestLogCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  const r = await c.query<{ n: string }>("SELECT count(*) AS n FROM records WHERE log = 'requests'")
  await c.end()
  return Number(r.rows[0]!.n)
}

export async function benchHosted(cfg: BenchConfig): Promise<HostedResult> {
  let dir: string
  let admin: string
  try {
    dir = mkdtempSync(join(tmpdir(), 'bench-pg-'))
    admin = await startCluster(dir)
  } catch (e) {
    return { runs: [], notRun: `PostgreSQL could not start: ${(e as Error).message}` }
  }
  const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kekPublicPem = kek.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const runs: HostedRun[] = []
  try {
    for (const [label, instances] of [
      ['embedded (memory), 1 instance', 0],
      ['PostgreSQL, 1 instance', 1],
      ['PostgreSQL, 2 instances + proxy', 2],
    ] as const) {
      const database = `bench_${randomBytes(4).toString('hex')}`
      const url = new URL(admin)
      url.pathname = `/${database}`
      if (instances > 0) {
        const c = new pg.Client({ connectionString: admin })
        await c.connect()
        await c.query(`CREATE DATABASE ${database}`)
        await c.end()
      }
      const clientID = randomBytes(16).toString('hex')
      const clientSecret = randomBytes(24).toString('hex')
      const env = {
        BENCH_KEK_PUBLIC_PEM: kekPublicPem,
        BENCH_CLIENT_ID: clientID,
        BENCH_CLIENT_SECRET: clientSecret,
      }
      const children: ServerChild<PlatformInfo>[] = []
      let proxy: ReturnType<typeof fork> | undefined
      try {
        for (let i = 0; i < Math.max(1, instances); i++)
          children.push(
            await startChild<PlatformInfo>('platform', {
              env:
                instances > 0
                  ? { ...env, BENCH_DATABASE_URL: url.href, BENCH_INSTANCE_ID: `i${i + 1}` }
                  : env,
            }),
          )
        let port = children[0]!.info.port
        if (instances > 1) {
          const started = await startProxy(children.map((c) => c.info.port))
          proxy = started.child
          port = started.port
        }
        progress(`\n  [hosted] ${label}: port ${port}`)
        const http = new HttpClient(port, cfg.connections + 8)
        const osp = new Osp(http, { clientID, clientSecret, privateKey: kek.privateKey })
        await osp.getKey()
        // Warm-up outside the measured window, then the run with CPU taken over every process involved.
        const warm = await benchJourneys(osp, undefined, {
          ...cfg,
          durationS: Math.max(1, cfg.warmupS),
          warmupS: 0,
        })
        const serverPids = children.map((c) => c.pid)
        const dbPids = instances > 0 ? clusterPids(join(dir, 'data')) : []
        const s0 = cpuOf(serverPids)
        const p0 = proxy ? processCpuMs(proxy.pid!) : 0
        const d0 = cpuOf(dbPids)
        const journeys = await benchJourneys(osp, undefined, { ...cfg, warmupS: 0 })
        const n = Math.max(1, journeys.journeys)
        const proxyMs = proxy ? processCpuMs(proxy.pid!) - p0 : 0
        const run: HostedRun = {
          label,
          instances: Math.max(1, instances),
          journeys,
          serverUsPerJourney: ((cpuSince(s0, serverPids) + proxyMs) * 1000) / n,
          proxyUsPerJourney: (proxyMs * 1000) / n,
          databaseUsPerJourney: instances > 0 ? (cpuSince(d0, clusterPids(join(dir, 'data'))) * 1000) / n : 0,
          logged: Number.NaN,
          // getKey, then getQR + getToken + /profiles per journey: each run's first journey fixes the expected content.
          calls: 1 + 3 * (warm.journeys + warm.check.bad + 1 + journeys.journeys + journeys.check.bad + 1),
          signed: { rps: 0, p99Ms: 0, serverUsPerCall: 0, databaseUsPerCall: 0, bad: 0 },
        }
        // Then the signed call alone, autocannon from a pool of pre-signed requests (one nonce each).
        const s1 = cpuOf(serverPids)
        const p1 = proxy ? processCpuMs(proxy.pid!) : 0
        const db1 = cpuOf(instances > 0 ? clusterPids(join(dir, 'data')) : [])
        const signed = await benchSigned(
          { port, pid: undefined, label: 'signed' },
          osp,
          { ...cfg, warmupS: 0 },
          3_000,
        )
        const calls = Math.max(1, signed.requests)
        run.signed = {
          rps: signed.rps,
          p99Ms: signed.p99Ms,
          serverUsPerCall:
            ((cpuSince(s1, serverPids) + (proxy ? processCpuMs(proxy.pid!) - p1 : 0)) * 1000) / calls,
          databaseUsPerCall:
            instances > 0 ? (cpuSince(db1, clusterPids(join(dir, 'data'))) * 1000) / calls : 0,
          bad: signed.check.bad,
        }
        // benchSigned's own journey for the expected content, then every signed call.
        run.calls += 3 + signed.requests
        http.agent.destroy()
        // A graceful stop writes every queued record; then the log holds every call.
        await Promise.all(children.map((c) => c.stop()))
        children.length = 0
        if (instances > 0) run.logged = await requestLogCount(url.href)
        runs.push(run)
        progress(
          `  [hosted] ${label}: ${Math.round(journeys.journeysPerS)} journeys/s, p99 ${journeys.p99Ms.toFixed(1)} ms, ` +
            `server ${Math.round(run.serverUsPerJourney)} µs + database ${Math.round(run.databaseUsPerJourney)} µs CPU per journey` +
            (instances > 0
              ? `, ${run.logged.toLocaleString('en-US')} of ${run.calls.toLocaleString('en-US')} calls in the request log`
              : ''),
        )
      } finally {
        if (proxy) await stopPid(proxy, 2_000)
        await Promise.all(children.map((c) => c.stop()))
      }
    }
  } finally {
    stopCluster(dir)
    rmSync(dir, { recursive: true, force: true })
  }
  return { runs }
}

/** The demonstration proxy (scripts/round-robin.mjs) in a child of its own, so its CPU is measured apart. */
async function startProxy(ports: number[]): Promise<{ child: ReturnType<typeof fork>; port: number }> {
  const script = new URL('../../scripts/round-robin.mjs', import.meta.url).pathname
  const child = fork(script, ['0', ...ports.map((p) => `http://127.0.0.1:${p}`)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`proxy exited with ${code}`)))
    child.on('message', (m: { port?: number }) => m.port && resolve(m.port))
  })
  return { child, port }
}
