// The minimal sandbox API: app registration, residents, autopilot and per-ticket decisions (problem+json errors).
import { describe, expect, it } from 'vitest'
import { harness, kek, OSP } from '../../../test/harness'

describe('POST /sandbox/v1/apps', () => {
  it('registers an app and shows the client secret once', async () => {
    const h = await harness()
    const res = await h.admin('/sandbox/v1/apps', 'POST', {
      name: 'Library e-Service',
      redirectURIs: ['https://lib.example/cb'],
      scopes: ['eidapi_profiles'],
      kekPublicKeys: { A: kek(0).publicPem },
    })
    expect(res.status).toBe(201)
    const app = (await res.json()) as Record<string, unknown>
    expect(app.clientID).toMatch(/^[0-9a-f]{32}$/)
    expect(app.clientSecret).toMatch(/^[0-9a-f]{48}$/)
    expect(app.scopes).toEqual(['eidapi_auth', 'eidapi_profiles'])
    const list = (await (await h.admin('/sandbox/v1/apps', 'GET')).json()) as {
      items: Array<Record<string, unknown>>
    }
    const listed = list.items.find((a) => a.clientID === app.clientID)!
    expect(listed.name).toBe('Library e-Service')
    expect(listed.clientSecret).toBeUndefined()
  })

  it('refuses bad input with problem+json naming each field', async () => {
    const h = await harness()
    const res = await h.admin('/sandbox/v1/apps', 'POST', {
      name: '',
      redirectURIs: ['not a url', 'https://x.example/#frag'],
      scopes: ['eidapi_everything'],
      kekPublicKeys: { A: 'not a key' },
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const p = (await res.json()) as { errors: Record<string, string> }
    expect(Object.keys(p.errors).sort()).toEqual(['kekPublicKeys.A', 'name', 'redirectURIs', 'scopes'])
  })

  it('needs the admin token (401) and JSON (415, 400)', async () => {
    const h = await harness()
    expect((await h.request('/sandbox/v1/apps', { method: 'POST', body: '{}' })).status).toBe(401)
    expect(
      (
        await h.request('/sandbox/v1/apps', {
          method: 'POST',
          headers: { Authorization: 'Bearer nope-nope-nope-nope' },
        })
      ).status,
    ).toBe(401)
    const t = { Authorization: `Bearer ${h.adminToken}` }
    expect(
      (
        await h.request('/sandbox/v1/apps', {
          method: 'POST',
          headers: { ...t, 'content-type': 'text/plain' },
          body: 'x',
        })
      ).status,
    ).toBe(415)
    expect(
      (
        await h.request('/sandbox/v1/apps', {
          method: 'POST',
          headers: { ...t, 'content-type': 'application/json' },
          body: '{',
        })
      ).status,
    ).toBe(400)
  })
})

describe('residents', () => {
  it('lists residents with HKID, tier and the outcome of magic ones', async () => {
    const h = await harness()
    expect((await h.request('/sandbox/v1/residents')).status).toBe(401)
    const body = (await (await h.admin('/sandbox/v1/residents', 'GET')).json()) as {
      items: Array<Record<string, unknown>>
      total: number
    }
    expect(body.total).toBe((await h.platform.services.residents.list()).length)
    const reject = body.items.find((r) => r.id === 'magic-reject')!
    expect(reject.hkid).toBe('QZ000003(8)')
    expect(reject.decision).toBe('reject')
    expect(String(reject.outcome)).toContain('D40001')
    for (const r of body.items) expect(String(r.hkid)).toMatch(/^Q[A-Z]\d{6}\([0-9A]\)$/)
  })
})

describe('headless control', () => {
  it('autopilot decides new logins at once, so getQR redirects without a browser', async () => {
    const h = await harness()
    const set = await h.admin(`/sandbox/v1/apps/${h.clientID}/autopilot`, 'PUT', {
      residentId: 'QZ000003(8)',
      decision: 'reject',
    })
    expect(set.status).toBe(200)
    expect(await set.json()).toEqual({ residentId: 'magic-reject', decision: 'reject', delayMs: 0 })
    const q = new URLSearchParams({
      clientID: h.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      scope: 'eidapi_auth',
      state: 's',
    })
    const res = await h.request(`/api/v1/auth/getQR?${q}`)
    expect(res.status).toBe(302)
    expect(new URL(res.headers.get('location')!).searchParams.get('error_code')).toBe('D40001')
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/autopilot`, 'DELETE')).status).toBe(204)
    expect((await h.request(`/api/v1/auth/getQR?${q}`)).status).toBe(200)
  })

  it('autopilot validates its input', async () => {
    const h = await harness()
    expect(
      (await h.admin(`/sandbox/v1/apps/${h.clientID}/autopilot`, 'PUT', { decision: 'maybe' })).status,
    ).toBe(422)
    expect(
      (await h.admin(`/sandbox/v1/apps/${h.clientID}/autopilot`, 'PUT', { residentId: 'nobody' })).status,
    ).toBe(422)
    expect((await h.admin(`/sandbox/v1/apps/${'0'.repeat(32)}/autopilot`, 'PUT', {})).status).toBe(404)
  })

  it('a ticket can be decided once; deciding again is 409, an unknown ticket 404', async () => {
    const h = await harness()
    const t = await h.token()
    const init = await h.client.call<{ ticketID: string }>('/account/stepup/initiateRequest', {
      businessID: 'b',
      accessToken: t.accessToken,
      openID: t.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
    })
    const id = init.content!.ticketID
    const first = await h.admin(`/sandbox/v1/tickets/${id}/decision`, 'POST', { decision: 'approve' })
    expect(await first.json()).toMatchObject({ ticketID: id, status: 'approved', code: 'D00000' })
    expect((await h.admin(`/sandbox/v1/tickets/${id}/decision`, 'POST', { decision: 'reject' })).status).toBe(
      409,
    )
    expect(
      (await h.admin(`/sandbox/v1/tickets/${'a'.repeat(32)}/decision`, 'POST', { decision: 'reject' }))
        .status,
    ).toBe(404)
  })
})
