/** CPU time of the server process (/proc/<pid>/stat utime+stime) and of this load generator over a measured window. */
import { readFileSync } from 'node:fs'

/** Linux USER_HZ: /proc/<pid>/stat counts clock ticks of 10 ms. */
const TICK_MS = 10

export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return Number.NaN
  }
}

export interface CpuUse {
  /** Cores the server process kept busy on average (1.0 = one core). Includes its libuv threadpool. */
  serverCores: number
  /** Server CPU per completed request (or journey), µs. */
  serverUsPerOp: number
  /** Cores this process (autocannon or the journey client) kept busy. */
  generatorCores: number
}

export class CpuMeter {
  private server0 = 0
  private own0 = process.cpuUsage()
  private t0 = 0
  constructor(private readonly serverPid: number | undefined) {}

  start(): void {
    this.server0 =
      this.serverPid && this.serverPid !== process.pid ? processCpuMs(this.serverPid) : Number.NaN
    this.own0 = process.cpuUsage()
    this.t0 = performance.now()
  }

  stop(ops: number): CpuUse {
    const wallMs = performance.now() - this.t0
    const own = process.cpuUsage(this.own0)
    const serverMs =
      this.serverPid && this.serverPid !== process.pid
        ? processCpuMs(this.serverPid) - this.server0
        : Number.NaN
    return {
      serverCores: serverMs / wallMs,
      serverUsPerOp: (serverMs * 1000) / ops,
      generatorCores: (own.user + own.system) / 1000 / wallMs,
    }
  }
}
