// Profile, e-ME, step-up and anonymous e-ME end to end: initiate → decision → callback / getResult, with exact codes.
import { describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../../test/harness'
import { presentAddresses } from '../apps/compatibility'

async function initiate(h: Harness, path: string, extra: Record<string, unknown>, who = 'magic-approve') {
  const t = await h.token({ resident: who })
  return h.client.call<{ ticketID: string; authByQR: boolean }>(path, {
    businessID: `biz-${Math.random().toString(36).slice(2)}`,
    accessToken: t.accessToken,
    openID: t.openID,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 'cb-state',
    lang: 'en-US',
    ...extra,
  })
}

async function decide(h: Harness, ticketID: string, decision: string) {
  const res = await h.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', { decision })
  expect(res.status).toBe(200)
  await h.settle()
  const cb = h.callbacks.at(-1)!
  return { cb, content: h.client.decryptCallback<Record<string, unknown>>(cb.body) }
}

describe('profile', () => {
  it('approve: callback to the registered URI carries only the requested profile fields, with businessID, state and type', async () => {
    const h = await harness()
    const init = await initiate(h, '/account/auth/profile/initiateRequest', {
      profileFields: ['enName', 'birthDate'],
    })
    expect(init.code).toBe('D00000')
    expect(init.content!.ticketID).toMatch(/^[0-9a-f]{32}$/)
    expect(init.content!.authByQR).toBe(true)
    const { cb, content } = await decide(h, init.content!.ticketID, 'approve')
    expect(cb.url).toBe(OSP.callbackURI)
    expect(cb.body.code).toBe('D00000')
    expect(cb.body.message).toBe('SUCCESS')
    expect(cb.body.txID).toMatch(/^[0-9a-f]{32}$/)
    const resident = (await h.platform.services.residents.get('magic-approve'))!
    expect(content).toEqual({
      businessID: expect.stringMatching(/^biz-/),
      state: 'cb-state',
      type: 'profile',
      enName: resident.profile.enName,
      birthDate: resident.profile.birthDate,
    })
  })

  it('mobile sources push to the app (authByQR false) and show in the resident inbox', async () => {
    const h = await harness()
    const init = await initiate(h, '/account/auth/profile/initiateRequest', {
      source: 'iOS_Safari',
      profileFields: ['idNo'],
    })
    expect(init.content!.authByQR).toBe(false)
    expect(h.platform.services.tickets.inbox('magic-approve').map((t) => t.ticketID)).toContain(
      init.content!.ticketID,
    )
  })

  it('more than 10 pushes to one resident in a minute are refused (D20026); QR requests are not limited', async () => {
    const h = await harness()
    const codes: string[] = []
    for (let i = 0; i < 11; i++) {
      codes.push((await initiate(h, '/account/stepup/initiateRequest', { source: 'Android_Chrome' })).code)
    }
    expect(codes.slice(0, 10).every((c) => c === 'D00000')).toBe(true)
    expect(codes[10]).toBe('D20026')
    expect((await initiate(h, '/account/stepup/initiateRequest', { source: 'PC_Browser' })).code).toBe(
      'D00000',
    )
  })

  it('a resident whose app is unreachable gets authByQR true even on mobile', async () => {
    const h = await harness()
    const init = await initiate(
      h,
      '/account/auth/profile/initiateRequest',
      { source: 'iOS_Safari', profileFields: ['idNo'] },
      'magic-qr-only',
    )
    expect(init.content!.authByQR).toBe(true)
  })

  it.each([
    ['reject', 'D50001'],
    ['cancel', 'D50001'],
    ['timeout', 'D50003'],
  ])('%s → callback code %s with no data', async (decision, code) => {
    const h = await harness()
    const init = await initiate(h, '/account/auth/profile/initiateRequest', { profileFields: ['idNo'] })
    const { cb, content } = await decide(h, init.content!.ticketID, decision)
    expect(cb.body.code).toBe(code)
    expect(Object.keys(content!).sort()).toEqual(['businessID', 'state', 'type'])
  })

  it('an ignored request times out after 240 s and the callback says D50003', async () => {
    const h = await harness()
    const init = await initiate(h, '/account/auth/profile/initiateRequest', { profileFields: ['idNo'] })
    h.clock.advance(240_001)
    expect(h.platform.services.tickets.sweep()).toBe(1)
    await h.settle()
    expect(h.callbacks.at(-1)!.body.code).toBe('D50003')
    expect(h.platform.services.tickets.get(init.content!.ticketID)!.status).toBe('timeout')
  })

  it.each([
    [{ businessID: 'x'.repeat(37) }, 'D20003'],
    [{ businessID: 'caf\u00e9' }, 'D20003'],
    [{ businessID: undefined }, 'D20002'],
    [{ source: 'Nokia' }, 'D20007'],
    [{ redirectURI: 'https://osp.example/api/callback/' }, 'D20008'],
    [{ openID: 'f'.repeat(64) }, 'D20010'],
    [{ accessToken: 'a'.repeat(32) }, 'D20009'],
    [{ profileFields: ['idNo', 'shoeSize'] }, 'D20003'],
    [{ profileFields: [] }, 'D20003'],
  ])('bad request %j → %s', async (patch, code) => {
    const h = await harness()
    const env = await initiate(h, '/account/auth/profile/initiateRequest', {
      profileFields: ['idNo'],
      ...patch,
    })
    expect(env.code).toBe(code)
    expect(env.content).toBeNull()
  })

  it('a duplicate businessID is D20011', async () => {
    const h = await harness()
    const a = await initiate(h, '/account/auth/profile/initiateRequest', {
      businessID: 'dup-1',
      profileFields: ['idNo'],
    })
    const b = await initiate(h, '/account/auth/profile/initiateRequest', {
      businessID: 'dup-1',
      profileFields: ['idNo'],
    })
    expect(a.code).toBe('D00000')
    expect(b.code).toBe('D20011')
  })

  it('a scope the app was not granted is D20012', async () => {
    const h = await harness({ app: { scopes: ['eidapi_auth'] } })
    const t = await h.token({ scope: 'eidapi_auth' })
    const env = await h.client.call('/account/auth/profile/initiateRequest', {
      businessID: 'b',
      accessToken: t.accessToken,
      openID: t.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
      profileFields: ['idNo'],
    })
    expect(env.code).toBe('D20012')
  })

  it('an expired access token is D20009', async () => {
    const h = await harness()
    const t = await h.token()
    h.clock.advance(600_001)
    await h.client.getKey()
    const env = await h.client.call('/account/auth/profile/initiateRequest', {
      businessID: 'b',
      accessToken: t.accessToken,
      openID: t.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
      profileFields: ['idNo'],
    })
    expect(env.code).toBe('D20009')
  })
})

describe('e-ME', () => {
  it('releases only the fields the resident agreed to share, and only those they maintain', async () => {
    const h = await harness()
    const init = await initiate(h, '/account/eme/initiateRequest', {
      eMEFields: ['emailAddress', 'mobileNumber', 'residentialAddress'],
    })
    h.platform.services.tickets.get(init.content!.ticketID)!.agreedFields = [
      'emailAddress',
      'residentialAddress',
    ]
    const { cb, content } = await decide(h, init.content!.ticketID, 'approve')
    expect(cb.body.code).toBe('D00000')
    const eme = (await h.platform.services.residents.get('magic-approve'))!.eme
    // Addresses carry the newest public names by default (compatibility profile `evidence`).
    expect(content).toEqual({
      businessID: expect.any(String),
      state: 'cb-state',
      emailAddress: eme.emailAddress,
      residentialAddress: presentAddresses('evidence', { residentialAddress: eme.residentialAddress })
        .residentialAddress,
    })
  })

  it('a resident without e-ME data releases nothing but still succeeds', async () => {
    const h = await harness()
    const init = await initiate(
      h,
      '/account/eme/initiateRequest',
      { eMEFields: ['emailAddress'] },
      'magic-empty-eme',
    )
    const { content } = await decide(h, init.content!.ticketID, 'approve')
    expect(Object.keys(content!).sort()).toEqual(['businessID', 'state'])
  })

  it.each([
    ['reject', 'D60001'],
    ['cancel', 'D60000'],
    ['timeout', 'D60003'],
  ])('%s → %s', async (decision, code) => {
    const h = await harness()
    const init = await initiate(h, '/account/eme/initiateRequest', { eMEFields: ['emailAddress'] })
    expect((await decide(h, init.content!.ticketID, decision)).cb.body.code).toBe(code)
  })
})

describe('step-up', () => {
  it('approve → isPassed true; reject → D80001; timeout → D80003', async () => {
    const h = await harness()
    const a = await initiate(h, '/account/stepup/initiateRequest', {})
    expect((await decide(h, a.content!.ticketID, 'approve')).content).toMatchObject({
      isPassed: true,
      state: 'cb-state',
    })
    const b = await initiate(h, '/account/stepup/initiateRequest', {})
    expect((await decide(h, b.content!.ticketID, 'reject')).cb.body.code).toBe('D80001')
    const c = await initiate(h, '/account/stepup/initiateRequest', {})
    expect((await decide(h, c.content!.ticketID, 'timeout')).cb.body.code).toBe('D80003')
  })
})

describe('callbacks', () => {
  it('retries with back-off until a 2xx, recording every try', async () => {
    const h = await harness()
    h.callbackStatus.push(500, 503)
    const init = await initiate(h, '/account/stepup/initiateRequest', {})
    await decide(h, init.content!.ticketID, 'approve')
    const rec = h.platform.services.outbox.list().at(-1)!
    expect(rec.state).toBe('delivered')
    expect(rec.attempts.map((a) => a.status)).toEqual([500, 503, 200])
  })

  it('gives up after the configured number of tries', async () => {
    const h = await harness({ config: { callbackMaxAttempts: 3 } })
    h.callbackStatus.push(500, 500, 500, 500)
    const init = await initiate(h, '/account/stepup/initiateRequest', {})
    await decide(h, init.content!.ticketID, 'approve')
    const rec = h.platform.services.outbox.list().at(-1)!
    expect(rec.state).toBe('failed')
    expect(rec.attempts).toHaveLength(3)
  })

  it('hosted mode refuses loopback and private callback targets without calling them', async () => {
    const h = await harness({
      config: { mode: 'hosted' },
      app: { redirectURIs: [OSP.returnURI, 'http://127.0.0.1:9/cb', 'http://10.0.0.1/cb'] },
    })
    for (const uri of ['http://127.0.0.1:9/cb', 'http://10.0.0.1/cb']) {
      const before = h.callbacks.length
      const init = await initiate(h, '/account/stepup/initiateRequest', { redirectURI: uri })
      await h.admin(`/sandbox/v1/tickets/${init.content!.ticketID}/decision`, 'POST', { decision: 'approve' })
      await h.settle()
      expect(h.callbacks.length).toBe(before)
      const rec = h.platform.services.outbox.list().at(-1)!
      expect(rec.state).toBe('failed')
      expect(rec.attempts[0]!.error).toMatch(/^refused:/)
    }
  })
})

describe('anonymous e-ME', () => {
  it('initiate → getQR?ticketID → code → getToken → getResult returns the e-ME data', async () => {
    const h = await harness()
    const init = await h.client.call<{ ticketID: string }>('/anonymous/eme/initiateRequest', {
      businessID: 'anon-1',
      eMEFields: ['emailAddress', 'mobileNumber'],
      formName: 'Application for a library card',
      lang: 'zh-HK',
    })
    expect(init.code).toBe('D00000')
    expect(init.content).toEqual({ businessID: 'anon-1', ticketID: expect.any(String) })
    const p = await h.login({ ticketID: init.content!.ticketID, scope: '' })
    const token = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: p.get('code'),
      grantType: 'authorization_code',
    })
    expect(token.code).toBe('D00000')
    const result = await h.client.call('/anonymous/eme/getResult', { ...token.content, businessID: 'anon-1' })
    expect(result.code).toBe('D00000')
    const eme = (await h.platform.services.residents.get('magic-approve'))!.eme
    expect(result.content).toEqual({
      businessID: 'anon-1',
      emailAddress: eme.emailAddress,
      mobileNumber: eme.mobileNumber,
    })
  })

  it('a refused anonymous request returns to the browser with error_code D40001', async () => {
    const h = await harness()
    const init = await h.client.call<{ ticketID: string }>('/anonymous/eme/initiateRequest', {
      businessID: 'anon-2',
      eMEFields: ['emailAddress'],
    })
    const p = await h.login({ ticketID: init.content!.ticketID, scope: '', decision: 'reject' })
    expect(p.get('error_code')).toBe('D40001')
  })
})

describe('profiles (synchronous)', () => {
  it('returns the requested profile and e-ME fields for a login with eidapi_profiles', async () => {
    const h = await harness()
    const t = await h.token()
    const env = await h.client.call('/profiles', {
      accessToken: t.accessToken,
      openID: t.openID,
      profileFields: ['gender'],
      eMEFields: ['emailAddress'],
    })
    const r = (await h.platform.services.residents.get('magic-approve'))!
    expect(env.code).toBe('D00000')
    expect(env.content).toEqual({ gender: r.profile.gender, emailAddress: r.eme.emailAddress })
  })
  it('a login without eidapi_profiles is D20012', async () => {
    const h = await harness()
    const t = await h.token({ scope: 'eidapi_auth' })
    const env = await h.client.call('/profiles', {
      accessToken: t.accessToken,
      openID: t.openID,
      profileFields: ['gender'],
    })
    expect(env.code).toBe('D20012')
  })
})
