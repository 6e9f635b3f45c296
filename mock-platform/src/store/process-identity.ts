/** Which process holds a lock: pid, host and start time (a reused pid or a lock from before a reboot is not the same process). */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

export interface ProcessIdentity {
  pid: number
  hostname: string
  /** When the process started (ms since the epoch, wall clock). */
  startedAt: number
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat, field 22). */
  procStart?: string
  /** Linux: /proc/sys/kernel/random/boot_id when the lock was taken. */
  bootId?: string
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Linux: the start time of a process in clock ticks since boot, or undefined where /proc cannot tell. */
export function procStartOf(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`)
  if (!stat) return undefined
  // The command name (field 2) is in parentheses and may hold spaces or parentheses: count from the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = fields[19] // field 22 overall; fields[0] is field 3
  return ticks && /^\d+$/.test(ticks) ? ticks : undefined
}

export const bootId = (): string | undefined =>
  readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined

/** When a live process started (ms since the epoch, ±1 s), or undefined when this platform cannot tell. */
export function startedAtOf(pid: number): number | undefined {
  const ticks = procStartOf(pid)
  if (ticks !== undefined) {
    const btime = /^btime (\d+)$/m.exec(readText('/proc/stat') ?? '')?.[1]
    // USER_HZ is 100 on every Linux the sandbox runs on.
    return btime ? Number(btime) * 1000 + Number(ticks) * 10 : undefined
  }
  if (process.platform === 'win32') return undefined
  try {
    // POSIX ps: elapsed time as [[dd-]hh:]mm:ss.
    const out = execFileSync('ps', ['-o', 'etime=', '-p', String(pid)], {
      encoding: 'utf8',
      timeout: 2_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    const m = /^(?:(?:(\d+)-)?(\d+):)?(\d+):(\d+)$/.exec(out)
    if (!m) return undefined
    const seconds = ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3])) * 60 + Number(m[4])
    return Date.now() - seconds * 1000
  } catch {
    return undefined
  }
}

/** This process, as a lock records it. */
export function ownIdentity(): ProcessIdentity {
  const procStart = procStartOf(process.pid)
  const boot = procStart ? bootId() : undefined
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: Math.round(Date.now() - process.uptime() * 1000),
    ...(procStart ? { procStart } : {}),
    ...(boot ? { bootId: boot } : {}),
  }
}

/** The identity a lock taken now by the process `pid` would record (tests forge locks with it). */
export function identityOf(pid: number): Omit<ProcessIdentity, 'startedAt'> {
  const procStart = procStartOf(pid)
  const boot = procStart ? bootId() : undefined
  return { pid, hostname: hostname(), ...(procStart ? { procStart } : {}), ...(boot ? { bootId: boot } : {}) }
}
