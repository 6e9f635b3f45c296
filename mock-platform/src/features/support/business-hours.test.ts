// Hong Kong business hours: Mon–Fri 09:00–18:00 HKT, public holidays skipped, exact instants.
import { beforeAll, describe, expect, it } from 'vitest'
import { BusinessCalendar, hkt, hongKongHolidays } from './business-hours'

const H = 3_600_000
/** An instant written in HKT. */
const at = (local: string) => Date.parse(`${local}+08:00`)

describe('business hours (Hong Kong)', () => {
  let cal: BusinessCalendar
  beforeAll(async () => {
    cal = new BusinessCalendar(await hongKongHolidays(2026))
  })

  it('a Friday 17:00 enquiry with a 4-hour target is due Monday 12:00', () => {
    expect(hkt(cal.add(at('2026-11-20T17:00:00'), 4 * H))).toBe('2026-11-23T12:00:00+08:00')
  })

  it('skips public holidays: Thursday 2 April 17:00 + 4 h → Wednesday 8 April 12:00 (Easter and Ching Ming)', () => {
    expect(hkt(cal.add(at('2026-04-02T17:00:00'), 4 * H))).toBe('2026-04-08T12:00:00+08:00')
    // Without the holidays, the next Monday.
    expect(hkt(new BusinessCalendar([]).add(at('2026-04-02T17:00:00'), 4 * H))).toBe(
      '2026-04-03T12:00:00+08:00',
    )
  })

  it('starts counting at 09:00 and stops at 18:00', () => {
    expect(hkt(cal.add(at('2026-11-23T07:30:00'), 1 * H))).toBe('2026-11-23T10:00:00+08:00')
    expect(hkt(cal.add(at('2026-11-23T18:00:00'), 1 * H))).toBe('2026-11-24T10:00:00+08:00')
    expect(hkt(cal.add(at('2026-11-23T17:00:00'), 1 * H))).toBe('2026-11-23T18:00:00+08:00')
    expect(hkt(cal.add(at('2026-11-21T10:00:00'), 30 * 60_000))).toBe('2026-11-23T09:30:00+08:00')
  })

  it('nine hours make a business day; 45 hours a business week', () => {
    expect(hkt(cal.add(at('2026-11-23T09:00:00'), 9 * H))).toBe('2026-11-23T18:00:00+08:00')
    expect(hkt(cal.add(at('2026-11-23T10:00:00'), 45 * H))).toBe('2026-11-30T10:00:00+08:00')
    // Christmas (Friday 25 December) is skipped; Saturday 26 December is a holiday and a weekend day.
    expect(hkt(cal.add(at('2026-12-24T17:00:00'), 2 * H))).toBe('2026-12-28T10:00:00+08:00')
  })

  it('measures working time between two instants', () => {
    expect(cal.between(at('2026-11-20T17:00:00'), at('2026-11-23T12:00:00'))).toBe(4 * H)
    expect(cal.between(at('2026-11-21T10:00:00'), at('2026-11-22T23:00:00'))).toBe(0)
    expect(cal.between(at('2026-11-23T12:00:00'), at('2026-11-23T08:00:00'))).toBe(0)
    expect(cal.between(at('2026-04-02T09:00:00'), at('2026-04-08T18:00:00'))).toBe(18 * H)
  })

  it('uses a configured holiday list instead of the built-in one', () => {
    const custom = new BusinessCalendar(['2026-11-23'])
    expect(hkt(custom.add(at('2026-11-20T17:00:00'), 4 * H))).toBe('2026-11-24T12:00:00+08:00')
  })
})
