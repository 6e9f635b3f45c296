/** Validation of department records sent to the sandbox API: every problem named by its JSON path. */
import { isRealYmd } from '../../personas/birth-date'
import {
  DATA_SETS,
  type DepartmentRecords,
  INCOME_BANDS,
  PROFESSIONS,
  REGISTRATION_STATUSES,
} from './department.types'

type Problems = Record<string, string>
type Obj = Record<string, unknown>

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
/** At most this many vehicles or registrations per resident. */
export const MAX_ITEMS = 10

/** A field rule: a message when the value is wrong, undefined when it is fine. */
type Rule = (v: unknown) => string | undefined
const text =
  (max: number, pattern?: RegExp, hint?: string): Rule =>
  (v) =>
    typeof v !== 'string' || v.trim() === '' || v.length > max
      ? `must be text of 1–${max} characters`
      : pattern && !pattern.test(v)
        ? (hint ?? `must match ${pattern}`)
        : undefined
const date: Rule = (v) => (typeof v === 'string' && isRealYmd(v) ? undefined : 'must be a date YYYYMMDD')
const oneOf =
  (values: readonly string[]): Rule =>
  (v) =>
    values.includes(v as string) ? undefined : `must be one of ${values.join(', ')}`
const money: Rule = (v) =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000_000
    ? undefined
    : 'must be a whole number of HKD, 0–100000000'

const SHAPES: Record<string, Record<string, Rule>> = {
  vehicleLicences: {
    registrationMark: text(
      8,
      /^[A-Z]{1,2}[1-9]\d{0,3}$/,
      'must be 1–2 capital letters and 1–4 digits (e.g. QK4821)',
    ),
    make: text(40),
    model: text(40),
    licenceExpiry: date,
  },
  taxReturnSummary: {
    yearOfAssessment: (v) => {
      const m = typeof v === 'string' ? /^(\d{4})\/(\d{2})$/.exec(v) : null
      return m && (Number(m[1]) + 1) % 100 === Number(m[2])
        ? undefined
        : 'must be a year of assessment like 2024/25'
    },
    totalIncomeBand: oneOf(INCOME_BANDS),
    salariesTaxPaid: money,
  },
  publicHousingTenancy: {
    estate: text(80),
    block: text(40),
    floor: text(3, /^(G|\d{1,3})$/, 'must be G or a floor number'),
    flat: text(4, /^[0-9A-Z]{1,4}$/, 'must be 1–4 digits or capital letters'),
    tenancyStart: date,
  },
  professionalRegistrations: {
    profession: oneOf(PROFESSIONS),
    registry: text(80),
    registrationNumber: text(20, /^[A-Z0-9-]+$/, 'must be capital letters, digits and hyphens'),
    status: oneOf(REGISTRATION_STATUSES),
    registeredSince: date,
  },
}

function checkItem(set: string, path: string, item: unknown, problems: Problems): void {
  if (!isObject(item)) {
    problems[path] = 'must be an object'
    return
  }
  const shape = SHAPES[set]!
  for (const [field, rule] of Object.entries(shape)) {
    const message = rule(item[field])
    if (message) problems[`${path}.${field}`] = item[field] === undefined ? 'is required' : message
  }
  for (const field of Object.keys(item))
    if (!(field in shape)) problems[`${path}.${field}`] = 'is not a known field'
}

/** Problems of a full replacement (PUT): all four data sets, lists of at most MAX_ITEMS, no unknown fields. */
export function recordsProblems(body: unknown): Problems {
  const problems: Problems = {}
  if (!isObject(body)) return { body: 'must be a JSON object with the four data sets' }
  for (const key of Object.keys(body))
    if (!DATA_SETS.includes(key as never)) problems[key] = `is not a data set (${DATA_SETS.join(', ')})`
  for (const set of DATA_SETS) {
    const v = body[set]
    const list = set === 'vehicleLicences' || set === 'professionalRegistrations'
    if (v === undefined)
      problems[set] = list ? 'is required (use [] for none)' : 'is required (use null for none)'
    else if (list) {
      if (!Array.isArray(v) || v.length > MAX_ITEMS) problems[set] = `must be a list of at most ${MAX_ITEMS}`
      else v.forEach((item, i) => checkItem(set, `${set}[${i}]`, item, problems))
    } else if (v !== null) checkItem(set, set, v, problems)
  }
  return problems
}

/** The validated records, copied field by field (nothing else survives). */
export function pickRecords(body: Obj): DepartmentRecords {
  const pick = (set: string, v: unknown) =>
    Object.fromEntries(Object.keys(SHAPES[set]!).map((f) => [f, (v as Obj)[f]]))
  return {
    vehicleLicences: (body.vehicleLicences as unknown[]).map((v) => pick('vehicleLicences', v)),
    taxReturnSummary: body.taxReturnSummary === null ? null : pick('taxReturnSummary', body.taxReturnSummary),
    publicHousingTenancy:
      body.publicHousingTenancy === null ? null : pick('publicHousingTenancy', body.publicHousingTenancy),
    professionalRegistrations: (body.professionalRegistrations as unknown[]).map((v) =>
      pick('professionalRegistrations', v),
    ),
  } as unknown as DepartmentRecords
}
