// The hosted rate limit on memory and on PostgreSQL: fixed windows, counted once across instances.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { sharedStateEngines } from '../store/shared-state.engines'
import { SharedRateLimiter } from './rate-limiter.shared'

const T0 = 1_800_000_000_000 // a multiple of 60 s: the window starts here
let n = 0
const key = () => `k-${n++}-${Date.now()}`

describe.each(sharedStateEngines())('SharedRateLimiter on $name', (engine) => {
  it.skipIf(engine.skip)(
    'allows `limit` hits per window, then answers the seconds until it ends',
    async () => {
      const clock = new ManualClock(T0)
      const r = new SharedRateLimiter(await engine.open(), 'app', clock, () => 2)
      const k = key()
      expect([await r.hit(k), await r.hit(k)]).toEqual([0, 0])
      clock.advance(15_000)
      expect(await r.hit(k)).toBe(45)
      expect(await r.hit(`${k}-b`)).toBe(0)
      clock.advance(45_000)
      expect(await r.hit(k)).toBe(0)
    },
  )

  it.skipIf(engine.skip)('limiters of different names count apart', async () => {
    const clock = new ManualClock(T0)
    const state = await engine.open()
    const one = new SharedRateLimiter(state, 'one', clock, () => 1)
    const two = new SharedRateLimiter(state, 'two', clock, () => 1)
    const k = key()
    expect([await one.hit(k), await two.hit(k)]).toEqual([0, 0])
    expect(await one.hit(k)).toBe(60)
  })

  it.skipIf(engine.skip)('two instances share one count (a global limit)', async () => {
    const clock = new ManualClock(T0)
    const [sa, sb] = await engine.two()
    const a = new SharedRateLimiter(sa, 'app', clock, () => 3)
    const b = new SharedRateLimiter(sb, 'app', clock, () => 3)
    const k = key()
    const waits = await Promise.all([a.hit(k), b.hit(k), a.hit(k), b.hit(k), a.hit(k)])
    expect(waits.filter((w) => w === 0)).toHaveLength(3)
    expect(await b.hit(k)).toBe(60)
  })
})
