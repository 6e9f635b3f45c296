// Tenant isolation of the support API: EVERY /support/v1 route (read from the router) called by a member of organisation A
// with organisation B's ids answers 403/404, shows none of B's data and changes nothing of B's.
import { beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness } from '../../../test/harness'
import { newId } from '../../ids'
import { type Browser, signUp } from '../../../test/session.fixtures'
import { programmeBody, provider } from './support.fixtures'

interface OrgB {
  ids: Record<
    'enquiryId' | 'applicationId' | 'attachmentId' | 'orgId' | 'messageId' | 'clientID' | 'txID',
    string
  >
  markers: string[]
}

async function orgB(h: Harness): Promise<OrgB> {
  const b = await provider(h, 'owner@bravo.example', 'Bravo Secret Org')
  const e = await b.dev.json('/support/v1/enquiries', 'POST', {
    clientID: b.clientID,
    requestIds: [b.failedTxID],
    subject: 'Bravo Secret Enquiry',
    description: 'Bravo secret description of the problem.',
    attachments: [{ filename: 'bravo.log', data: Buffer.from('bravo-secret-log-line').toString('base64') }],
  })
  await b.dev.json(`/support/v1/enquiries/${e.id}/replies`, 'POST', { body: 'Bravo secret reply' })
  const a = await b.dev.json('/support/v1/applications', 'POST', {
    ...programmeBody(),
    organisationName: 'Bravo Secret Holdings',
    useCase: 'Bravo secret use case for the programme application.',
  })
  const ids = {
    enquiryId: e.id,
    applicationId: a.id,
    attachmentId: e.attachments[0].id,
    orgId: b.dev.orgId!,
    messageId: (await h.platform.services.mail.list())[0]!.id,
    clientID: b.clientID,
    txID: b.failedTxID,
  }
  const markers = [
    ...Object.values(ids),
    'Bravo Secret',
    'Bravo secret',
    'bravo-secret-log-line',
    'bravo.example',
    b.clientSecret,
  ]
  return { ids, markers }
}

/** Every support route once. */
function supportRoutes(h: Harness): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of h.platform.app.routes)
    if (r.path.startsWith('/support/v1/') && r.method !== 'ALL') seen.set(`${r.method} ${r.path}`, r)
  return [...seen.values()]
}

function withIds(path: string, ids: Record<string, string>): { url: string; hasId: boolean } {
  let hasId = false
  const url = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    hasId = true
    return encodeURIComponent(ids[name] ?? newId())
  })
  return { url, hasId }
}

describe('support API tenant isolation: organisation A against organisation B', () => {
  let h: Harness
  let a: Browser
  let b: OrgB
  beforeAll(async () => {
    h = await harness()
    b = await orgB(h)
    a = await signUp(h, 'dev@alpha.example', { orgName: 'Alpha' })
    await a.json('/support/v1/enquiries', 'POST', { subject: 'Alpha question', description: 'Alpha text.' })
  })

  it('covers every support route', () => {
    const paths = new Set(supportRoutes(h).map((r) => `${r.method} ${r.path}`))
    for (const p of [
      'GET /support/v1/enquiries/:enquiryId',
      'GET /support/v1/enquiries/:enquiryId/attachments/:attachmentId',
      'POST /support/v1/enquiries/:enquiryId/merge',
      'PUT /support/v1/applications/:applicationId',
      'GET /support/v1/organisations/:orgId/programme',
      'GET /support/v1/mail/:messageId',
    ])
      expect(paths).toContain(p)
    expect(paths.size).toBeGreaterThan(30)
  })

  it('every route with B’s ids answers 403 or 404 and no route shows B’s data', async () => {
    const query = `?orgId=${b.ids.orgId}&clientID=${b.ids.clientID}&to=owner@bravo.example`
    const failures: string[] = []
    for (const route of supportRoutes(h)) {
      const { url, hasId } = withIds(route.path, b.ids)
      const unsafe = !['GET', 'HEAD'].includes(route.method)
      const body = unsafe
        ? { into: b.ids.enquiryId, clientID: b.ids.clientID, requestIds: [b.ids.txID] }
        : undefined
      const res = await a.call(url + query, route.method, body)
      const text = await res.text()
      const label = `${route.method} ${route.path} → ${res.status}`
      if (hasId && ![403, 404].includes(res.status))
        failures.push(`${label}: expected 403/404 ${text.slice(0, 160)}`)
      if (res.status >= 500) failures.push(`${label}: server error`)
      const leaked = b.markers.filter(
        (m) => !url.includes(m) && !JSON.stringify(body ?? '').includes(m) && text.includes(m),
      )
      if (leaked.length > 0) failures.push(`${label}: shows ${leaked.join(', ')}`)
    }
    expect(failures).toEqual([])
  })

  it('A lists only its own items; B’s app and requests cannot be attached', async () => {
    const list = await a.json('/support/v1/enquiries')
    expect(list.items.map((e: { subject: string }) => e.subject)).toEqual(['Alpha question'])
    expect((await a.json('/support/v1/applications')).items).toEqual([])
    const res = await a.call('/support/v1/enquiries', 'POST', {
      subject: 'x',
      description: 'y',
      clientID: b.ids.clientID,
      requestIds: [b.ids.txID],
    })
    expect(res.status).toBe(422)
    expect((await res.json()).errors).toEqual({ clientID: 'must be an app of your organisation' })
    expect((await a.call('/mail')).status).toBe(403)
  })

  it('left every one of B’s objects as it was', async () => {
    const s = h.platform.services
    const e = (await s.support.enquiries.get(b.ids.enquiryId))!
    expect([e.status, e.replies.length, e.notes.length, e.attachments.length, e.mergedInto]).toEqual([
      'new',
      1,
      0,
      1,
      undefined,
    ])
    const app = (await s.support.applications.get(b.ids.applicationId))!
    expect([app.status, app.revision, app.decision]).toEqual(['new', 1, undefined])
    expect((await s.orgs.get(b.ids.orgId))!.programmeStatus).toBeUndefined()
  })

  it('an anonymous caller gets 401 everywhere', async () => {
    const failures: string[] = []
    for (const route of supportRoutes(h)) {
      const { url } = withIds(route.path, b.ids)
      const unsafe = !['GET', 'HEAD'].includes(route.method)
      const res = await h.request(url, {
        method: route.method,
        headers: unsafe ? { 'Content-Type': 'application/json', Origin: 'http://localhost' } : {},
        body: unsafe ? '{}' : undefined,
      })
      if (res.status !== 401) failures.push(`${route.method} ${route.path} → ${res.status}`)
    }
    expect(failures).toEqual([])
  })
})
