// The portal served from the platform's port: pages, index.html fallbacks, 404 page, platform paths untouched.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { isPlatformPath, portalSite, resolveInside, withPortal } from './portal-site'

let root: string
const platformCalls: string[] = []
const platform = (req: Request, env?: unknown) => {
  platformCalls.push(`${req.method} ${new URL(req.url).pathname} ${env === 'env' ? 'env' : ''}`)
  const path = new URL(req.url).pathname
  if (path === '/healthz') return new Response('{"status":"ok"}', { status: 200 })
  return new Response('{"title":"Not found"}', {
    status: 404,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'iams-portal-'))
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>')
  writeFileSync(join(root, '404.html'), '<h1>lost</h1>')
  mkdirSync(join(root, 'docs/getting-started'), { recursive: true })
  writeFileSync(join(root, 'docs/getting-started/index.html'), '<h1>start</h1>')
  mkdirSync(join(root, 'assets/js'), { recursive: true })
  writeFileSync(join(root, 'assets/js/main.0123abcd.js'), 'console.log(1)')
  mkdirSync(join(root, '__server'))
  writeFileSync(join(root, '__server/server.bundle.js'), 'secret')
  writeFileSync(join(root, 'app'), 'shadowed')
})

const get = (path: string, method = 'GET') =>
  withPortal(platform, portalSite(root))(new Request(`http://127.0.0.1:8080${path}`, { method }), 'env')

describe('portal site', () => {
  it('serves pages, directory index.html and hashed assets with the right headers', async () => {
    const home = await get('/')
    expect(home.status).toBe(200)
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(home.headers.get('cache-control')).toBe('no-cache')
    expect(await home.text()).toBe('<h1>home</h1>')
    expect(await (await get('/docs/getting-started')).text()).toBe('<h1>start</h1>')
    expect(await (await get('/docs/getting-started/?x=1')).text()).toBe('<h1>start</h1>')
    const js = await get('/assets/js/main.0123abcd.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toContain('immutable')
    const head = await get('/', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('13')
    expect(await head.text()).toBe('')
  })

  it("leaves the platform's paths and other methods to the platform, passing env on", async () => {
    platformCalls.length = 0
    expect((await get('/healthz')).status).toBe(200)
    const app = await get('/app')
    expect(app.status).toBe(404)
    expect(app.headers.get('content-type')).toBe('application/problem+json')
    expect((await get('/api/v1/nope')).headers.get('content-type')).toBe('application/problem+json')
    const post = await withPortal(platform, portalSite(root))(
      new Request('http://127.0.0.1:8080/', { method: 'POST' }),
      'env',
    )
    expect(post.status).toBe(404)
    expect(platformCalls).toEqual(['GET /healthz env', 'GET /app env', 'GET /api/v1/nope env', 'POST / env'])
  })

  it("answers the site's 404 page for unknown pages, and never serves the SSR bundle or escapes the root", async () => {
    const lost = await get('/docs/nope')
    expect(lost.status).toBe(404)
    expect(await lost.text()).toBe('<h1>lost</h1>')
    expect((await get('/__server/server.bundle.js')).status).toBe(404)
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
    expect(resolveInside(root, '/../x')).toBe(join(root, 'x'))
    expect(resolveInside(root, '/%2e%2e/x')).toBe(join(root, 'x'))
    expect(resolveInside(root, '/a/.hidden')).toBeUndefined()
    expect(resolveInside(root, '/%E0%A4%A')).toBeUndefined()
  })

  it('knows which paths belong to the platform', () => {
    for (const p of [
      '/api/v1/auth/getQR',
      '/sandbox/v1/residents',
      '/app',
      '/app/scan',
      '/pki/root.crt',
      '/demo/callback',
      '/healthz',
    ])
      expect(isPlatformPath(p)).toBe(true)
    for (const p of ['/', '/docs/api/get-token', '/application', '/zh-Hant/', '/search', '/apps'])
      expect(isPlatformPath(p)).toBe(false)
  })

  it('without a built site everything goes to the platform', async () => {
    const empty = portalSite(mkdtempSync(join(tmpdir(), 'iams-empty-')))
    expect(empty.available()).toBe(false)
    const res = await withPortal(platform, empty)(new Request('http://127.0.0.1:8080/docs'), 'env')
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})
