/** The resident form's values, the API paths whose errors each field shows, and the conversion to and from a resident. */
import type { Resident, ResidentInput } from '../../shared/types'

export type Decision = NonNullable<ResidentInput['behaviour']>['decision']
export type Tier = ResidentInput['tier']

export interface Form {
  tier: Tier
  hkid: string
  enName: string
  chName: string
  /** YYYY-MM-DD (the date input's value). */
  birthDate: string
  gender: 'M' | 'F'
  email: string
  countryCode: string
  mobile: string
  decision: Decision
  delayMs: string
  appReachable: boolean
  hkidMismatch: boolean
  tags: string
}

export const EMPTY: Form = {
  tier: 'iAM Smart+',
  hkid: '',
  enName: '',
  chName: '',
  birthDate: '',
  gender: 'F',
  email: '',
  countryCode: '852',
  mobile: '',
  decision: 'approve',
  delayMs: '0',
  appReachable: true,
  hkidMismatch: false,
  tags: '',
}

/** The fields of the form and the API path whose errors each shows (its own and those under it). */
export const FIELD_PATHS: Record<keyof Form, string> = {
  tier: 'tier',
  hkid: 'profile.idNo',
  enName: 'profile.enName',
  chName: 'profile.chName',
  birthDate: 'profile.birthDate',
  gender: 'profile.gender',
  email: 'eme.emailAddress',
  countryCode: 'eme.mobileNumber.CountryCode',
  mobile: 'eme.mobileNumber',
  decision: 'behaviour.decision',
  delayMs: 'behaviour.delayMs',
  appReachable: 'behaviour.appReachable',
  hkidMismatch: 'behaviour.hkidMismatch',
  tags: 'tags',
}

export function formOf(r: Resident): Form {
  const b = r.profile.birthDate
  return {
    tier: r.tier,
    hkid: `${r.profile.idNo.Identification}(${r.profile.idNo.CheckDigit})`,
    enName: r.profile.enName.UnstructuredName,
    chName: r.profile.chName?.ChineseName ?? '',
    birthDate: `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6, 8)}`,
    gender: r.profile.gender === 'M' ? 'M' : 'F',
    email: r.eme.emailAddress ?? '',
    countryCode: r.eme.mobileNumber?.CountryCode ?? '852',
    mobile: r.eme.mobileNumber?.SubscriberNumber ?? '',
    decision: r.behaviour.decision,
    delayMs: String(r.behaviour.delayMs),
    appReachable: r.behaviour.appReachable,
    hkidMismatch: r.behaviour.hkidMismatch ?? false,
    tags: r.tags.join(', '),
  }
}

/** `QA123456(5)`, `QA1234565` or `QA123456 5` into its two parts (as typed when it does not parse). */
function idNo(hkid: string) {
  const m = /^([A-Z]{1,2}\d{6})\s*\(?([0-9A])\)?$/.exec(hkid.trim().toUpperCase())
  return m
    ? { Identification: m[1]!, CheckDigit: m[2]! }
    : { Identification: hkid.trim().toUpperCase(), CheckDigit: '' }
}

export function inputOf(f: Form): ResidentInput {
  return {
    tier: f.tier,
    profile: {
      idNo: idNo(f.hkid),
      enName: { UnstructuredName: f.enName.trim() },
      ...(f.chName.trim() ? { chName: { ChineseName: f.chName.trim() } } : {}),
      birthDate: f.birthDate.replace(/-/g, ''),
      gender: f.gender,
    },
    eme: {
      ...(f.email.trim() ? { emailAddress: f.email.trim() } : {}),
      ...(f.mobile.trim()
        ? { mobileNumber: { CountryCode: f.countryCode.trim(), SubscriberNumber: f.mobile.trim() } }
        : {}),
    },
    behaviour: {
      decision: f.decision,
      delayMs: Number(f.delayMs),
      appReachable: f.appReachable,
      hkidMismatch: f.hkidMismatch,
    },
    tags: f.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  }
}
