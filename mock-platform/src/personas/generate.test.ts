/** The seeded generator: determinism, counts, HKIDs, tiers, ages and tags. */
import { describe, expect, it } from 'vitest'
import { ageOn, isRealYmd } from './birth-date'
import { DEFAULT_SEED, generateResidents, LONG_NAME } from './generate'
import { formatHkid, hkidCheckDigit, isSandboxHkid } from './hkid'
import { EME_FIELDS } from './resident.types'

const residents = generateResidents()

describe('generateResidents', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(DEFAULT_SEED).toBe(20260101)
    expect(generateResidents({ seed: DEFAULT_SEED })).toEqual(residents)
    const other = generateResidents({ seed: 7 })
    expect(other).toEqual(generateResidents({ seed: 7 }))
    expect(other).not.toEqual(residents)
    expect(other.map((r) => r.profile.idNo)).not.toEqual(residents.map((r) => r.profile.idNo))
  })

  it('makes 200 residents r-0001…r-0200 by default, or the count asked for', () => {
    expect(residents).toHaveLength(200)
    expect(residents[0]!.id).toBe('r-0001')
    expect(residents[199]!.id).toBe('r-0200')
    expect(residents.map((r) => r.id)).toEqual(
      Array.from({ length: 200 }, (_, i) => `r-${String(i + 1).padStart(4, '0')}`),
    )
    expect(generateResidents({ count: 12 })).toHaveLength(12)
  })

  it('gives unique QA–QY HKIDs with valid check digits (QZ is for magic residents)', () => {
    const hkids = residents.map((r) => formatHkid(r.profile.idNo))
    expect(new Set(hkids).size).toBe(200)
    for (const r of residents) {
      const { Identification, CheckDigit } = r.profile.idNo
      expect(Identification).toMatch(/^Q[A-Y]\d{6}$/)
      expect(CheckDigit).toBe(hkidCheckDigit(Identification))
      expect(isSandboxHkid(formatHkid(r.profile.idNo))).toBe(true)
    }
  })

  it('gives real birth dates, ages 11–90, mostly adults', () => {
    const ages = residents.map((r) => ageOn(r.profile.birthDate))
    for (const r of residents) expect(isRealYmd(r.profile.birthDate)).toBe(true)
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(11)
    expect(Math.max(...ages)).toBeLessThanOrEqual(90)
    expect(ages.filter((a) => a >= 18 && a <= 90).length).toBeGreaterThanOrEqual(180)
  })

  it('counts ages on the reference date it is given', () => {
    const later = generateResidents({ referenceDate: '20360101' })
    expect(later.map((r) => ageOn(r.profile.birthDate, '20360101'))).toEqual(
      residents.map((r) => ageOn(r.profile.birthDate)),
    )
  })

  it('makes exactly 35% of adults iAM Smart+ and no minor', () => {
    const adults = residents.filter((r) => ageOn(r.profile.birthDate) >= 18)
    const plus = residents.filter((r) => r.tier === 'iAM Smart+')
    expect(plus).toHaveLength(Math.round(adults.length * 0.35))
    expect(plus.every((r) => ageOn(r.profile.birthDate) >= 18)).toBe(true)
    expect(plus.length / residents.length).toBeGreaterThan(0.3)
    expect(plus.length / residents.length).toBeLessThan(0.4)
  })

  it('tags what the data says', () => {
    for (const r of residents) {
      const age = ageOn(r.profile.birthDate)
      const held = Object.keys(r.eme).length
      expect(r.tags.includes('minor')).toBe(age < 18)
      expect(r.tags.includes('elderly')).toBe(age >= 65)
      expect(r.tags.includes('no-chinese-name')).toBe(r.profile.chName === undefined)
      expect(r.tags.includes('long-name')).toBe(r.profile.enName.UnstructuredName.length >= LONG_NAME)
      expect(r.tags.includes('no-eme')).toBe(held === 0)
      expect(r.tags.includes('complete-eme')).toBe(held === EME_FIELDS.length)
      expect(r.tags.includes('missing-eme')).toBe(held < EME_FIELDS.length)
      expect(r.tags.includes('po-box')).toBe('PostBoxAddress' in (r.eme.postalAddress ?? {}))
      if (r.tags.includes('overseas')) expect(r.eme.residentialAddress).toHaveProperty('FreeFormatAddress')
    }
  })

  it('varies e-ME completeness, names and addresses', () => {
    const count = (tag: string) => residents.filter((r) => r.tags.includes(tag)).length
    for (const tag of [
      'complete-eme',
      'missing-eme',
      'no-eme',
      'no-chinese-name',
      'overseas',
      'po-box',
      'elderly',
    ]) {
      expect(count(tag), tag).toBeGreaterThan(0)
    }
    const variants = new Set(
      residents.flatMap((r) =>
        [r.eme.residentialAddress, r.eme.postalAddress].flatMap((a) => (a ? Object.keys(a) : [])),
      ),
    )
    expect([...variants].sort()).toEqual([
      'ChiPremisesAddress',
      'EngPremisesAddress',
      'FreeFormatAddress',
      'PostBoxAddress',
    ])
    expect(
      residents.every((r) =>
        /^[\p{Lu}' -]+, \p{Lu}[\p{Ll}'-]+( \p{Lu}[\p{Ll}'-]+)*$/u.test(r.profile.enName.UnstructuredName),
      ),
    ).toBe(true)
  })

  it('keeps passport number and expiry together and behaves by default', () => {
    for (const r of residents) {
      expect(r.eme.passportNumber === undefined).toBe(r.eme.passportExpiry === undefined)
      if (r.eme.passportNumber) expect(r.eme.passportNumber).toMatch(/^[HK]\d{8}$/)
      if (r.eme.passportExpiry) expect(isRealYmd(r.eme.passportExpiry)).toBe(true)
      expect(r.behaviour).toEqual({ decision: 'approve', delayMs: 0, appReachable: true })
      expect(r.magic).toBeUndefined()
    }
  })
})
