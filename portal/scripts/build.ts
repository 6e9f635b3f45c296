/**
 * `npm run build`: builds the portal into build/ (all three locales). Steps, each timed: bundle the spec if
 * openapi/dist is missing, generate the reference tables and the tutorials section, generate the API reference MDX
 * from the bundled spec, then `docusaurus build` (extra arguments are passed on, e.g. `npm run build -- --locale en`).
 * The API reference is built for `en` only; the Chinese sites link to the English pages (docusaurus.config.ts).
 * `--prepare-only` stops before the build (for `npm run dev -w portal`, the live-reloading dev server).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { REPO_ROOT, writeGeneratedTables } from './generate-tables'
import { writeGeneratedTutorials } from './generate-tutorials'

const SPEC = join(REPO_ROOT, 'openapi/dist/platform.yaml')
const API_DOCS = join(REPO_ROOT, 'portal/docs/api')
const DOCUSAURUS = join(REPO_ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs')

/** CPU seconds (user + system) of this process and of its finished children, from /proc on Linux. */
export function cpuSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ')
      .map(Number)
    // After the ")": state is field 3, so utime, stime, cutime, cstime (fields 14–17) are at 11–14.
    return (fields[11]! + fields[12]! + fields[13]! + fields[14]!) / 100
  } catch {
    return undefined
  }
}

function step(name: string, run: () => void): void {
  const started = performance.now()
  console.log(`[portal] ${name}…`)
  run()
  console.log(`[portal] ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

function exec(command: string, args: string[]): void {
  const r = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: process.env })
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`)
}

/** Generates everything the site reads from other sources (tables, API reference). */
export function prepareSite(): void {
  if (!existsSync(SPEC))
    step('bundling the OpenAPI spec (npm run gen -w openapi)', () =>
      exec('npm', ['run', 'gen', '-w', 'openapi']),
    )
  step('generating the reference tables', () => {
    writeGeneratedTables()
  })
  step('generating the tutorials and samples pages', () => {
    writeGeneratedTutorials()
  })
  step('generating the API reference from openapi/dist/platform.yaml', () => {
    rmSync(API_DOCS, { recursive: true, force: true })
    exec(process.execPath, [DOCUSAURUS, 'gen-api-docs', 'all'])
  })
}

export function buildSite(args: string[] = []): void {
  const started = performance.now()
  prepareSite()
  step(`building the site (${args.includes('--locale') ? args.join(' ') : 'en, zh-Hant, zh-Hans'})`, () =>
    exec(process.execPath, [DOCUSAURUS, 'build', ...args]),
  )
  const cpu = cpuSeconds()
  console.log(
    `[portal] built build/ in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (cpu !== undefined ? ` (CPU time ${cpu.toFixed(1)} s)` : ''),
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const args = process.argv.slice(2)
    if (args.includes('--prepare-only')) prepareSite()
    else buildSite(args)
  } catch (e) {
    console.error(`[portal] ${(e as Error).message}`)
    process.exit(1)
  }
}
