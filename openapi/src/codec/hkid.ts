/** HKID numbers: the mod-11 check digit, validation of full numbers, and HKICHash (reference §7.2–7.3). */
import { bytesToBase64, utf8Bytes } from './bytes'
import { sha256 } from './digest'

const IDENTIFICATION = /^[A-Z]{1,2}[0-9]{6}$/
const FULL_HKID = /^([A-Z]{1,2}[0-9]{6})(?:\(([0-9A])\)|([0-9A]))$/
/** Value of the implicit leading space of a one-letter prefix (letters are A=10 … Z=35). */
const SPACE_VALUE = 36

/**
 * The check character of an identification (1–2 letters + 6 digits): weights 9…2 over the
 * 8 positions (a one-letter prefix is padded on the left with a space worth 36), letters A=10…Z=35,
 * check = (11 − sum mod 11) mod 11, written 'A' for 10. Throws a TypeError for a malformed input.
 *
 * @example hkidCheckDigit('A123456') // '3'
 */
export function hkidCheckDigit(identification: string): string {
  const id = typeof identification === 'string' ? identification.trim().toUpperCase() : ''
  if (!IDENTIFICATION.test(id)) throw new TypeError('identification must be 1–2 letters followed by 6 digits')
  const chars = id.length === 7 ? ` ${id}` : id
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = chars[i]!
    const value = c === ' ' ? SPACE_VALUE : c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48
    sum += value * (9 - i)
  }
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}

/** Splits 'QA123456(7)' or 'QA1234567' into identification and check digit, or null if malformed. */
export function parseHkid(full: string): { identification: string; checkDigit: string } | null {
  const match = typeof full === 'string' ? FULL_HKID.exec(full.trim().toUpperCase()) : null
  if (!match) return null
  return { identification: match[1]!, checkDigit: (match[2] ?? match[3])! }
}

/**
 * True when a full HKID ('QA123456(7)' or 'QA1234567', surrounding spaces and lower case tolerated)
 * is well formed and its check digit matches.
 */
export function isValidHkid(full: string): boolean {
  const parsed = parseHkid(full)
  return parsed !== null && hkidCheckDigit(parsed.identification) === parsed.checkDigit
}

/**
 * HKICHash = Base64(SHA-256(UTF-8 identification without check digit, trimmed)). A full number
 * ('A123456(3)' or 'A1234563') has its check digit removed first; the identification itself is
 * hashed exactly as given after trimming (no case change).
 *
 * @example await hkicHash('A123456') // 'rDcExehSzsiEp2laLaJqrtaX2ua9sdaugwaY5ONmYwk='
 */
export async function hkicHash(identification: string): Promise<string> {
  const trimmed = identification.trim()
  const full = /^([A-Za-z]{1,2}[0-9]{6})(?:\([0-9A]\)|[0-9A])$/.exec(trimmed)
  return bytesToBase64(await sha256(utf8Bytes(full ? full[1]! : trimmed)))
}
