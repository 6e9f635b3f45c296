/** Address generation: each kind yields its variant, and regions agree with districts in both languages. */
import { base, en, en_HK, Faker } from '@faker-js/faker'
import { describe, expect, it } from 'vitest'
import { overseasAddress, postBoxAddress, type ResidentialKind, residentialAddress } from './address'
import { DISTRICTS, POST_OFFICES } from './address-data'
import type { ChiPremises, EngPremises } from './resident.types'

const seeded = (seed: number) => {
  const f = new Faker({ locale: [en_HK, en, base] })
  f.seed(seed)
  return f
}

const regionOf = (districtName: string) => DISTRICTS.find((d) => d.name.includes(districtName))?.region

describe('district data', () => {
  it('has the 18 districts with their regions', () => {
    expect(DISTRICTS).toHaveLength(18)
    const count = (r: string) => DISTRICTS.filter((d) => d.region === r).length
    expect([count('HK'), count('KLN'), count('NT')]).toEqual([4, 5, 9])
    expect(regionOf('Kwai Tsing')).toBe('NT')
    expect(regionOf('九龍城區')).toBe('KLN')
    expect(regionOf('Islands')).toBe('NT')
  })
})

describe('residentialAddress', () => {
  const faker = seeded(42)
  const expected: Record<ResidentialKind, string> = {
    eng: 'EngPremisesAddress',
    chi: 'ChiPremisesAddress',
    'free-hk': 'FreeFormatAddress',
    overseas: 'FreeFormatAddress',
  }

  it.each(Object.entries(expected))('%s → %s, with a Region that matches the district', (kind, variant) => {
    for (let i = 0; i < 100; i++) {
      const a = residentialAddress(faker, kind as ResidentialKind)
      expect(Object.keys(a)).toEqual([variant])
      if ('EngPremisesAddress' in a) {
        const p: EngPremises = a.EngPremisesAddress
        expect(regionOf(p.EngDistrict!.DcDistrict)).toBe(p.Region)
        expect(p.EngStreet ?? p.EngEstate ?? p.EngLot).toBeDefined()
        expect(p.Eng3dAddress?.EngFloor?.Floor).toMatch(/^(G|\d{1,2})$/)
      }
      if ('ChiPremisesAddress' in a) {
        const p: ChiPremises = a.ChiPremisesAddress
        expect(regionOf(p.ChiDistrict!.DcDistrict)).toBe(p.Region)
        expect(p.ChiDistrict!.DcDistrict).toMatch(/區$/)
        expect(p.Chi3dAddress?.ChiFloor?.Floor).toMatch(/^(地下|\d{1,2})$/)
      }
      if ('FreeFormatAddress' in a) {
        expect(a.FreeFormatAddress.AddressLine1.length).toBeGreaterThan(0)
        expect(['en', 'zh-Hant']).toContain(a.FreeFormatAddress.LanguageCode)
      }
    }
  })

  it('writes phases in both languages', () => {
    const f = seeded(7)
    const phases = new Set<string>()
    for (let i = 0; i < 400; i++) {
      const a = residentialAddress(f, i % 2 ? 'eng' : 'chi')
      const phase = 'EngPremisesAddress' in a ? a.EngPremisesAddress.EngEstate?.EngPhase : undefined
      const chiPhase = 'ChiPremisesAddress' in a ? a.ChiPremisesAddress.ChiEstate?.ChiPhase : undefined
      if (phase) phases.add(phase.PhaseName)
      if (chiPhase) phases.add(chiPhase.PhaseName)
    }
    expect([...phases].every((p) => /^(Phase [1-4]|第[一二三四]期)$/.test(p))).toBe(true)
    expect(phases.size).toBeGreaterThan(4)
  })

  it('puts overseas addresses outside Hong Kong', () => {
    const a = overseasAddress(seeded(1)).FreeFormatAddress
    expect(a.LanguageCode).toBe('en')
    expect(['Canada', 'Australia', 'United Kingdom', 'Singapore', 'China']).toContain(a.AddressLine3)
  })
})

describe('postBoxAddress', () => {
  it('names a real post office in its region', () => {
    const f = seeded(3)
    const eng = postBoxAddress(f, 'eng').PostBoxAddress
    const chi = postBoxAddress(f, 'chi').PostBoxAddress
    expect(Object.keys(eng)).toEqual(['EngPostBox'])
    expect(Object.keys(chi)).toEqual(['ChiPostBox'])
    const e = 'EngPostBox' in eng ? eng.EngPostBox : undefined
    const c = 'ChiPostBox' in chi ? chi.ChiPostBox : undefined
    expect(POST_OFFICES.find((o) => o.name[0] === e?.PostOffice)?.region).toBe(e?.PostOfficeRegion)
    expect(POST_OFFICES.find((o) => o.name[1] === c?.PostOffice)?.region).toBe(c?.PostOfficeRegion)
    expect(e?.PoBoxNo).toMatch(/^\d{1,5}$/)
  })
})
