/** Similar enquiries: TF-IDF vectors over subject, description and D-codes, compared by cosine similarity. */

const STOP = new Set(
  'a an and are as at be but by can could do does for from get got has have how i if in into is it its me my no not of on or our please so that the their then there this to us was we what when where which while why will with you your'.split(
    ' ',
  ),
)

/** Lower-cased words of two or more characters (D-codes and operation ids stay whole), stop words dropped. */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9_-]*[a-z0-9]/g) ?? []).filter((t) => !STOP.has(t))
}

export interface Doc {
  id: string
  text: string
}

export interface Match {
  id: string
  score: number
  /** Terms both share, heaviest first (why they look alike). */
  shared: string[]
}

/** Documents most like `target` among `corpus` (target excluded), score ≥ `min`, best first. */
export function similar(target: Doc, corpus: Doc[], limit = 5, min = 0.2): Match[] {
  const docs = [target, ...corpus.filter((d) => d.id !== target.id)]
  const bags = docs.map((d) => counts(tokens(d.text)))
  const df = new Map<string, number>()
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const idf = (t: string) => Math.log((1 + docs.length) / (1 + (df.get(t) ?? 0))) + 1
  const vectors = bags.map((bag) => {
    const v = new Map<string, number>()
    for (const [t, n] of bag) v.set(t, n * idf(t))
    return v
  })
  const [tv, ...rest] = vectors
  const out: Match[] = []
  rest.forEach((v, i) => {
    const score = cosine(tv!, v)
    if (score < min) return
    const shared = [...tv!.keys()]
      .filter((t) => v.has(t))
      .sort((a, b) => tv!.get(b)! * v.get(b)! - tv!.get(a)! * v.get(a)!)
    out.push({ id: docs[i + 1]!.id, score: Math.round(score * 1000) / 1000, shared: shared.slice(0, 5) })
  })
  return out.sort((a, b) => b.score - a.score).slice(0, limit)
}

function counts(words: string[]): Map<string, number> {
  const m = new Map<string, number>()
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1)
  return m
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0
  for (const [t, x] of a) dot += x * (b.get(t) ?? 0)
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0))
  const d = norm(a) * norm(b)
  return d === 0 ? 0 : dot / d
}
