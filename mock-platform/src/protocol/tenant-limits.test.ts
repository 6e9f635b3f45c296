// Per-tenant limits (design §7): one app at its bound is refused (D20026, 429) and told why; no other app's
// protection or state is weakened. Bounds are shrunk through config; time moves only on the harness's manual clock.
import { describe, expect, it } from 'vitest'
import { type Harness, harness, kek, OSP } from '../../test/harness'
import { type Envelope, ReferenceClient, signatureHeader } from '../../test/reference-client'
import { call } from '../features/inspector/inspector.fixtures'
import { PlatformError } from '../errors'
import type { Ticket } from '../features/tickets/ticket.types'

const SCOPES = ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign']

/** Another app on the same platform, with its own client and headless login. */
async function otherApp(h: Harness, orgId?: string) {
  const app = await h.platform.services.apps.create({
    name: 'Other e-Service',
    redirectURIs: [OSP.returnURI, OSP.callbackURI],
    scopes: SCOPES,
    kekPublicKeys: { A: kek(0).publicPem },
    ...(orgId ? { orgId } : {}),
  })
  const client = new ReferenceClient({
    baseUrl: '/api/v1',
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    privateKey: kek(0).privateKey,
    fetch: (url, init) => h.request(url, init),
    now: () => h.clock.now(),
  })
  const token = async (resident = 'magic-approve') => {
    const q = new URLSearchParams({
      clientID: app.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      scope: SCOPES.join(' '),
      state: 's',
      lang: 'en-US',
    })
    const res = await h.request(`/api/v1/auth/getQR?${q}`, {
      headers: { 'X-Sandbox-Resident': resident, 'X-Sandbox-Decision': 'approve' },
    })
    const code = new URL(res.headers.get('Location')!).searchParams.get('code')
    const env = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    return env.content!
  }
  return { app, client, token }
}

/** A signed getKey exactly as sent, so it can be sent again byte for byte (a captured request). */
function captured(h: Harness, app: { clientID: string; clientSecret: string }) {
  const timestamp = String(h.clock.now())
  const nonce = `captured-${app.clientID.slice(0, 8)}`
  const init = {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      clientID: app.clientID,
      signatureMethod: 'HmacSHA256',
      timestamp,
      nonce,
      signature: signatureHeader(app.clientID, app.clientSecret, timestamp, nonce, '{}'),
    },
    body: '{}',
  }
  return async () => {
    const res = await h.request('/api/v1/security/getKey', init)
    return {
      status: res.status,
      retryAfter: res.headers.get('Retry-After'),
      ...((await res.json()) as Envelope),
    }
  }
}

async function getKey(client: ReferenceClient) {
  const res = await client.post('/security/getKey', '{}')
  return {
    status: res.status,
    retryAfter: res.headers.get('Retry-After'),
    ...((await res.json()) as Envelope),
  }
}

let seq = 0
const stepUp = (client: ReferenceClient, t: { accessToken: string; openID: string }, source = 'PC_Browser') =>
  client.call('/account/stepup/initiateRequest', {
    businessID: `limits-${++seq}`,
    accessToken: t.accessToken,
    openID: t.openID,
    source,
    redirectURI: OSP.callbackURI,
    state: 'st',
  })

describe('nonces per app (NONCES_PER_APP)', () => {
  it('a captured request replayed after another app floods its own bound is still D20004', async () => {
    const h = await harness({ config: { noncesPerApp: 50 } })
    const victim = await otherApp(h)
    const replay = captured(h, victim.app)
    expect((await replay()).code).toBe('D00000')

    // The flooding app (the harness's) fills its own bound of nonces, then is refused: 429, D20026, Retry-After.
    for (let i = 0; i < 50; i++) expect((await getKey(h.client)).code).toBe('D00000')
    h.clock.advance(1_000)
    const refused = await getKey(h.client)
    expect([refused.status, refused.code, refused.retryAfter]).toEqual([429, 'D20026', '299'])

    // The victim's captured request is still a replay, and the victim still works.
    expect((await replay()).code).toBe('D20004')
    expect((await getKey(victim.client)).code).toBe('D00000')
    expect(h.platform.services.signed.replay.held(victim.app.clientID)).toBe(2)

    // Once the flooder's oldest nonces leave the window, it may call again.
    h.clock.advance(300_000)
    expect((await getKey(h.client)).code).toBe('D00000')
  })

  it('a replay of the full app’s own nonce is D20004, not 429; the inspector names NONCES_PER_APP and the fix', async () => {
    const h = await harness({ config: { noncesPerApp: 3 } })
    const replay = captured(h, { clientID: h.clientID, clientSecret: h.clientSecret })
    expect((await replay()).code).toBe('D00000')
    await getKey(h.client)
    await getKey(h.client)
    expect((await replay()).code).toBe('D20004')
    const refused = await getKey(h.client)
    expect([refused.status, refused.code]).toEqual([429, 'D20026'])
    const inspected = await call(h, refused.txID)
    const d = inspected.diagnosis[0]!
    expect(d.id).toBe('nonce-limit')
    expect(d.title).toContain('NONCES_PER_APP')
    expect(d.detail).toContain(
      'this app holds 3 nonces inside the replay window; the oldest leaves it in 300 s',
    )
    expect(d.fix).toContain('Retry-After')
    expect(d.link).toMatch(/troubleshooting#nonce-limit$/)
  })
})

describe('live codes, tokens, tickets and businessIDs per app (LIVE_STATE_PER_APP)', () => {
  it('an app at its businessID/ticket bound is refused with 429 D20026; another app is not', async () => {
    const h = await harness({ config: { liveStatePerApp: 3 } })
    const t = await h.token()
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await stepUp(h.client, t)).code)
    expect(codes).toEqual(['D00000', 'D00000', 'D00000', 'D20026'])
    const refused = await call(h, (await stepUp(h.client, t)).txID)
    expect(refused.status).toBe(429)
    expect(refused.diagnosis[0]!.id).toBe('live-state-limit')
    expect(refused.diagnosis[0]!.detail).toContain('LIVE_STATE_PER_APP reached')

    const other = await otherApp(h)
    expect((await stepUp(other.client, await other.token())).code).toBe('D00000')
  })

  it('unsigned getQR tickets count apart: a flood of them refuses only further getQR of that app', async () => {
    const h = await harness({ config: { liveStatePerApp: 3 } })
    const t = await h.token()
    const getQr = (clientID: string) =>
      h.request(
        `/api/v1/auth/getQR?${new URLSearchParams({
          clientID,
          responseType: 'code',
          source: 'PC_Browser',
          redirectURI: OSP.returnURI,
          scope: 'eidapi_auth',
          state: 'flood',
          lang: 'en-US',
        })}`,
      )
    // The login above is decided: it no longer counts (decided tickets are kept apart, a short while).
    expect((await getQr(h.clientID)).status).toBe(200)
    expect((await getQr(h.clientID)).status).toBe(200)
    expect((await getQr(h.clientID)).status).toBe(200)
    const full = await getQr(h.clientID)
    expect(full.status).toBe(302)
    expect(full.headers.get('Location')).toBe(`${OSP.returnURI}?error_code=D20026&state=flood`)
    // The app's signed requests and another app's logins are unaffected.
    expect((await stepUp(h.client, t)).code).toBe('D00000')
    const other = await otherApp(h)
    expect((await getQr(other.app.clientID)).status).toBe(200)
    // Pending tickets leave the bound when their 240 s have passed.
    h.clock.advance(240_000)
    expect((await getQr(h.clientID)).status).toBe(200)
  })

  it('codes: a full app gets error_code=D20026 on the browser, other apps still get codes', async () => {
    const h = await harness({ config: { liveStatePerApp: 3 } })
    const tokens = h.platform.services.tokens
    const ticket = (clientID: string) =>
      ({ clientID, residentId: 'magic-approve', ticketID: 't', scopes: [] }) as unknown as Ticket
    for (let i = 0; i < 3; i++) await tokens.issueCode(ticket(h.clientID))
    let e: PlatformError | undefined
    try {
      await tokens.issueCode(ticket(h.clientID))
    } catch (err) {
      e = err as PlatformError
    }
    expect(e).toBeInstanceOf(PlatformError)
    expect([e!.code, e!.status, e!.headers['Retry-After']]).toEqual(['D20026', 429, '120'])
    expect((await h.login()).get('error_code')).toBe('D20026')

    const other = await otherApp(h)
    expect((await other.token()).accessToken).toMatch(/^[0-9a-f]{32}$/)
    // Codes past their 120 s make room (they are kept a while only to answer "expired").
    h.clock.advance(120_000)
    expect((await h.login()).get('code')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('tokens: at the bound getToken is refused and the code stays usable until a token expires', async () => {
    const h = await harness({ config: { liveStatePerApp: 2 } })
    await h.token()
    await h.token()
    h.clock.advance(500_000) // the two login tickets are past their 240 s; the tokens live 600 s
    const code = (await h.login()).get('code')
    const refused = await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })
    expect(refused.code).toBe('D20026')
    h.clock.advance(100_000)
    const again = await h.client.call<{ accessToken: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    expect(again.code).toBe('D00000')
  })
})

describe('pushes per (app, resident) (PUSHES_PER_RESIDENT_PER_MINUTE)', () => {
  it('one limit shared by every task kind of an app, independent of other apps', async () => {
    const h = await harness({ config: { pushesPerResidentPerMinute: 3 } })
    const t = await h.token()
    const push = { source: 'Android_Chrome', redirectURI: OSP.callbackURI, state: 'p' }
    const creds = () => ({ businessID: `push-${++seq}`, accessToken: t.accessToken, openID: t.openID })
    const results = [
      await h.client.call('/account/stepup/initiateRequest', { ...creds(), ...push }),
      await h.client.call('/account/auth/profile/initiateRequest', {
        ...creds(),
        ...push,
        profileFields: ['enName'],
      }),
      await h.client.call('/account/signing/initiateRequest', {
        ...creds(),
        ...push,
        hashCode: 'a'.repeat(64),
        department: 'Sandbox Permits Office',
        serviceName: 'Synthetic permit application',
        documentName: 'Application OSP-2026-000123',
      }),
      await h.client.call('/preview/dataexchange/initiateRequest', {
        ...creds(),
        ...push,
        dataSets: ['vehicleLicences'],
        purpose: 'Verify eligibility',
        validityDays: 30,
      }),
      await h.client.call('/account/eme/initiateRequest', {
        ...creds(),
        ...push,
        eMEFields: ['emailAddress'],
      }),
    ]
    expect(results.map((r) => r.code)).toEqual(['D00000', 'D00000', 'D00000', 'D20026', 'D20026'])
    const d = (await call(h, results[3]!.txID)).diagnosis[0]!
    expect(d.id).toBe('push-limit')

    // QR requests are not pushes; another app's pushes to the same resident are not blocked.
    expect((await stepUp(h.client, t)).code).toBe('D00000')
    const other = await otherApp(h)
    const ot = await other.token()
    for (let i = 0; i < 3; i++) expect((await stepUp(other.client, ot, 'iOS_Safari')).code).toBe('D00000')
    expect((await stepUp(other.client, ot, 'iOS_Safari')).code).toBe('D20026')

    h.clock.advance(60_000)
    expect((await stepUp(h.client, t, 'Android_Chrome')).code).toBe('D00000')
  })
})

describe('signed calls per organisation (ORG_RATE_LIMIT_PER_MINUTE)', () => {
  it('counts the apps of one organisation together; apps of the sandbox organisation count alone', async () => {
    const h = await harness({ config: { orgRateLimitPerMinute: 5 } })
    const a = await otherApp(h, 'org-acme')
    const b = await otherApp(h, 'org-acme')
    for (let i = 0; i < 3; i++) expect((await getKey(a.client)).code).toBe('D00000')
    for (let i = 0; i < 2; i++) expect((await getKey(b.client)).code).toBe('D00000')
    h.clock.advance(20_000)
    const refused = await getKey(b.client)
    expect([refused.status, refused.code, refused.retryAfter]).toEqual([429, 'D20026', '40'])
    expect((await getKey(a.client)).code).toBe('D20026')

    // The harness app and another sandbox-organisation app are not counted with each other, nor with org-acme.
    const sandboxApp = await otherApp(h)
    for (let i = 0; i < 5; i++) expect((await getKey(h.client)).code).toBe('D00000')
    for (let i = 0; i < 5; i++) expect((await getKey(sandboxApp.client)).code).toBe('D00000')
    expect((await getKey(h.client)).code).toBe('D20026')

    h.clock.advance(40_000)
    expect((await getKey(b.client)).code).toBe('D00000')
  })

  it('the inspector names the organisation limit', async () => {
    const h = await harness({ config: { orgRateLimitPerMinute: 1 } })
    await getKey(h.client)
    const refused = await getKey(h.client)
    const d = (await call(h, refused.txID)).diagnosis[0]!
    expect(d.id).toBe('rate-limit')
    expect(d.title).toContain('ORG_RATE_LIMIT_PER_MINUTE')
  })
})
