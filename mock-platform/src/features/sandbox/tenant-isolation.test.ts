// Tenant isolation: EVERY /sandbox/v1 route (read from the router, so new routes are covered) called by a member of
// organisation A with organisation B's ids answers 403/404, shows none of B's data and changes nothing of B's.
import { beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, kek } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { newId } from '../../ids'
import { type Browser, signUp } from '../../../test/session.fixtures'

type Ids = Record<
  'orgId' | 'clientID' | 'memberId' | 'changeId' | 'id' | 'ticketID' | 'txID' | 'slot',
  string
>

interface OrgB {
  ids: Ids
  /** Text that must never reach A: names, emails, secrets, keys, URIs and every id of B. */
  markers: string[]
}

/** Organisation B with an app, a member, a pending change, a resident, a ticket and a logged platform call. */
async function orgB(h: Harness): Promise<OrgB> {
  const b = await signUp(h, 'owner@bravo.example', { orgName: 'Bravo Secret Org' })
  const app = await b.json('/sandbox/v1/apps', 'POST', {
    name: 'Bravo Secret App',
    redirectURIs: ['https://bravo.example/secret-return'],
    kekPublicKeys: { A: kek(1).publicPem },
  })
  await b.json(`/sandbox/v1/orgs/${b.orgId}/members`, 'POST', { email: 'creator@bravo.example' })
  const creator = await signUp(h, 'creator@bravo.example')
  const change = await creator.json(`/sandbox/v1/apps/${app.clientID}`, 'PATCH', {
    name: 'Bravo Pending Name',
  })
  const members = await b.json(`/sandbox/v1/orgs/${b.orgId}/members`)
  const resident = await b.json('/sandbox/v1/residents', 'POST', {
    tier: 'iAM Smart+',
    profile: {
      idNo: { Identification: 'QB765432', CheckDigit: hkidCheck('QB765432') },
      enName: { UnstructuredName: 'BRAVO, Secret Resident' },
      birthDate: '19800101',
      gender: 'M',
    },
  })
  const ticket = h.platform.services.tickets.create({
    kind: 'login',
    clientID: app.clientID,
    scopes: ['eidapi_auth'],
    authByQR: true,
    request: { scope: 'eidapi_auth', source: 'PC_Browser' },
  })
  const client = new ReferenceClient({
    baseUrl: '/api/v1',
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    privateKey: kek(1).privateKey,
    fetch: (url, init) => h.request(url, init),
    now: () => h.clock.now(),
  })
  const call = await client.getKey()
  expect(call.code).toBe('D00000')
  const ids: Ids = {
    orgId: b.orgId!,
    clientID: app.clientID,
    memberId: members.items[1].id,
    changeId: change.change.id,
    id: resident.id,
    ticketID: ticket.ticketID,
    txID: call.txID,
    slot: 'A',
  }
  const markers = [
    ...Object.entries(ids)
      .filter(([k]) => k !== 'slot')
      .map(([, v]) => v),
    app.clientSecret,
    'Bravo Secret App',
    'Bravo Pending Name',
    'Bravo Secret Org',
    'bravo.example',
    'BRAVO, Secret Resident',
    'QB765432',
    app.kekPublicKeys.A,
  ]
  return { ids, markers }
}

function hkidCheck(id: string): string {
  const padded = id.padStart(8, ' ')
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const ch = padded[i]!
    sum += (9 - i) * (ch === ' ' ? 36 : /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55)
  }
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}

/** Every sandbox route once, sign-out last (it ends A's session). */
function sandboxRoutes(h: Harness): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of h.platform.app.routes)
    if (r.path.startsWith('/sandbox/v1/') && r.method !== 'ALL') seen.set(`${r.method} ${r.path}`, r)
  return [...seen.values()].sort(
    (x, y) =>
      Number(x.path === '/sandbox/v1/session' && x.method === 'DELETE') -
      Number(y.path === '/sandbox/v1/session' && y.method === 'DELETE'),
  )
}

/** The path with B's ids (unknown parameters get a fresh random id); whether any id was substituted. */
function withIds(path: string, ids: Record<string, string>): { url: string; hasId: boolean } {
  let hasId = false
  const url = path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, (_, name: string) => {
    hasId = true
    return encodeURIComponent(ids[name] ?? newId())
  })
  return { url, hasId }
}

describe('tenant isolation: organisation A against organisation B', () => {
  let h: Harness
  let a: Browser
  let b: OrgB
  beforeAll(async () => {
    h = await harness()
    b = await orgB(h)
    a = await signUp(h, 'dev@alpha.example', { orgName: 'Alpha' })
    await a.json('/sandbox/v1/apps', 'POST', { name: 'Alpha App' })
  })

  it('covers the routes of every sandbox feature', () => {
    const paths = new Set(sandboxRoutes(h).map((r) => r.path))
    for (const p of [
      '/sandbox/v1/apps/:clientID',
      '/sandbox/v1/orgs/:orgId',
      '/sandbox/v1/residents/:id',
      '/sandbox/v1/tickets/:ticketID/decision',
    ])
      expect(paths).toContain(p)
    expect(paths.size).toBeGreaterThan(35)
  })

  it('every route with B’s ids answers 403 or 404 and no route shows B’s data', async () => {
    const query = `?orgId=${b.ids.orgId}&clientID=${b.ids.clientID}&q=QB765432`
    const failures: string[] = []
    for (const route of sandboxRoutes(h)) {
      const { url, hasId } = withIds(route.path, b.ids)
      const unsafe = !['GET', 'HEAD'].includes(route.method)
      const res = await a.call(url + query, route.method, unsafe ? {} : undefined)
      const text = await res.text()
      const label = `${route.method} ${route.path} → ${res.status}`
      if (hasId && ![403, 404].includes(res.status))
        failures.push(`${label}: expected 403/404 ${text.slice(0, 160)}`)
      if (res.status >= 500) failures.push(`${label}: server error`)
      const leaked = b.markers.filter((m) => !url.includes(m) && text.includes(m))
      if (leaked.length > 0) failures.push(`${label}: shows ${leaked.join(', ')}`)
    }
    expect(failures).toEqual([])
  })

  it('left every one of B’s objects as it was', async () => {
    const s = h.platform.services
    expect((await s.apps.get(b.ids.clientID))!.name).toBe('Bravo Secret App')
    expect((await s.changes.get((await s.apps.get(b.ids.clientID))!, b.ids.changeId)).status).toBe('pending')
    expect((await s.residents.get(b.ids.id))!.profile.enName.UnstructuredName).toBe('BRAVO, Secret Resident')
    expect((await s.orgs.get(b.ids.orgId))!.members.map((m) => m.email)).toEqual([
      'owner@bravo.example',
      'creator@bravo.example',
    ])
    expect(s.tickets.get(b.ids.ticketID)!.status).toBe('pending')
    expect(s.autopilot.get(b.ids.clientID)).toBeUndefined()
  })

  it('an anonymous caller gets 401 everywhere except sign-up and sign-in', async () => {
    const failures: string[] = []
    for (const route of sandboxRoutes(h)) {
      const { url } = withIds(route.path, b.ids)
      const unsafe = !['GET', 'HEAD'].includes(route.method)
      const res = await h.request(url, {
        method: route.method,
        headers: unsafe ? { 'Content-Type': 'application/json', Origin: 'http://localhost' } : {},
        body: unsafe ? '{}' : undefined,
      })
      const open =
        route.method === 'POST' && ['/sandbox/v1/accounts', '/sandbox/v1/session'].includes(route.path)
      const expected = open ? (route.path.endsWith('accounts') ? 422 : 401) : 401
      if (res.status !== expected)
        failures.push(`${route.method} ${route.path} → ${res.status}, expected ${expected}`)
    }
    expect(failures).toEqual([])
  })
})
