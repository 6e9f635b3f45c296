/** HKID helpers: mod-11 check digit, format/parse, the sandbox range (QA–QZ) and masking of real-looking numbers. */
import type { IdNo } from './resident.types'

const IDENTIFICATION = /^[A-Z]{1,2}\d{6}$/
/** One or two letters, six digits, optional check character with or without parentheses; spaces tolerated. */
const HKID_TEXT = /^([A-Z]{1,2})(\d{6})(?:\(([0-9A])\)|([0-9A]))?$/
/** The same, found inside free text (word-bounded). */
const HKID_IN_TEXT = /\b([A-Z]{1,2})(\d{6})(?:\s?\(([0-9A])\)|([0-9A]))?(?![0-9A-Z])/gi

const charValue = (c: string): number => (c === ' ' ? 36 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55)

/**
 * The check character for an identification such as `A123456` or `QA123456`: weights 9..2 over the
 * identification left-padded with a space (worth 36) to 8 characters, letters A=10..Z=35; the check
 * value is 11 − (sum mod 11), with 11 → `0` and 10 → `A`.
 */
export function hkidCheckDigit(identification: string): string {
  const id = identification.toUpperCase()
  if (!IDENTIFICATION.test(id)) throw new TypeError(`not an HKID identification: ${identification}`)
  const padded = id.padStart(8, ' ')
  let sum = 0
  for (let i = 0; i < 8; i++) sum += (9 - i) * charValue(padded[i]!)
  const check = (11 - (sum % 11)) % 11
  return check === 10 ? 'A' : String(check)
}

/** `{ Identification: 'QA123456', CheckDigit: '5' }` → `QA123456(5)`. */
export const formatHkid = (idNo: IdNo): string => `${idNo.Identification}(${idNo.CheckDigit})`

/** Builds the `idNo` object with its computed check digit. */
export const makeIdNo = (identification: string): IdNo => ({
  Identification: identification.toUpperCase(),
  CheckDigit: hkidCheckDigit(identification),
})

/** Parses `QA123456(5)`, `QA1234565`, `qa123456 (5)` or `QA123456`; null if it does not look like an HKID. */
export function parseHkid(text: string): { Identification: string; CheckDigit?: string } | null {
  const m = HKID_TEXT.exec(text.replace(/\s+/g, '').toUpperCase())
  if (!m) return null
  const check = m[3] ?? m[4]
  return check === undefined
    ? { Identification: m[1]! + m[2]! }
    : { Identification: m[1]! + m[2]!, CheckDigit: check }
}

/** True when the text is an HKID with a check digit and that digit is right. */
export function isValidHkid(text: string): boolean {
  const p = parseHkid(text)
  return p?.CheckDigit !== undefined && hkidCheckDigit(p.Identification) === p.CheckDigit
}

/** The sandbox range: two-letter prefixes QA–QZ with a valid check digit (design §5). */
export function isSandboxHkid(text: string): boolean {
  const p = parseHkid(text)
  return p !== null && /^Q[A-Z]\d{6}$/.test(p.Identification) && isValidHkid(text)
}

/** `A123456(3)` → `A1234**(*)`: keeps the letters and first four digits. Text that is not an HKID is returned unchanged. */
export function maskHkid(text: string): string {
  const p = parseHkid(text)
  if (!p) return text
  const masked = `${p.Identification.slice(0, -2)}**`
  return p.CheckDigit === undefined ? masked : `${masked}(*)`
}

/** Masks every real-looking HKID in free text (enquiries, attachments) except the sandbox range. */
export function maskHkidsInText(text: string): string {
  return text.replace(HKID_IN_TEXT, (match) => (isSandboxHkid(match) ? match : maskHkid(match)))
}
