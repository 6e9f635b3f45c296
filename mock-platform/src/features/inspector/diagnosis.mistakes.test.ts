// Mistakes seen in public clients, each diagnosed with its fix and troubleshooting anchor; and anonymous journeys
// finishing under autopilot (decided at the getQR hand-over, not at creation).
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'
import { signatureHeader } from '../../../test/reference-client'
import { nearestPath } from './diagnose-mistakes'
import { call, encryptedBody, last, slip } from './inspector.fixtures'

describe('mistakes of public clients', () => {
  it('a request to /account/auth/eme/… answers D20027 (404) and names /account/eme/initiateRequest', async () => {
    const h = await harness()
    const body = await encryptedBody(h, { businessID: 'x' })
    const res = await h.client.post('/account/auth/eme/initiateRequest', body)
    expect(res.status).toBe(404)
    const env = (await res.json()) as { code: string; txID: string }
    expect(env.code).toBe('D20027')
    const d = (await call(h, env.txID)).diagnosis[0]!
    expect(d).toMatchObject({
      id: 'path-near-miss',
      title:
        'No operation at /api/v1/account/auth/eme/initiateRequest: did you mean /api/v1/account/eme/initiateRequest?',
      link: '/docs/troubleshooting#path-near-miss',
    })
    expect(d.fix).toBe(
      'Call POST /api/v1/account/eme/initiateRequest: paths are case-sensitive and have no trailing slash. The API reference lists every path.',
    )
  })

  it('an unsigned (or wrongly signed) request to an unknown path is not recorded for the app it names', async () => {
    const h = await harness()
    const res = await h.request('/api/v1/account/auth/eme/initiateRequest', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        clientID: h.clientID,
        signatureMethod: 'HmacSHA256',
        timestamp: String(h.clock.now()),
        nonce: 'n'.repeat(32),
        signature: signatureHeader(h.clientID, 'not-the-secret', String(h.clock.now()), 'n'.repeat(32), '{}'),
      },
      body: '{}',
    })
    const env = (await res.json()) as { txID: string }
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/requests/${env.txID}`, 'GET')).status).toBe(404)
  })

  it('finds near misses by case, trailing slash and small typos; nothing for unrelated paths', () => {
    expect(nearestPath('/api/v1/security/getkey')).toBe('/security/getKey')
    expect(nearestPath('/account/eme/initiateRequest/')).toBe('/account/eme/initiateRequest')
    expect(nearestPath('/auth/getTokens')).toBe('/auth/getToken')
    expect(nearestPath('/completely/elsewhere/now')).toBeUndefined()
  })

  it('a signature over "" for a JSON body is named, with the fix', async () => {
    const h = await harness()
    const sent = await encryptedBody(h, { code: 'c'.repeat(32), grantType: 'authorization_code' })
    const r = await slip(h, '/auth/getToken', { sent, signed: '' })
    expect(r.code).toBe('D20006')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title, d.link]).toEqual([
      'signature-empty-body',
      'The empty string was signed instead of the JSON body',
      '/docs/troubleshooting#signature-empty-body',
    ])
  })

  it('a signature over the content string alone is named', async () => {
    const h = await harness()
    const sent = await encryptedBody(h, { code: 'c'.repeat(32), grantType: 'authorization_code' })
    const r = await slip(h, '/auth/getToken', {
      sent,
      signed: (JSON.parse(sent) as { content: string }).content,
    })
    expect((await call(h, r.txID)).diagnosis[0]!.id).toBe('signature-content-only')
  })

  it('getQR without state is accepted (redirect without state) and the inspector warns', async () => {
    const h = await harness()
    const q = new URLSearchParams({
      clientID: h.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      scope: 'eidapi_auth',
    })
    const res = await h.request(`/api/v1/auth/getQR?${q}`, {
      headers: { 'X-Sandbox-Resident': 'magic-approve' },
    })
    expect(res.status).toBe(302)
    const back = new URL(res.headers.get('Location')!).searchParams
    expect(back.get('code')).toMatch(/^[0-9a-f]{32}$/)
    expect(back.has('state')).toBe(false)
    const item = await last(h, 'getQr')
    expect(item.code).toBe('D00000')
    expect(item.diagnosis.map((d) => [d.id, d.severity])).toEqual([['get-qr-state-missing', 'warning']])
    // With state: no warning.
    await h.login()
    expect((await last(h, 'getQr')).diagnosis).toEqual([])
  })
})

describe('autopilot and anonymous journeys', () => {
  it('an anonymous e-ME journey completes under autopilot: decided at the getQR hand-over, not at creation', async () => {
    const h = await harness()
    const set = await h.admin(`/sandbox/v1/apps/${h.clientID}/autopilot`, 'PUT', {
      residentId: 'magic-approve',
      decision: 'approve',
      delayMs: 0,
    })
    expect(set.status).toBe(200)
    const init = await h.client.call<{ ticketID: string }>('/anonymous/eme/initiateRequest', {
      businessID: 'auto-1',
      eMEFields: ['emailAddress'],
    })
    // Not decided at creation (an immediate autopilot would have decided it synchronously): it waits for getQR.
    expect(h.platform.services.tickets.get(init.content!.ticketID)!.status).toBe('pending')
    const q = new URLSearchParams({
      clientID: h.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      state: 's',
      ticketID: init.content!.ticketID,
    })
    const res = await h.request(`/api/v1/auth/getQR?${q}`)
    expect(res.status).toBe(302)
    const back = new URL(res.headers.get('Location')!).searchParams
    expect(back.get('error_code')).toBeNull()
    const token = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: back.get('code'),
      grantType: 'authorization_code',
    })
    const result = await h.client.call('/anonymous/eme/getResult', token.content)
    expect(result.code).toBe('D00000')
    expect(result.content).toMatchObject({ businessID: 'auto-1' })
  })
})
