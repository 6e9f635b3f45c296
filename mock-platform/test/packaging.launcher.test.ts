// The server package's command (issue 19 item 4): `iamsmart-sandbox` is a launcher that runs dist/server.js with the
// Node flags `npm start` runs the server with (NODE_FLAGS), passes a stop on once, and exits as the server did. The
// launcher is written as the build writes it, beside a stand-in server.js that reports what it was started with.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SERVER_BIN, writeServerLauncher } from '../../packaging/build'
import { NODE_FLAGS } from '../scripts/compile.mjs'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** A dist/ with the launcher and a server.js that prints its flags and young generation, then counts signals. */
function dist(): { cli: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iamsmart-launcher-'))
  dirs.push(dir)
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
  writeFileSync(
    join(dir, 'server.js'),
    `import v8 from 'node:v8'
// Young garbage enough for the young generation to reach its largest size (32 MB without the flags, 8 with them).
let keep = []
for (let i = 0; i < 1e6; i++) { const o = { i, s: 'x' + i }; if (i % 10 === 0) keep.push(o) }
keep = null
const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')
let signals = 0
const stop = (s) => {
  if (++signals === 1) setTimeout(() => { console.log(JSON.stringify({ stopped: s, signals })); process.exit(7) }, 400)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
console.log(JSON.stringify({ execArgv: process.execArgv, args: process.argv.slice(2), young: young.space_size }))
setInterval(() => {}, 1000)
`,
  )
  return { cli: writeServerLauncher(dir) }
}

function start(cli: string, args: string[] = []) {
  const child = spawn(process.execPath, [cli, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const lines = () =>
    out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
  const started = async () => {
    for (let i = 0; i < 200 && !out.includes('\n'); i++) await new Promise((r) => setTimeout(r, 25))
    return lines()[0]!
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  )
  return { child, started, exited, lines }
}

describe('the server package runs its server with the flags npm start uses', () => {
  it('the package command is the launcher, and the launcher carries every flag', () => {
    expect(SERVER_BIN).toEqual({ 'iamsmart-sandbox': './dist/cli.cjs' })
    expect(NODE_FLAGS).toEqual(['--max-semi-space-size=4', '--heap-growing-percent=25'])
    const text = readFileSync(dist().cli, 'utf8')
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true)
    for (const flag of NODE_FLAGS) expect(text).toContain(JSON.stringify(flag))
  })

  it('the server runs with NODE_FLAGS (V8 took them: a young generation of 2 × 4 MB at most) and the arguments', async () => {
    const run = start(dist().cli, ['--port', '1234'])
    const first = await run.started()
    expect(first.execArgv).toEqual(NODE_FLAGS)
    expect(first.args).toEqual(['--port', '1234'])
    expect(first.young).toBeLessThanOrEqual(8 * 1024 * 1024)
    process.kill(-run.child.pid!, 'SIGTERM')
    expect(await run.exited).toEqual({ code: 7, signal: null })
  })

  it.skipIf(process.platform === 'win32')(
    'a stop delivered twice at once (the process group, then npx passing it on) reaches the server once; the launcher exits with its code',
    async () => {
      const run = start(dist().cli)
      await run.started()
      // The launcher's process group (as a terminal's Ctrl-C or `kill -- -pgid`), then the launcher itself again.
      process.kill(-run.child.pid!, 'SIGINT')
      await new Promise((r) => setTimeout(r, 50))
      process.kill(run.child.pid!, 'SIGINT')
      expect(await run.exited).toEqual({ code: 7, signal: null })
      expect(run.lines().at(-1)).toEqual({ stopped: 'SIGINT', signals: 1 })
    },
  )
})
