// Request inspector: a login through an app created over the sandbox API, read back decrypted with secrets masked.
import { describe, expect, it } from 'vitest'
import { harness, kek } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { call, requests } from './inspector.fixtures'
import type { InspectedCall } from './inspector.types'

const RETURN = 'https://library.example/return'

async function loginThroughNewApp() {
  const h = await harness()
  const created = await h.admin('/sandbox/v1/apps', 'POST', {
    name: 'Library e-Service',
    redirectURIs: [RETURN],
    scopes: ['eidapi_auth', 'eidapi_profiles'],
    kekPublicKeys: { A: kek(1).publicPem },
  })
  expect(created.status).toBe(201)
  const app = (await created.json()) as { clientID: string; clientSecret: string }
  const client = new ReferenceClient({
    baseUrl: '/api/v1',
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    privateKey: kek(1).privateKey,
    fetch: (url, init) => h.request(url, init),
    now: () => h.clock.now(),
  })
  const q = new URLSearchParams({
    clientID: app.clientID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: RETURN,
    scope: 'eidapi_auth eidapi_profiles',
    state: 'st-1',
  })
  const qr = await h.request(`/api/v1/auth/getQR?${q}`, {
    headers: { 'X-Sandbox-Resident': 'magic-approve' },
  })
  const code = new URL(qr.headers.get('location')!).searchParams.get('code')!
  const token = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
    code,
    grantType: 'authorization_code',
  })
  const profile = await client.call('/profiles', {
    accessToken: token.content!.accessToken,
    openID: token.content!.openID,
    profileFields: ['enName', 'idNo'],
  })
  const list = await h.admin(`/sandbox/v1/apps/${app.clientID}/requests`, 'GET')
  expect(list.status).toBe(200)
  const items = ((await list.json()) as { items: InspectedCall[] }).items
  return { h, app, client, code, token: token.content!, profile, items }
}

describe('request inspector', () => {
  it('shows every call of a login through a new app: decrypted content, masked secrets, D-code, duration', async () => {
    const { app, code, token, profile, items } = await loginThroughNewApp()
    expect(items.map((i) => `${i.operationId} ${i.code}`)).toEqual([
      'getProfiles D00000',
      'getToken D00000',
      'getKey D00000',
      'getQr D00000',
    ])
    const [profiles, getToken, getKey, getQr] = items as [
      InspectedCall,
      InspectedCall,
      InspectedCall,
      InspectedCall,
    ]
    expect(profiles.txID).toBe(profile.txID)
    expect(profiles.request).toEqual({
      accessToken: expect.stringMatching(/^‹masked · 32 chars · sha256:[0-9a-f]{8}›$/),
      openID: token.openID,
      profileFields: ['enName', 'idNo'],
    })
    expect(profiles.response).toEqual(profile.content)
    expect(profiles.headers).toEqual({
      clientID: app.clientID,
      signatureMethod: 'HmacSHA256',
      timestamp: expect.stringMatching(/^\d{13}$/),
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/),
      signature: expect.stringMatching(/^‹masked · \d+ chars · URL-encoded›$/),
    })
    expect(
      profiles.stringToSign!.text.startsWith(`${app.clientID}HmacSHA256${profiles.headers.timestamp}`),
    ).toBe(true)
    expect(profiles.stringToSign).toMatchObject({
      truncated: false,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
    expect(profiles).toMatchObject({ code: 'D00000', message: 'SUCCESS', status: 200, diagnosis: [] })
    expect(profiles.durationMs).toBeGreaterThanOrEqual(0)
    expect(getToken.request).toEqual({
      code: expect.stringMatching(/^‹masked/),
      grantType: 'authorization_code',
    })
    expect((getToken.response as Record<string, unknown>).accessToken).toBe(
      (profiles.request as Record<string, unknown>).accessToken,
    )
    expect((getKey.response as Record<string, unknown>).secretKey).toMatch(/^‹masked · 344 chars/)
    expect(getKey.stringToSign!.text).toBe(
      `${app.clientID}HmacSHA256${getKey.headers.timestamp}${getKey.headers.nonce}{}`,
    )
    expect(getQr.status).toBe(302)
    expect(getQr.response).toEqual({
      redirect: { url: RETURN, code: (getToken.request as Record<string, unknown>).code, state: 'st-1' },
    })
    expect(JSON.stringify(items)).not.toContain(code)
  })

  it('never shows the client secret, a code, a token, a CEK or a wrapped key (list, one request, export)', async () => {
    const { h, app, client, code, token, items } = await loginThroughNewApp()
    const cek = client.cek!
    const one = await h.admin(`/sandbox/v1/apps/${app.clientID}/requests/${items[1]!.txID}`, 'GET')
    const exported = await h.admin(`/sandbox/v1/apps/${app.clientID}/requests/export`, 'GET')
    const everything = [JSON.stringify(items), await one.text(), await exported.text()].join('\n')
    const wrapped = (await client.getKey()).content!.secretKey
    for (const secret of [
      app.clientSecret,
      code,
      token.accessToken,
      cek.toString('base64'),
      cek.toString('hex'),
      wrapped,
      wrapped.slice(0, 40),
    ])
      expect(everything).not.toContain(secret)
    expect(everything).toContain(token.openID)
  })

  it('filters by operation, code, since and limit; finds one request by txID; exports as a JSON download', async () => {
    const h = await harness()
    await h.token()
    const bad = await h.client.call('/auth/getToken', {
      code: 'f'.repeat(32),
      grantType: 'authorization_code',
    })
    h.clock.advance(1000)
    const later = await h.client.getKey()
    expect((await requests(h, '?operation=getToken')).map((i) => i.code)).toEqual(['D40004', 'D00000'])
    expect((await requests(h, '?code=D40004')).map((i) => i.txID)).toEqual([bad.txID])
    expect((await requests(h, '?code=error')).map((i) => i.txID)).toEqual([bad.txID])
    expect((await requests(h, `?since=${h.clock.now()}`)).map((i) => i.txID)).toEqual([later.txID])
    expect((await requests(h, `?since=${new Date(h.clock.now()).toISOString()}`)).length).toBe(1)
    expect((await requests(h, '?limit=2')).map((i) => i.operationId)).toEqual(['getKey', 'getToken'])
    expect((await call(h, bad.txID)).detail).toBe('code unknown or expired')
    const res = await h.admin(`/sandbox/v1/apps/${h.clientID}/requests/export?operation=getToken`, 'GET')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="requests-[0-9a-f]{32}-2026-11-22T02-00-01-000Z\.json"$/,
    )
    const body = (await res.json()) as { clientID: string; exportedAt: number; items: InspectedCall[] }
    expect(body).toMatchObject({ clientID: h.clientID, exportedAt: h.clock.now() })
    expect(body.items.map((i) => i.operationId)).toEqual(['getToken', 'getToken'])
  })

  it('answers problem+json: 422 for a bad filter, 404 for an unknown request or app, 401 without credentials', async () => {
    const h = await harness()
    const bad = await h.admin(
      `/sandbox/v1/apps/${h.clientID}/requests?limit=0&code=X1&since=yesterday`,
      'GET',
    )
    expect(bad.status).toBe(422)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual([
      'code',
      'limit',
      'since',
    ])
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/requests/${'0'.repeat(32)}`, 'GET')).status).toBe(
      404,
    )
    expect((await h.admin(`/sandbox/v1/apps/${'0'.repeat(32)}/requests`, 'GET')).status).toBe(404)
    expect((await h.request(`/sandbox/v1/apps/${h.clientID}/requests`)).status).toBe(401)
  })

  it('records calls of unknown clients nowhere, and keeps a bounded tail per app', async () => {
    const h = await harness({ deps: { inspector: { tailSize: 3 } } })
    for (let i = 0; i < 5; i++) await h.client.getKey()
    const items = await requests(h)
    expect(items.length).toBe(3)
    const res = await h.request('/api/v1/security/getKey', {
      method: 'POST',
      headers: {
        clientID: 'a'.repeat(32),
        signatureMethod: 'HmacSHA256',
        timestamp: '1',
        nonce: 'n',
        signature: 'x',
      },
    })
    expect(((await res.json()) as { code: string }).code).toBe('D20006')
    expect(h.platform.services.inspector.tailSize).toBe(3)
  })
})
