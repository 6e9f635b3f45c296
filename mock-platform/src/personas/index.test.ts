/** The default resident set: shapes of every resident, lookup by id or HKID, and the documented table. */
import { describe, expect, it } from 'vitest'
import { ageOn, isRealYmd } from './birth-date'
import { defaultResidents, findResident, residentTable } from './index'
import { ADDRESS_VARIANTS, type Address, EME_FIELDS, type PhoneNumber } from './resident.types'

const all = defaultResidents()
const REGIONS = ['HK', 'KLN', 'NT']

/** The one variant an address holds, with its region (premises, PO box) or language (free format). */
function checkAddress(a: Address, postal: boolean): void {
  const keys = Object.keys(a)
  expect(keys).toHaveLength(1)
  expect(ADDRESS_VARIANTS).toContain(keys[0])
  if ('EngPremisesAddress' in a) expect(REGIONS).toContain(a.EngPremisesAddress.Region)
  if ('ChiPremisesAddress' in a) expect(REGIONS).toContain(a.ChiPremisesAddress.Region)
  if ('FreeFormatAddress' in a) expect(a.FreeFormatAddress.LanguageCode).toMatch(/^(en|zh-Hant)$/)
  if ('PostBoxAddress' in a) {
    expect(postal).toBe(true)
    expect(Object.keys(a.PostBoxAddress)).toHaveLength(1)
    const box = 'EngPostBox' in a.PostBoxAddress ? a.PostBoxAddress.EngPostBox : a.PostBoxAddress.ChiPostBox
    expect(REGIONS).toContain(box.PostOfficeRegion)
    expect(box.PoBoxNo).toMatch(/^\d+$/)
  }
}

const checkPhone = (p: PhoneNumber | undefined, first: RegExp) => {
  if (p?.CountryCode !== '852') return
  expect(p.SubscriberNumber).toMatch(first)
}

describe('defaultResidents', () => {
  it('is the magic residents then 200 generated, all ids and HKIDs unique', () => {
    expect(all).toHaveLength(216)
    expect(all.slice(0, 16).every((r) => r.id.startsWith('magic-'))).toBe(true)
    expect(all[16]!.id).toBe('r-0001')
    expect(new Set(all.map((r) => r.id)).size).toBe(216)
    expect(new Set(all.map((r) => r.profile.idNo.Identification)).size).toBe(216)
    expect(defaultResidents(1)[16]).not.toEqual(all[16])
    expect(defaultResidents()).toEqual(all)
  })

  it('has the exact shapes of reference §7 for every resident', () => {
    for (const r of all) {
      const p = r.profile
      expect(Object.keys(p).sort()).toEqual(
        ['birthDate', 'chNameVerified', 'enName', 'gender', 'idNo', ...(p.chName ? ['chName'] : [])].sort(),
      )
      expect(Object.keys(p.idNo)).toEqual(['Identification', 'CheckDigit'])
      expect(Object.keys(p.enName)).toEqual(['UnstructuredName'])
      if (p.chName) expect(Object.keys(p.chName)).toEqual(['ChineseName'])
      expect(p.birthDate).toMatch(/^\d{8}$/)
      expect(isRealYmd(p.birthDate), r.id).toBe(true)
      expect(['M', 'F']).toContain(p.gender)
      expect(['Y', 'N']).toContain(p.chNameVerified)
      for (const key of Object.keys(r.eme)) expect(EME_FIELDS).toContain(key)
      if (r.eme.residentialAddress) checkAddress(r.eme.residentialAddress, false)
      if (r.eme.postalAddress) checkAddress(r.eme.postalAddress, true)
      checkPhone(r.eme.mobileNumber, /^[569]\d{7}$/)
      checkPhone(r.eme.homeTelNumber, /^[23]\d{7}$/)
      checkPhone(r.eme.officeTelNumber, /^[23]\d{7}$/)
      if (r.eme.emailAddress) expect(r.eme.emailAddress).toMatch(/^[a-z0-9.]+@example\.(com|hk)$/)
      if (r.tier === 'iAM Smart+') expect(ageOn(p.birthDate)).toBeGreaterThanOrEqual(18)
    }
  })
})

describe('findResident', () => {
  it('finds by id', () => {
    expect(findResident(all, 'magic-approve')?.profile.enName.UnstructuredName).toBe('CHAN, Tai Man')
    expect(findResident(all, 'r-0042')).toBe(all[16 + 41])
  })

  it('finds by HKID with or without parentheses or check digit', () => {
    const approve = all[0]
    for (const spelling of ['QZ000001(1)', 'QZ0000011', 'qz000001 (1)', ' QZ000001 ', 'QZ000001']) {
      expect(findResident(all, spelling), spelling).toBe(approve)
    }
    const generated = all[100]!
    const { Identification, CheckDigit } = generated.profile.idNo
    expect(findResident(all, `${Identification}(${CheckDigit})`)).toBe(generated)
    expect(findResident(all, `${Identification}${CheckDigit}`)).toBe(generated)
  })

  it('finds nobody for a wrong check digit or an unknown key', () => {
    expect(findResident(all, 'QZ0000012')).toBeUndefined()
    expect(findResident(all, 'QZ999999(1)')).toBeUndefined()
    expect(findResident(all, 'magic-nobody')).toBeUndefined()
    expect(findResident(all, '')).toBeUndefined()
  })
})

describe('residentTable', () => {
  it('documents the magic residents', () => {
    const rows = residentTable()
    expect(rows).toHaveLength(16)
    expect(rows[0]).toEqual({
      id: 'magic-approve',
      hkid: 'QZ000001(1)',
      tier: 'iAM Smart+',
      englishName: 'CHAN, Tai Man',
      outcome: 'Approves every request at once (D00000) and holds all 14 e-ME fields: the demo default.',
    })
    expect(rows.find((r) => r.id === 'magic-basic-tier')?.tier).toBe('iAM Smart')
  })

  it('gives generated residents the default outcome', () => {
    const [row] = residentTable(all.slice(16, 17))
    expect(row).toEqual({
      id: 'r-0001',
      hkid: `${all[16]!.profile.idNo.Identification}(${all[16]!.profile.idNo.CheckDigit})`,
      tier: all[16]!.tier,
      englishName: all[16]!.profile.enName.UnstructuredName,
      outcome: 'Approves every request at once.',
    })
  })
})
