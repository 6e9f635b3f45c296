/** `YYYYMMDD` date strings for birth dates and passport expiries: build, validate, compute an age. */

/** The day the default residents' ages are counted from, so the same seed always gives the same data. */
export const REFERENCE_DATE = '20260101'

export const daysInMonth = (year: number, month: number): number =>
  new Date(Date.UTC(year, month, 0)).getUTCDate()

export const toYmd = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`

/** True for an 8-digit string naming a day that exists (no 20230230). */
export function isRealYmd(ymd: string): boolean {
  if (!/^\d{8}$/.test(ymd)) return false
  const y = Number(ymd.slice(0, 4))
  const m = Number(ymd.slice(4, 6))
  const d = Number(ymd.slice(6, 8))
  return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** Whole years between a birth date and a day, both `YYYYMMDD`. */
export function ageOn(birthDate: string, on: string = REFERENCE_DATE): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return on.slice(4) < birthDate.slice(4) ? years - 1 : years
}

/** The same month and day `years` earlier, clamped to the month end (29 Feb → 28 Feb). */
export function yearsBefore(ymd: string, years: number): string {
  const y = Number(ymd.slice(0, 4)) - years
  const m = Number(ymd.slice(4, 6))
  return toYmd(y, m, Math.min(Number(ymd.slice(6, 8)), daysInMonth(y, m)))
}

/** `YYYYMMDD` of a clock reading (UTC+8, Hong Kong time). */
export function ymdOf(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000)
  return toYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}
