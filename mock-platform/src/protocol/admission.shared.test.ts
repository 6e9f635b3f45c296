// The hosted admission (rate per app and per organisation, then the nonce, in one step) on memory and PostgreSQL:
// the verdicts the embedded steps give one by one, and the same counters as SharedRateLimiter's.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { sharedStateEngines } from '../store/shared-state.engines'
import { SharedAdmission } from './admission.shared'
import { SharedRateLimiter } from './rate-limiter.shared'
import { SharedReplayGuard } from './replay-guard.shared'

const T0 = 1_800_000_000_000 // a multiple of 60 s
const WINDOW = 300_000
let n = 0
const fresh = () => `adm-${n++}-${Date.now()}`

describe.each(sharedStateEngines())('SharedAdmission on $name', (engine) => {
  async function make(limits: { app?: number; org?: number; nonces?: number } = {}) {
    const clock = new ManualClock(T0)
    const state = await engine.open()
    const replay = new SharedReplayGuard(
      state,
      clock,
      () => WINDOW,
      () => limits.nonces ?? 1000,
    )
    const app = new SharedRateLimiter(state, 'app', clock, () => limits.app ?? 1000)
    const org = new SharedRateLimiter(state, 'org', clock, () => limits.org ?? 1000)
    const admission = new SharedAdmission(replay, app, org)
    const clientID = fresh()
    const call = (nonce: string, o: { inWindow?: boolean; orgKey?: string } = {}) =>
      admission.admit({
        clientID,
        rateKey: `client:${clientID}`,
        orgKey: o.orgKey ?? `org-of-${clientID}`,
        nonce,
        timestamp: clock.now(),
        inWindow: o.inWindow ?? true,
      })
    return { clock, call, replay, app, org, clientID }
  }

  it.skipIf(engine.skip)(
    'a new nonce passes once, its replay is refused; both calls are counted',
    async () => {
      const { call, app, clientID } = await make({ app: 2 })
      expect(await call('n1')).toEqual({ rateWaitS: 0, orgWaitS: 0, nonce: { ok: true } })
      expect(await call('n1')).toEqual({ rateWaitS: 0, orgWaitS: 0, nonce: { ok: false, reason: 'replay' } })
      // The same counters as the rate limiter's own: the third call of the window is over the limit.
      expect(await app.hit(`client:${clientID}`)).toBe(60)
    },
  )

  it.skipIf(engine.skip)('over the app limit: a wait, the organisation not counted, no nonce', async () => {
    const { call, clock } = await make({ app: 1, org: 1 })
    expect((await call('a')).nonce).toEqual({ ok: true })
    clock.advance(20_000)
    expect(await call('b')).toEqual({ rateWaitS: 40, orgWaitS: 0 })
    clock.advance(40_000) // the next window: b was never remembered, and the organisation counted only a
    expect(await call('b')).toEqual({ rateWaitS: 0, orgWaitS: 0, nonce: { ok: true } })
  })

  it.skipIf(engine.skip)('over the organisation limit: its wait, no nonce', async () => {
    const { call } = await make({ org: 1 })
    await call('a', { orgKey: 'shared-org' })
    expect(await call('b', { orgKey: 'shared-org' })).toEqual({ rateWaitS: 0, orgWaitS: 60 })
  })

  it.skipIf(engine.skip)(
    'outside the timestamp window: counted, the nonce neither checked nor kept',
    async () => {
      const { call, replay, clientID } = await make({ app: 1 })
      expect(await call('late', { inWindow: false })).toEqual({ rateWaitS: 0, orgWaitS: 0 })
      expect(await replay.held(clientID)).toBe(0)
      expect((await call('late')).rateWaitS).toBeGreaterThan(0)
    },
  )

  it.skipIf(engine.skip)(
    'at NONCES_PER_APP: a new nonce waits the window, a used one is a replay',
    async () => {
      const { call } = await make({ nonces: 2 })
      await call('x')
      await call('y')
      expect((await call('z')).nonce).toEqual({ ok: false, reason: 'full', limit: 2, retryAfterS: 300 })
      expect((await call('x')).nonce).toEqual({ ok: false, reason: 'replay' })
    },
  )

  it.skipIf(engine.skip)(
    'any sequence of nonces and window verdicts: a nonce is held exactly while a request carrying it could pass',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              nonce: fc.constantFrom('a', 'b', 'c', 'd'),
              inWindow: fc.boolean(),
              waitS: fc.nat(400),
            }),
            { maxLength: 25 },
          ),
          async (steps) => {
            const { call, clock } = await make({ nonces: 3 })
            const accepted = new Map<string, number>() // the model: nonce → when it was accepted (its timestamp)
            for (const s of steps) {
              clock.advance(s.waitS * 1000)
              const now = clock.now()
              const verdict = (await call(s.nonce, { inWindow: s.inWindow })).nonce
              if (!s.inWindow) {
                expect(verdict).toBeUndefined()
                continue
              }
              const held = [...accepted].filter(([, at]) => now <= at + WINDOW).map(([k]) => k)
              if (held.includes(s.nonce)) expect(verdict).toEqual({ ok: false, reason: 'replay' })
              else if (held.length >= 3) expect(verdict).toMatchObject({ ok: false, reason: 'full' })
              else {
                expect(verdict).toEqual({ ok: true })
                accepted.set(s.nonce, now)
              }
            }
          },
        ),
        { numRuns: engine.name === 'postgres' ? 15 : 100 },
      )
    },
  )
})
