import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { cycles, importGraph } from './import-graph'

const SRC = fileURLToPath(new URL('.', import.meta.url))
const PORTAL = fileURLToPath(new URL('../../portal/src', import.meta.url))
const graph = importGraph(SRC)

/** Imports from one feature into another feature's files other than its entry (`features/<x>/index.ts`). */
function crossFeatureInternals(): string[] {
  const out: string[] = []
  for (const [from, targets] of graph) {
    const own = /^features\/([^/]+)\//.exec(from)?.[1]
    if (!own) continue
    for (const t of targets) {
      const m = /^features\/([^/]+)\/(.+)$/.exec(t)
      if (m && m[1] !== own && m[2] !== 'index.ts') out.push(`${from} → ${t}`)
    }
  }
  return out
}

describe('architecture', () => {
  it('has no import cycle in the mock platform or the portal', () => {
    expect(cycles(graph)).toEqual([])
    expect(cycles(importGraph(PORTAL))).toEqual([])
  })

  it('keeps the protocol, the stores and the HTTP helpers below the features (they declare ports; features implement them)', () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      /^(protocol|store|http)\//.test(from)
        ? targets.filter((t) => t.startsWith('features/')).map((t) => `${from} → ${t}`)
        : [],
    )
    expect(upward).toEqual([])
  })

  it('reaches another feature only through its entry (features/<x>/index.ts)', () => {
    expect(crossFeatureInternals()).toEqual([])
  })
})
