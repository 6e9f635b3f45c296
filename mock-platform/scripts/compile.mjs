/**
 * Compiles a TypeScript entry of the sandbox into one ES module (`npm start`, the bench's server children): the
 * workspace's own code bundled, every npm package left as an import. Plain JavaScript, so starting the sandbox loads
 * no TypeScript loader (cold start, and a second V8 thread's memory, saved). Rebuilds only when a source is newer.
 *
 *   node mock-platform/scripts/compile.mjs <entry.ts> <out.mjs>
 */
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/**
 * The flags the server runs with (`npm start` and the bench's children; a test holds package.json to them), both
 * measured by the soak (docs/benchmarks.md): 4 MB semi-spaces instead of 16 keep less young garbage resident, and an
 * old generation grown by 25 % over what a collection leaves (V8 otherwise lets it reach 2–4× the live data while
 * memory is plentiful) keeps RSS near the live data — 270 → ~190 MB peak at 750 journeys/s, same throughput.
 */
export const NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=25']

/** Where the bundled code comes from: a change under any of these makes a compiled entry stale. */
const SOURCES = ['mock-platform/src', 'mock-platform/bench', 'openapi/src', 'openapi/generated'].map((d) =>
  join(ROOT, d),
)

function newest(dir, skip) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (p === skip || e.name === 'node_modules' || e.name.startsWith('.')) continue
    t = Math.max(t, e.isDirectory() ? newest(p, skip) : statSync(p).mtimeMs)
  }
  return t
}

/** Compiles `entry` to `outfile` unless `outfile` is newer than every source; returns whether it built. */
export async function compile(entry, outfile) {
  let builtAt = 0
  try {
    builtAt = statSync(outfile).mtimeMs
  } catch {}
  if (builtAt > Math.max(...SOURCES.map((d) => newest(d, outfile)), statSync(entry).mtimeMs)) return false
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'warning',
    legalComments: 'none',
    // CommonJS packages imported by bundled code may call require().
    banner: {
      js: "import { createRequire as __sandboxRequire } from 'node:module'; const require = __sandboxRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'packages-stay-imports',
        setup(b) {
          // Bare specifiers are npm packages (imported at run time), except the workspace's own TypeScript packages.
          b.onResolve({ filter: /^[^./]/ }, (a) =>
            a.path.startsWith('@iamsmart-sandbox/') ? undefined : { external: true },
          )
        },
      },
    ],
  })
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, out] = process.argv.slice(2)
  if (!entry || !out) throw new Error('usage: node mock-platform/scripts/compile.mjs <entry.ts> <out.mjs>')
  await compile(resolve(entry), resolve(out))
}
