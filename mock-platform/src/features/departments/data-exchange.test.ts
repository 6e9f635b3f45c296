// Preview data exchange end to end: approve (whole or per data set) → getData → revoke / expire, with exact codes.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import {
  appBrowser,
  decide,
  FULL_RECORDS,
  getData,
  getStatus,
  giveFullRecords,
  initiate,
} from './data-exchange.fixtures'

const DAY = 86_400_000

describe('preview data exchange', () => {
  it('approve → retrieve → revoke in the app → retrieve again is refused with D20026', async () => {
    const h = await harness()
    await giveFullRecords(h)
    const { env } = await initiate(h)
    expect(env.code).toBe('D00000')
    expect(env.content).toEqual({ ticketID: expect.stringMatching(/^[0-9a-f]{32}$/), authByQR: true })
    const cb = await decide(h, env.content!.ticketID)
    expect(cb.code).toBe('D00000')
    expect(cb.content).toEqual({
      businessID: expect.stringMatching(/^dx-/),
      state: 'dx-state',
      consentRef: expect.stringMatching(/^[0-9a-f]{32}$/),
      approvedDataSets: [
        'vehicleLicences',
        'taxReturnSummary',
        'publicHousingTenancy',
        'professionalRegistrations',
      ],
      validUntil: h.clock.now() + 30 * DAY,
    })
    const ref = cb.content.consentRef as string

    const got = await getData(h, ref)
    expect(got.code).toBe('D00000')
    expect(got.content).toEqual({
      consentRef: ref,
      retrievedAt: h.clock.now(),
      validUntil: h.clock.now() + 30 * DAY,
      records: FULL_RECORDS,
    })

    const app = appBrowser(h)
    const revoked = await app.revoke(ref)
    expect(revoked.status).toBe(303)
    expect(revoked.headers.get('Location')).toBe(`/app/consents/${ref}`)
    const again = await getData(h, ref)
    expect(again.code).toBe('D20026')
    expect(again.content).toBeNull()
    const status = await getStatus(h, { consentRef: ref })
    expect(status.content).toMatchObject({ consentRef: ref, status: 'revoked', revokedAt: h.clock.now() })
  })

  it('partial approval in the app: the callback and getData carry only the approved data sets', async () => {
    const h = await harness()
    await giveFullRecords(h)
    const { env } = await initiate(h)
    const page = await appBrowser(h).get(`/app/requests/${env.content!.ticketID}`)
    const html = await page.text()
    expect(html).toContain('Verify eligibility for a synthetic parking permit')
    expect(html).toContain('Vehicle licences (Transport Department)')
    expect(html).toContain('not part of the published iAM Smart specification')
    const res = await appBrowser(h).approve(env.content!.ticketID, [
      'vehicleLicences',
      'publicHousingTenancy',
    ])
    expect(res.status).toBe(303)
    await h.settle()
    const content = h.client.decryptCallback<Record<string, unknown>>(h.callbacks.at(-1)!.body)!
    expect(content.approvedDataSets).toEqual(['vehicleLicences', 'publicHousingTenancy'])
    const got = await getData(h, content.consentRef as string)
    expect(got.content!.records).toEqual({
      vehicleLicences: FULL_RECORDS.vehicleLicences,
      publicHousingTenancy: FULL_RECORDS.publicHousingTenancy,
    })
    const one = await getData(h, content.consentRef as string, { dataSets: ['publicHousingTenancy'] })
    expect(one.content!.records).toEqual({ publicHousingTenancy: FULL_RECORDS.publicHousingTenancy })
    // A data set outside the consent is refused (D20012), never served or silently dropped.
    const outside = await getData(h, content.consentRef as string, {
      dataSets: ['vehicleLicences', 'taxReturnSummary'],
    })
    expect(outside.code).toBe('D20012')
    expect(outside.content).toBeNull()
  })

  it('every box unticked, reject, cancel and timeout: refusal codes D40001, D40001, D40000, D40003 and no consent', async () => {
    const h = await harness()
    const { env } = await initiate(h)
    await appBrowser(h).approve(env.content!.ticketID, [])
    await h.settle()
    const codes = [h.callbacks.at(-1)!.body.code]
    for (const decision of ['reject', 'cancel', 'timeout']) {
      const next = await initiate(h)
      codes.push((await decide(h, next.env.content!.ticketID, decision)).code)
    }
    expect(codes).toEqual(['D40001', 'D40001', 'D40000', 'D40003'])
    expect(await h.platform.services.consents.ofResident('magic-approve')).toHaveLength(0)
  })

  it('expiry by the injected clock and by the app test clock → D40003; getStatus says expired', async () => {
    const h = await harness()
    const a = await decide(h, (await initiate(h, { validityDays: 2 })).env.content!.ticketID)
    const b = await decide(h, (await initiate(h, { validityDays: 10 })).env.content!.ticketID)
    expect((await getData(h, a.content.consentRef as string)).code).toBe('D00000')
    h.clock.advance(2 * DAY)
    await h.client.getKey() // the CEK (24 h) expired too
    expect((await getData(h, a.content.consentRef as string)).code).toBe('D40003')
    expect((await getStatus(h, { consentRef: a.content.consentRef })).content!.status).toBe('expired')
    expect((await getData(h, b.content.consentRef as string)).code).toBe('D00000')
    // The per-app test clock (sandbox API) moves the app's running consents closer to their end.
    await h.platform.services.appClock.advance(h.clientID, 8 * DAY)
    await h.client.getKey()
    expect((await getData(h, b.content.consentRef as string)).code).toBe('D40003')
  })

  it('the audit trail records every retrieval (when, which sets, which app) and the resident sees it', async () => {
    const h = await harness()
    await giveFullRecords(h)
    const ref = (await decide(h, (await initiate(h)).env.content!.ticketID)).content.consentRef as string
    await getData(h, ref, { dataSets: ['vehicleLicences'] })
    h.clock.advance(60_000)
    await getData(h, ref)
    const refused = await getData(h, ref, { dataSets: ['nope'] })
    expect(refused.code).toBe('D20003')
    const consents = h.platform.services.consents
    const history = await consents.history((await consents.get(ref))!)
    expect(history.map((e) => [e.type, e.items, e.clientID])).toEqual([
      ['granted', expect.any(Array), h.clientID],
      ['retrieved', ['vehicleLicences'], h.clientID],
      [
        'retrieved',
        ['vehicleLicences', 'taxReturnSummary', 'publicHousingTenancy', 'professionalRegistrations'],
        h.clientID,
      ],
    ])
    expect(history[2]!.at - history[1]!.at).toBe(60_000)
    const page = await (await appBrowser(h).get(`/app/consents/${ref}`)).text()
    expect(page.match(/data-testid="event-retrieved"/g)).toHaveLength(2)
    const home = await (await appBrowser(h).get('/app')).text()
    expect(home).toContain(`data-testid="consent-retrievals-${ref}">2<`)
  })
})
