/** Compatibility profiles: where public sources disagree, an app picks which variant the sandbox serves (decision 0014). */
import { schemaEnums } from '@iamsmart-sandbox/openapi/generated/sandbox-validators'

/**
 * `evidence` (default) follows the strongest public evidence; every other profile changes exactly one unconfirmed
 * detail, so a provider suite that fails under one profile names the detail it depends on (matrix mode).
 */
export const COMPATIBILITY_PROFILES = schemaEnums.CompatibilityProfile
export type CompatibilityProfile = (typeof COMPATIBILITY_PROFILES)[number]
export const DEFAULT_PROFILE: CompatibilityProfile = 'evidence'

/** What each profile serves, one line each (sandbox API, console, CLI help, docs). */
export const PROFILE_DESCRIPTIONS: Record<CompatibilityProfile, string> = {
  evidence:
    'The default: callbacks decrypt to {content: result} (G2), addresses use FloorNum and PhaseNo + PhaseName (G3), getToken answers expiresIn, content is always encrypted.',
  'flat-callbacks':
    "As evidence, but a callback's content decrypts to the result itself (businessID, state and the data at the top level): the sandbox's earlier assumption.",
  'earlier-address-names':
    'As evidence, but addresses use the earlier sample names only: EngFloor.Floor / ChiFloor.Floor and PhaseName (G1 DTOs).',
  'expire-in': "As evidence, but getToken names the token lifetime expireIn (the G1 sample DTO's spelling).",
  unencrypted:
    "As evidence, but the sample library's unencrypted mode is also accepted: a plain JSON request body is answered with plain JSON content (encrypted calls still work).",
}

export function isProfile(value: unknown): value is CompatibilityProfile {
  return typeof value === 'string' && (COMPATIBILITY_PROFILES as readonly string[]).includes(value)
}

/** The app's profile (apps stored before profiles existed follow the default). */
export function profileOf(
  app: { compatibilityProfile?: CompatibilityProfile } | undefined,
): CompatibilityProfile {
  return app?.compatibilityProfile ?? DEFAULT_PROFILE
}

/** The decrypted callback content: the result nested under `content` (default) or the result itself (flat). */
export function callbackPayload(
  profile: CompatibilityProfile,
  result: Record<string, unknown>,
): Record<string, unknown> {
  return profile === 'flat-callbacks' ? result : { content: result }
}

/** getToken's lifetime field under the profile. */
export function tokenLifetime(profile: CompatibilityProfile, ms: number): Record<string, number> {
  return profile === 'expire-in' ? { expireIn: ms } : { expiresIn: ms }
}

export const acceptsPlainContent = (profile: CompatibilityProfile): boolean => profile === 'unencrypted'

const CHINESE_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** The phase number in a phase name (`Phase 2`, `第二期`, `2期`), or undefined when it names none. */
export function phaseNumber(name: string): string | undefined {
  const digits = /(\d+)/.exec(name)?.[1]
  if (digits) return digits
  const chinese = /第?([一二三四五六七八九十]+)期/.exec(name)?.[1]
  if (!chinese) return undefined
  if (chinese === '十') return '10'
  if (chinese.length === 2 && chinese.startsWith('十'))
    return String(10 + CHINESE_DIGITS.indexOf(chinese[1]!))
  if (chinese.length === 1) return String(CHINESE_DIGITS.indexOf(chinese))
  return undefined
}

/**
 * Residents hold addresses with the earlier names (`Floor`, `PhaseName`). Under every profile but
 * `earlier-address-names` the released copy carries the newest public names: `FloorNum` instead of `Floor`, and both
 * `PhaseName` and `PhaseNo` (the address data standard has both). Returns a new object; the input is not changed.
 */
export function presentAddresses<T extends Record<string, unknown>>(
  profile: CompatibilityProfile,
  data: T,
): T {
  if (profile === 'earlier-address-names') return data
  const out: Record<string, unknown> = { ...data }
  for (const field of ['residentialAddress', 'postalAddress']) {
    const address = out[field]
    if (address && typeof address === 'object') out[field] = renameAddress(address as Record<string, unknown>)
  }
  return out as T
}

function renameAddress(address: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(address)
  for (const [variant, estate, phase, threeD, floor] of [
    ['EngPremisesAddress', 'EngEstate', 'EngPhase', 'Eng3dAddress', 'EngFloor'],
    ['ChiPremisesAddress', 'ChiEstate', 'ChiPhase', 'Chi3dAddress', 'ChiFloor'],
  ] as const) {
    const premises = copy[variant] as Record<string, Record<string, Record<string, unknown>>> | undefined
    if (!premises) continue
    const ph = premises[estate]?.[phase] as Record<string, unknown> | undefined
    if (ph && typeof ph.PhaseName === 'string' && ph.PhaseNo === undefined) {
      const no = phaseNumber(ph.PhaseName)
      if (no) ph.PhaseNo = no
    }
    const fl = premises[threeD]?.[floor] as Record<string, unknown> | undefined
    if (fl && fl.Floor !== undefined && fl.FloorNum === undefined) {
      fl.FloorNum = fl.Floor
      delete fl.Floor
    }
  }
  return copy
}
