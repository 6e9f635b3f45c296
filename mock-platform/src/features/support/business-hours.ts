/** Hong Kong business hours (Mon–Fri 09:00–18:00 HKT, public holidays skipped): adding and measuring working time. */

/** HKT is UTC+8 all year (no daylight saving). */
const HKT_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const OPEN_MS = 9 * 3_600_000
const CLOSE_MS = 18 * 3_600_000
/** Working time per business day: 9 hours. */
export const BUSINESS_DAY_MS = CLOSE_MS - OPEN_MS

const holidayYears = new Map<number, Promise<string[]>>()

/**
 * Hong Kong's general holidays of `year` as YYYY-MM-DD, from date-holidays (country HK, type public). The library and
 * its Chinese-calendar astronomy load on first use (≈0.5 s of CPU, then ≈0.2 s a year), never at startup.
 */
export function hongKongHolidays(year: number): Promise<string[]> {
  let list = holidayYears.get(year)
  if (!list) {
    list = import('date-holidays').then(({ default: Holidays }) =>
      new Holidays('HK')
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    )
    list.catch(() => holidayYears.delete(year))
    holidayYears.set(year, list)
  }
  return list
}
/** The built-in list, the 2026 general holidays (configurable: SUPPORT_HOLIDAYS or PUT /support/v1/targets). */
export const builtInHolidays = (): Promise<string[]> => hongKongHolidays(2026)

export class BusinessCalendar {
  private readonly holidays: Set<string>
  constructor(holidays: readonly string[]) {
    this.holidays = new Set(holidays)
  }

  /** Whether the HKT calendar day starting at `dayStart` (HKT-shifted ms, midnight) is a working day. */
  private working(dayStart: number): boolean {
    const weekday = new Date(dayStart).getUTCDay()
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(new Date(dayStart).toISOString().slice(0, 10))
  }

  /** `ms` of working time after `from` (epoch ms): the instant the target falls due. */
  add(from: number, ms: number): number {
    let t = from + HKT_OFFSET_MS
    let left = ms
    for (let guard = 0; guard < 3_660; guard++) {
      const day = t - mod(t, DAY_MS)
      if (!this.working(day) || t >= day + CLOSE_MS) {
        t = day + DAY_MS + OPEN_MS
        continue
      }
      if (t < day + OPEN_MS) t = day + OPEN_MS
      const available = day + CLOSE_MS - t
      if (left <= available) return t + left - HKT_OFFSET_MS
      left -= available
      t = day + DAY_MS + OPEN_MS
    }
    throw new Error('no working day within ten years')
  }

  /** Working time between two instants (0 when `to` ≤ `from`). */
  between(from: number, to: number): number {
    if (to <= from) return 0
    const a = from + HKT_OFFSET_MS
    const b = to + HKT_OFFSET_MS
    let total = 0
    for (let day = a - mod(a, DAY_MS); day < b; day += DAY_MS) {
      if (!this.working(day)) continue
      const start = Math.max(a, day + OPEN_MS)
      const end = Math.min(b, day + CLOSE_MS)
      if (end > start) total += end - start
    }
    return total
  }
}

const mod = (n: number, m: number): number => ((n % m) + m) % m

/** `2026-11-20T17:00:00+08:00`: an instant written in Hong Kong time, for mails and tests. */
export function hkt(ms: number): string {
  return `${new Date(ms + HKT_OFFSET_MS).toISOString().slice(0, 19)}+08:00`
}
