/**
 * Which pages of the portal have an up-to-date Chinese translation. Every English prose page (portal/docs without
 * the generated API reference and partials, the generated tutorials and samples pages, the news posts) has a
 * translation per locale under portal/i18n/<locale>/…, whose front matter says which English text it translates:
 * `source_hash: <the first 12 hex digits of the SHA-256 of the English page>`. A different hash means the English
 * page changed since: the translation is stale. No Git history is needed (CI clones may be shallow).
 *
 *   npm run translations -w portal                      # lists missing and stale pages, exit 1 if any
 *   npm run translations -w portal -- stamp concepts/callbacks [--locale zh-Hant]
 *                                                        # records the current English hash in the translations
 *   npm run translations -w portal -- anchors            # writes the English anchors into translated headings
 *
 * A page is named by its path under its English root, prefixed with `tutorials/` or `news/` for those sections
 * (`concepts/callbacks.mdx`, `tutorials/01-first-login.md`, `news/2026-11-22-console.mdx`; the extension may be left
 * off). Glossary and rules: portal/i18n/glossary.md.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generatedTutorials } from './generate-tutorials'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const LOCALES = ['zh-Hant', 'zh-Hans'] as const
export type Locale = (typeof LOCALES)[number]

/** One English page and where its translations live. */
export interface SourcePage {
  /** `concepts/callbacks.mdx`, `tutorials/01-first-login.md`, `news/2026-11-22-console.mdx`. */
  name: string
  /** The English text (for tutorials: the page as generated from the lesson's README and its code). */
  text: string
  /** The translation's path for a locale, relative to the repository. */
  translation(locale: Locale): string
}

export interface PageStatus {
  name: string
  locale: Locale
  file: string
  state: 'ok' | 'missing' | 'stale' | 'unstamped'
  expected: string
  found?: string
}

/** The first 12 hex digits of the SHA-256 of a text, line endings normalised. */
export function sourceHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex').slice(0, 12)
}

function files(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path, base)
    return /\.mdx?$/.test(name) ? [relative(base, path).split(/[\\/]/).join('/')] : []
  })
}

/** portal/docs pages that are prose: not the API reference (generated) and not `_`-prefixed partials. */
export const isProse = (rel: string) =>
  !rel.startsWith('api/') && !rel.split('/').some((p) => p.startsWith('_'))

export function sourcePages(): SourcePage[] {
  const docs = join(REPO_ROOT, 'portal/docs')
  const news = join(REPO_ROOT, 'portal/news')
  const i18n = (locale: Locale, plugin: string, rel: string) => `portal/i18n/${locale}/${plugin}/${rel}`
  const pages: SourcePage[] = files(docs)
    .filter(isProse)
    .map((rel) => ({
      name: rel,
      text: readFileSync(join(docs, rel), 'utf8'),
      translation: (l) => i18n(l, 'docusaurus-plugin-content-docs/current', rel),
    }))
  for (const [rel, text] of Object.entries(generatedTutorials()))
    pages.push({
      name: `tutorials/${rel}`,
      text,
      translation: (l) => i18n(l, 'docusaurus-plugin-content-docs-tutorials/current', rel),
    })
  for (const rel of files(news))
    pages.push({
      name: `news/${rel}`,
      text: readFileSync(join(news, rel), 'utf8'),
      translation: (l) => i18n(l, 'docusaurus-plugin-content-blog', rel),
    })
  return pages.sort((a, b) => a.name.localeCompare(b.name))
}

/** The `source_hash` of a page's front matter, if any. */
export function stampedHash(text: string): string | undefined {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1]
  return fm ? /^source_hash:\s*["']?([0-9a-f]{12})["']?\s*$/m.exec(fm)?.[1] : undefined
}

/** The text with `source_hash: <hash>` in its front matter (replaced, or added at its end; a front matter made if none). */
export function stamp(text: string, hash: string): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (!m) return `---\nsource_hash: ${hash}\n---\n\n${text}`
  const fm = /^source_hash:.*$/m.test(m[1]!)
    ? m[1]!.replace(/^source_hash:.*$/m, `source_hash: ${hash}`)
    : `${m[1]}\nsource_hash: ${hash}`
  return `---\n${fm}\n---${text.slice(m[0].length)}`
}

export function statuses(pages = sourcePages()): PageStatus[] {
  return pages.flatMap((p) =>
    LOCALES.map((locale): PageStatus => {
      const file = p.translation(locale)
      const expected = sourceHash(p.text)
      const abs = join(REPO_ROOT, file)
      if (!existsSync(abs)) return { name: p.name, locale, file, state: 'missing', expected }
      const found = stampedHash(readFileSync(abs, 'utf8'))
      const state = found === undefined ? 'unstamped' : found === expected ? 'ok' : 'stale'
      return { name: p.name, locale, file, state, expected, found }
    }),
  )
}

/** Translation files whose English page no longer exists. */
export function orphans(pages = sourcePages()): string[] {
  const known = new Set(pages.flatMap((p) => LOCALES.map((l) => p.translation(l))))
  return LOCALES.flatMap((l) =>
    [
      ['docusaurus-plugin-content-docs/current', ''],
      ['docusaurus-plugin-content-docs-tutorials/current', ''],
      ['docusaurus-plugin-content-blog', ''],
    ].flatMap(([plugin]) =>
      files(join(REPO_ROOT, 'portal/i18n', l, plugin!)).map((rel) => `portal/i18n/${l}/${plugin}/${rel}`),
    ),
  ).filter((f) => !known.has(f))
}

/** A heading's anchor as Docusaurus makes it (github-slugger: lower case, punctuation and symbols dropped, spaces → -). */
export function slug(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*_~]/g, (c) => (c === '_' ? c : ''))
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

const FENCE = /^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm
const EXPLICIT = /\s*(?:\{\/\*\s*#([\w-]+)\s*\*\/\}|\{#([\w-]+)\})\s*$/

/** The headings of a page (outside code and front matter), each with its anchor: explicit, or made from its text. */
export function headings(text: string): { line: string; explicit: boolean; id: string }[] {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---/, '').replace(FENCE, '')
  const seen = new Map<string, number>()
  return [...body.matchAll(/^#{2,6} (.*)$/gm)].map((m) => {
    const e = EXPLICIT.exec(m[1]!)
    let id = e ? (e[1] ?? e[2])! : slug(m[1]!)
    if (!e) {
      const n = seen.get(id)
      seen.set(id, (n ?? 0) + 1)
      if (n !== undefined) id = `${id}-${n}`
    } else seen.set(id, 0)
    return { line: m[0], explicit: Boolean(e), id }
  })
}

/**
 * The translation with the English page's anchors written into its headings that have none (a Chinese heading's
 * own anchor would differ, and other pages, the other locales and the inspector link the English one). Headings
 * are paired in order; undefined when the two pages do not have the same number of headings.
 */
export function withEnglishAnchors(english: string, translation: string, md: boolean): string | undefined {
  const en = headings(english)
  const zh = headings(translation)
  if (en.length !== zh.length) return undefined
  let i = 0
  let fenced: string | undefined
  let front = /^---\r?\n/.test(translation)
  const lines = translation.split('\n').map((line, n) => {
    if (front) {
      if (n > 0 && /^---\s*$/.test(line)) front = false
      return line
    }
    const fence = /^([ \t]*)(```|~~~)/.exec(line)
    if (fence && (fenced === undefined || line.trim() === fenced)) {
      fenced = fenced === undefined ? `${fence[1]}${fence[2]}`.trim() : undefined
      return line
    }
    if (fenced !== undefined || !/^#{2,6} /.test(line)) return line
    const h = zh[i]!
    const id = en[i++]!.id
    return h.explicit ? line : `${line} ${md ? `{#${id}}` : `{/* #${id} */}`}`
  })
  return lines.join('\n')
}

function find(pages: SourcePage[], name: string): SourcePage {
  const n = name.replace(/^portal\/docs\//, '').replace(/^portal\/(news|tutorials)\//, '$1/')
  const page = pages.find((p) => p.name === n || p.name.replace(/\.mdx?$/, '') === n)
  if (!page) throw new Error(`no English page "${name}" (e.g. concepts/callbacks, tutorials/01-first-login)`)
  return page
}

function main(args: string[]): number {
  const pages = sourcePages()
  if (args[0] === 'anchors') {
    for (const page of pages)
      for (const l of LOCALES) {
        const abs = join(REPO_ROOT, page.translation(l))
        if (!existsSync(abs)) continue
        const before = readFileSync(abs, 'utf8')
        const after = withEnglishAnchors(page.text, before, page.name.endsWith('.md'))
        if (after === undefined) console.log(`headings differ: ${page.translation(l)}`)
        else if (after !== before) {
          writeFileSync(abs, after)
          console.log(`anchors written: ${page.translation(l)}`)
        }
      }
    return 0
  }
  if (args[0] === 'stamp') {
    const li = args.indexOf('--locale')
    const locales = li >= 0 ? [args[li + 1] as Locale] : [...LOCALES]
    const names = args.slice(1).filter((a, i, all) => a !== '--locale' && all[i - 1] !== '--locale')
    if (names.length === 0) throw new Error('name the pages to stamp (after updating their translation)')
    for (const name of names) {
      const page = find(pages, name)
      for (const l of locales) {
        const abs = join(REPO_ROOT, page.translation(l))
        if (!existsSync(abs)) throw new Error(`${page.translation(l)} does not exist: translate it first`)
        writeFileSync(abs, stamp(readFileSync(abs, 'utf8'), sourceHash(page.text)))
        console.log(`stamped ${page.translation(l)} (${sourceHash(page.text)})`)
      }
    }
    return 0
  }
  const all = statuses(pages)
  const bad = all.filter((s) => s.state !== 'ok')
  for (const s of bad)
    console.log(
      `${s.state.padEnd(9)} ${s.locale.padEnd(7)} ${s.name}${s.state === 'stale' ? ` (translated from ${s.found}, English is now ${s.expected})` : ''}`,
    )
  for (const f of orphans(pages)) console.log(`orphan    ${f} (its English page is gone)`)
  console.log(`${all.length - bad.length} of ${all.length} translations up to date`)
  return bad.length > 0 ? 1 : 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (e) {
    console.error((e as Error).message)
    process.exitCode = 2
  }
}
