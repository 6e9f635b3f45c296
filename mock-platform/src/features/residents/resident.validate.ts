/** Validates a synthetic resident as a whole (on create and after merging an edit), each problem named by its field path. */
import { isRealYmd } from '../../personas/birth-date'
import { hkidCheckDigit, isSandboxHkid } from '../../personas/hkid'
import { EME_FIELDS, type Resident } from '../../personas/resident.types'
import { emailProblem } from '../accounts/password'
import type { Problems } from '../apps/app.validate'
import { DECISIONS } from '../tickets/ticket.types'
import { validateAddress } from './address.validate'

/** The parts of a resident a developer writes (id, magic, owner and timestamps are the sandbox's). */
export const RESIDENT_FIELDS = ['tier', 'profile', 'eme', 'behaviour', 'tags'] as const
export type ResidentData = Pick<Resident, (typeof RESIDENT_FIELDS)[number]>

const TIERS = ['iAM Smart', 'iAM Smart+']
const PROFILE_KEYS = ['idNo', 'enName', 'chName', 'chNameVerified', 'birthDate', 'gender']
const BEHAVIOUR_KEYS = ['decision', 'delayMs', 'appReachable', 'hkidMismatch', 'idCardError']
const CODES: Record<string, string[]> = {
  prefix: ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr'],
  maritalStatus: ['S', 'M', 'D', 'W'],
  educationLevel: ['P', 'S', 'D', 'U', 'G'],
  employmentStatus: ['E', 'S', 'U', 'R', 'T', 'H'],
  carOwner: ['Y', 'N'],
  propertyOwner: ['Y', 'N'],
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const oneOf = (v: unknown, values: string[], path: string, p: Problems) => {
  if (!values.includes(v as string)) p[path] = `must be one of ${values.join(', ')}`
}
const text = (v: unknown, max: number, path: string, p: Problems) => {
  if (typeof v !== 'string' || v.trim().length < 1 || v.length > max)
    p[path] = `must be text of 1–${max} characters`
}
const known = (v: Record<string, unknown>, keys: readonly string[], path: string, p: Problems) => {
  for (const k of Object.keys(v)) if (!keys.includes(k)) p[`${path}.${k}`] = 'unknown field'
}

function hkid(v: unknown, p: Problems): void {
  const path = 'profile.idNo'
  if (!isObject(v) || typeof v.Identification !== 'string' || typeof v.CheckDigit !== 'string') {
    p[path] = 'must be {"Identification": "QA123456", "CheckDigit": "3"}'
    return
  }
  const id = v.Identification
  if (!/^Q[A-Z]\d{6}$/.test(id))
    p[`${path}.Identification`] = 'must be in the sandbox range QA000000–QZ999999'
  else if (!isSandboxHkid(`${id}(${v.CheckDigit})`))
    p[`${path}.CheckDigit`] = `is not the check digit of ${id} (it is ${hkidCheckDigit(id)})`
}

/** Phone numbers: country code 1–4 digits; Hong Kong (852) numbers are 8 digits, others 4–15. */
function phone(v: unknown, path: string, p: Problems): void {
  if (!isObject(v)) {
    p[path] = 'must be {"CountryCode": "852", "SubscriberNumber": "91234567"}'
    return
  }
  known(v, ['CountryCode', 'NationalDestinationCode', 'SubscriberNumber'], path, p)
  if (typeof v.CountryCode !== 'string' || !/^\d{1,4}$/.test(v.CountryCode))
    p[`${path}.CountryCode`] = 'must be 1–4 digits'
  if (v.NationalDestinationCode !== undefined && !/^\d{0,6}$/.test(String(v.NationalDestinationCode)))
    p[`${path}.NationalDestinationCode`] = 'must be at most 6 digits'
  const hk = v.CountryCode === '852'
  if (typeof v.SubscriberNumber !== 'string' || !(hk ? /^\d{8}$/ : /^\d{4,15}$/).test(v.SubscriberNumber))
    p[`${path}.SubscriberNumber`] = hk ? 'must be 8 digits for a Hong Kong number' : 'must be 4–15 digits'
}

function eme(v: unknown, p: Problems): void {
  if (!isObject(v)) {
    p.eme = 'must be an object of e-ME fields'
    return
  }
  known(v, EME_FIELDS, 'eme', p)
  for (const [k, value] of Object.entries(v)) {
    const path = `eme.${k}`
    if (CODES[k]) oneOf(value, CODES[k], path, p)
    else if (k.endsWith('TelNumber') || k === 'mobileNumber') phone(value, path, p)
    else if (k === 'emailAddress') {
      const issue = emailProblem(value)
      if (issue) p[path] = issue
    } else if (k === 'residentialAddress') validateAddress(value, 'residential', path, p)
    else if (k === 'postalAddress') validateAddress(value, 'postal', path, p)
    else if (k === 'passportNumber') {
      if (typeof value !== 'string' || !/^[A-Z0-9]{5,12}$/.test(value))
        p[path] = 'must be 5–12 capital letters or digits'
    } else if (k === 'passportExpiry') {
      if (typeof value !== 'string' || !isRealYmd(value)) p[path] = 'must be a real date YYYYMMDD'
    }
  }
  if ((v.passportNumber === undefined) !== (v.passportExpiry === undefined))
    p['eme.passportExpiry'] ??= 'passportNumber and passportExpiry are maintained together'
}

/** Problems of a whole resident (empty when valid). `today` (YYYYMMDD) bounds the birth date. */
export function residentProblems(r: Record<string, unknown>, today: string): Problems {
  const p: Problems = {}
  for (const k of Object.keys(r))
    if (!(RESIDENT_FIELDS as readonly string[]).includes(k)) p[k] = 'unknown field'
  oneOf(r.tier, TIERS, 'tier', p)
  const profile = r.profile
  if (!isObject(profile)) p.profile = 'must be an object'
  else {
    known(profile, PROFILE_KEYS, 'profile', p)
    hkid(profile.idNo, p)
    if (!isObject(profile.enName)) p['profile.enName'] = 'must be {"UnstructuredName": "CHAN, Tai Man"}'
    else text(profile.enName.UnstructuredName, 120, 'profile.enName.UnstructuredName', p)
    if (profile.chName !== undefined) {
      if (!isObject(profile.chName)) p['profile.chName'] = 'must be {"ChineseName": "陳大文"}'
      else text(profile.chName.ChineseName, 40, 'profile.chName.ChineseName', p)
    }
    oneOf(profile.chNameVerified, ['Y', 'N'], 'profile.chNameVerified', p)
    const birth = profile.birthDate
    if (typeof birth !== 'string' || !isRealYmd(birth))
      p['profile.birthDate'] = 'must be a real date YYYYMMDD'
    else if (birth > today) p['profile.birthDate'] = 'must not be in the future'
    oneOf(profile.gender, ['M', 'F'], 'profile.gender', p)
  }
  eme(r.eme ?? {}, p)
  const b = r.behaviour
  if (!isObject(b)) p.behaviour = 'must be an object'
  else {
    known(b, BEHAVIOUR_KEYS, 'behaviour', p)
    oneOf(b.decision, [...DECISIONS], 'behaviour.decision', p)
    if (!Number.isInteger(b.delayMs) || (b.delayMs as number) < 0 || (b.delayMs as number) > 600_000)
      p['behaviour.delayMs'] = 'must be a whole number of milliseconds, 0–600000'
    if (typeof b.appReachable !== 'boolean') p['behaviour.appReachable'] = 'must be true or false'
    if (b.hkidMismatch !== undefined && typeof b.hkidMismatch !== 'boolean')
      p['behaviour.hkidMismatch'] = 'must be true or false'
    if (b.idCardError !== undefined && typeof b.idCardError !== 'boolean')
      p['behaviour.idCardError'] = 'must be true or false'
  }
  const tags = r.tags
  if (
    !Array.isArray(tags) ||
    tags.length > 20 ||
    tags.some((t) => typeof t !== 'string' || !/^[a-z0-9][a-z0-9-]{0,31}$/.test(t))
  )
    p.tags = 'must be at most 20 tags of lower-case letters, digits and hyphens'
  return p
}
