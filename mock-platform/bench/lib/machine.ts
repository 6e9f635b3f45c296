/** The machine the figures came from, and its 1-minute load average (other work on a shared box skews every figure). */
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'

export function loadAvg1(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
  } catch {
    return Number.NaN
  }
}

export function machine(): { nproc: number; cpu: string | undefined; node: string; platform: string } {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  }
}

/** Load averages noted at named moments of the run. */
export const loadNotes: Record<string, number> = {}
export function noteLoad(label: string): number {
  const l = loadAvg1()
  loadNotes[label] = l
  return l
}
