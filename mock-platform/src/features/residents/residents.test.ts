// Residents API: search, create (at most RESIDENTS_PER_ORG per organisation), edit (updatedAt → getToken's
// lastModifiedDate), delete and reset, each bad field named.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { defaultResidents } from '../../personas'
import { makeIdNo } from '../../personas/hkid'
import { memoryStorage } from '../../store/memory'
import { documentsOf } from '../../store/documents'
import { signUp } from '../../../test/session.fixtures'
import { residentProblems } from './resident.validate'
import { ResidentsService, type StoredResident } from './residents.service'

const RESIDENT = {
  tier: 'iAM Smart+',
  profile: {
    idNo: { Identification: 'QA123456', CheckDigit: '5' },
    enName: { UnstructuredName: 'TEST, Resident One' },
    chName: { ChineseName: '測試一' },
    birthDate: '19850615',
    gender: 'F',
  },
  eme: {
    mobileNumber: { CountryCode: '852', SubscriberNumber: '91234567' },
    residentialAddress: { EngPremisesAddress: { Region: 'KLN', BuildingName: 'Test House' } },
    postalAddress: {
      PostBoxAddress: { EngPostBox: { PostOfficeRegion: 'HK', PostOffice: 'GPO', PoBoxNo: '123' } },
    },
  },
  tags: ['mine'],
}

describe('residents API', () => {
  it('the seeded residents pass the same validation as new ones', () => {
    for (const r of defaultResidents()) {
      const { tier, profile, eme, behaviour, tags } = r
      expect(residentProblems({ tier, profile, eme, behaviour, tags }, '20261122'), r.id).toEqual({})
    }
  })

  it('creates a resident owned by the organisation, found by search and by HKID', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const res = await dev.call('/sandbox/v1/residents', 'POST', RESIDENT)
    expect(res.status).toBe(201)
    const created = (await res.json()) as Record<string, any>
    expect(created.id).toMatch(/^u-[0-9a-f]{32}$/)
    expect(created).toMatchObject({
      orgId: dev.orgId,
      behaviour: { decision: 'approve', delayMs: 0, appReachable: true },
      profile: { chNameVerified: 'Y' },
      updatedAt: new Date(h.clock.now()).toISOString(),
    })
    expect((await dev.json(`/sandbox/v1/residents/${created.id}`)).profile).toEqual({
      ...RESIDENT.profile,
      chNameVerified: 'Y',
    })
    for (const query of [
      'q=resident%20one',
      'q=QA123456(5)',
      'hkid=QA1234565',
      'tag=mine&tier=iAM%20Smart%2B',
    ]) {
      const found = await dev.json(`/sandbox/v1/residents?${query}`)
      expect(
        found.items.map((x: { id: string }) => x.id),
        query,
      ).toEqual([created.id])
    }
    const page = await dev.json('/sandbox/v1/residents?tier=iAM%20Smart&limit=2&offset=1')
    expect(page.items).toHaveLength(2)
    expect(page.total).toBeGreaterThan(2)
    expect((await dev.call('/sandbox/v1/residents?limit=0')).status).toBe(400)
  })

  it('names every bad field', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const res = await dev.call('/sandbox/v1/residents', 'POST', {
      ...RESIDENT,
      tier: 'gold',
      nickname: 'x',
      profile: {
        ...RESIDENT.profile,
        idNo: { Identification: 'QA123456', CheckDigit: '4' },
        birthDate: '20230230',
      },
      eme: {
        mobileNumber: { CountryCode: '852', SubscriberNumber: '9123456' },
        residentialAddress: {
          EngPremisesAddress: { Region: 'KL' },
          FreeFormatAddress: { AddressLine1: 'x', LanguageCode: 'en' },
        },
        postalAddress: { ChiPremisesAddress: { Region: 'MACAU' } },
        favouriteColour: 'blue',
      },
      behaviour: { decision: 'maybe' },
    })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { errors: object }).errors).toEqual({
      nickname: 'is not a field of this request',
      tier: 'must be one of iAM Smart, iAM Smart+',
      'profile.idNo.CheckDigit': 'is not the check digit of QA123456 (it is 5)',
      'profile.birthDate': 'must be a real date YYYYMMDD',
      'eme.favouriteColour': 'is not a field of this request',
      'eme.mobileNumber.SubscriberNumber': 'must be 8 digits for a Hong Kong number',
      'eme.residentialAddress':
        'must have exactly one of EngPremisesAddress, ChiPremisesAddress, FreeFormatAddress',
      'eme.postalAddress.ChiPremisesAddress.Region': 'must be one of HK, KLN, NT',
      'behaviour.decision': 'must be one of approve, reject, cancel, timeout, fail',
    })
    const outside = await dev.call('/sandbox/v1/residents', 'POST', {
      ...RESIDENT,
      profile: { ...RESIDENT.profile, idNo: { Identification: 'A123456', CheckDigit: '3' } },
    })
    expect(((await outside.json()) as { errors: object }).errors).toEqual({
      'profile.idNo.Identification': 'must be in the sandbox range QA000000–QZ999999',
    })
    const taken = await dev.call('/sandbox/v1/residents', 'POST', {
      ...RESIDENT,
      profile: { ...RESIDENT.profile, idNo: { Identification: 'QZ000003', CheckDigit: '8' } },
    })
    expect(((await taken.json()) as { errors: object }).errors).toEqual({
      'profile.idNo': 'another resident already has this HKID',
    })
  })

  it('edits field by field and bumps updatedAt, which getToken reports as lastModifiedDate', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const created = await dev.json('/sandbox/v1/residents', 'POST', RESIDENT)
    h.clock.advance(60_000)
    const edited = await dev.json(`/sandbox/v1/residents/${created.id}`, 'PATCH', {
      profile: { enName: { UnstructuredName: 'TEST, Renamed' } },
      eme: { postalAddress: null, emailAddress: 'renamed@example.com' },
    })
    expect(edited.profile.enName.UnstructuredName).toBe('TEST, Renamed')
    expect(edited.profile.birthDate).toBe('19850615')
    expect(edited.eme.postalAddress).toBeUndefined()
    expect(edited.eme.emailAddress).toBe('renamed@example.com')
    expect(edited.updatedAt).toBe(new Date(h.clock.now()).toISOString())
    const bad = await dev.call(`/sandbox/v1/residents/${created.id}`, 'PATCH', {
      profile: { gender: 'X' },
      id: 'r-1',
    })
    expect(((await bad.json()) as { errors: object }).errors).toEqual({
      id: 'is not a field of this request',
      'profile.gender': 'must be one of M, F',
    })
    // The platform reads the edit: the organisation's own apps reach its resident on getQR by its id.
    const app = (await h.platform.services.apps.get(h.clientID))!
    await h.platform.services.apps.replace({ ...app, orgId: dev.orgId! })
    const token = await h.token({ resident: created.id })
    expect(token.lastModifiedDate).toBe(h.clock.now())
  })

  it('shared residents are read-only to members; the admin edits and resets them to the seed', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const refused = await dev.call('/sandbox/v1/residents/magic-approve', 'PATCH', { tags: ['x'] })
    expect(refused.status).toBe(403)
    expect((await dev.call('/sandbox/v1/residents/magic-approve', 'DELETE')).status).toBe(403)
    const seed = (await h.platform.services.residents.get('magic-approve'))!
    const edited = await h.admin('/sandbox/v1/residents/magic-approve', 'PATCH', {
      behaviour: { decision: 'reject' },
    })
    expect(((await edited.json()) as any).behaviour.decision).toBe('reject')
    const reset = await h.admin('/sandbox/v1/residents/magic-approve/reset', 'POST')
    expect(reset.status).toBe(200)
    expect(await h.platform.services.residents.get('magic-approve')).toEqual(seed)
    await h.admin('/sandbox/v1/residents/r-0001', 'DELETE')
    const all = await h.admin('/sandbox/v1/residents/reset', 'POST')
    expect(await all.json()).toEqual({
      scope: 'shared',
      count: (await h.platform.services.residents.list()).length,
    })
    expect(await h.platform.services.residents.get('r-0001')).toBeDefined()
  })

  it('a member’s reset removes the organisation’s residents only; deleting one works too', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@example.com')
    const one = await dev.json('/sandbox/v1/residents', 'POST', RESIDENT)
    const two = await dev.json('/sandbox/v1/residents', 'POST', {
      ...RESIDENT,
      profile: { ...RESIDENT.profile, idNo: { Identification: 'QB000001', CheckDigit: '6' } },
    })
    expect((await dev.call(`/sandbox/v1/residents/${one.id}/reset`, 'POST')).status).toBe(409)
    expect((await dev.call(`/sandbox/v1/residents/${one.id}`, 'DELETE')).status).toBe(204)
    expect((await dev.call(`/sandbox/v1/residents/${one.id}`)).status).toBe(404)
    expect(await dev.json('/sandbox/v1/residents/reset', 'POST')).toEqual({ scope: 'organisation', count: 1 })
    expect(await h.platform.services.residents.get(two.id)).toBeUndefined()
    expect(await h.platform.services.residents.get('magic-approve')).toBeDefined()
  })
})

describe('residents per organisation (RESIDENTS_PER_ORG)', () => {
  /** RESIDENT with its own HKID. */
  const nth = (i: number) => ({
    ...RESIDENT,
    profile: { ...RESIDENT.profile, idNo: makeIdNo(`QX${String(900_000 + i)}`) },
  })

  it('a member’s organisation creates at most residentsPerOrg residents; beyond, 409 problem+json with the limit, the count and the fix; deleting frees a place', async () => {
    const h = await harness({ config: { residentsPerOrg: 2 } })
    const dev = await signUp(h, 'dev@example.com')
    const one = await dev.json('/sandbox/v1/residents', 'POST', nth(1))
    await dev.json('/sandbox/v1/residents', 'POST', nth(2))
    const refused = await dev.call('/sandbox/v1/residents', 'POST', nth(3))
    expect(refused.status).toBe(409)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = (await refused.json()) as Record<string, unknown>
    expect(problem).toMatchObject({ status: 409, title: 'Resident limit reached', limit: 2, count: 2 })
    expect(problem.detail).toContain(`Organisation "${dev.orgId}" has 2 residents`)
    expect(problem.detail).toContain('(2)')
    expect(problem.detail).toContain('DELETE /sandbox/v1/residents/{id}')
    expect(problem.detail).toContain('RESIDENTS_PER_ORG')
    expect(await h.platform.services.residents.find('QX900003')).toBeUndefined()
    // Bad fields are still named first (422).
    expect((await dev.call('/sandbox/v1/residents', 'POST', { tier: 'nope' })).status).toBe(422)
    // Editing is not creating: allowed at the limit.
    expect((await dev.call(`/sandbox/v1/residents/${one.id}`, 'PATCH', { tags: ['edited'] })).status).toBe(
      200,
    )
    expect(await h.platform.services.residents.countInOrg(dev.orgId!)).toBe(2)

    // Another organisation has its own allowance; the admin adds shared residents, never counted or limited.
    const other = await signUp(h, 'other@example.com')
    expect((await other.call('/sandbox/v1/residents', 'POST', nth(10))).status).toBe(201)
    for (let i = 20; i < 23; i++)
      expect((await h.admin('/sandbox/v1/residents', 'POST', nth(i))).status).toBe(201)
    expect(await h.platform.services.residents.countInOrg(dev.orgId!)).toBe(2)

    // Deleting one frees its place; the organisation's reset frees them all.
    expect((await dev.call(`/sandbox/v1/residents/${one.id}`, 'DELETE')).status).toBe(204)
    expect(await h.platform.services.residents.countInOrg(dev.orgId!)).toBe(1)
    expect((await dev.call('/sandbox/v1/residents', 'POST', nth(3))).status).toBe(201)
    expect((await dev.call('/sandbox/v1/residents', 'POST', nth(4))).status).toBe(409)
    expect(await dev.json('/sandbox/v1/residents/reset', 'POST')).toEqual({ scope: 'organisation', count: 2 })
    expect(await h.platform.services.residents.countInOrg(dev.orgId!)).toBe(0)
    expect((await dev.call('/sandbox/v1/residents', 'POST', nth(4))).status).toBe(201)
    // The admin's reset of the shared residents keeps the organisations' and their counts.
    expect((await h.admin('/sandbox/v1/residents/reset', 'POST')).status).toBe(200)
    expect(await h.platform.services.residents.countInOrg(dev.orgId!)).toBe(1)
    expect(await h.platform.services.residents.countInOrg(other.orgId!)).toBe(1)
  })

  it('concurrent creations cannot pass the limit together', async () => {
    const h = await harness({ config: { residentsPerOrg: 3 } })
    const dev = await signUp(h, 'dev@example.com')
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        dev.call('/sandbox/v1/residents', 'POST', nth(i)).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(5)
    expect(
      (await h.platform.services.residents.visible({ orgId: dev.orgId! })).filter((r) => r.orgId),
    ).toHaveLength(3)
  })

  it('the counts are rebuilt from the stored residents at start; search by HKID follows edits and deletes', async () => {
    const storage = memoryStorage()
    const first = await harness({ config: { residentsPerOrg: 2 }, deps: { storage } })
    const dev = await signUp(first, 'dev@example.com')
    const one = await dev.json('/sandbox/v1/residents', 'POST', nth(1))
    await dev.json('/sandbox/v1/residents', 'POST', nth(2))

    const again = new ResidentsService(
      documentsOf(await storage.collection<StoredResident>('residents')),
      first.clock,
    )
    expect(await again.countInOrg(dev.orgId!)).toBe(2)
    await expect(again.create(nth(3), dev.orgId, 2)).rejects.toMatchObject({
      status: 409,
      extra: { limit: 2, count: 2 },
    })
    // A changed HKID is found by its new number only; a deleted resident by neither.
    const moved = await again.update((await again.get(one.id))!, { profile: { idNo: makeIdNo('QX900099') } })
    expect((await again.find('QX900099', { orgId: dev.orgId! }))?.id).toBe(one.id)
    expect(await again.find('QX900001', { orgId: dev.orgId! })).toBeUndefined()
    expect(await again.countInOrg(dev.orgId!)).toBe(2)
    await again.delete(moved)
    expect(await again.find('QX900099', { orgId: dev.orgId! })).toBeUndefined()
    expect(await again.countInOrg(dev.orgId!)).toBe(1)
    // The freed HKID can be used again.
    expect((await again.create(nth(1), dev.orgId, 2)).orgId).toBe(dev.orgId)
  })
})
