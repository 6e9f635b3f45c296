/**
 * Validates e-ME addresses: exactly one variant per address, a valid Region, text fields only where text belongs.
 * Not contract rules on purpose: the contract states an address as a oneOf (`ResidentialAddress`, `PostalAddress`),
 * whose refusal names only the address; read variant by variant, a refusal names the field at fault
 * (`….ChiPremisesAddress.Region`). So `ResidentEme` leaves an address an object, and these rules are the check.
 */
import type { Problems } from '../apps'

const REGIONS = ['HK', 'KLN', 'NT']
const PREMISES_KEYS = {
  EngPremisesAddress: [
    'Region',
    'EngDistrict',
    'EngStreet',
    'EngEstate',
    'EngBlock',
    'BuildingName',
    'Eng3dAddress',
    'EngLot',
  ],
  ChiPremisesAddress: [
    'Region',
    'ChiDistrict',
    'ChiStreet',
    'ChiEstate',
    'ChiBlock',
    'BuildingName',
    'Chi3dAddress',
    'ChiLot',
    'ChiOutside',
  ],
} as const
const RESIDENTIAL = ['EngPremisesAddress', 'ChiPremisesAddress', 'FreeFormatAddress']
const POSTAL = [...RESIDENTIAL, 'PostBoxAddress']

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every leaf a string of 1–200 characters, objects at most 4 deep (districts, estates, lots, floors…). */
function textTree(value: unknown, path: string, problems: Problems, depth = 0): void {
  if (typeof value === 'string') {
    if (value.length < 1 || value.length > 200) problems[path] = 'must be text of 1–200 characters'
    return
  }
  if (!isObject(value) || depth > 3) {
    problems[path] = 'must be text or an object of text fields'
    return
  }
  for (const [k, v] of Object.entries(value)) textTree(v, `${path}.${k}`, problems, depth + 1)
}

function region(value: unknown, path: string, problems: Problems): void {
  if (!REGIONS.includes(value as string)) problems[path] = `must be one of ${REGIONS.join(', ')}`
}

function onlyKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  problems: Problems,
) {
  for (const k of Object.keys(value))
    if (!allowed.includes(k)) problems[`${path}.${k}`] = `unknown field (use ${allowed.join(', ')})`
}

function premises(value: unknown, variant: keyof typeof PREMISES_KEYS, path: string, problems: Problems) {
  if (!isObject(value)) {
    problems[path] = 'must be an object'
    return
  }
  onlyKeys(value, PREMISES_KEYS[variant], path, problems)
  region(value.Region, `${path}.Region`, problems)
  for (const [k, v] of Object.entries(value))
    if (k !== 'Region' && (PREMISES_KEYS[variant] as readonly string[]).includes(k))
      textTree(v, `${path}.${k}`, problems)
}

function freeFormat(value: unknown, path: string, problems: Problems) {
  if (!isObject(value)) {
    problems[path] = 'must be an object'
    return
  }
  onlyKeys(value, ['AddressLine1', 'AddressLine2', 'AddressLine3', 'LanguageCode'], path, problems)
  for (const k of ['AddressLine1', 'AddressLine2', 'AddressLine3'])
    if (k === 'AddressLine1' || value[k] !== undefined) textTree(value[k], `${path}.${k}`, problems, 4)
  if (typeof value.LanguageCode !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value.LanguageCode))
    problems[`${path}.LanguageCode`] = 'must be a language tag such as en or zh-Hant'
}

function postBox(value: unknown, path: string, problems: Problems) {
  const keys = isObject(value) ? Object.keys(value) : []
  if (!isObject(value) || keys.length !== 1 || !['EngPostBox', 'ChiPostBox'].includes(keys[0]!)) {
    problems[path] = 'must have exactly one of EngPostBox, ChiPostBox'
    return
  }
  const box = value[keys[0]!]
  const at = `${path}.${keys[0]}`
  if (!isObject(box)) {
    problems[at] = 'must be an object'
    return
  }
  onlyKeys(box, ['PostOfficeRegion', 'PostOffice', 'PoBoxNo'], at, problems)
  region(box.PostOfficeRegion, `${at}.PostOfficeRegion`, problems)
  textTree(box.PostOffice, `${at}.PostOffice`, problems, 4)
  if (typeof box.PoBoxNo !== 'string' || !/^\d{1,6}$/.test(box.PoBoxNo))
    problems[`${at}.PoBoxNo`] = 'must be 1–6 digits'
}

/** A residential address (three variants) or a postal address (four: a post office box too). */
export function validateAddress(
  value: unknown,
  kind: 'residential' | 'postal',
  path: string,
  problems: Problems,
) {
  const allowed = kind === 'residential' ? RESIDENTIAL : POSTAL
  const keys = isObject(value) ? Object.keys(value) : []
  if (!isObject(value) || keys.length !== 1 || !allowed.includes(keys[0]!)) {
    problems[path] = `must have exactly one of ${allowed.join(', ')}`
    return
  }
  const variant = keys[0]!
  const at = `${path}.${variant}`
  if (variant === 'FreeFormatAddress') freeFormat(value[variant], at, problems)
  else if (variant === 'PostBoxAddress') postBox(value[variant], at, problems)
  else premises(value[variant], variant as keyof typeof PREMISES_KEYS, at, problems)
}
