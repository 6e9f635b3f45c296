// TtlMap: entries expire on the injected clock, take() is single use, capacity evicts the oldest in O(1).
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { TtlMap } from './ttl-map'

describe('TtlMap', () => {
  it('expires entries on the injected clock', () => {
    const clock = new ManualClock(0)
    const m = new TtlMap<number>(clock)
    m.set('a', 1, 100)
    clock.advance(99)
    expect(m.get('a')).toBe(1)
    clock.advance(1)
    expect(m.get('a')).toBeUndefined()
  })

  it('take() gives a value once', () => {
    const m = new TtlMap<number>(new ManualClock(0))
    m.set('code', 7, 1000)
    expect(m.take('code')).toBe(7)
    expect(m.take('code')).toBeUndefined()
  })

  it('at capacity evicts the oldest entry and stays bounded', () => {
    const m = new TtlMap<number>(new ManualClock(0), 3)
    for (let i = 0; i < 10; i++) m.set(`k${i}`, i, 60_000)
    expect(m.size).toBe(3)
    expect(m.values()).toEqual([7, 8, 9])
  })

  it('re-setting a key refreshes its place and does not evict another entry', () => {
    const m = new TtlMap<number>(new ManualClock(0), 2)
    m.set('a', 1, 60_000)
    m.set('b', 2, 60_000)
    m.set('a', 3, 60_000)
    expect(m.values()).toEqual([2, 3])
  })

  it('drops expired entries from the old end as new ones arrive', () => {
    const clock = new ManualClock(0)
    const m = new TtlMap<number>(clock)
    for (let i = 0; i < 4; i++) m.set(`old${i}`, i, 10)
    clock.advance(11)
    m.set('new', 1, 10)
    expect(m.size).toBe(1)
  })
})
