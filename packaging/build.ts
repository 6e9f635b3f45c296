/**
 * Builds the packages a provider installs and packs them into tarballs (`npm run pack`):
 * `@iamsmart-sandbox/openapi` (client, codec, signing, demo finder; ESM + CJS + .d.ts), `@iamsmart-sandbox/mock-platform`
 * (createApp + precompiled MSW handlers; the openapi code bundled in) and `@iamsmart-sandbox/server` (the whole
 * sandbox in one `npx`: compiled server started by a launcher with `npm start`'s Node flags, no dependencies, the
 * prebuilt portal inside). Each package is laid out in packaging/.stage/<name>/ with a package.json of its own (the
 * workspaces' manifests point at TypeScript sources for development and stay private), then packed into
 * packaging/tarballs/.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Options } from 'tsup'
import { NODE_FLAGS } from '../mock-platform/scripts/compile.mjs'
import { launcherSource } from './launcher'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const STAGE = join(ROOT, 'packaging/.stage')
export const TARBALLS = join(ROOT, 'packaging/tarballs')
const TSCONFIG = join(ROOT, 'packaging/tsconfig.build.json')
const SITE = join(ROOT, 'build')
/** The server package's command: a launcher that runs dist/server.js with `npm start`'s Node flags (launcher.ts). */
export const SERVER_BIN = { 'iamsmart-sandbox': './dist/cli.cjs' } as const

/** Writes the server package's launcher into `dir` (its dist/, beside server.js). */
export function writeServerLauncher(dir: string): string {
  const file = join(dir, 'cli.cjs')
  writeFileSync(file, launcherSource(NODE_FLAGS), { mode: 0o755 })
  return file
}

type Manifest = Record<string, unknown> & {
  name: string
  version: string
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, unknown>
}
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'))
const rootManifest = manifest('.')

const COMMON = {
  license: rootManifest.license,
  engines: { node: '>=20.19' },
  repository: { type: 'git', url: 'https://github.com/iamsmart-sandbox/iamsmart-sandbox.git' },
  keywords: ['iam-smart', 'iamsmart', 'hong-kong', 'digital-identity', 'sandbox', 'mock', 'msw'],
  sideEffects: false,
} as const

/** `exports` for ESM + CJS entries with their declarations (types first in each condition). */
function dualExports(names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of names) {
    out[name === 'index' ? '.' : `./${name}`] = {
      import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
      require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
    }
  }
  out['./package.json'] = './package.json'
  return out
}

const base = (entry: Record<string, string>, outDir: string): Options => ({
  entry,
  outDir,
  tsconfig: TSCONFIG,
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  clean: true,
  silent: true,
  treeshake: false,
  esbuildOptions(o) {
    o.jsx = 'automatic'
    o.jsxImportSource = 'hono/jsx'
    o.legalComments = 'none'
  },
})

function writeManifest(dir: string, m: Record<string, unknown>): void {
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(m, null, 2)}\n`)
}

function copyDocs(dir: string, readme: string): void {
  cpSync(join(ROOT, 'packaging/readme', readme), join(dir, 'README.md'))
  const license = join(ROOT, 'LICENSE')
  if (existsSync(license)) cpSync(license, join(dir, 'LICENSE'))
}

export async function buildOpenapi(): Promise<string> {
  const m = manifest('openapi')
  const dir = join(STAGE, 'openapi')
  rmSync(dir, { recursive: true, force: true })
  const entries = {
    index: 'openapi/src/index.ts',
    client: 'openapi/src/client/index.ts',
    codec: 'openapi/src/codec/index.ts',
    signing: 'openapi/src/client/signing/index.ts',
    demo: 'openapi/src/demo/index.ts',
    // The contract's generated types (`paths`, `components`): `import type { components } from '…/generated/platform'`.
    'generated/platform': 'openapi/generated/platform.ts',
  }
  await build({
    ...base(
      Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(ROOT, v)])),
      join(dir, 'dist'),
    ),
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    external: Object.keys(m.dependencies ?? {}),
  })
  const spec = join(ROOT, 'openapi/dist')
  if (existsSync(join(spec, 'platform.yaml'))) cpSync(spec, join(dir, 'openapi'), { recursive: true })
  writeManifest(dir, {
    name: m.name,
    version: m.version,
    description: m.description,
    ...COMMON,
    type: 'module',
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { ...dualExports(Object.keys(entries)), './openapi/*': './openapi/*' },
    files: ['dist', 'openapi', 'README.md', 'LICENSE'],
    dependencies: m.dependencies,
  })
  copyDocs(dir, 'openapi.md')
  return dir
}

/** ESM-only dependencies bundled into the CommonJS build, so Jest (which cannot require ESM) loads it. */
const ESM_ONLY = ['lowdb', 'steno', '@faker-js/faker', 'file-type', 'pkijs', 'asn1js']

export async function buildMockPlatform(): Promise<string> {
  const m = manifest('mock-platform')
  const openapi = manifest('openapi')
  const dir = join(STAGE, 'mock-platform')
  rmSync(dir, { recursive: true, force: true })
  const deps = { ...m.dependencies }
  delete deps['@iamsmart-sandbox/openapi'] // bundled: the tarball installs on its own
  for (const [name, version] of Object.entries(openapi.dependencies ?? {}))
    if (name === 'node-forge') deps[name] = version
  // The declarations name node-forge's types (the mock PKI's services): a consumer needs no @types of its own.
  deps['@types/node-forge'] = manifest('openapi').devDependencies?.['@types/node-forge'] as string
  // …and pg's (AppDeps names the hosted storage engines: PostgreSQL's pool), likewise.
  deps['@types/pg'] = m.devDependencies?.['@types/pg'] as string
  const entry = {
    index: join(ROOT, 'mock-platform/src/app.ts'),
    msw: join(ROOT, 'mock-platform/src/msw/index.ts'),
  }
  const external = [...Object.keys(deps), 'msw', /^msw\//, /^hono\//, /^@hono\//]
  await build({
    ...base(entry, join(dir, 'dist')),
    format: ['esm'],
    dts: { resolve: [/^@iamsmart-sandbox\/openapi/] },
    splitting: true,
    external,
    noExternal: ['@iamsmart-sandbox/openapi'],
  })
  await build({
    ...base(entry, join(dir, 'dist')),
    clean: false,
    format: ['cjs'],
    dts: false,
    splitting: true,
    external: external.filter((e) => typeof e !== 'string' || !ESM_ONLY.includes(e)),
    noExternal: ['@iamsmart-sandbox/openapi', ...ESM_ONLY, /^@faker-js\//],
  })
  for (const name of Object.keys(entry))
    cpSync(join(dir, `dist/${name}.d.ts`), join(dir, `dist/${name}.d.cts`))
  writeManifest(dir, {
    name: m.name,
    version: m.version,
    description: m.description,
    ...COMMON,
    type: 'module',
    main: './dist/index.cjs',
    types: './dist/index.d.ts',
    exports: dualExports(Object.keys(entry)),
    files: ['dist', 'README.md', 'LICENSE'],
    dependencies: deps,
    peerDependencies: m.peerDependencies,
    peerDependenciesMeta: m.peerDependenciesMeta,
  })
  copyDocs(dir, 'mock-platform.md')
  return dir
}

export async function buildServer(site = SITE): Promise<string> {
  const m = manifest('mock-platform')
  const dir = join(STAGE, 'server')
  rmSync(dir, { recursive: true, force: true })
  if (!existsSync(join(site, 'index.html')))
    throw new Error(
      'the portal is not built: run `npm run build` first (the server package ships it prebuilt)',
    )
  await build({
    ...base({ server: join(ROOT, 'mock-platform/src/server.ts') }, join(dir, 'dist')),
    format: ['esm'],
    dts: false,
    splitting: false,
    minify: true,
    // Everything inside one file: `npx` installs nothing else, and a cold start reads one module.
    noExternal: [/.*/],
    external: ['msw', /^msw\//],
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  })
  writeServerLauncher(join(dir, 'dist'))
  cpSync(site, join(dir, 'portal'), { recursive: true })
  writeManifest(dir, {
    name: '@iamsmart-sandbox/server',
    version: m.version,
    description:
      'The iAM Smart Developer Sandbox in one command: mock platform, developer portal and virtual iAM Smart app (`npx @iamsmart-sandbox/server`).',
    ...COMMON,
    sideEffects: true,
    type: 'module',
    bin: SERVER_BIN,
    files: ['dist', 'portal', 'README.md', 'LICENSE'],
  })
  copyDocs(dir, 'server.md')
  return dir
}

/** Packs a staged package into packaging/tarballs/ and returns the tarball's path. */
export function pack(dir: string): string {
  mkdirSync(TARBALLS, { recursive: true })
  const out = execFileSync(
    'npm',
    ['pack', dir, '--pack-destination', TARBALLS, '--json', '--ignore-scripts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  const [info] = JSON.parse(out) as { filename: string }[]
  return join(TARBALLS, info!.filename)
}

export async function buildAll(): Promise<Record<'openapi' | 'mockPlatform' | 'server', string>> {
  const openapi = pack(await buildOpenapi())
  const mockPlatform = pack(await buildMockPlatform())
  const server = pack(await buildServer())
  return { openapi, mockPlatform, server }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2)
  const steps: Record<string, () => Promise<string>> = {
    openapi: buildOpenapi,
    'mock-platform': buildMockPlatform,
    server: buildServer,
  }
  for (const [name, step] of Object.entries(steps)) {
    if (only.length > 0 && !only.includes(name)) continue
    const started = performance.now()
    const tarball = pack(await step())
    console.log(`${tarball}  (${Math.round(performance.now() - started)} ms)`)
  }
}
