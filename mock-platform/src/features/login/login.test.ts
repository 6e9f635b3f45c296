// Login journeys: getQR (headless, QR page, broker, app hand-over), getToken, codes, pairwise openID.
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'

const getQr = (clientID: string, extra: Record<string, string> = {}) =>
  `/api/v1/auth/getQR?${new URLSearchParams({
    clientID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: OSP.returnURI,
    scope: 'eidapi_auth',
    state: 'xyz',
    lang: 'en-US',
    ...extra,
  })}`

describe('getQR → code → getToken', () => {
  it('approve gives a single-use 32-hex code that getToken exchanges for a token', async () => {
    const h = await harness()
    const p = await h.login({ state: 'a b/c?d=é' })
    expect(p.get('state')).toBe('a b/c?d=é')
    const code = p.get('code')!
    expect(code).toMatch(/^[0-9a-f]{32}$/)
    const res = await h.client.post('/auth/getToken', '{"content":"AAAADA=="}') // no getKey yet
    expect(((await res.json()) as { code: string }).code).toBe('D30002')
    const env = await h.client.call<Record<string, unknown>>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    expect(env.code).toBe('D00000')
    expect(env.message).toBe('SUCCESS')
    const t = env.content!
    expect(t.accessToken).toMatch(/^[0-9a-f]{32}$/)
    expect(t.tokenType).toBe('Bearer')
    expect(t.expiresIn).toBe(600_000)
    expect(t.issueAt).toBe(h.clock.now())
    expect(t.openID).toMatch(/^[0-9a-f]{64}$/)
    expect(t.userType).toBe('IAM_SMART_PLUS')
    expect(t.scope).toBe('eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign')
  })

  it('getToken answers with Cache-Control: no-store', async () => {
    const h = await harness()
    await h.client.getKey()
    const res = await h.client.post('/auth/getToken', JSON.stringify({ content: 'AAAA' }))
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['reject', 'D40001'],
    ['cancel', 'D40000'],
    ['timeout', 'D40003'],
  ])('%s lands on the redirect URI with error_code %s and the state', async (decision, code) => {
    const h = await harness()
    const p = await h.login({ decision })
    expect(p.get('error_code')).toBe(code)
    expect(p.get('state')).toBe('state-123')
    expect(p.has('code')).toBe(false)
  })

  it('a reused code is D40004 and revokes the token it produced (D20009)', async () => {
    const h = await harness()
    const code = (await h.login()).get('code')
    const first = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    expect(first.code).toBe('D00000')
    const again = await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })
    expect(again.code).toBe('D40004')
    const profile = await h.client.call('/account/auth/profile/initiateRequest', {
      businessID: 'b-1',
      accessToken: first.content!.accessToken,
      openID: first.content!.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
      profileFields: ['enName'],
    })
    expect(profile.code).toBe('D20009')
  })

  it('ten concurrent redemptions of one code: exactly one succeeds', async () => {
    const h = await harness()
    await h.client.getKey()
    const code = (await h.login()).get('code')
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.client.call('/auth/getToken', { code, grantType: 'authorization_code' }),
      ),
    )
    expect(results.filter((r) => r.code === 'D00000')).toHaveLength(1)
    expect(results.filter((r) => r.code === 'D40004')).toHaveLength(9)
  })

  it('codes expire after 120 s (D40004)', async () => {
    const h = await harness()
    await h.client.getKey()
    const code = (await h.login()).get('code')
    h.clock.advance(120_001)
    expect((await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })).code).toBe(
      'D40004',
    )
  })

  it('rejects a bad grantType (D20003) and a missing code (D20002)', async () => {
    const h = await harness()
    expect((await h.client.call('/auth/getToken', { code: 'x', grantType: 'password' })).code).toBe('D20003')
    expect((await h.client.call('/auth/getToken', { grantType: 'authorization_code' })).code).toBe('D20002')
  })

  it('openID is pairwise: stable per app and resident, different across apps and residents', async () => {
    const h = await harness()
    const a1 = await h.token({ resident: 'magic-approve' })
    const a2 = await h.token({ resident: 'magic-approve' })
    const b = await h.token({ resident: 'magic-reject' })
    expect(a1.openID).toBe(a2.openID)
    expect(b.openID).not.toBe(a1.openID)
    const other = await h.platform.services.apps.create({
      name: 'Other',
      redirectURIs: [OSP.returnURI],
      kekPublicKeys: { A: (await import('../../../test/harness')).kek(0).publicPem },
    })
    expect(await h.platform.services.tokens.openIdFor(other.clientID, 'magic-approve')).not.toBe(a1.openID)
  })
})

describe('getQR validation', () => {
  it('unregistered redirectURI: an error page, never a redirect (D20008)', async () => {
    const h = await harness()
    for (const uri of [
      `${OSP.returnURI}/`,
      OSP.returnURI.toUpperCase(),
      `${OSP.returnURI}?x=1`,
      'https://osp.example.evil.com/return',
    ]) {
      const res = await h.request(getQr(h.clientID, { redirectURI: uri }))
      expect(res.status).toBe(400)
      expect(res.headers.get('location')).toBeNull()
      expect(await res.text()).toContain('D20008')
    }
  })

  it('unknown clientID: an error page, never a redirect', async () => {
    const h = await harness()
    const res = await h.request(getQr('0'.repeat(32)))
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
  })

  it('unsupported source → D20007; ungranted scope → D20012, both back to the registered URI with state', async () => {
    const h = await harness({ app: { scopes: ['eidapi_auth'] } })
    const a = new URL(
      (await h.request(getQr(h.clientID, { source: 'Windows_Phone' }))).headers.get('location')!,
    )
    expect(a.searchParams.get('error_code')).toBe('D20007')
    expect(a.searchParams.get('state')).toBe('xyz')
    const b = new URL(
      (await h.request(getQr(h.clientID, { scope: 'eidapi_auth eidapi_sign' }))).headers.get('location')!,
    )
    expect(b.searchParams.get('error_code')).toBe('D20012')
  })

  it('the QR page carries a QR image, the virtual-app link and strict browser headers', async () => {
    const h = await harness()
    const res = await h.request(getQr(h.clientID, { lang: 'zh-HK' }))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<svg')
    expect(html).toContain('/app/scan?qr=')
    expect(html).toContain('智方便登入')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('mobile browser with brokerPage=true shows the broker page; App_Link hands over to the virtual app', async () => {
    const h = await harness()
    const broker = await h.request(
      getQr(h.clientID, { source: 'iOS_Safari', brokerPage: 'true', lang: 'zh-CN' }),
    )
    expect(broker.status).toBe(200)
    expect(await broker.text()).toContain('开启智方便')
    const app = await h.request(getQr(h.clientID, { source: 'App_Link', redirectURI: 'myosp://callback' }))
    expect(app.status).toBe(302)
    expect(app.headers.get('location')).toMatch(/\/app\/scan\?qr=[0-9a-f]{32}$/)
  })
})

describe('QR login through the virtual app', () => {
  it('scan, choose resident, approve: only the browser that opened the page receives the code', async () => {
    const h = await harness()
    const page = await h.request(getQr(h.clientID))
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!
    const html = await page.text()
    const ticketID = /getQR\/status\/([0-9a-f]{32})/.exec(html)![1]!
    const qrLink = /href="([^"]*\/app\/scan\?qr=[0-9a-f]{32})"/.exec(html)![1]!
    const appCookie = await chooseResident(h.request, 'magic-approve')
    const scan = await h.request(new URL(qrLink).pathname + new URL(qrLink).search, {
      headers: { cookie: appCookie },
    })
    expect(scan.status).toBe(303)
    expect(scan.headers.get('location')).toBe(`/app/requests/${ticketID}?lang=en-US`)
    const view = await h.request(`/app/requests/${ticketID}`, { headers: { cookie: appCookie } })
    expect(await view.text()).toContain('Test e-Service')
    const pending = await h.request(`/api/v1/auth/getQR/status/${ticketID}`, { headers: { cookie } })
    expect(((await pending.json()) as { status: string }).status).toBe('pending')
    const decided = await h.request(`/app/requests/${ticketID}/decision`, {
      method: 'POST',
      headers: {
        cookie: appCookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
      },
      body: 'decision=approve',
    })
    expect(decided.status).toBe(303)
    const stranger = await h.request(`/api/v1/auth/getQR/status/${ticketID}`)
    expect(stranger.status).toBe(404)
    const done = (await (
      await h.request(`/api/v1/auth/getQR/status/${ticketID}`, { headers: { cookie } })
    ).json()) as {
      location: string
    }
    expect(new URL(done.location).searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/)
  })
})

export async function chooseResident(
  request: (p: string, i?: RequestInit) => Promise<Response>,
  id: string,
): Promise<string> {
  const res = await request('/app/resident', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    body: `residentId=${id}&next=/app`,
  })
  return res.headers.get('set-cookie')!.split(';')[0]!
}
