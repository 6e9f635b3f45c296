/**
 * Scenario k (issue 14): the soak in hosted mode, with restarts. A private PostgreSQL, two instances of the compiled
 * server (`npm start`'s) on one database, and the bench's own client as the load balancer (round robin, a refused
 * connection retried on the other instance). Full journeys for BENCH_SOAK seconds while the instances are restarted in
 * turn, every fifth of the run — gracefully (SIGTERM: the instance drains), and once killed (SIGKILL) mid-load. Then:
 * every call the clients saw acknowledged must be in the shared request log (by its nonce, getQR by its state) and
 * every acknowledged /profiles's release in the consent ledger; a journey may fail only by being in flight on the
 * killed instance; RSS of each instance stays flat; the database's size and connections are reported.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort, startCluster, stopCluster } from '../../scripts/postgres.mjs'
import type { BenchConfig } from '../config'
import { BalancedHttp, type BalancerCounts, LostInFlight } from '../lib/balanced-http'
import { Instance, type InstanceStop } from '../lib/instances'
import { progress } from '../lib/load'
import { Osp, UnexpectedAnswer } from '../lib/osp'
import { readRss } from '../lib/rss'
import { driveJourneys, fullJourney, type JourneyStep, windowMean } from './soak'

/** The demo app's redirect URI that does not depend on the instance's address (demo-app.ts: osp-web's). */
const REDIRECT_URI = 'http://127.0.0.1:3000/callback'
/**
 * Samples taken this soon after an instance (re)started are left out of its RSS windows: its heap is still growing
 * (a quarter-window, at least 10 s).
 */
const warmS = (windowS: number) => Math.max(10, 0.25 * windowS)

export interface HostedSoakRestart {
  atS: number
  instance: string
  /** The instance's process stopped (1 = the first). */
  life: number
  signal: 'SIGTERM' | 'SIGKILL'
  stopMs: number
  exit: string
  /** From the signal until the new process answered /healthz. */
  downMs: number
  startMs: number
}

export interface HostedSoakInstance {
  name: string
  lives: number
  rss: Array<{ atS: number; mb: number; pid: number; ageS: number }>
  peakMb: number
  /** Mean RSS over the second and the last window (samples in a process's first quarter-window left out). */
  secondWindowMb: number
  lastWindowMb: number
  answered: number
  refused: number
}

export interface HostedSoakResult {
  notRun?: string
  durationS: number
  windowS: number
  journeys: number
  perWindow: number[]
  restarts: HostedSoakRestart[]
  instances: HostedSoakInstance[]
  /**
   * Journeys that failed: in flight on the killed instance (allowed), or anything else (not allowed). A request lost
   * without an answer is looked up in the request log afterwards: `processed` counts those the instance had taken.
   */
  failures: {
    inFlightOnKilled: number
    other: number
    otherKinds: Record<string, number>
    lost: Array<{ instance: string; state: string; code: string; processed: boolean | undefined }>
  }
  balancer: BalancerCounts
  acknowledged: Record<JourneyStep, number>
  /** Acknowledged calls found in the shared request log (D00000), and releases in the consent ledger. */
  found: Record<JourneyStep, number> & { releases: number }
  /** Everything of the kind the logs hold (the setup's calls and those answered to no one included). */
  recorded: Record<JourneyStep, number> & { releases: number }
  /**
   * Acknowledged calls missing from the request log: answered by a process then killed (SIGKILL: its unwritten records
   * died with it) — with how long before the kill each was answered — and the rest.
   */
  missing: {
    withKill: number
    withKillMsBeforeKill: { min: number; max: number }
    other: number
    examples: string[]
  }
  database: {
    startMb: number
    endMb: number
    peakConnections: number
    /** The largest tables at the end: what a journey leaves (records; nonces and live state until they expire). */
    tables: Array<{ name: string; mb: number; rows: number }>
    /** The most backends the instances may hold: DATABASE_POOL_MAX and a listener each. */
    connectionBound: number
    samples: Array<{ atS: number; mb: number; connections: number }>
  }
  finalStopMs: number[]
}

const POOL_MAX = 10

export async function benchHostedSoak(cfg: BenchConfig): Promise<HostedSoakResult> {
  const empty = (notRun: string): HostedSoakResult =>
    ({ notRun, restarts: [], instances: [] }) as unknown as HostedSoakResult
  let dir: string
  let admin: string
  try {
    dir = mkdtempSync(join(tmpdir(), 'bench-soak-pg-'))
    admin = await startCluster(dir)
  } catch (e) {
    return empty(`PostgreSQL could not start: ${(e as Error).message}`)
  }
  const instances: Instance[] = []
  let http: BalancedHttp | undefined
  let db: pg.Client | undefined
  try {
    const database = `soak_${randomBytes(4).toString('hex')}`
    const url = new URL(admin)
    url.pathname = `/${database}`
    {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`CREATE DATABASE ${database}`)
      await c.end()
    }
    // The demo app's files, written before the first start: the instances seed it with these credentials and KEK.
    const dataDir = join(dir, 'sandbox-data')
    const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const creds = { clientID: randomBytes(16).toString('hex'), clientSecret: randomBytes(24).toString('hex') }
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(
      join(dataDir, 'demo-kek-private.pem'),
      kek.privateKey.export({ type: 'pkcs8', format: 'pem' }),
      {
        mode: 0o600,
      },
    )
    writeFileSync(
      join(dataDir, 'demo-app.json'),
      JSON.stringify({
        ...creds,
        kekPublicKey: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      }),
      { mode: 0o600 },
    )
    const env = {
      SANDBOX_STORAGE: 'postgres',
      DATABASE_URL: url.href,
      DATABASE_POOL_MAX: String(POOL_MAX),
      SANDBOX_DATA_DIR: dataDir,
      SANDBOX_ADMIN_TOKEN: randomBytes(24).toString('hex'),
      PUBLIC_BASE_URL: 'http://127.0.0.1:8080',
      LOG_LEVEL: 'warn',
      // One app carries the whole load: its rate and live-state bounds out of the way; nothing leaves by retention.
      RATE_LIMIT_PER_MINUTE: '10000000',
      ORG_RATE_LIMIT_PER_MINUTE: '100000000',
      NONCES_PER_APP: '10000000',
      LIVE_STATE_PER_APP: '1000000',
      RECORDS_PER_APP: '100000000',
    }
    for (const name of ['i1', 'i2'])
      instances.push(
        new Instance(name, await freePort(), { ...env, SANDBOX_INSTANCE_ID: name }, join(dir, `${name}.log`)),
      )
    // One after the other: the first migrates the database and seeds the app.
    for (const i of instances) await i.start()
    progress(`  [soak-hosted] ${instances.map((i) => `${i.name} on ${i.port} (pid ${i.pid})`).join(', ')}`)

    // Which process answered each call (by getQR's state or the signed call's nonce), and when.
    const answeredBy = new Map<string, { instance: string; life: number; at: number }>()
    http = new BalancedHttp(instances, cfg.connections + 8, (u, path, headers) => {
      const key = headers.nonce ?? /[?&]state=([^&]+)/.exec(path)?.[1]
      if (key) answeredBy.set(key, { instance: u.name, life: (u as Instance).lives, at: performance.now() })
    })
    const osp = new Osp(http, { ...creds, privateKey: kek.privateKey, redirectURI: REDIRECT_URI })
    await osp.getKey()
    db = new pg.Client({ connectionString: url.href })
    await db.connect()

    const seconds = cfg.soakS
    const windowS = Math.min(60, seconds / 5)
    const sampleS = Math.min(10, windowS / 6)
    const perWindow: number[] = [0]
    const acknowledged: Record<JourneyStep, number> = { getQr: 0, getToken: 0, getProfiles: 0 }
    const acked = {
      states: [] as string[],
      nonces: { getToken: [] as string[], getProfiles: [] as string[] },
    }
    const failures: HostedSoakResult['failures'] = { inFlightOnKilled: 0, other: 0, otherKinds: {}, lost: [] }
    const lostKeys: Array<string | undefined> = []
    const restarts: HostedSoakRestart[] = []
    const rss = new Map(instances.map((i) => [i.name, [] as HostedSoakInstance['rss']]))
    const born = new Map<number, number>()
    const dbSamples: HostedSoakResult['database']['samples'] = []
    const dbSample = async (atS: number) => {
      const r = await db!.query<{ bytes: string; n: string }>(
        `SELECT pg_database_size(current_database()) AS bytes,
           (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND backend_type = 'client backend') AS n`, // not autovacuum's workers, which visit the database too
      )
      const s = { atS, mb: Number(r.rows[0]!.bytes) / 1048576, connections: Number(r.rows[0]!.n) }
      dbSamples.push(s)
      return s
    }
    await dbSample(0)

    const started = performance.now()
    const nowS = () => (performance.now() - started) / 1000
    for (const i of instances) born.set(i.pid!, 0)
    let ticks = 0
    const sampler = setInterval(() => {
      const atS = Math.round(nowS() * 10) / 10
      const line: string[] = []
      for (const i of instances) {
        const pid = i.pid
        const r = pid ? readRss(pid) : undefined
        if (!pid || !r || i.state !== 'up') {
          line.push(`${i.name} ${i.state}`)
          continue
        }
        if (!born.has(pid)) born.set(pid, atS)
        rss.get(i.name)!.push({ atS, mb: r.rssMb, pid, ageS: atS - born.get(pid)! })
        line.push(`${i.name} ${Math.round(r.rssMb)} MB`)
      }
      void dbSample(atS).then((d) => {
        if (++ticks % Math.max(1, Math.round(10 / sampleS)) !== 0) return
        const done = perWindow.reduce((a, b) => a + b, 0)
        progress(
          `  [soak-hosted] ${Math.round(atS)} s / ${seconds} s  ${done.toLocaleString('en-US')} journeys; RSS ${line.join(', ')}; ` +
            `database ${Math.round(d.mb)} MB, ${d.connections} connections; refused ${sum(http!.counts.refused)}, lost ${sum(http!.counts.lost)}`,
        )
      })
    }, sampleS * 1000)

    // Rolling restarts at the middle of windows 1–4: i1 gracefully, i2 gracefully, i1 killed, i2 gracefully.
    const plan = [0, 1, 2, 3].map((k) => ({
      atS: (k + 0.5) * windowS,
      instance: instances[k % 2]!,
      signal: (k === 2 ? 'SIGKILL' : 'SIGTERM') as 'SIGTERM' | 'SIGKILL',
    }))
    const restarting = (async () => {
      for (const p of plan) {
        const wait = p.atS * 1000 - (performance.now() - started)
        if (wait > 0) await new Promise((r) => setTimeout(r, wait))
        const atS = nowS()
        const life = p.instance.lives
        const stop: InstanceStop = await p.instance.stop(p.signal)
        const startMs = await p.instance.start()
        born.set(p.instance.pid!, nowS())
        const r: HostedSoakRestart = {
          atS,
          instance: p.instance.name,
          life,
          signal: p.signal,
          stopMs: stop.stopMs,
          exit: stop.exitSignal ?? `exit ${stop.exitCode}`,
          downMs: stop.stopMs + startMs,
          startMs,
        }
        restarts.push(r)
        progress(
          `  [soak-hosted] ${Math.round(atS)} s: ${r.instance} ${r.signal} → ${r.exit} in ${Math.round(r.stopMs)} ms, ` +
            `healthy again ${Math.round(r.startMs)} ms later`,
        )
      }
    })()

    await driveJourneys(
      cfg.connections,
      { started, seconds, windowS, perWindow },
      (w, i) =>
        fullJourney(osp, `k${w}-${i}`, (step, nonce) => {
          acknowledged[step]++
          if (step === 'getQr') acked.states.push(`k${w}-${i}`)
          else acked.nonces[step].push(nonce!)
        }),
      (e) => {
        if (e instanceof LostInFlight) {
          failures.lost.push({ instance: e.instance, state: e.state, code: e.code, processed: undefined })
          lostKeys.push(e.key)
        }
        if (e instanceof LostInFlight && e.state === 'killed') failures.inFlightOnKilled++
        else {
          failures.other++
          const kind =
            e instanceof LostInFlight
              ? `lost on a ${e.state} instance: ${e.code}`
              : e instanceof UnexpectedAnswer
                ? e.message
                : String((e as Error).message ?? e)
          failures.otherKinds[kind] = (failures.otherKinds[kind] ?? 0) + 1
        }
      },
    )
    const durationS = nowS()
    clearInterval(sampler)
    await restarting
    http.close()
    // Both stop gracefully: every queued record written. Then the logs are read.
    const finalStops = await Promise.all(instances.map((i) => i.stop('SIGTERM')))
    const end = await dbSample(nowS())
    const logs = await readLogs(db, creds.clientID)
    // Did the instance take the requests that got no answer? Their nonce (or state) in the log, whatever its code.
    failures.lost.forEach((l, i) => {
      const key = lostKeys[i]
      l.processed = key === undefined ? undefined : logs.seen.has(key)
    })
    const largest = await db.query<{ name: string; bytes: string }>(
      `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 5`,
    )
    const tables: HostedSoakResult['database']['tables'] = []
    for (const t of largest.rows) {
      const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${t.name}"`)
      tables.push({ name: t.name, mb: Number(t.bytes) / 1048576, rows: Number(rows.rows[0]!.n) })
    }
    const missing: HostedSoakResult['missing'] = {
      withKill: 0,
      withKillMsBeforeKill: { min: Number.POSITIVE_INFINITY, max: 0 },
      other: 0,
      examples: [],
    }
    const findAll = (label: string, keys: string[], set: Set<string>) => {
      let n = 0
      for (const k of keys) {
        if (set.has(k)) {
          n++
          continue
        }
        const by = answeredBy.get(k)
        const kill =
          by &&
          restarts.find((r) => r.signal === 'SIGKILL' && r.instance === by.instance && r.life === by.life)
        if (kill) {
          missing.withKill++
          const before = started + kill.atS * 1000 - by.at
          missing.withKillMsBeforeKill.min = Math.min(missing.withKillMsBeforeKill.min, before)
          missing.withKillMsBeforeKill.max = Math.max(missing.withKillMsBeforeKill.max, before)
        } else missing.other++
        if (missing.examples.length < 8)
          missing.examples.push(
            `${label} ${k.slice(0, 12)} (${by ? `${by.instance} life ${by.life}${kill ? ', killed' : ''}` : 'answered by ?'})`,
          )
      }
      return n
    }
    const found = {
      getQr: findAll('getQr', acked.states, logs.getQrStates),
      getToken: findAll('getToken', acked.nonces.getToken, logs.nonces.getToken),
      getProfiles: findAll('getProfiles', acked.nonces.getProfiles, logs.nonces.getProfiles),
      releases: Math.min(logs.releases, acknowledged.getProfiles),
    }
    const perInstance = instances.map((i): HostedSoakInstance => {
      const samples = rss.get(i.name)!
      const settled = samples.filter((s) => s.ageS >= warmS(windowS))
      const mean = (from: number, to: number) => windowMean(settled, from, to, (s) => s.mb)
      return {
        name: i.name,
        lives: i.lives,
        rss: samples,
        peakMb: Math.max(0, ...samples.map((s) => s.mb)),
        secondWindowMb: mean(windowS, 2 * windowS),
        lastWindowMb: mean(seconds - windowS, seconds + 1),
        answered: http!.counts.answered[i.name] ?? 0,
        refused: http!.counts.refused[i.name] ?? 0,
      }
    })
    return {
      durationS,
      windowS,
      journeys: acknowledged.getProfiles,
      perWindow,
      restarts,
      instances: perInstance,
      failures,
      balancer: http.counts,
      acknowledged,
      found,
      recorded: logs.counts,
      missing,
      database: {
        startMb: dbSamples[0]!.mb,
        endMb: end.mb,
        peakConnections: Math.max(...dbSamples.map((s) => s.connections)),
        tables,
        connectionBound: instances.length * (POOL_MAX + 1),
        samples: dbSamples,
      },
      finalStopMs: finalStops.map((s) => s.stopMs),
    }
  } catch (e) {
    for (const i of instances) {
      try {
        const log = readFileSync(join(dir, `${i.name}.log`), 'utf8')
        if (log.trim()) progress(`  [soak-hosted] ${i.name}'s output:\n${log.slice(-4000)}`)
      } catch {}
    }
    throw e
  } finally {
    http?.close()
    await db?.end().catch(() => {})
    await Promise.all(instances.map((i) => i.stop('SIGTERM', 10_000)))
    stopCluster(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}

/** What the shared logs hold for the app: the getQR states and signed calls' nonces answered D00000, and the releases. */
async function readLogs(db: pg.Client, clientID: string) {
  const calls = await db.query<{ op: string; code: string; state: string | null; nonce: string | null }>(
    `SELECT record->>'operationId' AS op, record->>'code' AS code, record->'request'->>'state' AS state,
            record->'headers'->>'nonce' AS nonce
       FROM records WHERE log = 'requests' AND partition = $1`,
    [clientID],
  )
  const getQrStates = new Set<string>()
  const nonces = { getToken: new Set<string>(), getProfiles: new Set<string>() }
  /** Every state and nonce in the log, whatever the answer. */
  const seen = new Set<string>()
  const counts = { getQr: 0, getToken: 0, getProfiles: 0, releases: 0 }
  for (const r of calls.rows) {
    const key = r.op === 'getQr' ? r.state : r.nonce
    if (key) seen.add(key)
    if (r.code !== 'D00000') continue
    if (r.op === 'getQr') {
      counts.getQr++
      if (r.state) getQrStates.add(r.state)
    } else if (r.op === 'getToken' || r.op === 'getProfiles') {
      counts[r.op]++
      if (r.nonce) nonces[r.op].add(r.nonce)
    }
  }
  const releases = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM records WHERE log = 'consents' AND partition = $1
       AND record->>'type' = 'granted' AND record->'consent'->>'kind' = 'getProfiles'`,
    [clientID],
  )
  counts.releases = Number(releases.rows[0]!.n)
  return { getQrStates, nonces, seen, counts, releases: counts.releases }
}

function sum(r: Record<string, number>): number {
  return Object.values(r).reduce((a, b) => a + b, 0)
}
