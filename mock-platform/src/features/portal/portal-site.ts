/**
 * Serves the built portal (Docusaurus, build/) from the platform's own port: every GET/HEAD outside the platform's
 * paths is looked up in the site, anything else goes to the platform. Node only (reads files); used by server.ts.
 */
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { addFrameHeaders } from '../../http/frame-guard'

/** Paths the platform owns; the site never answers these (so an API 404 stays an API 404). */
export const PLATFORM_PREFIXES = [
  '/api',
  '/sandbox',
  '/support',
  '/app',
  '/pki',
  '/demo',
  '/healthz',
] as const

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>

export interface PortalSite {
  /** The directory served (build/). */
  root: string
  /** Whether it holds a built site (index.html) right now. */
  available(): boolean
  /** The site's answer for a GET/HEAD of `pathname`, or undefined when it has no such page. */
  serve(pathname: string, method: string): Promise<Response | undefined>
  /** The site's 404 page (status 404), or undefined without a site. */
  notFound(method: string): Promise<Response | undefined>
}

export function isPlatformPath(pathname: string): boolean {
  return PLATFORM_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`))
}

/** The file for a URL path inside `root`, or undefined (traversal, hidden files, the SSR bundle). */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  if (relative.split(/[/\\]/).some((part) => part === '..' || part.startsWith('.') || part === '__server'))
    return undefined
  const file = join(root, relative)
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined
}

async function fileResponse(file: string, method: string, status = 200): Promise<Response> {
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  // Hashed assets never change; pages and the search index must be revalidated after a rebuild.
  const immutable = /[\\/]assets[\\/]/.test(file) && /\.[0-9a-f]{8}\./.test(file)
  const headers = new Headers({
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  })
  // Portal pages (console, staff console, support desk among them) may be framed by the portal only (clickjacking).
  addFrameHeaders(headers)
  if (method === 'HEAD') {
    headers.set('Content-Length', String((await stat(file)).size))
    return new Response(null, { status, headers })
  }
  return new Response(new Uint8Array(await readFile(file)), { status, headers })
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

export function portalSite(root: string): PortalSite {
  const normalRoot = normalize(root).replace(/[/\\]+$/, '')
  return {
    root: normalRoot,
    available: () => existsSync(join(normalRoot, 'index.html')),
    async serve(pathname, method) {
      const file = resolveInside(normalRoot, pathname)
      if (!file) return undefined
      // Docusaurus writes /docs/x as docs/x/index.html (and some pages as x.html).
      const candidates = pathname.endsWith('/')
        ? [join(file, 'index.html')]
        : [file, join(file, 'index.html'), `${file}.html`]
      for (const candidate of candidates) if (await isFile(candidate)) return fileResponse(candidate, method)
      return undefined
    },
    async notFound(method) {
      const page = join(normalRoot, '404.html')
      return (await isFile(page)) ? fileResponse(page, method, 404) : undefined
    },
  }
}

/**
 * Wraps the platform's fetch: GET/HEAD outside the platform's paths are answered from the site when it has the
 * page (its 404 page when it has none); everything else, and everything when the site is not built, goes to the
 * platform unchanged (`env` passed on, so the platform still sees the client's address).
 */
export function withPortal(platformFetch: Fetch, site: PortalSite): Fetch {
  return async (request, env) => {
    const method = request.method
    if (method !== 'GET' && method !== 'HEAD') return platformFetch(request, env)
    const url = request.url
    const start = url.indexOf('/', url.indexOf('//') + 2)
    const end = url.indexOf('?', start)
    const pathname = start === -1 ? '/' : url.slice(start, end === -1 ? undefined : end)
    if (isPlatformPath(pathname)) return platformFetch(request, env)
    const page = await site.serve(pathname, method)
    if (page) return page
    const answer = await platformFetch(request, env)
    if (answer.status !== 404) return answer
    return (await site.notFound(method)) ?? answer
  }
}
