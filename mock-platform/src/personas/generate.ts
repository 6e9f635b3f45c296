/** Seeded generator of synthetic residents: same seed → the same residents, deep-equal. */
// The en_HK locale entry only: the package root loads every locale (~200 ms of cold start).
import type { Faker } from '@faker-js/faker'
import { faker as hkFaker } from '@faker-js/faker/locale/en_HK'
import { REFERENCE_DATE } from './birth-date'
import { type Completeness, generateEme } from './eme'
import { makeIdNo } from './hkid'
import { cantoneseName, westernName } from './names'
import { DEFAULT_BEHAVIOUR, type Resident } from './resident.types'

export const DEFAULT_SEED = 20260101
export const DEFAULT_COUNT = 200
/** Share of adult residents who are iAM Smart+ (exact after rounding). */
export const PLUS_SHARE = 0.35
/** Generated residents use QA–QY; QZ is reserved for the magic residents. */
export const GENERATED_PREFIXES = 'ABCDEFGHIJKLMNOPQRSTUVWXY'.split('').map((c) => `Q${c}`)
/** English names at least this long are tagged `long-name`. */
export const LONG_NAME = 40

export interface GenerateOptions {
  seed?: number
  count?: number
  /** Ages are counted on this `YYYYMMDD` day. */
  referenceDate?: string
}

/** An age drawn from Hong Kong-like bands; a few minors (iAM Smart is open from age 11). */
function drawAge(faker: Faker): number {
  const [min, max] = faker.helpers.weightedArrayElement([
    { weight: 3, value: [11, 17] },
    { weight: 20, value: [18, 30] },
    { weight: 35, value: [31, 50] },
    { weight: 27, value: [51, 70] },
    { weight: 15, value: [71, 90] },
  ]) as [number, number]
  return faker.number.int({ min, max })
}

/** A birth date that makes the resident exactly `age` on the reference day. */
function birthDateFor(faker: Faker, age: number, referenceDate: string): string {
  const y = Number(referenceDate.slice(0, 4))
  const m = Number(referenceDate.slice(4, 6))
  const d = Number(referenceDate.slice(6, 8))
  const birthday = Date.UTC(y - age, m - 1, d) - faker.number.int({ min: 0, max: 364 }) * 86_400_000
  return new Date(birthday).toISOString().slice(0, 10).replaceAll('-', '')
}

function uniqueIdentification(faker: Faker, used: Set<string>): string {
  for (;;) {
    const id = faker.helpers.arrayElement(GENERATED_PREFIXES) + faker.string.numeric(6)
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
}

/** Generated residents `r-0001`…; iAM Smart+ goes to exactly round(adults × PLUS_SHARE) adults. */
export function generateResidents(options: GenerateOptions = {}): Resident[] {
  const { seed = DEFAULT_SEED, count = DEFAULT_COUNT, referenceDate = REFERENCE_DATE } = options
  // One shared seeded instance (locales en_HK → en → base); generation is synchronous, so nothing interleaves.
  const faker: Faker = hkFaker
  faker.seed(seed)
  const used = new Set<string>()
  const residents = Array.from({ length: count }, (_, i): Resident => {
    const gender = faker.helpers.arrayElement(['M', 'F'] as const)
    const age = drawAge(faker)
    const birthDate = birthDateFor(faker, age, referenceDate)
    const name = faker.datatype.boolean(0.06) ? westernName(faker, gender) : cantoneseName(faker, gender)
    const completeness = faker.helpers.weightedArrayElement<Completeness>([
      { weight: 35, value: 'complete' },
      { weight: 45, value: 'partial' },
      { weight: 12, value: 'minimal' },
      { weight: 8, value: 'none' },
    ])
    const { eme, tags } = generateEme(faker, { gender, age, englishName: name.english }, completeness)
    if (age < 18) tags.unshift('minor')
    if (age >= 65) tags.unshift('elderly')
    if (!name.chinese) tags.push('no-chinese-name')
    if (name.english.length >= LONG_NAME) tags.push('long-name')
    return {
      id: `r-${String(i + 1).padStart(4, '0')}`,
      tier: 'iAM Smart',
      profile: {
        idNo: makeIdNo(uniqueIdentification(faker, used)),
        enName: { UnstructuredName: name.english },
        ...(name.chinese ? { chName: { ChineseName: name.chinese } } : {}),
        chNameVerified: name.chinese && faker.datatype.boolean(0.9) ? 'Y' : 'N',
        birthDate,
        gender,
      },
      eme,
      behaviour: { ...DEFAULT_BEHAVIOUR },
      tags,
    }
  })
  const adults = residents.filter((r) => !r.tags.includes('minor'))
  for (const r of faker.helpers.shuffle(adults).slice(0, Math.round(adults.length * PLUS_SHARE)))
    r.tier = 'iAM Smart+'
  return residents
}
