// Framing (issue 12, point 7): every HTML page the sandbox renders or serves refuses framing by other sites, through
// CSP frame-ancestors ('self', or the stricter 'none' of the platform's own pages) and X-Frame-Options.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../test/harness'
import { portalSite, withPortal } from '../features/portal/portal-site'
import { staff } from '../features/support/support.fixtures'
import { addFrameHeaders, frameGuard } from './frame-guard'

/** The page may be framed by its own origin at most, by both mechanisms (old browsers read only X-Frame-Options). */
function expectNoForeignFraming(res: Response, what: string): void {
  expect(res.headers.get('content-type'), what).toMatch(/^text\/html/)
  const csp = res.headers.get('content-security-policy') ?? ''
  const directive = /(?:^|;)\s*frame-ancestors\s+([^;]*)/i.exec(csp)?.[1]?.trim()
  expect(directive, `${what}: CSP ${csp}`).toMatch(/^'(self|none)'$/)
  expect(res.headers.get('x-frame-options'), what).toMatch(/^(SAMEORIGIN|DENY)$/)
}

describe('addFrameHeaders / frameGuard', () => {
  const app = new Hono()
  app.use('*', frameGuard())
  app.get('/plain', (c) => c.html('<p>x</p>'))
  app.get('/csp', (c) => c.html('<p>x</p>', 200, { 'Content-Security-Policy': "default-src 'self';" }))
  app.get('/strict', (c) =>
    c.html('<p>x</p>', 200, {
      'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
      'X-Frame-Options': 'DENY',
    }),
  )
  app.get('/json', (c) => c.json({}))
  app.get('/error', () => {
    throw new Error('boom')
  })
  app.onError((_, c) => c.html('<h1>error</h1>', 500))

  it("adds frame-ancestors 'self' and SAMEORIGIN to HTML, merging into an existing CSP", async () => {
    const plain = await app.request('/plain')
    expect(plain.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
    expect(plain.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const merged = await app.request('/csp')
    expect(merged.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'self'")
    // Error pages are pages too.
    expectNoForeignFraming(await app.request('/error'), 'error page')
  })

  it('keeps a stricter policy already set and leaves non-HTML answers alone', async () => {
    const strict = await app.request('/strict')
    expect(strict.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'")
    expect(strict.headers.get('x-frame-options')).toBe('DENY')
    const json = await app.request('/json')
    expect(json.headers.get('content-security-policy')).toBeNull()
    expect(json.headers.get('x-frame-options')).toBeNull()
    const h = new Headers({ 'Content-Type': 'image/svg+xml' })
    addFrameHeaders(h)
    expect([...h.keys()]).toEqual(['content-type'])
  })
})

describe('every page kind of the sandbox refuses foreign framing', () => {
  let h: Harness
  beforeAll(async () => {
    h = await harness()
  })
  afterAll(() => h.platform.close())

  const getQr = (q: Record<string, string>) =>
    `/api/v1/auth/getQR?${new URLSearchParams({
      clientID: h.clientID,
      responseType: 'code',
      redirectURI: OSP.returnURI,
      scope: 'eidapi_auth',
      state: 's',
      lang: 'en-US',
      ...q,
    })}`

  it('QR page, broker page and getQR error page', async () => {
    const qr = await h.request(getQr({ source: 'PC_Browser' }))
    expect(qr.status).toBe(200)
    expectNoForeignFraming(qr, 'QR page')
    const broker = await h.request(getQr({ source: 'iOS_Safari', brokerPage: 'true' }))
    expect(broker.status).toBe(200)
    expectNoForeignFraming(broker, 'broker page')
    const bad = await h.request(getQr({ source: 'PC_Browser', redirectURI: 'https://evil.example/' }))
    expect(bad.status).toBe(400)
    if (bad.headers.get('content-type')?.startsWith('text/html'))
      expectNoForeignFraming(bad, 'getQR error page')
  })

  it('virtual app: home, request, consent and not-found pages', async () => {
    await h.request(getQr({ source: 'PC_Browser' }))
    const ticketID = h.platform.services.tickets.pending().at(-1)!.ticketID
    for (const path of [
      '/app',
      '/app?lang=zh-HK',
      `/app/requests/${ticketID}`,
      '/app/requests/nope',
      '/app/consents/nope',
    ]) {
      const res = await h.request(path)
      expect(res.status, path).toBeLessThan(500)
      expectNoForeignFraming(res, path)
    }
  })

  it('demo return page', async () => {
    const res = await h.request('/demo/callback?code=abc&state=s')
    expect(res.status).toBe(200)
    expectNoForeignFraming(res, 'demo page')
  })

  it('mail viewer, signed out (403 page) and as staff', async () => {
    const anonymous = await h.request('/mail')
    expect(anonymous.status).toBeGreaterThanOrEqual(400)
    expectNoForeignFraming(anonymous, 'mail viewer, signed out')
    const agent = await staff(h, 'agent@frame.example', 'agent')
    const page = await h.request('/mail', { headers: { Cookie: agent.cookie } })
    expect(page.status).toBe(200)
    expectNoForeignFraming(page, 'mail viewer')
  })

  it("portal pages (docs, console, staff console, support desk, 404) served beside the platform: frame-ancestors 'self'", async () => {
    const root = mkdtempSync(join(tmpdir(), 'iams-frame-'))
    const page = (path: string) => {
      mkdirSync(join(root, path), { recursive: true })
      writeFileSync(join(root, path, 'index.html'), `<h1>${path}</h1>`)
    }
    for (const p of ['', 'docs/intro', 'console', 'console/inspector', 'staff-console', 'support-desk'])
      page(p)
    writeFileSync(join(root, '404.html'), '<h1>lost</h1>')
    writeFileSync(join(root, 'main.js'), 'x')
    const fetch = withPortal(h.platform.app.fetch, portalSite(root))
    const get = async (path: string, method = 'GET') =>
      fetch(new Request(`http://127.0.0.1:8080${path}`, { method }))
    for (const path of [
      '/',
      '/docs/intro',
      '/console',
      '/console/inspector/',
      '/staff-console',
      '/support-desk',
    ]) {
      const res = await get(path)
      expect(res.status, path).toBe(200)
      expectNoForeignFraming(res, path)
      expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expectNoForeignFraming(await get(path, 'HEAD'), `HEAD ${path}`)
    }
    const lost = await get('/nowhere')
    expect(lost.status).toBe(404)
    expectNoForeignFraming(lost, 'portal 404 page')
    // Scripts and styles need no framing headers.
    expect((await get('/main.js')).headers.get('x-frame-options')).toBeNull()
    // The platform's own pages keep their stricter policy through the portal wrapper.
    expectNoForeignFraming(await get('/app'), '/app through withPortal')
  })
})
