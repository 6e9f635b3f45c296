// The hosted nonce memory on memory and on PostgreSQL: replays refused on every instance, NONCES_PER_APP per app.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { sharedStateEngines } from '../store/shared-state.engines'
import { ReplayGuard } from './replay-guard'
import { SharedReplayGuard } from './replay-guard.shared'

const T0 = 1_800_000_000_000
let n = 0
const app = () => `app-${n++}-${Date.now()}`

describe.each(sharedStateEngines())('SharedReplayGuard on $name', (engine) => {
  it.skipIf(engine.skip)(
    'a nonce passes once; its replay is refused until it leaves the window',
    async () => {
      const clock = new ManualClock(T0)
      const g = new SharedReplayGuard(await engine.open(), clock, () => 300_000)
      const a = app()
      expect(await g.remember(a, 'n1', T0)).toEqual({ ok: true })
      expect(await g.remember(a, 'n1', T0)).toEqual({ ok: false, reason: 'replay' })
      expect(await g.remember(`${a}-other`, 'n1', T0)).toEqual({ ok: true })
      expect(await g.held(a)).toBe(1)
      clock.advance(300_001)
      expect(await g.remember(a, 'n1', T0)).toEqual({ ok: true })
    },
  )

  it.skipIf(engine.skip)('answers as the embedded guard: window, skew, the bound per app', async () => {
    const clock = new ManualClock(T0)
    const hosted = new SharedReplayGuard(
      await engine.open(),
      clock,
      () => 300_000,
      () => 2,
    )
    const embedded = new ReplayGuard(
      clock,
      () => 300_000,
      () => 2,
    )
    const a = app()
    for (const g of [hosted, embedded]) {
      expect(g.withinWindow(g.skew(T0 + 300_000, a))).toBe(true)
      expect(g.withinWindow(g.skew(T0 - 300_001, a))).toBe(false)
      expect(await g.remember(a, 'x', T0)).toEqual({ ok: true })
      expect(await g.remember(a, 'y', T0)).toEqual({ ok: true })
      // At the bound: a used nonce is still a replay; a new one is refused with a wait; other apps are not affected.
      expect(await g.remember(a, 'x', T0)).toEqual({ ok: false, reason: 'replay' })
      expect(await g.remember(a, 'z', T0)).toMatchObject({ ok: false, reason: 'full', limit: 2 })
      expect(await g.remember(`${a}-other`, 'z', T0)).toEqual({ ok: true })
      expect(await g.held(a)).toBe(2)
    }
  })

  it.skipIf(engine.skip)('two instances: a nonce used on one is a replay on the other', async () => {
    const clock = new ManualClock(T0)
    const [sa, sb] = await engine.two()
    const a = new SharedReplayGuard(sa, clock, () => 300_000)
    const b = new SharedReplayGuard(sb, clock, () => 300_000)
    const id = app()
    expect(await a.remember(id, 'n', T0)).toEqual({ ok: true })
    expect(await b.remember(id, 'n', T0)).toEqual({ ok: false, reason: 'replay' })
    expect(await b.held(id)).toBe(1)
    // Of concurrent uses of one nonce on both instances, exactly one passes.
    const verdicts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).remember(id, 'race', T0)),
    )
    expect(verdicts.filter((v) => v.ok)).toHaveLength(1)
  })
})
