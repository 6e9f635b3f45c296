/** Scenario d: `tsx src/server.ts` (memory storage, temp data dir) from spawn to the first /healthz answer: cold, warm, no CLI. */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { progress } from '../lib/load'
import { stopPid } from '../lib/processes'

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
  direct = false,
): Promise<ColdStart> {
  const port = await freePort()
  const server = resolve(repoRoot, 'mock-platform/src/server.ts')
  const [command, args] = direct
    ? [process.execPath, ['--import', import.meta.resolve('tsx'), server]]
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
    const direct = await startOnce(repoRoot, dataDir, tsxTmp, true)
    progress(`  [cold start] first answer after ${Math.round(direct.totalMs)} ms`)
    return {
      first,
      second,
      direct,
      note: 'tsx CLI → node child → transpile (first) or cache hit (second) → createApp → listen → GET /healthz',
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(tsxTmp, { recursive: true, force: true })
  }
}
