/** Personas feature surface: the default resident set, lookup by id or HKID, and the table the portal documents. */
import { REFERENCE_DATE } from './birth-date'
import { DEFAULT_SEED, generateResidents } from './generate'
import { formatHkid, parseHkid } from './hkid'
import { magicResidents } from './magic'
import type { Resident, Tier } from './resident.types'

export { ageOn, isRealYmd, REFERENCE_DATE, ymdOf } from './birth-date'
export { DEFAULT_COUNT, DEFAULT_SEED, type GenerateOptions, generateResidents } from './generate'
export {
  formatHkid,
  hkidCheckDigit,
  isSandboxHkid,
  isValidHkid,
  makeIdNo,
  maskHkid,
  maskHkidsInText,
  parseHkid,
} from './hkid'
export { magicResidents } from './magic'
export type * from './resident.types'
export { ADDRESS_VARIANTS, DEFAULT_BEHAVIOUR, EME_FIELDS } from './resident.types'

/** Magic residents first, then the generated ones (`r-0001`…). */
export function defaultResidents(
  seed: number = DEFAULT_SEED,
  referenceDate: string = REFERENCE_DATE,
): Resident[] {
  return [...magicResidents(referenceDate), ...generateResidents({ seed, referenceDate })]
}

/**
 * Finds a resident by `id` (`magic-approve`, `r-0042`) or by HKID in any usual spelling:
 * `QZ000001(1)`, `QZ0000011`, `qz000001 (1)` or `QZ000001` without the check digit. A wrong check digit matches nobody.
 */
export function findResident(residents: readonly Resident[], idOrHkid: string): Resident | undefined {
  const key = idOrHkid.trim()
  const byId = residents.find((r) => r.id === key)
  if (byId) return byId
  const hkid = parseHkid(key)
  if (!hkid) return undefined
  return residents.find(
    (r) =>
      r.profile.idNo.Identification === hkid.Identification &&
      (hkid.CheckDigit === undefined || r.profile.idNo.CheckDigit === hkid.CheckDigit),
  )
}

export interface ResidentRow {
  id: string
  hkid: string
  tier: Tier
  englishName: string
  outcome: string
}

/** One row per resident for the portal's persona table; defaults to the magic residents, who carry an outcome. */
export function residentTable(residents: readonly Resident[] = magicResidents()): ResidentRow[] {
  return residents.map((r) => ({
    id: r.id,
    hkid: formatHkid(r.profile.idNo),
    tier: r.tier,
    englishName: r.profile.enName.UnstructuredName,
    outcome: r.magic?.outcome ?? 'Approves every request at once.',
  }))
}
