/**
 * `npx tsx packaging/measure.ts [tarballs dir]`: sizes of the packed tarballs and the cold start of the server package
 * (its command — the launcher, then compiled JavaScript with `npm start`'s flags — and `node dist/server.js` without
 * it) against the repository's `tsx mock-platform/src/server.ts`, spawn to the first answer of /healthz, median of 5
 * each. Writes the "Packages" section of docs/benchmarks.md (between its markers); nothing here is asserted by a test
 * (figures drift on shared machines).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { NODE_FLAGS } from '../mock-platform/scripts/compile.mjs'
import { ROOT, TARBALLS } from './build'

const BEGIN = '<!-- packages:begin (packaging/measure.ts) -->'
const END = '<!-- packages:end -->'
const RUNS = 5

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

/** Milliseconds from spawn to the first 200 of /healthz. */
async function coldStart(cmd: string, args: string[], cwd: string, dataDir: string): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child: ChildProcess = spawn(cmd, args, {
    cwd,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), SANDBOX_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  })
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return performance.now() - started
      } catch {
        // not yet
      }
      if (performance.now() - started > 60_000) throw new Error(`${cmd} did not start`)
      await new Promise((r) => setTimeout(r, 5))
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

async function main(): Promise<void> {
  const dir = process.argv[2] ?? TARBALLS
  const tarballs = readdirSync(dir).filter((f) => f.endsWith('.tgz'))
  const rows: string[] = []
  const work = mkdtempSync(join(tmpdir(), 'measure-'))
  let serverBin = ''
  for (const file of tarballs) {
    const path = join(dir, file)
    const listing = execFileSync('tar', ['-tzvf', path], { encoding: 'utf8' }).trim().split('\n')
    const unpacked = listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[2]), 0)
    const unpackDir = join(work, file)
    mkdirSync(unpackDir)
    execFileSync('tar', ['-xzf', path, '-C', unpackDir])
    const manifest = JSON.parse(readFileSync(join(unpackDir, 'package/package.json'), 'utf8'))
    const deps = Object.keys(manifest.dependencies ?? {})
    rows.push(
      `| \`${manifest.name}\` | ${kb(statSync(path).size)} | ${mb(unpacked)} | ${listing.length} | ${deps.length ? deps.join(', ') : 'none'} |`,
    )
    if (manifest.bin)
      serverBin = join(unpackDir, 'package', Object.values(manifest.bin as Record<string, string>)[0]!)
  }
  const runs = {
    compiledFirst: [] as number[],
    compiledAgain: [] as number[],
    directFirst: [] as number[],
    directAgain: [] as number[],
    tsxFirst: [] as number[],
    tsxAgain: [] as number[],
  }
  const tsxBin = join(ROOT, 'node_modules/.bin/tsx')
  for (let i = 0; i < RUNS; i++) {
    for (const [kind, cmd, args, cwd] of [
      ['compiled', process.execPath, [serverBin], work],
      ['direct', process.execPath, [serverBin && join(dirname(serverBin), 'server.js')], work],
      ['tsx', tsxBin, ['mock-platform/src/server.ts'], ROOT],
    ] as const) {
      if (!args[0]) continue
      const dataDir = mkdtempSync(join(tmpdir(), 'cold-'))
      runs[`${kind}First`].push(await coldStart(cmd, [...args], cwd, dataDir))
      runs[`${kind}Again`].push(await coldStart(cmd, [...args], cwd, dataDir))
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const serverBinSize = serverBin ? mb(statSync(join(dirname(serverBin), 'server.js')).size) : '–'
  rmSync(work, { recursive: true, force: true })
  const fmt = (xs: number[]) =>
    xs.length ? `${Math.round(median(xs))} ms (${xs.map((x) => Math.round(x)).join(', ')})` : '–'
  const section = [
    BEGIN,
    `## Packages (issue 16; measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version})`,
    '',
    '`npm run pack`, then `npx tsx packaging/measure.ts`. Sizes of the tarballs a provider installs:',
    '',
    '| package | tarball | unpacked | files | dependencies |',
    '| --- | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    'Cold start, spawn to the first 200 of `/healthz` with lowdb storage, median of ' +
      RUNS +
      ' (all runs in brackets).',
    "First start: a new data directory (the demo app's key pair, the mock PKI and the residents are generated too);",
    'restart: the same directory again. Budget (design §11): < 1 s. Load average during the run: ' +
      `${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (other work on the machine slows every figure).`,
    '',
    '| how | first start | restart |',
    '| --- | ---: | ---: |',
    `| \`@iamsmart-sandbox/server\`: its command, \`iamsmart-sandbox\` (\`dist/cli.cjs\` → \`node ${NODE_FLAGS.join(' ')} dist/server.js\`) | ${fmt(runs.compiledFirst)} | ${fmt(runs.compiledAgain)} |`,
    `| the same server without the launcher: \`node dist/server.js\` (compiled, one file; no flags) | ${fmt(runs.directFirst)} | ${fmt(runs.directAgain)} |`,
    `| repository: \`tsx mock-platform/src/server.ts\` | ${fmt(runs.tsxFirst)} | ${fmt(runs.tsxAgain)} |`,
    '',
    `The server package runs compiled JavaScript (one minified ESM file of ${serverBinSize}, dependencies bundled, no`,
    "tsx), started by a launcher that runs it with `npm start`'s Node flags (one more Node start before the server's). Most",
    'of its tarball is the prebuilt portal (three languages); the mock-platform and openapi tarballs carry',
    'no sources, tests or maps (checked by `mock-platform/test/package.scratch.test.ts`). Only Node 20 is on this',
    "project's machines: 22 and 24 are not measured.",
    '',
    END,
  ].join('\n')
  const file = join(ROOT, 'docs/benchmarks.md')
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(BEGIN)
  const next =
    start >= 0
      ? `${text.slice(0, start)}${section}${text.slice(text.indexOf(END) + END.length)}`
      : `${text.trimEnd()}\n\n${section}\n`
  writeFileSync(file, next)
  console.log(section)
}

await main()
