/** The import graph of a source tree (relative imports, tests aside), for the architecture rules (architecture.test.ts). */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx']

/** Every non-test source file under `root` → the files it imports (paths relative to `root`). */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$|\.d\.ts$/.test(name)) {
        const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true)
        const targets = info.importedFiles
          .map((f) => f.fileName)
          .filter((f) => f.startsWith('.'))
          .map((f) => resolveImport(dirname(path), f))
          .filter((f): f is string => f !== undefined)
          .map((f) => relative(root, f))
        graph.set(relative(root, path), [...new Set(targets)])
      }
    }
  }
  walk(root)
  return graph
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(from, spec.replace(/\.m?js$/, ''))
  for (const ext of ['', ...EXTENSIONS]) {
    try {
      if (statSync(base + ext).isFile()) return base + ext
    } catch {}
  }
  return undefined
}

/** The cycles of the graph: each strongly connected component of more than one file (or a file importing itself). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const stack: string[] = []
  const on = new Set<string>()
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const out: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return out
}
