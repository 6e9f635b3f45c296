/**
 * Starts server child processes and stops them by pid. The child runs compiled JavaScript, as `npm start` does
 * (scripts/compile.mjs: no TypeScript loader, no loader thread), so the pid is the server itself.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { compile, NODE_FLAGS } from '../../scripts/compile.mjs'

const CHILD_SOURCE = new URL('../servers/child.ts', import.meta.url).pathname
const CHILD_ENTRY = new URL('../.compiled/child.mjs', import.meta.url).pathname
let compiled: Promise<unknown> | undefined

export interface ServerChild<Info> {
  pid: number
  info: Info
  /** The child's process.memoryUsage() (bytes), asked over IPC. */
  memory(): Promise<NodeJS.MemoryUsage | undefined>
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>
}

/** Forks `servers/child.ts <kind>` and waits for its `ready` message (port and credentials). */
export async function startChild<Info>(
  kind: 'bare' | 'platform' | 'probe-plain' | 'probe-body-limit',
  o: { env?: Record<string, string>; cpuProfDir?: string; timeoutMs?: number } = {},
): Promise<ServerChild<Info>> {
  compiled ??= compile(CHILD_SOURCE, CHILD_ENTRY)
  await compiled
  const execArgv = [...NODE_FLAGS]
  if (o.cpuProfDir) {
    mkdirSync(o.cpuProfDir, { recursive: true })
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`)
  }
  const child = fork(CHILD_ENTRY, [kind], {
    execArgv,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((resolveChild, reject) => {
    const timer = setTimeout(() => {
      void stopPid(child, 0)
      reject(new Error(`${kind} server did not start within ${o.timeoutMs ?? 30_000} ms`))
    }, o.timeoutMs ?? 30_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${kind} server exited with code ${code} before it was ready`))
    })
    child.on('message', (m: { type?: string } & Record<string, unknown>) => {
      if (m?.type !== 'ready') return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      const { type: _t, ...info } = m
      resolveChild({
        pid: child.pid!,
        info: info as Info,
        stop: (graceMs = 10_000) => stopPid(child, graceMs),
        memory: () =>
          new Promise((answer) => {
            const timer = setTimeout(() => answer(undefined), 2_000)
            const on = (m: { type?: string } & Partial<NodeJS.MemoryUsage>) => {
              if (m?.type !== 'memory') return
              clearTimeout(timer)
              child.off('message', on)
              answer(m as NodeJS.MemoryUsage)
            }
            child.on('message', on)
            child.send({ type: 'memory' })
          }),
      })
    })
  })
}

/** Stops one process we started, by its pid: SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
export function stopPid(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    const pid = child.pid!
    const timer = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {}
    }, graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      done()
    })
    try {
      process.kill(pid, 'SIGTERM')
    } catch {
      clearTimeout(timer)
      done()
    }
  })
}
