/** Seeded department records: the residents' seed + the resident's id → the same records, deep-equal, every time. */
import type { Faker } from '@faker-js/faker'
import { faker as hkFaker } from '@faker-js/faker/locale/en_HK'
import { ageOn, REFERENCE_DATE } from '../../personas/birth-date'
import type { Resident } from '../../personas/resident.types'
import {
  type DepartmentRecords,
  INCOME_BANDS,
  type IncomeBand,
  PROFESSIONS,
  type ProfessionalRegistration,
  type PublicHousingTenancy,
  REGISTRIES,
  type TaxReturnSummary,
  type VehicleLicence,
} from './department.types'

const MAKES: Array<[string, string[]]> = [
  ['Toyota', ['Alphard', 'Corolla Cross', 'Prius', 'Noah']],
  ['Honda', ['Jazz', 'Freed', 'Stepwgn']],
  ['Tesla', ['Model 3', 'Model Y']],
  ['BYD', ['Atto 3', 'Seal', 'Dolphin']],
  ['Mercedes-Benz', ['C 200', 'E 300']],
  ['BMW', ['320i', 'iX3']],
  ['Lexus', ['NX 350h', 'ES 300h']],
  ['Nissan', ['Serena', 'Leaf']],
]
/** Fictional estates: bird and tree names, a pattern no real Hong Kong public housing estate follows. */
const ESTATES = [
  'Kingfisher Estate',
  'Egret Court Estate',
  'Banyan Grove Estate',
  'Magpie Hill Estate',
  'Camphor Bay Estate',
  'Heron Terrace Estate',
  'Bauhinia Park Estate',
  'Sandpiper Estate',
]
/** Hong Kong marks never use I, O or Q; synthetic ones start with Q. */
const MARK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'.split('')

/** Latest year of assessment whose returns are assessed on the reference day (2024/25 for 20260101). */
export const YEAR_OF_ASSESSMENT = (() => {
  const y = Number(REFERENCE_DATE.slice(0, 4)) - 2
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`
})()

/** FNV-1a of the id, so `seed + id` picks the stream. */
function hash(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** A day in [from, to] (from clamped to the day before `to`), `YYYYMMDD`. */
const ymd = (faker: Faker, from: Date, to: Date): string =>
  faker.date
    .between({ from: from < to ? from : new Date(to.getTime() - 86_400_000), to })
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '')
const utc = (ymdText: string, addDays = 0): Date =>
  new Date(
    Date.UTC(+ymdText.slice(0, 4), +ymdText.slice(4, 6) - 1, +ymdText.slice(6, 8)) + addDays * 86_400_000,
  )

function vehicles(faker: Faker, r: Resident, age: number): VehicleLicence[] {
  if (age < 18) return []
  const owner = r.eme.carOwner
  const n = owner === 'Y' ? faker.number.int({ min: 1, max: 2 }) : owner === 'N' ? 0 : faker.number.int(1)
  return Array.from({ length: n }, () => {
    const [make, models] = faker.helpers.arrayElement(MAKES)
    return {
      registrationMark: `Q${faker.helpers.arrayElement(MARK_LETTERS)}${faker.number.int({ min: 1, max: 9999 })}`,
      make,
      model: faker.helpers.arrayElement(models),
      // Some licences have lapsed (up to 60 days before the reference day); most run up to a year ahead.
      licenceExpiry: ymd(faker, utc(REFERENCE_DATE, -60), utc(REFERENCE_DATE, 365)),
    }
  })
}

/** Salaries tax 2024/25-style: progressive on net chargeable income, capped by the standard rate, less the reduction. */
export function salariesTax(income: number): number {
  const mpf = Math.min(18_000, Math.round(income * 0.05))
  let net = Math.max(0, income - mpf - 132_000)
  let progressive = 0
  for (const rate of [0.02, 0.06, 0.1, 0.14]) {
    const slice = Math.min(net, 50_000)
    progressive += slice * rate
    net -= slice
  }
  progressive += net * 0.17
  const standard = Math.max(0, income - mpf) * 0.15
  return Math.max(0, Math.round(Math.min(progressive, standard)) - 1_500)
}

export function bandOf(income: number): IncomeBand {
  const tops = [132_000, 200_000, 300_000, 500_000, 800_000, 1_200_000]
  const i = tops.findIndex((top) => income <= top)
  return INCOME_BANDS[i === -1 ? INCOME_BANDS.length - 1 : i]!
}

function taxReturn(faker: Faker, r: Resident, age: number): TaxReturnSummary | null {
  if (age < 18) return null
  const status = r.eme.employmentStatus
  const working = status === 'E' || status === 'S' || (status === undefined && age < 65)
  if (!working && faker.datatype.boolean(0.7)) return null
  const income = working
    ? faker.number.int({ min: 150_000, max: age < 25 ? 320_000 : 1_600_000 })
    : faker.number.int({ min: 20_000, max: 180_000 })
  return {
    yearOfAssessment: YEAR_OF_ASSESSMENT,
    totalIncomeBand: bandOf(income),
    salariesTaxPaid: salariesTax(income),
  }
}

/** Public rental housing: about 3 in 10 adults, fewer among high earners (income limits apply to new tenants). */
function tenancy(
  faker: Faker,
  r: Resident,
  age: number,
  tax: TaxReturnSummary | null,
): PublicHousingTenancy | null {
  const high =
    tax !== null && INCOME_BANDS.indexOf(tax.totalIncomeBand) >= INCOME_BANDS.indexOf('500001-800000')
  if (age < 21 || !faker.datatype.boolean(high ? 0.08 : 0.35)) return null
  const adult = utc(r.profile.birthDate, 21 * 366)
  const from = adult < new Date(Date.UTC(1990, 0, 1)) ? new Date(Date.UTC(1990, 0, 1)) : adult
  return {
    estate: faker.helpers.arrayElement(ESTATES),
    block: `Block ${faker.number.int({ min: 1, max: 12 })}`,
    floor: String(faker.number.int({ min: 1, max: 40 })),
    flat: String(faker.number.int({ min: 1, max: 24 })).padStart(2, '0'),
    tenancyStart: ymd(faker, from, utc(REFERENCE_DATE, -30)),
  }
}

function registrations(faker: Faker, r: Resident, age: number): ProfessionalRegistration[] {
  const graduate = ['U', 'G'].includes(r.eme.educationLevel ?? 'U')
  if (age < 23 || age > 75 || !graduate || !faker.datatype.boolean(0.35)) return []
  const n = faker.datatype.boolean(0.1) ? 2 : 1
  return faker.helpers.arrayElements([...PROFESSIONS], n).map((profession) => ({
    profession,
    registry: REGISTRIES[profession].registry,
    registrationNumber: `Q${REGISTRIES[profession].letter}${faker.string.numeric(5)}`,
    status: faker.helpers.weightedArrayElement([
      { weight: 17, value: 'active' as const },
      { weight: 2, value: 'lapsed' as const },
      { weight: 1, value: 'suspended' as const },
    ]),
    registeredSince: ymd(faker, utc(r.profile.birthDate, 23 * 366), utc(REFERENCE_DATE, -30)),
  }))
}

/** The records each department holds about `r`, from the residents' seed and the resident's id. */
export function generateRecords(seed: number, r: Resident): DepartmentRecords {
  // The shared en_HK instance, reseeded per resident; generation is synchronous, so nothing interleaves.
  const faker: Faker = hkFaker
  faker.seed([seed, hash(r.id)])
  const age = ageOn(r.profile.birthDate, REFERENCE_DATE)
  const vehicleLicences = vehicles(faker, r, age)
  const taxReturnSummary = taxReturn(faker, r, age)
  return {
    vehicleLicences,
    taxReturnSummary,
    publicHousingTenancy: tenancy(faker, r, age, taxReturnSummary),
    professionalRegistrations: registrations(faker, r, age),
  }
}
