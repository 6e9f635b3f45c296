/** Summarises a V8 .cpuprofile: self time per function (name + file:line), largest first. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface SelfTime {
  fn: string
  where: string
  selfMs: number
  share: number
}

export function topSelfTime(file: string, root: string, n = 10): SelfTime[] {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((x) => [x.id, x]))
  const self = new Map<string, { fn: string; where: string; us: number }>()
  let total = 0
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]!)
    const dt = p.timeDeltas[i] ?? 0
    if (!node) continue
    const f = node.callFrame
    if (f.functionName === '(idle)') continue
    total += dt
    const url = f.url.replace(/^file:\/\//, '')
    const where = url ? `${url.startsWith('/') ? relative(root, url) : url}:${f.lineNumber + 1}` : ''
    const key = `${f.functionName}@${where}`
    const e = self.get(key) ?? { fn: f.functionName || '(anonymous)', where, us: 0 }
    e.us += dt
    self.set(key, e)
  }
  return [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, n)
    .map((e) => ({ fn: e.fn, where: e.where, selfMs: e.us / 1000, share: total ? e.us / total : 0 }))
}

/** The largest profile in `dir`: the process's main thread (the loader worker's profile is small). */
export function mainThreadProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ f: join(dir, f), size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size)
  return files[0]?.f
}
