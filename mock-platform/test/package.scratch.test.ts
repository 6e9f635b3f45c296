// The packages as a provider installs them (issue 16): `npm run pack`'s tarballs installed into scratch projects in a
// temporary directory outside the workspace — plain Node ESM, CommonJS, TypeScript nodenext, vitest + MSW — each
// running a login, an e-ME callback and a hash signing; then `npx` of the server tarball in an empty directory serves
// the portal, and the getting-started page's code runs as written in all three languages, before and after a port
// change. Slow (pack + install): one file, one packed set of tarballs, generous timeouts; nothing timed is asserted.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAll, ROOT } from '../../packaging/build'
import { gettingStartedBlocks, scratchProjects } from '../../packaging/scratch'
import { NODE_FLAGS } from '../scripts/compile.mjs'

const INSTALL_TIMEOUT = 600_000
let work: string
let tarballs: Awaited<ReturnType<typeof buildAll>>
const children: ChildProcess[] = []

/** Exact versions of the workspace's own pins, so the scratch installs come from the npm cache. */
function pinned(): Record<string, string> {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const mock = JSON.parse(readFileSync(join(ROOT, 'mock-platform/package.json'), 'utf8'))
  return {
    msw: mock.devDependencies.msw,
    typescript: root.devDependencies.typescript,
    vitest: root.devDependencies.vitest,
  }
}

/** This process's environment without vitest's own variables (a scratch project runs a vitest of its own). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TINYPOOL)/.test(k)))
  return { ...env, NODE_ENV: undefined, NODE_OPTIONS: '', NO_COLOR: '1', npm_config_update_notifier: 'false' }
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...cleanEnv(), ...env },
    timeout: INSTALL_TIMEOUT,
  })
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}\n${r.stdout}\n${r.stderr}`)
  return r.stdout
}

function npmInstall(cwd: string, specs: string[]): void {
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', ...specs], cwd)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Starts `npx -p <server tarball> iamsmart-sandbox` in `cwd` and waits for /healthz. */
async function startSandbox(
  cwd: string,
  port: number,
): Promise<{ child: ChildProcess; output: () => string }> {
  let output = ''
  const child = spawn('npx', ['--yes', '--prefer-offline', '-p', tarballs.server, 'iamsmart-sandbox'], {
    cwd,
    detached: true,
    env: {
      ...cleanEnv(),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SANDBOX_ADMIN_TOKEN: 'scratch-admin-token-0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited ${child.exitCode}:\n${output}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return { child, output: () => output }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the sandbox did not answer /healthz:\n${output}`)
}

/** Stops a sandbox started with npx: SIGTERM to its process group (npx, sh, node), then waits for its exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  if (child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
}

/** Tarballs packed earlier (IAMSMART_TARBALLS_DIR, e.g. a release's), else `npm run pack`'s, built now. */
async function packedTarballs(): Promise<Awaited<ReturnType<typeof buildAll>>> {
  const dir = process.env.IAMSMART_TARBALLS_DIR
  if (dir) {
    const find = (prefix: string) => {
      const file = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.tgz'))
      if (!file) throw new Error(`IAMSMART_TARBALLS_DIR has no ${prefix}*.tgz`)
      return join(dir, file)
    }
    return {
      openapi: find('iamsmart-sandbox-openapi-'),
      mockPlatform: find('iamsmart-sandbox-mock-platform-'),
      server: find('iamsmart-sandbox-server-'),
    }
  }
  // The server package ships the portal prebuilt: build it when it is missing (as `npm start` does).
  if (!existsSync(join(ROOT, 'build/index.html')))
    run(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'portal/scripts/ensure-site.ts'],
      ROOT,
    )
  return buildAll()
}

beforeAll(async () => {
  tarballs = await packedTarballs()
  work = mkdtempSync(join(tmpdir(), 'iamsmart-packages-'))
  // npx caches what it installs by the spec: a path of this run's own, so a rebuilt tarball is never taken stale.
  const server = join(work, basename(tarballs.server))
  cpSync(tarballs.server, server)
  tarballs = { ...tarballs, server }
}, 900_000)

afterAll(async () => {
  for (const child of children) await stop(child)
  // npx keeps what it installed under <npm cache>/_npx/<hash>: remove the entries made for this run's tarball.
  const cache = run('npm', ['config', 'get', 'cache'], ROOT).trim()
  const npx = join(cache, '_npx')
  if (work && existsSync(npx))
    for (const entry of readdirSync(npx)) {
      const manifest = join(npx, entry, 'package.json')
      if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(work))
        rmSync(join(npx, entry), { recursive: true, force: true })
    }
  if (work) rmSync(work, { recursive: true, force: true })
}, 60_000)

describe('the packed tarballs', () => {
  it('hold compiled JavaScript, declarations and documentation only: no sources, tests or source maps', () => {
    for (const tarball of Object.values(tarballs)) {
      const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n')
      expect(files).toContain('package/package.json')
      expect(files).toContain('package/README.md')
      const offending = files.filter(
        (f) =>
          /\.(test|spec)\.|\.map$|\/test\/|\/src\//.test(f) || (/\.tsx?$/.test(f) && !/\.d\.c?ts$/.test(f)),
      )
      expect(offending, tarball).toEqual([])
    }
    const manifest = (t: string) =>
      JSON.parse(execFileSync('tar', ['-xzOf', t, 'package/package.json'], { encoding: 'utf8' }))
    const openapi = manifest(tarballs.openapi)
    expect(openapi.exports['./client']).toEqual({
      import: { types: './dist/client.d.ts', default: './dist/client.js' },
      require: { types: './dist/client.d.cts', default: './dist/client.cjs' },
    })
    expect(openapi.exports['./signing']).toBeDefined()
    // The mock installs on its own (the openapi code is bundled in); the server has no dependencies at all.
    expect(Object.keys(manifest(tarballs.mockPlatform).dependencies)).not.toContain(
      '@iamsmart-sandbox/openapi',
    )
    const server = manifest(tarballs.server)
    // The command is the launcher that runs dist/server.js with npm start's Node flags (packaging/launcher.ts).
    expect(server.bin).toEqual({ 'iamsmart-sandbox': './dist/cli.cjs' })
    const cli = execFileSync('tar', ['-xzOf', tarballs.server, 'package/dist/cli.cjs'], { encoding: 'utf8' })
    for (const flag of NODE_FLAGS) expect(cli).toContain(JSON.stringify(flag))
    expect(server.dependencies).toBeUndefined()
  })

  it('the client entry does not load pdf-lib; the signing entry does', () => {
    const dir = join(work, 'entries')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), '{"name":"entries","private":true}')
    npmInstall(dir, [tarballs.openapi])
    const loaded = (entry: string) =>
      run(
        process.execPath,
        [
          '-e',
          `require('${entry}'); console.log(Object.keys(require.cache).some((f) => f.includes('/pdf-lib/')))`,
        ],
        dir,
      ).trim()
    expect(loaded('@iamsmart-sandbox/openapi/client')).toBe('false')
    expect(loaded('@iamsmart-sandbox/openapi/signing')).toBe('true')
  })
})

describe('scratch projects outside the workspace', () => {
  for (const project of scratchProjects(pinned())) {
    it(
      `${project.name}: a login, an e-ME callback and a hash signing`,
      () => {
        const dir = join(work, project.name)
        for (const [file, text] of Object.entries(project.files)) {
          mkdirSync(dirname(join(dir, file)), { recursive: true })
          writeFileSync(join(dir, file), text)
        }
        npmInstall(dir, [tarballs.openapi, tarballs.mockPlatform, ...project.devDependencies])
        const out = project.commands.map(([cmd, ...args]) => run(cmd!, args, dir)).join('\n')
        if (project.name === 'vitest') {
          const plain = out.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
          expect(plain).toMatch(/Tests\s+1 passed/)
          return
        }
        const result = out
          .split('\n')
          .map((line) => line.replace(/^# /, ''))
          .find((line) => line.startsWith('{"login"'))
        expect(JSON.parse(result ?? '{}')).toEqual({
          login: 64,
          eme: true,
          signedBy: expect.stringContaining('CN='),
        })
        if (project.name === 'typescript') expect(out).toContain('true TIMEOUT')
      },
      INSTALL_TIMEOUT,
    )
  }
})

describe('npx of the server tarball in an empty directory', () => {
  it(
    'serves the portal; the getting-started code runs as written in en, zh-Hant and zh-Hans, also after a port change',
    async () => {
      const home = join(work, 'empty')
      mkdirSync(home, { recursive: true })
      const first = await startSandbox(home, await freePort())
      const base = first.output().match(/listening on (http:\/\/\S+)/)?.[1]
      expect(base).toBeDefined()
      for (const path of ['/', '/zh-Hant/', '/zh-Hans/', '/docs/install']) {
        const page = await fetch(`${base}${path}`)
        expect(page.status, path).toBe(200)
        expect(await page.text(), path).toMatch(/<html[^>]*lang=/)
      }
      expect(existsSync(join(home, '.iamsmart-sandbox/demo-app.json'))).toBe(true)

      // The provider's own project, below the directory where the sandbox runs.
      const app = join(home, 'my-e-service')
      mkdirSync(app, { recursive: true })
      writeFileSync(join(app, 'package.json'), '{"name":"my-e-service","private":true}')
      npmInstall(app, [tarballs.openapi])
      const pages = {
        en: readFileSync(join(ROOT, 'portal/docs/getting-started.mdx'), 'utf8'),
        ...Object.fromEntries(
          ['zh-Hant', 'zh-Hans'].map((l) => [
            l,
            readFileSync(
              join(ROOT, `portal/i18n/${l}/docusaurus-plugin-content-docs/current/getting-started.mdx`),
              'utf8',
            ),
          ]),
        ),
      }
      const blocks = gettingStartedBlocks(pages)
      for (const [locale, code] of Object.entries(blocks)) {
        writeFileSync(join(app, `first-login.${locale}.mjs`), code)
        const out = run(process.execPath, [`first-login.${locale}.mjs`], app)
        expect(out, locale).toMatch(/openID [0-9a-f]{64} userType IAM_SMART_PLUS/)
        expect(out, locale).toContain('CHAN, Tai Man')
      }
      await stop(first.child)

      // Same directory, another port: the demo app's base URL and redirect URIs follow.
      const port = await freePort()
      await startSandbox(home, port)
      const demo = JSON.parse(readFileSync(join(home, '.iamsmart-sandbox/demo-app.json'), 'utf8'))
      expect(demo.baseUrl).toBe(`http://127.0.0.1:${port}`)
      expect(run(process.execPath, ['first-login.en.mjs'], app)).toMatch(/openID [0-9a-f]{64}/)
    },
    INSTALL_TIMEOUT,
  )
})
