// CSRF: cookie-authenticated unsafe calls need the session's X-CSRF-Token and a same-origin Origin; bearer calls need neither.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { PASSWORD, signUp } from '../../../test/session.fixtures'

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated change without the token, with a wrong one, or from another origin', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const path = `/sandbox/v1/orgs/${dev.orgId}`
    const attempts: Array<[string, Record<string, string>, string]> = [
      ['no token', { 'X-CSRF-Token': '' }, 'CSRF token missing or wrong'],
      ['wrong token', { 'X-CSRF-Token': 'f'.repeat(32) }, 'CSRF token missing or wrong'],
      ['foreign Origin', { Origin: 'https://evil.example' }, 'Cross-origin request refused'],
      ['no Origin', { Origin: '' }, 'Cross-origin request refused'],
      ['cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 'Cross-origin request refused'],
    ]
    for (const [label, headers, title] of attempts) {
      const res = await dev.call(path, 'PATCH', { name: `Renamed (${label})` }, headers)
      expect(res.status, label).toBe(403)
      expect(await res.json(), label).toMatchObject({ title })
    }
    expect((await h.platform.services.orgs.get(dev.orgId!))!.name).toBe("dev's organisation")
    const ok = await dev.call(path, 'PATCH', { name: 'Renamed' })
    expect(ok.status).toBe(200)
    expect((await h.platform.services.orgs.get(dev.orgId!))!.name).toBe('Renamed')
  })

  it('refuses sign-out and app registration without the token too', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    expect((await dev.call('/sandbox/v1/session', 'DELETE', undefined, { 'X-CSRF-Token': '' })).status).toBe(
      403,
    )
    expect((await dev.call('/sandbox/v1/apps', 'POST', { name: 'x' }, { 'X-CSRF-Token': '' })).status).toBe(
      403,
    )
    expect((await dev.call('/sandbox/v1/session')).status).toBe(200)
  })

  it('takes the token from GET /sandbox/v1/session, bound to that session', async () => {
    const h = await harness()
    const a = await signUp(h, 'a@example.com')
    const b = await signUp(h, 'b@example.com')
    const view = await a.json('/sandbox/v1/session')
    expect(view.csrfToken).toBe(a.csrfToken)
    // B's token does not work with A's cookie.
    const res = await a.call(
      `/sandbox/v1/orgs/${a.orgId}`,
      'PATCH',
      { name: 'x' },
      { 'X-CSRF-Token': b.csrfToken },
    )
    expect(res.status).toBe(403)
  })

  it('refuses a sign-in posted from another origin (login CSRF)', async () => {
    const h = await harness()
    await signUp(h, 'dev@example.com')
    const res = await h.request('/sandbox/v1/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'dev@example.com', password: PASSWORD }),
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('needs no token with the admin bearer token (not a browser credential)', async () => {
    const h = await harness()
    const res = await h.admin('/sandbox/v1/apps', 'POST', { name: 'Admin app' })
    expect(res.status).toBe(201)
  })
})
