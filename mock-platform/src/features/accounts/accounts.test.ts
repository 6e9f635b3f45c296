// Accounts: sign-up, sign-in (one generic failure), sessions on the injected clock, sign-out, login rate limit, staff.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { hashPassword, verifyPassword } from './password'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions'
import { ORIGIN, PASSWORD, signIn, signInRaw, signUp } from '../../../test/session.fixtures'

const MIN = 60_000

describe('sign-up and sign-in', () => {
  it('signs a developer up into a new solo organisation with an HttpOnly SameSite=Lax cookie', async () => {
    const h = await harness()
    const res = await h.request('/sandbox/v1/accounts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ email: 'Dev@Example.com', password: PASSWORD, orgName: 'Library Board' }),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^sandbox_session=[0-9a-f]{32}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/)
    const body = (await res.json()) as Record<string, any>
    expect(body.account).toMatchObject({ email: 'dev@example.com', kind: 'developer' })
    expect(body.organisation).toMatchObject({ name: 'Library Board', role: 'approver', solo: true })
    expect(body.csrfToken).toMatch(/^[0-9a-f]{32}$/)
    const stored = (await h.platform.services.accounts.findByEmail('dev@example.com'))!
    expect(stored.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(stored.passwordHash).not.toContain(PASSWORD)
  })

  it('uses the __Host- prefix and Secure when served over https', async () => {
    const h = await harness({ config: { publicBaseUrl: 'https://sandbox.example' } })
    const res = await h.request('https://sandbox.example/sandbox/v1/accounts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://sandbox.example' },
      body: JSON.stringify({ email: 'tls@example.com', password: PASSWORD }),
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('set-cookie')).toMatch(/^__Host-sandbox_session=[0-9a-f]{32}; .*Path=\/; .*Secure/)
    const cookie = /__Host-sandbox_session=[0-9a-f]{32}/.exec(res.headers.get('set-cookie')!)![0]
    const session = await h.request('https://sandbox.example/sandbox/v1/session', {
      headers: { Cookie: cookie },
    })
    expect(session.status).toBe(200)
    // The unprefixed name is not read over https (it could have been planted by a sibling domain).
    const planted = cookie.replace('__Host-', '')
    expect(
      (await h.request('https://sandbox.example/sandbox/v1/session', { headers: { Cookie: planted } }))
        .status,
    ).toBe(401)
  })

  it('names each bad field; a taken address gets the answer a new one gets (sign-up.enumeration.test.ts)', async () => {
    const h = await harness()
    const bad = await signInRawTo(h, '/sandbox/v1/accounts', { email: 'not-an-email', password: 'short' })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: object }).errors).toEqual({
      email: 'must be an email address',
      password: 'must be 12–256 characters',
    })
    await signUp(h, 'taken@example.com')
    const again = await signInRawTo(h, '/sandbox/v1/accounts', {
      email: 'TAKEN@example.com',
      password: PASSWORD,
    })
    expect(again.status).toBe(201)
    expect(await h.platform.services.accounts.list('developer')).toHaveLength(1)
  })

  it('signs in with a new session id; a wrong password and an unknown address fail alike', async () => {
    const h = await harness()
    const first = await signUp(h, 'dev@example.com')
    const second = await signIn(h, 'dev@example.com')
    expect(second.cookie).not.toBe(first.cookie)
    expect(second.orgId).toBe(first.orgId)
    const wrong = await signInRaw(h, 'dev@example.com', 'wrong password 123')
    const unknown = await signInRaw(h, 'nobody@example.com', 'wrong password 123')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const { requestId: _a, ...wrongBody } = (await wrong.json()) as Record<string, unknown>
    const { requestId: _b, ...unknownBody } = (await unknown.json()) as Record<string, unknown>
    expect(wrongBody).toEqual(unknownBody)
    expect(wrongBody).toEqual({
      type: 'about:blank',
      title: 'Sign-in failed',
      status: 401,
      detail: 'The email address or the password is wrong.',
    })
  })

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    expect((await dev.call('/sandbox/v1/session')).status).toBe(200)
    const out = await dev.call('/sandbox/v1/session', 'DELETE')
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(
      /^sandbox_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax$/,
    )
    expect((await dev.call('/sandbox/v1/session')).status).toBe(401)
    expect((await dev.call('/sandbox/v1/apps')).status).toBe(401)
  })
})

describe('session lifetime on the injected clock', () => {
  it('ends after 30 idle minutes', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    h.clock.advance(SESSION_IDLE_MS - MIN)
    expect((await dev.call('/sandbox/v1/apps')).status).toBe(200)
    h.clock.advance(SESSION_IDLE_MS - MIN)
    expect((await dev.call('/sandbox/v1/apps')).status).toBe(200)
    h.clock.advance(SESSION_IDLE_MS)
    const expired = await dev.call('/sandbox/v1/apps')
    expect(expired.status).toBe(401)
    expect(await expired.json()).toMatchObject({ title: 'Sign-in required' })
  })

  it('ends 8 hours after sign-in however active, and says when', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const start = h.clock.now()
    const view = await dev.json('/sandbox/v1/session')
    expect(view.expiresAt).toBe(new Date(start + SESSION_ABSOLUTE_MS).toISOString())
    expect(view.idleExpiresAt).toBe(new Date(start + SESSION_IDLE_MS).toISOString())
    for (let t = 0; t < SESSION_ABSOLUTE_MS - 20 * MIN; t += 20 * MIN) {
      h.clock.advance(20 * MIN)
      expect((await dev.call('/sandbox/v1/session')).status).toBe(200)
    }
    h.clock.set(start + SESSION_ABSOLUTE_MS)
    expect((await dev.call('/sandbox/v1/session')).status).toBe(401)
  })
})

describe('login rate limit', () => {
  it('answers 429 with Retry-After after 10 tries per address and IP, and lets go after 15 minutes', async () => {
    const h = await harness()
    await signUp(h, 'dev@example.com')
    for (let i = 0; i < 10; i++)
      expect((await signInRaw(h, 'dev@example.com', `wrong password ${i}xx`)).status).toBe(401)
    const limited = await signInRaw(h, 'dev@example.com', PASSWORD)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('900')
    expect(limited.headers.get('content-type')).toContain('application/problem+json')
    expect((await signInRaw(h, 'other@example.com', 'wrong password xx')).status).toBe(401)
    h.clock.advance(15 * MIN)
    expect((await signInRaw(h, 'dev@example.com', PASSWORD)).status).toBe(200)
  })
})

describe('staff accounts', () => {
  it('are created by the admin token only, and read every app read-only with each read audited', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const staff = { email: 'agent@support.example', password: PASSWORD, role: 'agent' }
    expect((await dev.call('/sandbox/v1/staff', 'POST', staff)).status).toBe(403)
    const created = await h.admin('/sandbox/v1/staff', 'POST', staff)
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({
      email: 'agent@support.example',
      kind: 'staff',
      staffRole: 'agent',
    })
    const agent = await signIn(h, 'agent@support.example')
    const list = await agent.json<{ items: { clientID: string }[] }>('/sandbox/v1/apps')
    expect(list.items.map((a) => a.clientID)).toContain(h.clientID)
    expect((await agent.call(`/sandbox/v1/apps/${h.clientID}`)).status).toBe(200)
    expect(h.platform.services.audit.list()).toMatchObject([
      { accountId: agent.accountId, action: 'apps.list', target: 'apps:*' },
      { accountId: agent.accountId, action: 'app.read', target: `app:${h.clientID}` },
    ])
    const change = await agent.call(`/sandbox/v1/apps/${h.clientID}`, 'PATCH', { name: 'Hijacked' })
    expect(change.status).toBe(403)
    expect((await agent.call(`/sandbox/v1/apps/${h.clientID}/secret`, 'POST')).status).toBe(403)
  })

  it('can be seeded at start with a password hash', async () => {
    const passwordHash = await hashPassword('lead password 2026')
    expect(await verifyPassword('lead password 2026', passwordHash)).toBe(true)
    expect(await verifyPassword('lead password 2027', passwordHash)).toBe(false)
    const h = await harness({
      deps: { staff: [{ email: 'Lead@Support.example', role: 'lead', passwordHash }] },
    })
    const lead = await signIn(h, 'lead@support.example', 'lead password 2026')
    expect((await lead.json('/sandbox/v1/session')).account).toMatchObject({
      kind: 'staff',
      staffRole: 'lead',
    })
  })
})

function signInRawTo(h: Awaited<ReturnType<typeof harness>>, path: string, body: unknown) {
  return h.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(body),
  })
}
