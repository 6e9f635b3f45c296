// Every English prose page of the portal has a Traditional and a Simplified Chinese translation that is not older
// than it: the translation's front matter carries the hash of the English text it translates (`source_hash`), and
// the English page's hash now must be the same. The translation keeps the page's anchors, imports and code.
import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  LOCALES,
  headings,
  orphans,
  REPO_ROOT,
  slug,
  sourceHash,
  sourcePages,
  stamp,
  stampedHash,
  statuses,
  withEnglishAnchors,
} from './translations'

const HOW =
  'translate the page (glossary: portal/i18n/glossary.md), then `npm run translations -w portal -- stamp <page>`'

/**
 * What a translation keeps from its English page: heading ids, element ids, imports, code blocks (their `title="…"`
 * may be translated), front-matter ids.
 */
export function skeleton(text: string, dir?: string) {
  // A translation lives elsewhere (portal/i18n/…): it imports the English page's relative files as `@site/…`.
  const site = (line: string) =>
    dir
      ? line.replace(
          /(from ['"])(\.\.?\/[^'"]+)/,
          (_, a: string, rel: string) => `${a}@site/${posix.join(dir, rel)}`,
        )
      : line
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---/, '')
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? ''
  const code = [...body.matchAll(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm)].map((m) =>
    m[0].trim().replace(/^([`~]{3}[^\n]*?) title=(?:"[^"]*"|'[^']*')/, '$1'),
  )
  const prose = body.replace(/^([ \t]*)(```|~~~)[^\n]*\n[\s\S]*?\n\1\2[ \t]*$/gm, '')
  return {
    frontMatter: [...fm.matchAll(/^(id|slug|sidebar_position):.*$/gm)].map((m) => m[0]),
    // Every heading's anchor (explicit, or Docusaurus's from the English text): a Chinese heading must carry the
    // English one, which other pages, the other locales and the inspector's diagnoses link.
    headingIds: headings(text).map((h) => h.id),
    elementIds: [...prose.matchAll(/<\w+[^>]*\sid=["']([\w-]+)["']/g)].map((m) => m[1]!).sort(),
    imports: [...prose.matchAll(/^import .*$/gm)].map((m) => site(m[0])),
    code,
  }
}

describe('translations of the portal', () => {
  const pages = sourcePages()
  const all = statuses(pages)

  it('finds the English pages: docs, tutorials and samples, news', () => {
    const names = pages.map((p) => p.name)
    expect(names).toEqual(expect.arrayContaining(['troubleshooting.mdx', 'concepts/callbacks.mdx']))
    expect(names.filter((n) => n.startsWith('tutorials/')).length).toBeGreaterThanOrEqual(10)
    expect(names.some((n) => n.startsWith('news/'))).toBe(true)
    expect(names.some((n) => n.startsWith('api/') || n.includes('_generated'))).toBe(false)
  })

  it.each(LOCALES)('has a %s translation of every English page', (locale) => {
    const missing = all.filter((s) => s.locale === locale && s.state === 'missing').map((s) => s.file)
    expect(missing, HOW).toEqual([])
  })

  it.each(LOCALES)('has no %s translation older than its English page', (locale) => {
    const stale = all
      .filter((s) => s.locale === locale && (s.state === 'stale' || s.state === 'unstamped'))
      .map((s) => `${s.file}: ${s.found ?? 'no source_hash'} ≠ ${s.expected}`)
    expect(stale, `the English page changed: update the translation, then ${HOW}`).toEqual([])
  })

  it('has no translation of a page that no longer exists', () => {
    expect(orphans(pages)).toEqual([])
  })

  it.each(LOCALES)('keeps the anchors, imports, code and ids of the English page in %s', (locale) => {
    for (const page of pages) {
      const s = all.find((x) => x.name === page.name && x.locale === locale)!
      if (s.state === 'missing') continue
      const en = skeleton(page.text, posix.dirname(`portal/docs/${page.name}`))
      const zh = skeleton(readFileSync(join(REPO_ROOT, s.file), 'utf8'))
      expect(zh.frontMatter, `${s.file}: front matter`).toEqual(en.frontMatter)
      expect(zh.headingIds, `${s.file}: heading ids`).toEqual(en.headingIds)
      expect(zh.elementIds, `${s.file}: element ids`).toEqual(en.elementIds)
      expect(zh.imports, `${s.file}: imports`).toEqual(en.imports)
      expect(zh.code, `${s.file}: code blocks`).toEqual(en.code)
    }
  })

  it('hashes and stamps front matter', () => {
    expect(sourceHash('a\r\nb')).toBe(sourceHash('a\nb'))
    expect(sourceHash('x')).toMatch(/^[0-9a-f]{12}$/)
    const page = '---\ntitle: 概念\n---\n\n# 概念\n'
    const stamped = stamp(page, 'abcdef012345')
    expect(stamped).toBe('---\ntitle: 概念\nsource_hash: abcdef012345\n---\n\n# 概念\n')
    expect(stampedHash(stamped)).toBe('abcdef012345')
    expect(stampedHash(stamp(stamped, '0123456789ab'))).toBe('0123456789ab')
    expect(stampedHash('# no front matter')).toBeUndefined()
    expect(stampedHash(stamp('# 標題', '0123456789ab'))).toBe('0123456789ab')
  })

  it('makes anchors as Docusaurus does, and writes the English ones into translated headings', () => {
    expect(slug('The `content` layout')).toBe('the-content-layout')
    expect(slug("The CEK's life")).toBe('the-ceks-life')
    expect(slug('Native app (app-to-app)')).toBe('native-app-app-to-app')
    expect(slug('What [getToken](x.md) returns')).toBe('what-gettoken-returns')
    const en = '# T\n\n## Two keys\n\n## Two keys\n\n### Fixed {#fixed}\n'
    expect(headings(en).map((h) => h.id)).toEqual(['two-keys', 'two-keys-1', 'fixed'])
    const zh = '# 標題\n\n## 兩把密鑰\n\n## 兩把密鑰\n\n### 固定 {#fixed}\n'
    expect(withEnglishAnchors(en, zh, false)).toBe(
      '# 標題\n\n## 兩把密鑰 {/* #two-keys */}\n\n## 兩把密鑰 {/* #two-keys-1 */}\n\n### 固定 {#fixed}\n',
    )
    expect(withEnglishAnchors(en, '## 只有一個\n', true)).toBeUndefined()
  })

  it('reads what a translation must keep', () => {
    const s = skeleton(
      '---\nid: x\ntitle: T\n---\nimport A from \'./a\'\n\n## H {#h-1}\n\n<span id="s" />\n\n```ts\nconst a = 1\n```\n',
    )
    expect(skeleton("import B from '../_b/c.mdx'", 'portal/docs/x').imports).toEqual([
      "import B from '@site/portal/docs/_b/c.mdx'",
    ])
    expect(s).toEqual({
      frontMatter: ['id: x'],
      headingIds: ['h-1'],
      elementIds: ['s'],
      imports: ["import A from './a'"],
      code: ['```ts\nconst a = 1\n```'],
    })
  })
})
