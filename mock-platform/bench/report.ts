/** The result table (stdout) and reports/bench.json: every figure next to the bare baseline and its §11 budget. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { BUDGETS, type BenchConfig } from './config'
import type { CpuUse } from './lib/cpu-time'
import { loadNotes, machine } from './lib/machine'
import { round } from './lib/stats'

export interface Row {
  scenario: string
  /** req/s, journeys/s, ms or MB (see `unit`); counts (journeys, restarts, connections) for the hosted soak. */
  value: number
  unit:
    | 'req/s'
    | 'journeys/s'
    | 'signings/s'
    | 'flows/s'
    | 'ms'
    | 'MB'
    | '%'
    | '× floor'
    | 'journeys'
    | 'calls'
    | 'restarts'
    | 'connections'
  p99Ms?: number
  ratioToBare?: number
  budget: string
  pass?: boolean
  note?: string
  cpu?: CpuUse
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

export function printTable(rows: Row[]): void {
  const head = [
    'scenario',
    'value',
    'p99 ms',
    'ratio to bare',
    'server CPU/op',
    'cores srv+gen',
    'budget',
    'result',
  ]
  const body = rows.map((r) => [
    r.scenario,
    `${fmt(r.value, r.unit === 'MB' ? 1 : r.unit === '× floor' ? 2 : 0)} ${r.unit}`,
    fmt(r.p99Ms, 1),
    r.ratioToBare === undefined ? '–' : `${(r.ratioToBare * 100).toFixed(1)} %`,
    r.cpu && Number.isFinite(r.cpu.serverUsPerOp) ? `${fmt(r.cpu.serverUsPerOp)} µs` : '–',
    r.cpu ? `${fmt(r.cpu.serverCores, 2)}+${fmt(r.cpu.generatorCores, 2)}` : '–',
    r.budget,
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 1 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')
  console.log('')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))
  for (const r of rows) if (r.note) console.log(`  * ${r.scenario}: ${r.note}`)
  console.log('')
}

export function writeJson(cfg: BenchConfig, rows: Row[], details: Record<string, unknown>): void {
  mkdirSync(dirname(cfg.reportPath), { recursive: true })
  const doc = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage1m: loadNotes,
    settings: {
      durationS: cfg.durationS,
      warmupS: cfg.warmupS,
      connections: cfg.connections,
      servers: cfg.servers,
      scenarios: [...cfg.only],
    },
    budgets: BUDGETS,
    rows: rows.map((r) => ({
      ...r,
      cpu: r.cpu && {
        serverCores: round(r.cpu.serverCores, 2),
        serverUsPerOp: round(r.cpu.serverUsPerOp, 0),
        generatorCores: round(r.cpu.generatorCores, 2),
      },
      value: round(r.value, 1),
      p99Ms: r.p99Ms === undefined ? undefined : round(r.p99Ms, 2),
      ratioToBare: r.ratioToBare === undefined ? undefined : round(r.ratioToBare, 4),
    })),
    details,
  }
  writeFileSync(cfg.reportPath, `${JSON.stringify(doc, null, 2)}\n`)
}
