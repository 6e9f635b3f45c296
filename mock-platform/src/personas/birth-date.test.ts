/** YYYYMMDD helpers: real dates, ages, year arithmetic and the Hong Kong day of a clock reading. */
import { describe, expect, it } from 'vitest'
import { ageOn, isRealYmd, REFERENCE_DATE, toYmd, yearsBefore, ymdOf } from './birth-date'

describe('birth dates', () => {
  it('recognises real days only', () => {
    expect(isRealYmd('20240229')).toBe(true)
    expect(isRealYmd('20230229')).toBe(false)
    expect(isRealYmd('20231301')).toBe(false)
    expect(isRealYmd('20230100')).toBe(false)
    expect(isRealYmd('2023-01-01')).toBe(false)
    expect(isRealYmd('1850101')).toBe(false)
  })

  it('counts whole years', () => {
    expect(REFERENCE_DATE).toBe('20260101')
    expect(ageOn('20110101')).toBe(15)
    expect(ageOn('20110102')).toBe(14)
    expect(ageOn('19340101', '20260101')).toBe(92)
    expect(ageOn('19851231', '20261230')).toBe(40)
  })

  it('steps back whole years, clamping 29 February', () => {
    expect(yearsBefore('20260101', 15)).toBe('20110101')
    expect(yearsBefore('20240229', 1)).toBe('20230228')
    expect(toYmd(987, 3, 4)).toBe('09870304')
  })

  it('takes the day in Hong Kong time', () => {
    expect(ymdOf(Date.UTC(2025, 11, 31, 15, 59))).toBe('20251231')
    expect(ymdOf(Date.UTC(2025, 11, 31, 16, 0))).toBe('20260101')
  })
})
