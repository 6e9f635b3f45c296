/** Benchmark settings read once from the environment (BENCH_* variables), with the design §11 budgets. */
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'

export type ServerMode = 'child' | 'inprocess'
export type ScenarioName =
  | 'cold'
  | 'bare'
  | 'signed'
  | 'journeys'
  | 'signing'
  | 'soak'
  | 'mockpass'
  | 'writes'
  | 'hosted'
  | 'soak-hosted'

export interface BenchConfig {
  /** Seconds of measured load per scenario (BENCH_DURATION, default 10). */
  durationS: number
  /** Seconds of unmeasured warm-up before each load scenario (BENCH_WARMUP, default 2). */
  warmupS: number
  /** Seconds of the soak (BENCH_SOAK, default 600; CI-sized runs use 30). */
  soakS: number
  /** Concurrent connections / journeys in flight (BENCH_CONNECTIONS, default 50). */
  connections: number
  /** Where the servers run: a child process each (default) or inside the load generator (BENCH_SERVERS=inprocess). */
  servers: ServerMode
  /** Scenarios to run (BENCH_ONLY=bare,signed,...; default all but soak-hosted). */
  only: Set<ScenarioName>
  /** Write a V8 CPU profile of the platform process and print its top self-time functions (BENCH_CPU_PROF=1). */
  cpuProf: boolean
  repoRoot: string
  reportPath: string
  cpuProfDir: string
}

const ALL: ScenarioName[] = [
  'cold',
  'bare',
  'signed',
  'journeys',
  'signing',
  'soak',
  'mockpass',
  'writes',
  'hosted',
]
/** Scenarios run only when BENCH_ONLY names them (k: a second soak of BENCH_SOAK seconds, on PostgreSQL). */
const ON_REQUEST: ScenarioName[] = ['soak-hosted']

export const BUDGETS = {
  signedRatio: 0.5,
  /** Issue 19: server CPU per signed call at most this many times the floor's (the inherent work alone). */
  floorCpuRatio: 1.15,
  signedP99Ms: 25,
  journeysPerS: 1000,
  coldStartMs: 1000,
  rssMb: 200,
  /** The soak (issue 12): peak RSS, RSS drift between the second and the last window, throughput kept. */
  soakPeakMb: 250,
  soakRssDrift: 0.1,
  soakThroughputKept: 0.9,
  /** Issue 19: the longest a durable write may block the event loop with 10,000 records in its collection. */
  writeLoopMaxMs: 20,
} as const

function positive(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return n
}

export function loadBenchConfig(): BenchConfig {
  const repoRoot = resolve(import.meta.dirname, '../..')
  const servers = (process.env.BENCH_SERVERS ?? 'child') as ServerMode
  if (servers !== 'child' && servers !== 'inprocess')
    throw new Error('BENCH_SERVERS must be child or inprocess')
  const only = new Set<ScenarioName>()
  for (const s of (process.env.BENCH_ONLY ?? ALL.join(','))
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    if (!ALL.includes(s as ScenarioName) && !ON_REQUEST.includes(s as ScenarioName))
      throw new Error(`BENCH_ONLY: unknown scenario "${s}" (use ${[...ALL, ...ON_REQUEST].join(', ')})`)
    only.add(s as ScenarioName)
  }
  // Ratios need the baseline: the bare route always runs when another load scenario does.
  if (only.has('signed') || only.has('journeys') || only.has('signing')) only.add('bare')
  return {
    durationS: positive('BENCH_DURATION', 10),
    soakS: positive('BENCH_SOAK', 600),
    warmupS: process.env.BENCH_WARMUP === '0' ? 0 : positive('BENCH_WARMUP', 2),
    connections: Math.round(positive('BENCH_CONNECTIONS', 50)),
    servers,
    only,
    cpuProf: process.env.BENCH_CPU_PROF === '1',
    repoRoot,
    reportPath: resolve(repoRoot, 'reports/bench.json'),
    // Outside reports/ (other tools clean that folder); printed at the end of a profiled run.
    cpuProfDir: resolve(tmpdir(), 'iams-bench-cpu-prof'),
  }
}
