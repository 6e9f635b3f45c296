/**
 * Department records sent to the sandbox API: the contract's DepartmentRecordSet (shapes, patterns, enums, at most
 * 10 items, no unknown fields), then the rules it cannot state; every problem named by its JSON path.
 */
import { contractProblems } from '../../http/contract-validator'
import { isRealYmd } from '../../personas/birth-date'
import type { DepartmentRecords } from './department.types'

type Problems = Record<string, string>
type Obj = Record<string, unknown>

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Not in the contract (its patterns cannot say it): a rule a field must also meet once its shape is right. */
type Rule = (v: unknown) => string | undefined
const notBlank: Rule = (v) => (typeof v === 'string' && v.trim() === '' ? 'must not be blank' : undefined)
/** `^[0-9]{8}$` in the contract; a real calendar date here. */
const realDate: Rule = (v) => (typeof v === 'string' && isRealYmd(v) ? undefined : 'must be a date YYYYMMDD')
/** `^[0-9]{4}/[0-9]{2}$` in the contract; the second year follows the first here. */
const yearOfAssessment: Rule = (v) => {
  const m = /^(\d{4})\/(\d{2})$/.exec(String(v))
  return m && (Number(m[1]) + 1) % 100 === Number(m[2])
    ? undefined
    : 'must be a year of assessment like 2024/25'
}

const RULES: Record<string, Record<string, Rule>> = {
  vehicleLicences: { make: notBlank, model: notBlank, licenceExpiry: realDate },
  taxReturnSummary: { yearOfAssessment },
  publicHousingTenancy: { estate: notBlank, block: notBlank, tenancyStart: realDate },
  professionalRegistrations: { registry: notBlank, registeredSince: realDate },
}

/** Problems of a full replacement (PUT): the contract's first, then the rules above on the fields it let through. */
export function recordsProblems(body: unknown): Problems {
  const problems = contractProblems('sandbox', 'replaceDepartmentRecords', body)
  if (!isObject(body)) return problems
  for (const [set, rules] of Object.entries(RULES)) {
    const v = body[set]
    const items: Array<[string, unknown]> = Array.isArray(v)
      ? v.map((item, i) => [`${set}[${i}]`, item])
      : [[set, v]]
    for (const [path, item] of items) {
      if (!isObject(item)) continue
      for (const [field, rule] of Object.entries(rules)) {
        const message = item[field] === undefined ? undefined : rule(item[field])
        if (message) problems[`${path}.${field}`] ??= message
      }
    }
  }
  return problems
}

/** The validated records (the contract admits no other field), copied so the stored object is the service's own. */
export function pickRecords(body: Obj): DepartmentRecords {
  return structuredClone(body) as unknown as DepartmentRecords
}
