// SharedState.admit and nonces() on memory and on PostgreSQL: the same verdicts as hit and claimNonce one by one.
import { describe, expect, it } from 'vitest'
import { sharedStateEngines } from './shared-state.engines'

let n = 0
const fresh = () => `adm-${n++}-${Date.now()}`
const W = 60_000

describe.each(sharedStateEngines())('SharedState.admit on $name', (engine) => {
  it.skipIf(engine.skip)(
    'counts each counter and claims the nonce once; a second claim is a replay',
    async () => {
      const s = await engine.open()
      const [c, a, o] = [fresh(), fresh(), fresh()]
      const hits = [
        { key: a, windowMs: W, limit: 5 },
        { key: o, windowMs: W, limit: 5 },
      ]
      const nonce = { clientId: c, nonce: 'n1', expiresMs: 400_000, claim: true }
      expect(await s.admit({ hits, nonce, nowMs: 120_000 })).toEqual({ counts: [1, 1], nonce: 'new' })
      expect(await s.admit({ hits, nonce, nowMs: 120_001 })).toEqual({ counts: [2, 2], nonce: 'used' })
      expect(await s.claimNonce(c, 'n1', 400_000, 120_002)).toBe(false)
      expect(await s.count(a, W, 120_003)).toBe(2)
      expect(await s.nonces(c, 120_003)).toBe(1)
      expect(await s.nonces(c, 400_000)).toBe(0)
    },
  )

  it.skipIf(engine.skip)('over a limit: counts nothing further and claims no nonce', async () => {
    const s = await engine.open()
    const [c, a, o] = [fresh(), fresh(), fresh()]
    const hits = [
      { key: a, windowMs: W, limit: 1 },
      { key: o, windowMs: W, limit: 5 },
    ]
    const nonce = (x: string) => ({ clientId: c, nonce: x, expiresMs: 400_000, claim: true })
    expect(await s.admit({ hits, nonce: nonce('x'), nowMs: 0 })).toEqual({ counts: [1, 1], nonce: 'new' })
    expect(await s.admit({ hits, nonce: nonce('y'), nowMs: 1 })).toEqual({ counts: [2, 0] })
    expect(await s.count(o, W, 2)).toBe(1)
    expect(await s.claimNonce(c, 'y', 400_000, 2)).toBe(true) // y was not claimed by the refused call
    // The second counter over its limit: the first was counted, the nonce not claimed.
    const tight = [
      { key: fresh(), windowMs: W, limit: 5 },
      { key: o, windowMs: W, limit: 1 },
    ]
    expect(await s.admit({ hits: tight, nonce: nonce('z'), nowMs: 3 })).toEqual({ counts: [1, 2] })
    expect(await s.nonces(c, 4)).toBe(2)
  })

  it.skipIf(engine.skip)(
    'claim: false looks the nonce up without storing it; no nonce counts only',
    async () => {
      const s = await engine.open()
      const c = fresh()
      await s.claimNonce(c, 'held', 10_000, 0)
      const look = (x: string) => ({ clientId: c, nonce: x, expiresMs: 10_000, claim: false })
      expect(await s.admit({ hits: [], nonce: look('held'), nowMs: 5 })).toEqual({
        counts: [],
        nonce: 'used',
      })
      expect(await s.admit({ hits: [], nonce: look('other'), nowMs: 5 })).toEqual({
        counts: [],
        nonce: 'new',
      })
      expect(await s.nonces(c, 5)).toBe(1)
      expect(await s.admit({ hits: [], nonce: look('held'), nowMs: 10_000 })).toEqual({
        counts: [],
        nonce: 'new',
      })
      const k = fresh()
      expect(await s.admit({ hits: [{ key: k, windowMs: W, limit: 9 }], nowMs: 0 })).toEqual({ counts: [1] })
      expect(await s.admit({ hits: [], nowMs: 0 })).toEqual({ counts: [] })
    },
  )

  it.skipIf(engine.skip)('keys holding NUL and %, and an expired nonce claimed again', async () => {
    const s = await engine.open()
    const c = `${fresh()}\u0000%`
    const hits = [{ key: `${c}\u0000r`, windowMs: 1_000, limit: 9 }]
    const nonce = { clientId: c, nonce: 'n\u0000%00', expiresMs: 1_000, claim: true }
    expect(await s.admit({ hits, nonce, nowMs: 0 })).toEqual({ counts: [1], nonce: 'new' })
    expect(await s.admit({ hits, nonce: { ...nonce, expiresMs: 2_000 }, nowMs: 1_000 })).toEqual({
      counts: [1],
      nonce: 'new',
    })
  })

  it.skipIf(engine.skip)(
    'two instances, 20 concurrent admissions of one nonce: one wins, all counted',
    async () => {
      const [a, b] = await engine.two()
      const [c, k] = [fresh(), fresh()]
      const hits = [{ key: k, windowMs: W, limit: 100 }]
      const nonce = { clientId: c, nonce: 'same', expiresMs: 9e12, claim: true }
      const out = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).admit({ hits, nonce, nowMs: 1 })),
      )
      expect(out.filter((r) => r.nonce === 'new')).toHaveLength(1)
      expect(out.map((r) => r.counts[0]).sort((x, y) => x! - y!)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      )
    },
  )
})
