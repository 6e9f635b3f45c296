/**
 * Validates a synthetic resident as a whole (on create and after merging an edit), each problem named by its field
 * path. The contract (`ResidentInput`, `ResidentPatch`, `ResidentEme`) states the shape, the lists, the lengths and
 * the patterns; what stays here is only what it cannot state, each rule saying why.
 */
import { contractProblems } from '../../http/contract-validator'
import { isRealYmd } from '../../personas/birth-date'
import { hkidCheckDigit, isSandboxHkid } from '../../personas/hkid'
import type { Resident } from '../../personas/resident.types'
import { emailProblem } from '../accounts'
import type { Problems } from '../apps'
import { validateAddress } from './address.validate'

/** The parts of a resident a developer writes (id, magic, owner and timestamps are the sandbox's). */
export const RESIDENT_FIELDS = ['tier', 'profile', 'eme', 'behaviour', 'tags'] as const
export type ResidentData = Pick<Resident, (typeof RESIDENT_FIELDS)[number]>

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Not a contract rule: JSON Schema has no "not blank" short of an opaque pattern. */
const blank = (v: unknown, path: string, p: Problems) => {
  if (typeof v === 'string' && v.trim().length === 0) p[path] = 'must not be blank'
}

/** Not a contract rule: the check digit is computed (mod 11) from the identification. */
function hkid(v: unknown, p: Problems): void {
  if (!isObject(v) || typeof v.Identification !== 'string' || typeof v.CheckDigit !== 'string') return
  const id = v.Identification
  if (!/^Q[A-Z]\d{6}$/.test(id)) return // the contract refuses it (the sandbox range)
  if (!isSandboxHkid(`${id}(${v.CheckDigit})`))
    p['profile.idNo.CheckDigit'] = `is not the check digit of ${id} (it is ${hkidCheckDigit(id)})`
}

/** Not a contract rule: a real calendar date (no 30 February), and for a birth date not after today. */
function date(v: unknown, path: string, p: Problems, notAfter?: string): void {
  if (typeof v !== 'string') return
  if (!isRealYmd(v)) p[path] = 'must be a real date YYYYMMDD'
  else if (notAfter !== undefined && v > notAfter) p[path] = 'must not be in the future'
}

/** Not a contract rule (cross-field): a Hong Kong (852) subscriber number has 8 digits. */
function phone(v: unknown, path: string, p: Problems): void {
  if (!isObject(v) || v.CountryCode !== '852' || typeof v.SubscriberNumber !== 'string') return
  if (!/^\d{8}$/.test(v.SubscriberNumber))
    p[`${path}.SubscriberNumber`] = 'must be 8 digits for a Hong Kong number'
}

function eme(v: unknown, p: Problems): void {
  if (!isObject(v)) return
  for (const [k, value] of Object.entries(v)) {
    const path = `eme.${k}`
    if (k.endsWith('TelNumber') || k === 'mobileNumber') phone(value, path, p)
    else if (k === 'emailAddress') {
      // Not a contract rule: the contract's formats are not validated, and this is the sandbox's e-mail rule.
      const issue = typeof value === 'string' ? emailProblem(value) : undefined
      if (issue) p[path] = issue
    }
    // Not contract rules: an address is read variant by variant (address.validate.ts says why).
    else if (k === 'residentialAddress') validateAddress(value, 'residential', path, p)
    else if (k === 'postalAddress') validateAddress(value, 'postal', path, p)
    else if (k === 'passportExpiry') date(value, path, p)
  }
  // Not a contract rule (cross-field): the passport number and its expiry are kept together.
  if ((v.passportNumber === undefined) !== (v.passportExpiry === undefined))
    p['eme.passportExpiry'] ??= 'passportNumber and passportExpiry are maintained together'
}

/**
 * Problems of a resident `r` (empty when valid) made from the body `sent`: the contract's first, then the rules above
 * on the fields it let through. On create the body is checked as `createResident` takes it; on an edit as
 * `updateResident` takes it, then the merged resident as a whole as `createResident` would. `today` (YYYYMMDD)
 * bounds the birth date.
 */
export function residentProblems(
  r: Record<string, unknown>,
  today: string,
  sent: unknown = r,
  edit = false,
): Problems {
  const p = contractProblems('sandbox', edit ? 'updateResident' : 'createResident', sent)
  if (edit) for (const [k, v] of Object.entries(contractProblems('sandbox', 'createResident', r))) p[k] ??= v
  const rules: Problems = {}
  const profile = r.profile
  if (isObject(profile)) {
    hkid(profile.idNo, rules)
    if (isObject(profile.enName))
      blank(profile.enName.UnstructuredName, 'profile.enName.UnstructuredName', rules)
    if (isObject(profile.chName)) blank(profile.chName.ChineseName, 'profile.chName.ChineseName', rules)
    date(profile.birthDate, 'profile.birthDate', rules, today)
  }
  eme(r.eme, rules)
  const named = Object.keys(p)
  for (const [k, v] of Object.entries(rules))
    if (!named.some((f) => f === k || k.startsWith(`${f}.`))) p[k] = v
  return p
}
