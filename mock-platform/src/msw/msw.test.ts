// MSW handlers: the in-process platform answers at any mount point; headless controls drive tickets without HTTP.
import { generateKeyPairSync } from 'node:crypto'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReferenceClient } from '../../test/reference-client'
import { createIamSmartHandlers, mountPoints } from './index'

const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
const app = {
  name: 'MSW e-Service',
  clientID: 'feedfacefeedfacefeedfacefeedface',
  clientSecret: 'msw-secret-0123456789abcdef',
  redirectURIs: ['https://osp.example/return'],
  kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
}
const prefixed = await createIamSmartHandlers({ baseUrl: 'https://gw.example/iamsmart/api/v1/', apps: [app] })
const manual = await createIamSmartHandlers({ apps: [app], autopilot: false })
const server = setupServer(...prefixed.handlers, ...manual.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(async () => {
  server.close()
  await prefixed.platform.close()
  await manual.platform.close()
})

const client = (baseUrl: string) =>
  new ReferenceClient({
    baseUrl,
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    privateKey: kek.privateKey,
  })

describe('createIamSmartHandlers', () => {
  it('normalises mount points: origin + path prefix, without a trailing slash or /api/v1', () => {
    expect(
      mountPoints([
        'https://gw.example/iamsmart/api/v1/',
        'http://127.0.0.1:8080',
        'https://x.example/api/v1',
      ]),
    ).toEqual(['https://gw.example/iamsmart', 'http://127.0.0.1:8080', 'https://x.example'])
  })

  it('serves the platform API below a path prefix, unknown paths with D20027, and the sandbox API with its admin token', async () => {
    const c = client('https://gw.example/iamsmart/api/v1')
    expect((await c.getKey()).code).toBe('D00000')
    const missing = await fetch('https://gw.example/iamsmart/api/v1/no/such/path', { method: 'POST' })
    expect([missing.status, ((await missing.json()) as { code: string }).code]).toEqual([404, 'D20027'])
    const res = await fetch(
      `https://gw.example/iamsmart/sandbox/v1/apps/${app.clientID}/requests?operation=getKey`,
      {
        headers: { Authorization: `Bearer ${prefixed.adminToken}` },
      },
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as { items: unknown[] }).items.length).toBe(1)
    expect(prefixed.apps.map((a) => a.clientID)).toEqual([app.clientID])
  })

  it('defaults to http://127.0.0.1:8080; with autopilot off, tickets wait for sandbox.decide', async () => {
    const q = new URLSearchParams({
      clientID: app.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: app.redirectURIs[0]!,
      scope: 'eidapi_auth',
      state: 'st',
    })
    const page = await fetch(`http://127.0.0.1:8080/api/v1/auth/getQR?${q}`, { redirect: 'manual' })
    expect(page.status).toBe(200)
    const [ticket] = manual.sandbox.pending(app.clientID)
    expect(ticket).toMatchObject({ kind: 'login', clientID: app.clientID, status: 'pending' })
    const decided = await manual.sandbox.decide(ticket!.ticketID, 'approve')
    expect(decided.browser!.location).toMatch(/^https:\/\/osp\.example\/return\?code=[0-9a-f]{32}&state=st$/)
    const code = new URL(decided.browser!.location!).searchParams.get('code')
    const c = client('http://127.0.0.1:8080/api/v1')
    const token = await c.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    expect(token.code).toBe('D00000')
    await manual.sandbox.advanceClock(app.clientID, 600_000)
    const profile = await c.call('/profiles', { ...token.content, profileFields: ['enName'] })
    expect(profile.code).toBe('D20009')
    const [inspected] = await manual.sandbox.requests(app.clientID, { operation: 'getProfiles' })
    expect(inspected!.diagnosis[0]!.id).toBe('token-expired')
  })
})
