// Preview data exchange: who may read a consent (holder only), and the validation of every request, with exact codes.
import { describe, expect, it } from 'vitest'
import { harness, kek, OSP } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { decide, getData, getStatus, initiate } from './data-exchange.fixtures'

const DAY = 86_400_000

describe('preview data exchange: authorisation and validation', () => {
  it('getStatus: the holder by reference or businessID; another app gets D20027 for the same reference', async () => {
    const h = await harness()
    const init = await initiate(h, { businessID: 'dx-status-1' })
    const ref = (await decide(h, init.env.content!.ticketID)).content.consentRef as string
    const mine = await getStatus(h, { consentRef: ref })
    expect(mine.code).toBe('D00000')
    expect(mine.content).toEqual({
      consentRef: ref,
      kind: 'dataexchange',
      status: 'active',
      dataSets: ['vehicleLicences', 'taxReturnSummary', 'publicHousingTenancy', 'professionalRegistrations'],
      purpose: 'Verify eligibility for a synthetic parking permit',
      businessID: 'dx-status-1',
      validFrom: h.clock.now(),
      validUntil: h.clock.now() + 30 * DAY,
    })
    expect((await getStatus(h, { businessID: 'dx-status-1' })).content).toEqual(mine.content)
    expect((await getStatus(h, {})).code).toBe('D20002')
    expect((await getStatus(h, { consentRef: 'f'.repeat(32) })).code).toBe('D20027')

    const other = await h.platform.services.apps.create({
      name: 'Other e-Service',
      redirectURIs: [OSP.callbackURI],
      scopes: ['eidapi_auth', 'eidapi_formFilling'],
      kekPublicKeys: { A: kek(1).publicPem },
    })
    const client = new ReferenceClient({
      baseUrl: '/api/v1',
      clientID: other.clientID,
      clientSecret: other.clientSecret,
      privateKey: kek(1).privateKey,
      fetch: (u, i) => h.request(u, i),
      now: () => h.clock.now(),
    })
    for (const request of [{ consentRef: ref }, { businessID: 'dx-status-1' }]) {
      const env = await client.call('/preview/consents/getStatus', request)
      expect(env.code).toBe('D20027')
      expect(env.content).toBeNull()
    }
    // The other app logs the same resident in and tries the reference: D20027, never the data (checklist #34).
    const q = new URLSearchParams({
      clientID: other.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      scope: 'eidapi_auth eidapi_formFilling',
      state: 'other',
    })
    const redirect = await h.request(`/api/v1/auth/getQR?${q}`, {
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    })
    const code = new URL(redirect.headers.get('Location')!).searchParams.get('code')
    const token = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code,
      grantType: 'authorization_code',
    })
    expect(token.code).toBe('D00000')
    const stolen = await client.call('/preview/dataexchange/getData', { ...token.content!, consentRef: ref })
    expect(stolen.code).toBe('D20027')
    expect(stolen.content).toBeNull()
  })

  it('initiateRequest validation: purpose, validityDays, dataSets and the eidapi_formFilling scope', async () => {
    const h = await harness()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ purpose: undefined }, 'D20002'],
      [{ purpose: 'x'.repeat(201) }, 'D20003'],
      [{ validityDays: 0 }, 'D20003'],
      [{ validityDays: 366 }, 'D20003'],
      [{ validityDays: 1.5 }, 'D20003'],
      [{ validityDays: undefined }, 'D20002'],
      [{ dataSets: [] }, 'D20003'],
      [{ dataSets: ['medicalRecords'] }, 'D20003'],
      [{ redirectURI: 'https://evil.example/cb' }, 'D20008'],
      [{ purpose: 'x'.repeat(200), validityDays: 365, dataSets: ['taxReturnSummary'] }, 'D00000'],
    ]
    for (const [extra, code] of cases)
      expect((await initiate(h, extra)).env.code, JSON.stringify(extra)).toBe(code)
    const noScope = await harness({ app: { scopes: ['eidapi_auth', 'eidapi_profiles'] } })
    const t = await noScope.token({ scope: 'eidapi_auth' })
    const refused = await noScope.client.call('/preview/dataexchange/initiateRequest', {
      businessID: 'dx-no-scope',
      accessToken: t.accessToken,
      openID: t.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
      dataSets: ['taxReturnSummary'],
      purpose: 'p',
      validityDays: 1,
    })
    expect(refused.code).toBe('D20012')
  })

  it("getData: another resident's token or an unknown reference → D20027; a bad token → D20009", async () => {
    const h = await harness()
    const ref = (await decide(h, (await initiate(h)).env.content!.ticketID)).content.consentRef as string
    expect((await getData(h, ref, {}, 'magic-no-chinese-name')).code).toBe('D20027')
    expect((await getData(h, 'a'.repeat(32))).code).toBe('D20027')
    expect((await getData(h, ref, { accessToken: 'f'.repeat(32) })).code).toBe('D20009')
  })
})
