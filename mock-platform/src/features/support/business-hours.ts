/** Hong Kong business hours (Mon–Fri 09:00–18:00 HKT, public holidays skipped): adding and measuring working time. */

/** HKT is UTC+8 all year (no daylight saving). */
const HKT_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const OPEN_MS = 9 * 3_600_000
const CLOSE_MS = 18 * 3_600_000
/** Working time per business day: 9 hours. */
export const BUSINESS_DAY_MS = CLOSE_MS - OPEN_MS

/** The 2026 general holidays of Hong Kong (configurable: SUPPORT_HOLIDAYS or PUT /support/v1/targets). */
export const HK_HOLIDAYS_2026: readonly string[] = [
  '2026-01-01',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-04-03',
  '2026-04-04',
  '2026-04-06',
  '2026-04-07',
  '2026-05-01',
  '2026-05-25',
  '2026-06-19',
  '2026-07-01',
  '2026-09-26',
  '2026-10-01',
  '2026-10-19',
  '2026-12-25',
  '2026-12-26',
]

export class BusinessCalendar {
  private readonly holidays: Set<string>
  constructor(holidays: readonly string[] = HK_HOLIDAYS_2026) {
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
