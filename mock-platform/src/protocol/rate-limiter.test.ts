// RateLimiter: fixed windows per key; bounded memory that never resets anyone else's window.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { RateLimiter } from './rate-limiter'

describe('RateLimiter', () => {
  it('allows `limit` hits per window, then answers the seconds until the window ends', () => {
    const clock = new ManualClock(0)
    const r = new RateLimiter(clock, () => 2)
    expect([r.hit('a'), r.hit('a')]).toEqual([0, 0])
    clock.advance(15_000)
    expect(r.hit('a')).toBe(45)
    expect(r.hit('b')).toBe(0)
    clock.advance(45_000)
    expect(r.hit('a')).toBe(0)
  })

  it('peek answers like hit without counting', () => {
    const clock = new ManualClock(0)
    const r = new RateLimiter(clock, () => 1)
    expect(r.peek('a')).toBe(0)
    expect(r.peek('a')).toBe(0)
    expect(r.hit('a')).toBe(0)
    expect(r.peek('a')).toBe(60)
  })

  it('when full of running windows refuses a new key and resets nobody; ended windows make room', () => {
    const clock = new ManualClock(0)
    const r = new RateLimiter(clock, () => 2, 60_000, 3)
    for (const k of ['a', 'b', 'c']) {
      r.hit(k)
      r.hit(k)
      clock.advance(1_000)
    }
    // A flood of new keys (an attacker's addresses) is refused until the oldest window ends...
    for (let i = 0; i < 100; i++) expect(r.hit(`new-${i}`)).toBe(57)
    expect(r.size).toBe(3)
    // ...and the keys already limited stay limited: their windows were not reset.
    expect([r.hit('a'), r.hit('b'), r.hit('c')].every((w) => w > 0)).toBe(true)
    clock.advance(57_000)
    expect(r.hit('new-0')).toBe(0)
    expect(r.hit('b')).toBeGreaterThan(0)
    expect(r.size).toBe(3)
  })
})
