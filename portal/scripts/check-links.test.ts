// The link check over the built portal (e2e/lib/check-links.ts): how it reads pages, resolves links and anchors, and — when a
// complete build of the three locales is in build/ — that it finds 0 broken links there. In `npm test` the build is
// made by the e2e web server, after vitest: e2e/tests/links.spec.ts runs the same check on it.
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BUILD,
  checkLinks,
  fileOf,
  idsOf,
  isCompleteBuild,
  linksOf,
  REPO_ROOT,
  urlOf,
} from '../../e2e/lib/check-links'

/** The newest modification time of the portal's pages, translations and config (a build older is not checked). */
function newestSource(): number {
  const walk = (path: string): number => {
    const st = statSync(path)
    if (!st.isDirectory()) return st.mtimeMs
    return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => walk(join(path, n))))
  }
  return Math.max(
    ...['portal/docs', 'portal/i18n', 'portal/src', 'docusaurus.config.ts'].map((p) =>
      walk(join(REPO_ROOT, p)),
    ),
  )
}

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

describe('link check of the built portal', () => {
  it('reads links, alternates and ids from minified HTML', () => {
    const html =
      '<link rel="alternate" href="http://127.0.0.1:8080/zh-Hant/docs/x" hreflang="zh-Hant"><link rel=stylesheet href=/a.css>' +
      '<a class=x href=/docs/y#z>y</a><a href="https://example.org/">e</a><h2 id=z>Z</h2><span id="q"></span>'
    expect(linksOf(html)).toEqual([
      '/docs/y#z',
      'https://example.org/',
      'http://127.0.0.1:8080/zh-Hant/docs/x',
    ])
    expect([...idsOf(html)]).toEqual(['z', 'q'])
  })

  it('maps files to URLs and URLs to files', () => {
    const dir = site({ 'docs/a/index.html': '', '404.html': '', 'img/logo.svg': '' })
    expect(urlOf(dir, join(dir, 'docs/a/index.html'))).toBe('/docs/a/')
    expect(fileOf(dir, '/docs/a')).toBe(join(dir, 'docs/a/index.html'))
    expect(fileOf(dir, '/docs/a/')).toBe(join(dir, 'docs/a/index.html'))
    expect(fileOf(dir, '/img/logo.svg')).toBe(join(dir, 'img/logo.svg'))
    expect(fileOf(dir, '/docs/b')).toBeUndefined()
  })

  it('reports a missing page in another locale, a missing anchor, and nothing for server routes or other sites', () => {
    const dir = site({
      'docs/api/x/index.html':
        '<a href="/zh-Hant/docs/api/x">繁</a><a href="pathname:///docs/t#ok">t</a><a href="/docs/t#nope">n</a>' +
        '<a href="/api/v1/auth/getQR?x=1">qr</a><a href="/sandbox/v1/residents">r</a><a href="https://example.org/">e</a>' +
        '<a href="#local">l</a><a href="mailto:a@b.c">m</a><span id="local"></span>',
      'docs/t/index.html': '<h2 id="ok">ok</h2><a href="../api/x/">x</a>',
      'zh-Hant/docs/t/index.html': '<a href="/docs/t">en</a>',
    })
    expect(checkLinks(dir)).toEqual([
      { page: '/docs/api/x/', href: '/zh-Hant/docs/api/x', reason: 'missing page' },
      { page: '/docs/api/x/', href: '/docs/t#nope', reason: 'missing anchor' },
    ])
    expect(isCompleteBuild(dir)).toBe(false)
  })

  it('finds 0 broken links in build/ in every locale, when a complete build newer than the pages is there', () => {
    if (!isCompleteBuild(BUILD) || newestSource() > statSync(join(BUILD, 'index.html')).mtimeMs) return
    expect(checkLinks(BUILD)).toEqual([])
  })
})
