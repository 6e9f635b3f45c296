// Diagnosis of replay, code, token, businessID, source, redirect URI and scope faults: each provoked, each named.
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'
import { call, last, requests, slip, text } from './inspector.fixtures'

const iso = (ms: number) => new Date(ms).toISOString()

describe('replay window diagnosis', () => {
  it('timestamp off by N minutes', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', { sent: '{}', timestamp: String(h.clock.now() + 7 * 60_000) })
    expect(r.code).toBe('D20004')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual([
      'timestamp-window',
      "The timestamp is 7 minutes ahead of the platform's clock",
    ])
    expect(d.detail).toContain(`vs platform time ${iso(h.clock.now())}`)
  })

  it('timestamp in seconds instead of milliseconds', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', { sent: '{}', timestamp: String(h.clock.now() / 1000) })
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual([
      'timestamp-units',
      'The timestamp looks like seconds since the epoch, not milliseconds',
    ])
  })

  it('nonce reused: says when it was first used', async () => {
    const h = await harness()
    const first = await slip(h, '/security/getKey', { sent: '{}', nonce: 'same-nonce-1' })
    h.clock.advance(30_000)
    const again = await slip(h, '/security/revokeKey', { sent: '{}', nonce: 'same-nonce-1' })
    expect(again.code).toBe('D20004')
    const d = (await call(h, again.txID)).diagnosis[0]!
    expect(d.title).toBe(`The nonce "same-nonce-1" was already used at ${iso(h.clock.now() - 30_000)}`)
    expect(d.detail).toContain(`request ${first.txID}, getKey`)
  })
})

describe('code and token diagnosis', () => {
  it('code already used: when, and that the token it produced is revoked (D20009 then says so)', async () => {
    const h = await harness()
    const code = (await h.login()).get('code')
    const first = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    h.clock.advance(5_000)
    const second = await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })
    expect(second.code).toBe('D40004')
    const d = (await call(h, second.txID)).diagnosis[0]!
    expect(d.id).toBe('code-reused')
    expect(d.title).toBe(
      `The authorisation code was already used at ${iso(h.clock.now() - 5_000)}, and the token it produced is now revoked`,
    )
    expect(d.detail).toContain(`request ${first.txID}, getToken`)
    const profile = await h.client.call('/profiles', { ...first.content, profileFields: ['enName'] })
    expect(profile.code).toBe('D20009')
    expect((await call(h, profile.txID)).diagnosis[0]!.title).toBe(
      `The access token was revoked at ${iso(h.clock.now())}: its code was used a second time`,
    )
  })

  it('code expired (120 s)', async () => {
    const h = await harness()
    const code = (await h.login()).get('code')
    h.clock.advance(121_000)
    const r = await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })
    expect(r.code).toBe('D40004')
    expect((await call(h, r.txID)).diagnosis[0]!.title).toBe(
      `The authorisation code expired at ${iso(h.clock.now() - 1_000)}`,
    )
  })

  it('access token expired (600 s)', async () => {
    const h = await harness()
    const t = await h.token()
    h.clock.advance(600_000)
    const r = await h.client.call('/profiles', {
      accessToken: t.accessToken,
      openID: t.openID,
      profileFields: ['enName'],
    })
    expect(r.code).toBe('D20009')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual(['token-expired', `The access token expired at ${iso(h.clock.now())}`])
  })
})

describe('request content diagnosis', () => {
  const profileRequest = (t: { accessToken: string; openID: string }, o: Record<string, unknown> = {}) => ({
    businessID: 'biz-1',
    accessToken: t.accessToken,
    openID: t.openID,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 's',
    profileFields: ['enName'],
    ...o,
  })

  it('businessID reused: when it was first used', async () => {
    const h = await harness()
    const t = await h.token()
    const first = await h.client.call('/account/auth/profile/initiateRequest', profileRequest(t))
    h.clock.advance(2_000)
    const again = await h.client.call('/account/auth/profile/initiateRequest', profileRequest(t))
    expect(again.code).toBe('D20011')
    const d = (await call(h, again.txID)).diagnosis[0]!
    expect(d.title).toBe(`The businessID "biz-1" was already used at ${iso(h.clock.now() - 2_000)}`)
    expect(d.detail).toContain(`request ${first.txID}, initiateProfileRequest`)
  })

  it('D20007: the unsupported source, a near miss, and the supported list', async () => {
    const h = await harness()
    const t = await h.token()
    const r = await h.client.call(
      '/account/auth/profile/initiateRequest',
      profileRequest(t, { source: 'pc_browser' }),
    )
    expect(r.code).toBe('D20007')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect(d.title).toBe('The source "pc_browser" is not supported; did you mean PC_Browser?')
    expect(d.detail).toContain('PC_Browser, Android_Chrome')
  })

  it('redirect URI not registered: lists the registered ones and the near miss (trailing slash)', async () => {
    const h = await harness()
    const t = await h.token()
    const r = await h.client.call(
      '/account/auth/profile/initiateRequest',
      profileRequest(t, { redirectURI: `${OSP.callbackURI}/` }),
    )
    expect(r.code).toBe('D20008')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect(d.title).toBe(
      `The redirectURI "${OSP.callbackURI}/" is not registered for this app (near miss: it has a trailing slash)`,
    )
    expect(d.detail).toContain(
      `Registered redirect URIs: ${OSP.returnURI}, ${OSP.callbackURI}, myosp://callback.`,
    )
  })

  it('redirect URI not registered on getQR (the error page): http instead of https', async () => {
    const h = await harness()
    const q = new URLSearchParams({
      clientID: h.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: 'http://osp.example/return',
      scope: 'eidapi_auth',
      state: 's',
    })
    expect((await h.request(`/api/v1/auth/getQR?${q}`)).status).toBe(400)
    const c = await last(h, 'getQr')
    expect(c.code).toBe('D20008')
    expect(text(c)).toContain('(near miss: it uses http where https is registered)')
  })

  it('scope not granted: on getQR and on initiate, with the granted list', async () => {
    const h = await harness({ app: { scopes: ['eidapi_auth', 'eidapi_profiles'] } })
    await expect(h.login({ scope: 'eidapi_auth eidapi_fr' })).resolves.toBeDefined()
    const qr = await last(h, 'getQr')
    expect(qr.code).toBe('D20012')
    expect(qr.diagnosis[0]!.title).toBe('The scope eidapi_fr is not granted to this app')
    expect(qr.diagnosis[0]!.detail).toBe('This app is granted: eidapi_auth, eidapi_profiles.')
    const t = await h.token({ scope: 'eidapi_auth eidapi_profiles' })
    const r = await h.client.call('/account/eme/initiateRequest', {
      ...profileRequest(t),
      eMEFields: ['emailAddress'],
    })
    expect(r.code).toBe('D20012')
    expect((await call(h, r.txID)).diagnosis[0]!.title).toBe(
      'The scope eidapi_formFilling is not granted to this app',
    )
  })

  it('every failure has at least one diagnosis with a troubleshooting link', async () => {
    const h = await harness()
    await h.client.call('/profiles', { accessToken: 'x', openID: 'y' })
    await slip(h, '/security/getKey', { sent: '{', signed: '{' })
    for (const item of await requests(h, '?code=error')) {
      expect(item.diagnosis.length).toBeGreaterThan(0)
      for (const d of item.diagnosis) expect(d.link).toMatch(/^\/docs\/troubleshooting#[a-z0-9-]+$/)
    }
  })
})
