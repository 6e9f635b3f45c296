/**
 * Sandbox server instances as `npm start` runs them — src/server.ts compiled (scripts/compile.mjs), plain `node` with
 * the server's flags — on a fixed port each, so that an instance stopped and started again answers where the load
 * balancer expects it. SIGTERM is the server's own graceful stop (it drains); SIGKILL is a crash.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { compile, NODE_FLAGS } from '../../scripts/compile.mjs'
import type { InstanceState, Upstream } from './balanced-http'

const SERVER_SOURCE = new URL('../../src/server.ts', import.meta.url).pathname
const SERVER_ENTRY = new URL('../.compiled/server.mjs', import.meta.url).pathname
let compiled: Promise<unknown> | undefined

/** How long a planned stop waits after leaving the balancer before SIGTERM. */
const DEREGISTER_MS = 250

export interface InstanceStop {
  signal: 'SIGTERM' | 'SIGKILL'
  /** From the signal to the process's exit. */
  stopMs: number
  exitCode: number | null
  exitSignal: NodeJS.Signals | null
}

export class Instance implements Upstream {
  state: InstanceState = 'down'
  child: ChildProcess | undefined
  /** Processes this instance has run (1 + restarts). */
  lives = 0

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
    /** stdout and stderr of every life are appended here. */
    private readonly logFile: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined
  }

  /** Starts a process and resolves once /healthz answers 200 (the database reachable, migrations done). */
  async start(timeoutMs = 60_000): Promise<number> {
    compiled ??= compile(SERVER_SOURCE, SERVER_ENTRY)
    await compiled
    const t0 = performance.now()
    const fd = openSync(this.logFile, 'a')
    const child = spawn(process.execPath, [...NODE_FLAGS, SERVER_ENTRY], {
      env: { ...process.env, ...this.env, HOST: '127.0.0.1', PORT: String(this.port) },
      stdio: ['ignore', fd, fd],
    })
    closeSync(fd)
    this.child = child
    this.lives++
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${this.name} exited while starting (see ${this.logFile})`)
      if (performance.now() - t0 > timeoutMs) {
        child.kill('SIGKILL')
        throw new Error(`${this.name} did not become healthy in ${timeoutMs} ms (see ${this.logFile})`)
      }
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/healthz`)).ok) break
      } catch {}
      await new Promise((r) => setTimeout(r, 50))
    }
    this.state = 'up'
    return performance.now() - t0
  }

  /**
   * SIGTERM (the graceful stop: in-flight calls answered, queued records written, exit 0 — SIGKILL after `graceMs`)
   * or SIGKILL. The state says which until the next start, so that a request lost meanwhile is told apart.
   */
  async stop(signal: 'SIGTERM' | 'SIGKILL', graceMs = 30_000): Promise<InstanceStop> {
    const child = this.child
    this.state = signal === 'SIGTERM' ? 'draining' : 'killed'
    const t0 = performance.now()
    // A planned stop: out of the balancer first, then the requests already sent to it finish before SIGTERM (the
    // deregistration delay of a load balancer, a preStop hook). A crash (SIGKILL) has none.
    if (signal === 'SIGTERM') await new Promise((r) => setTimeout(r, DEREGISTER_MS))
    return new Promise((done) => {
      const finish = () =>
        done({
          signal,
          stopMs: performance.now() - t0,
          exitCode: child!.exitCode,
          exitSignal: child!.signalCode,
        })
      if (!child || child.exitCode !== null || child.signalCode !== null) return finish()
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      child.once('exit', () => {
        clearTimeout(timer)
        finish()
      })
      child.kill(signal)
    })
  }
}
