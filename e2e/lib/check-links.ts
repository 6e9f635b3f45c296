/**
 * A link check over the built portal (build/), in every locale: each `<a href>` and `<link rel="alternate">` of each
 * page that points inside the site must reach a built file, and its `#fragment` an element id of that page. It sees
 * what Docusaurus's own check (onBrokenLinks, per locale, per route) does not: the language menu's links to the
 * other locales, `pathname://` links, and links between locales. Server routes of the mock platform (/api, /sandbox,
 * /pki …) are not files of the site and are left out.
 *
 *   npx tsx e2e/lib/check-links.ts [build dir]    # prints the broken links, exit 1 if any
 *
 * e2e/tests/links.spec.ts runs it in `npm test` after the e2e web server has built the site; check-links.test.ts
 * tests the checker, and checks build/ when a complete build is there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUILD = join(REPO_ROOT, 'build')
export const LOCALE_PREFIXES = ['', '/zh-Hant', '/zh-Hans'] as const

/** Paths the mock platform serves itself, not files of the portal. */
const SERVER_ROUTES =
  /^\/(api|sandbox|support|staff|pki|app|demo|mail|healthz|consent|callbacks|auth|openapi|v\d)(\/|$)/

export interface BrokenLink {
  /** The page's URL path. */
  page: string
  href: string
  reason: 'missing page' | 'missing anchor'
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'assets' || name.startsWith('__') ? [] : htmlFiles(path)
    return name.endsWith('.html') ? [path] : []
  })
}

/** The URL path of a built file: `docs/x/index.html` → `/docs/x/`, `404.html` → `/404.html`. */
export function urlOf(build: string, file: string): string {
  const rel = relative(build, file).split(/[\\/]/).join('/')
  return `/${rel.replace(/(^|\/)index\.html$/, '$1')}`
}

/** The built file a URL path is served from, if any (`/docs/x`, `/docs/x/`, `/docs/x.html`, a static file). */
export function fileOf(build: string, path: string): string | undefined {
  let decoded = path
  try {
    decoded = decodeURIComponent(path)
  } catch {}
  const base = join(build, decoded)
  for (const candidate of [base, join(base, 'index.html'), `${base.replace(/\/$/, '')}.html`])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return undefined
}

const ATTR = (tag: string, name: string) =>
  new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined)

/** The links of a page: `<a href>` and `<link rel="alternate" href>` (hreflang versions). */
export function linksOf(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<a\s[^>]*>/gi)) {
    const href = ATTR(m[0], 'href')
    if (href !== undefined) out.push(href)
  }
  for (const m of html.matchAll(/<link\s[^>]*>/gi)) {
    if (!/\srel=["']?alternate/i.test(m[0])) continue
    const href = ATTR(m[0], 'href')
    if (href !== undefined) out.push(href)
  }
  return out.map((h) => h.replace(/&amp;/g, '&'))
}

/** Every `id` of a page (minified HTML may leave ids unquoted). */
export const idsOf = (html: string): Set<string> =>
  new Set([...html.matchAll(/\sid=(?:"([^"]+)"|'([^']+)'|([^\s>"']+))/g)].map((m) => (m[1] ?? m[2] ?? m[3])!))

/** The broken internal links of every page of a build. `origin` is the site's own (links to it count as internal). */
export function checkLinks(build = BUILD, origin = 'http://127.0.0.1:8080'): BrokenLink[] {
  const broken: BrokenLink[] = []
  const ids = new Map<string, Set<string>>()
  const idsIn = (file: string) => {
    let s = ids.get(file)
    if (!s) ids.set(file, (s = idsOf(readFileSync(file, 'utf8'))))
    return s
  }
  for (const file of htmlFiles(build)) {
    const page = urlOf(build, file)
    const html = readFileSync(file, 'utf8')
    for (const href of new Set(linksOf(html))) {
      if (href === '' || /^(mailto|tel|javascript|data):/i.test(href)) continue
      let url: URL
      try {
        url = new URL(href.replace(/^pathname:\/\//, '/'), `${origin}${page}`)
      } catch {
        broken.push({ page, href, reason: 'missing page' })
        continue
      }
      if (url.origin !== origin || SERVER_ROUTES.test(url.pathname)) continue
      const target = url.pathname === page && !href.startsWith('/') ? file : fileOf(build, url.pathname)
      if (!target) {
        broken.push({ page, href, reason: 'missing page' })
        continue
      }
      const fragment = decodeURIComponent(url.hash.slice(1))
      if (fragment && target.endsWith('.html') && !idsIn(target).has(fragment))
        broken.push({ page, href, reason: 'missing anchor' })
    }
  }
  return broken
}

/** A complete build: the home page of every locale and the docs. */
export function isCompleteBuild(build = BUILD): boolean {
  return LOCALE_PREFIXES.every((l) => existsSync(join(build, l, 'docs/getting-started/index.html')))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const build = process.argv[2] ?? BUILD
  if (!isCompleteBuild(build)) {
    console.error(`${build} is not a complete build of the portal: run \`npm run build\` first`)
    process.exit(2)
  }
  const broken = checkLinks(build)
  for (const b of broken) console.log(`${b.reason.padEnd(14)} ${b.page} → ${b.href}`)
  console.log(`${broken.length} broken links in ${posix.basename(build)}/`)
  process.exit(broken.length > 0 ? 1 : 0)
}
