// Done-when: a signed-in developer creates an app, uploads a KEK, registers a URI and completes a headless login through it.
import { describe, expect, it } from 'vitest'
import { harness, kek } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { signUp } from '../../../test/session.fixtures'

describe('self-service: an app in a minute', () => {
  it('sign up → app → KEK → redirect URI → getQR (X-Sandbox-*) → getToken', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@library.example', { orgName: 'Public Library' })

    const created = await dev.call('/sandbox/v1/apps', 'POST', {
      name: 'Library e-Service',
      scopes: ['eidapi_profiles'],
    })
    expect(created.status).toBe(201)
    const { clientID, clientSecret } = (await created.json()) as { clientID: string; clientSecret: string }

    const key = await dev.call(`/sandbox/v1/apps/${clientID}/keys/A`, 'PUT', { publicKey: kek(2).publicPem })
    expect(key.status).toBe(200)
    const returnURI = 'https://library.example/iam/return'
    const uris = await dev.call(`/sandbox/v1/apps/${clientID}/redirect-uris`, 'PUT', {
      redirectURIs: [returnURI],
    })
    expect(uris.status).toBe(200)

    const q = new URLSearchParams({
      clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: returnURI,
      scope: 'eidapi_auth eidapi_profiles',
      state: 'library-state',
      lang: 'en-US',
    })
    const qr = await h.request(`/api/v1/auth/getQR?${q}`, {
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    })
    expect(qr.status).toBe(302)
    const back = new URL(qr.headers.get('location')!)
    expect(`${back.origin}${back.pathname}`).toBe(returnURI)
    expect(back.searchParams.get('state')).toBe('library-state')
    const code = back.searchParams.get('code')!
    expect(code).toMatch(/^[0-9a-f]{32}$/)

    const client = new ReferenceClient({
      baseUrl: '/api/v1',
      clientID,
      clientSecret,
      privateKey: kek(2).privateKey,
      fetch: (url, init) => h.request(url, init),
      now: () => h.clock.now(),
    })
    const token = await client.call<{ accessToken: string; openID: string; scope: string }>(
      '/auth/getToken',
      {
        code,
        grantType: 'authorization_code',
      },
    )
    expect(token.code).toBe('D00000')
    expect(token.content!.accessToken).toMatch(/^[0-9a-f]{32}$/)
    expect(token.content!.openID).toMatch(/^[0-9a-f]{64}$/)
    expect(token.content!.scope).toBe('eidapi_auth eidapi_profiles')

    // An unregistered redirect URI is refused for this app.
    q.set('redirectURI', 'https://library.example/other')
    const refused = await h.request(`/api/v1/auth/getQR?${q}`, {
      headers: { 'X-Sandbox-Resident': 'magic-approve' },
    })
    expect(refused.status).toBe(400)
    expect(refused.headers.get('location')).toBeNull()
    expect(await refused.text()).toContain('data-testid="error-code">D20008</strong>')
  })
})
