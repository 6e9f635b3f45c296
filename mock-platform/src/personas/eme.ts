/** Synthetic e-ME data: the 14 user-maintained fields, consistent with the resident's age and name, at varied completeness. */
import type { Faker } from '@faker-js/faker'
import { postBoxAddress, type ResidentialKind, residentialAddress } from './address'
import { REFERENCE_DATE, toYmd } from './birth-date'
import { emailLocalPart } from './names'
import {
  EME_FIELDS,
  type EducationLevel,
  type EmeData,
  type EmploymentStatus,
  type MaritalStatus,
  type PhoneNumber,
  type PostalAddress,
  type Prefix,
} from './resident.types'

export interface EmeSubject {
  gender: 'M' | 'F'
  age: number
  englishName: string
}

export type Completeness = 'complete' | 'partial' | 'minimal' | 'none'

/** Hong Kong numbers: mobiles start 5/6/9, fixed lines 2/3; 8 digits, no area code. */
export const hkPhone = (faker: Faker, kind: 'mobile' | 'fixed'): PhoneNumber => ({
  CountryCode: '852',
  SubscriberNumber:
    faker.helpers.arrayElement(kind === 'mobile' ? ['5', '6', '9'] : ['2', '3']) + faker.string.numeric(7),
})

/** One of the keys, as likely as its weight (the keys in the order given). */
const pick = <T extends string>(faker: Faker, weights: Partial<Record<T, number>>): T =>
  faker.helpers.weightedArrayElement(
    Object.entries(weights).map(([value, weight]) => ({ value: value as T, weight: weight as number })),
  )

function employment(faker: Faker, age: number): EmploymentStatus {
  if (age < 18) return 'T'
  if (age >= 65) return pick(faker, { R: 8, E: 1, H: 1 })
  if (age < 23) return pick(faker, { T: 6, E: 3, U: 1 })
  return pick(faker, { E: 14, S: 3, U: 1, H: 2 })
}

function education(faker: Faker, age: number): EducationLevel {
  if (age < 18) return 'S'
  if (age >= 70) return pick(faker, { P: 5, S: 4, U: 1 })
  return pick(faker, { S: 4, D: 2, U: 4, G: 1 })
}

function marital(faker: Faker, age: number): MaritalStatus {
  if (age < 25) return 'S'
  if (age >= 70) return pick(faker, { M: 5, W: 4, D: 1 })
  return pick(faker, { S: 4, M: 5, D: 1 })
}

function prefixOf(faker: Faker, s: EmeSubject, status: MaritalStatus): Prefix {
  if (s.age >= 30 && faker.datatype.boolean(0.05)) return 'Dr'
  if (s.gender === 'M') return 'Mr'
  if (status === 'S' || s.age < 18) return faker.helpers.arrayElement(['Ms', 'Miss'])
  return faker.helpers.arrayElement(['Mrs', 'Ms'])
}

/** Every field this resident could plausibly maintain (office number only when working). */
function fullEme(faker: Faker, s: EmeSubject): { eme: Partial<EmeData>; tags: string[] } {
  const tags: string[] = []
  const maritalStatus = marital(faker, s.age)
  const employmentStatus = employment(faker, s.age)
  const kind = pick<ResidentialKind>(faker, { eng: 55, chi: 30, 'free-hk': 8, overseas: 7 })
  if (kind === 'overseas') tags.push('overseas')
  const residential = residentialAddress(faker, kind)
  let postal: PostalAddress = structuredClone(residential)
  const postalChoice = pick(faker, { same: 60, 'po-box': 15, other: 25 })
  if (postalChoice === 'po-box' || (kind === 'overseas' && postalChoice === 'other')) {
    postal = postBoxAddress(faker, faker.datatype.boolean(0.75) ? 'eng' : 'chi')
    tags.push('po-box')
  } else if (postalChoice === 'other') {
    postal = residentialAddress(faker, faker.datatype.boolean(0.6) ? 'eng' : 'chi')
  }
  const domain = faker.helpers.arrayElement(['example.com', 'example.hk'])
  const local = emailLocalPart(s.englishName) || 'resident'
  const eme: Partial<EmeData> = {
    prefix: prefixOf(faker, s, maritalStatus),
    maritalStatus,
    homeTelNumber: hkPhone(faker, 'fixed'),
    mobileNumber: hkPhone(faker, 'mobile'),
    emailAddress: `${local}${faker.number.int({ min: 1, max: 99 })}@${domain}`,
    residentialAddress: residential,
    postalAddress: postal,
    educationLevel: education(faker, s.age),
    employmentStatus,
    carOwner: s.age >= 18 && faker.datatype.boolean(0.3) ? 'Y' : 'N',
    propertyOwner: s.age >= 25 && faker.datatype.boolean(0.45) ? 'Y' : 'N',
  }
  if (employmentStatus === 'E' || employmentStatus === 'S') eme.officeTelNumber = hkPhone(faker, 'fixed')
  if (faker.datatype.boolean(0.75)) {
    const refYear = Number(REFERENCE_DATE.slice(0, 4))
    eme.passportNumber = faker.helpers.arrayElement(['H', 'K']) + faker.string.numeric(8)
    eme.passportExpiry = toYmd(
      refYear + faker.number.int({ min: 0, max: 9 }),
      faker.number.int({ min: 1, max: 12 }),
      faker.number.int({ min: 1, max: 28 }),
    )
  }
  return { eme, tags }
}

/** e-ME at the given completeness, with the fields in reference order; tags say what is missing. */
export function generateEme(
  faker: Faker,
  s: EmeSubject,
  level: Completeness,
): { eme: Partial<EmeData>; tags: string[] } {
  const { eme: full, tags } = fullEme(faker, s)
  const keepers: Record<Completeness, (field: string) => boolean> = {
    complete: () => true,
    partial: (f) =>
      ['mobileNumber', 'emailAddress', 'residentialAddress'].includes(f) || faker.datatype.boolean(0.5),
    minimal: (f) => f === 'mobileNumber' || f === 'emailAddress',
    none: () => false,
  }
  const eme: Partial<EmeData> = {}
  for (const field of EME_FIELDS) {
    // Passport number and expiry are maintained together.
    const keep = field === 'passportExpiry' ? eme.passportNumber !== undefined : keepers[level](field)
    if (keep && full[field] !== undefined) Object.assign(eme, { [field]: full[field] })
  }
  const held = Object.keys(eme).length
  const kept = tags.filter((t) => (t === 'overseas' ? 'residentialAddress' in eme : 'postalAddress' in eme))
  if (held === 0) kept.push('no-eme')
  kept.push(held === EME_FIELDS.length ? 'complete-eme' : 'missing-eme')
  return { eme, tags: kept }
}
