// A resident private to one organisation cannot be used by another organisation's app: not through
// X-Sandbox-Resident on getQR, not by autopilot, not by a headless decision. It is answered as an unknown resident.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { signUp } from '../../../test/session.fixtures'

const RESIDENT = {
  tier: 'iAM Smart+',
  profile: {
    idNo: { Identification: 'QA765432', CheckDigit: '9' },
    enName: { UnstructuredName: 'PRIVATE, Resident of A' },
    birthDate: '19850615',
    gender: 'F',
  },
  tags: ['org-a'],
}

async function setUp() {
  const h = await harness()
  const a = await signUp(h, 'dev@org-a.example', { orgName: 'Org A' })
  const b = await signUp(h, 'dev@org-b.example', { orgName: 'Org B' })
  const resident = await a.json('/sandbox/v1/residents', 'POST', RESIDENT)
  const appA = await a.json('/sandbox/v1/apps', 'POST', {
    name: 'A',
    redirectURIs: ['https://a.example/return'],
  })
  const appB = await b.json('/sandbox/v1/apps', 'POST', {
    name: 'B',
    redirectURIs: ['https://b.example/return'],
  })
  const getQr = (clientID: string, redirectURI: string, residentHeader?: string) => {
    const q = new URLSearchParams({
      clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI,
      scope: 'eidapi_auth',
      state: 'st-1',
      lang: 'en-US',
    })
    return h.request(`/api/v1/auth/getQR?${q}`, {
      headers: residentHeader
        ? { 'X-Sandbox-Resident': residentHeader, 'X-Sandbox-Decision': 'approve' }
        : {},
    })
  }
  return { h, a, b, resident, appA, appB, getQr }
}

describe("another organisation's private resident", () => {
  it('X-Sandbox-Resident on getQR: answered exactly as an unknown resident, and nothing is decided', async () => {
    const { h, resident, appA, appB, getQr } = await setUp()
    const unknownId = `u-${'0'.repeat(32)}`
    const foreign = await getQr(appB.clientID, 'https://b.example/return', resident.id)
    const unknown = await getQr(appB.clientID, 'https://b.example/return', unknownId)
    expect(foreign.status).toBe(400)
    expect(unknown.status).toBe(400)
    expect(foreign.headers.get('location')).toBeNull()
    const f = (await foreign.json()) as { title: string; detail: string }
    const u = (await unknown.json()) as { title: string; detail: string }
    expect(f).toEqual({ title: 'Unknown resident', detail: `No resident "${resident.id}"` })
    expect(u).toEqual({ title: 'Unknown resident', detail: `No resident "${unknownId}"` })
    // By HKID too.
    expect((await getQr(appB.clientID, 'https://b.example/return', 'QA765432(9)')).status).toBe(400)
    // The sandbox organisation's apps are another organisation as well.
    expect((await getQr(h.clientID, 'https://osp.example/return', resident.id)).status).toBe(400)
    const tickets = h.platform.services.tickets.pending((t) => t.clientID === appB.clientID)
    expect(tickets.length).toBeGreaterThan(0)
    expect(tickets.every((t) => t.residentId === undefined)).toBe(true)

    // The owning organisation's app uses it.
    const own = await getQr(appA.clientID, 'https://a.example/return', resident.id)
    expect(own.status).toBe(302)
    expect(own.headers.get('location')).toMatch(/^https:\/\/a\.example\/return\?code=/)
  })

  it('autopilot: neither the other member nor the admin token can set it for the other organisation’s app', async () => {
    const { h, b, resident, appA, appB } = await setUp()
    const body = { residentId: resident.id, decision: 'approve' }
    const byMember = await b.call(`/sandbox/v1/apps/${appB.clientID}/autopilot`, 'PUT', body)
    const byAdmin = await h.admin(`/sandbox/v1/apps/${appB.clientID}/autopilot`, 'PUT', body)
    const unknown = await h.admin(`/sandbox/v1/apps/${appB.clientID}/autopilot`, 'PUT', {
      residentId: `u-${'0'.repeat(32)}`,
    })
    for (const res of [byMember, byAdmin, unknown]) {
      expect(res.status).toBe(422)
      expect(((await res.json()) as { title: string }).title).toBe('Unknown resident')
    }
    expect(h.platform.services.autopilot.get(appB.clientID)).toBeUndefined()
    // The owner's app may.
    expect((await h.admin(`/sandbox/v1/apps/${appA.clientID}/autopilot`, 'PUT', body)).status).toBe(200)
  })

  it('a headless decision of the other organisation’s ticket with that resident is refused', async () => {
    const { h, resident, appB, getQr } = await setUp()
    expect((await getQr(appB.clientID, 'https://b.example/return')).status).toBe(200)
    const [ticket] = h.platform.services.tickets.pending((t) => t.clientID === appB.clientID)
    const res = await h.admin(`/sandbox/v1/tickets/${ticket!.ticketID}/decision`, 'POST', {
      decision: 'approve',
      residentId: resident.id,
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { title: string }).title).toBe('Unknown resident')
    expect(h.platform.services.tickets.get(ticket!.ticketID)!.status).toBe('pending')
  })

  it('the virtual app: approving another organisation’s ticket as that resident does not release it', async () => {
    const { h, resident, appA, appB, getQr } = await setUp()
    const form = (path: string, body: string, cookie?: string) =>
      h.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
          ...(cookie ? { cookie } : {}),
        },
        body,
      })
    const chosen = await form('/app/resident', `residentId=${resident.id}&next=/app`)
    const cookie = chosen.headers.get('set-cookie')!.split(';')[0]!
    expect((await getQr(appB.clientID, 'https://b.example/return')).status).toBe(200)
    expect((await getQr(appA.clientID, 'https://a.example/return')).status).toBe(200)
    const [ticketB] = h.platform.services.tickets.pending((t) => t.clientID === appB.clientID)
    const [ticketA] = h.platform.services.tickets.pending((t) => t.clientID === appA.clientID)
    expect(
      (await form(`/app/requests/${ticketB!.ticketID}/decision`, 'decision=approve', cookie)).status,
    ).toBe(303)
    expect(h.platform.services.tickets.get(ticketB!.ticketID)).toMatchObject({ status: 'pending' })
    expect(h.platform.services.tickets.get(ticketB!.ticketID)!.residentId).toBeUndefined()
    expect(
      (await form(`/app/requests/${ticketA!.ticketID}/decision`, 'decision=approve', cookie)).status,
    ).toBe(303)
    expect(h.platform.services.tickets.get(ticketA!.ticketID)).toMatchObject({
      status: 'approved',
      residentId: resident.id,
    })
  })
})
