/**
 * Scenario d: from spawn to the first /healthz answer (memory storage, temp data dir): `npm start`'s compiled server
 * (first start compiling it, then compiled), and `tsx src/server.ts` cold, warm and without the tsx CLI.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { progress } from '../lib/load'
import { stopPid } from '../lib/processes'
import { NODE_FLAGS } from '../../scripts/compile.mjs'

export interface ColdStart {
  /** spawn → first 200 from /healthz, ms. */
  totalMs: number
  /** What the server itself prints ("ready in N ms"): config, createApp, listen; no Node boot or transpiling. */
  serverReadyMs: number | undefined
}

export interface ColdStartResult {
  /** `tsx src/server.ts` with an empty tsx cache and a new data directory (the demo KEK is generated). */
  first: ColdStart
  /** `tsx src/server.ts` again: warm tsx cache, existing data directory. */
  second: ColdStart
  /** `node --import tsx src/server.ts`, warm: the same without the tsx CLI's relay process. */
  direct: ColdStart
  /** `npm start`'s command (`node <flags> scripts/start.mjs`) with no compiled server yet: it compiles first. */
  compiledFirst: ColdStart
  /** The same again: the compiled server is up to date. */
  compiled: ColdStart
  note: string
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })
}

function healthz(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume()
      res.on('end', () => done(res.statusCode === 200))
    })
    req.on('error', () => done(false))
    req.setTimeout(1000, () => req.destroy())
  })
}

async function startOnce(
  repoRoot: string,
  dataDir: string,
  tsxTmp: string,
  how: 'tsx' | 'direct' | 'compiled' = 'tsx',
): Promise<ColdStart> {
  const port = await freePort()
  const server = resolve(repoRoot, 'mock-platform/src/server.ts')
  const [command, args] =
    how === 'direct'
      ? [process.execPath, ['--import', import.meta.resolve('tsx'), server]]
      : how === 'compiled'
        ? [process.execPath, [...NODE_FLAGS, resolve(repoRoot, 'mock-platform/scripts/start.mjs')]]
        : [resolve(repoRoot, 'node_modules/.bin/tsx'), [server]]
  const started = performance.now()
  const child = spawn(command, args, {
    cwd: resolve(repoRoot, 'mock-platform'),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_STORAGE: 'memory',
      SANDBOX_DATA_DIR: dataDir,
      // tsx keeps its transpile cache under $TMPDIR/tsx-<uid>: a fresh TMPDIR makes the first start truly cold.
      TMPDIR: tsxTmp,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString()
  })
  child.stderr.on('data', (c: Buffer) => {
    out += c.toString()
  })
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`server exited with ${child.exitCode}: ${out.slice(0, 400)}`)
      if (await healthz(port)) break
      if (performance.now() - started > 30_000) throw new Error('no /healthz answer within 30 s')
      await new Promise((r) => setTimeout(r, 5))
    }
    const totalMs = performance.now() - started
    await new Promise((r) => setTimeout(r, 50))
    const ready = /ready in (\d+) ms/.exec(out)
    return { totalMs, serverReadyMs: ready ? Number(ready[1]) : undefined }
  } finally {
    await stopPid(child, 5000)
  }
}

export async function benchColdStart(repoRoot: string): Promise<ColdStartResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iams-bench-data-'))
  const tsxTmp = mkdtempSync(join(tmpdir(), 'iams-bench-tsx-'))
  try {
    progress('  [cold start] first start: empty tsx cache, new data dir (demo KEK generated) …')
    const first = await startOnce(repoRoot, dataDir, tsxTmp)
    progress(`  [cold start] first answer after ${Math.round(first.totalMs)} ms`)
    progress('  [cold start] second start: warm tsx cache, same data dir …')
    const second = await startOnce(repoRoot, dataDir, tsxTmp)
    progress(`  [cold start] first answer after ${Math.round(second.totalMs)} ms`)
    progress('  [cold start] third start: node --import tsx (no tsx CLI relay process), warm cache …')
    const direct = await startOnce(repoRoot, dataDir, tsxTmp, 'direct')
    progress(`  [cold start] first answer after ${Math.round(direct.totalMs)} ms`)
    progress('  [cold start] npm start with no compiled server (it compiles first) …')
    rmSync(resolve(repoRoot, 'mock-platform/dist/server.mjs'), { force: true })
    const compiledFirst = await startOnce(repoRoot, dataDir, tsxTmp, 'compiled')
    progress(`  [cold start] first answer after ${Math.round(compiledFirst.totalMs)} ms`)
    progress('  [cold start] npm start again: compiled JavaScript, no TypeScript loader …')
    const compiled = await startOnce(repoRoot, dataDir, tsxTmp, 'compiled')
    progress(`  [cold start] first answer after ${Math.round(compiled.totalMs)} ms`)
    return {
      first,
      second,
      direct,
      compiledFirst,
      compiled,
      note: 'tsx CLI → node child → transpile (first) or cache hit (second) → createApp → listen → GET /healthz',
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(tsxTmp, { recursive: true, force: true })
  }
}
