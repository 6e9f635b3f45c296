// CEKs over SharedState (memory and PostgreSQL, two instances on one database): a CEK from getKey on one instance
// opens on another; concurrent getKey calls leave a consistent state; revoke, expiry and the test clock are seen by all.
import { generateKeyPairSync } from 'node:crypto'
import { unwrapCek } from '@iamsmart-sandbox/openapi/codec'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../clock'
import { sharedStateEngines } from '../../store/shared-state.engines'
import type { SharedState } from '../../store/shared-state'
import type { RegisteredApp } from '../apps'
import { SharedKeysService } from './keys.shared'

const T0 = 1_800_000_000_000
const TTL = 86_400_000
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
let n = 0
const newApp = () =>
  ({ clientID: `app-${n++}-${Date.now()}`, kekPublicKeys: { A: publicPem }, activeKek: 'A' }) as RegisteredApp
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const bytes = (secretKey: string) => new Uint8Array(unwrapCek(secretKey, privatePem))
const keysOf = (shared: SharedState, clock: ManualClock) => new SharedKeysService(shared, clock, () => TTL)

describe.each(sharedStateEngines())('CEKs over shared state on $name', (engine) => {
  it.skipIf(engine.skip)("a CEK from getKey on A is B's current CEK, and B's callbacks use it", async () => {
    const clock = new ManualClock(T0)
    const [sa, sb] = await engine.two()
    const [a, b] = [keysOf(sa, clock), keysOf(sb, clock)]
    const app = newApp()
    expect(await b.candidates(app.clientID)).toEqual([])
    const issued = await a.issue(app)
    expect(issued).toMatchObject({ issueAt: T0, expiresIn: TTL })
    const onB = await b.candidates(app.clientID)
    expect(onB.map((k) => k.key)).toEqual([bytes(issued.secretKey)])
    expect(onB[0]).toMatchObject({ issueAt: T0, expiresAt: T0 + TTL })
    const cb = await b.forCallback(app)
    expect(cb.cek).toEqual(bytes(issued.secretKey))
    expect(bytes(cb.secretKey)).toEqual(cb.cek)
    // A second getKey (on B) keeps A's CEK as previous; a third rotates it out (stale: D30002, not D30004).
    const second = await b.issue(app)
    expect((await a.candidates(app.clientID)).map((k) => k.key)).toEqual([
      bytes(second.secretKey),
      bytes(issued.secretKey),
    ])
    await a.issue(app)
    expect((await b.stale(app.clientID)).map((k) => k.key)).toEqual([bytes(issued.secretKey)])
    expect((await b.retiredOf(app.clientID)).map((k) => k.key)).toEqual([bytes(issued.secretKey)])
  })

  it.skipIf(engine.skip)(
    'getKey on A and B at once: both CEKs open (the last written is current, the other previous)',
    async () => {
      const clock = new ManualClock(T0)
      const [sa, sb] = await engine.two()
      const [a, b] = [keysOf(sa, clock), keysOf(sb, clock)]
      const app = newApp()
      const both = await Promise.all([a.issue(app), b.issue(app)])
      const valid = (await a.candidates(app.clientID)).map((k) => k.key)
      expect(valid).toHaveLength(2)
      expect(valid).toEqual(expect.arrayContaining(both.map((i) => bytes(i.secretKey))))
      // Five at once: the state stays one current, one previous and the rest retired, none lost or duplicated.
      const five = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? a : b).issue(app)))
      const current = (await b.candidates(app.clientID)).map((k) => k.key)
      const retired = (await b.retiredOf(app.clientID)).map((k) => k.key)
      expect(current).toHaveLength(2)
      expect(retired).toHaveLength(4)
      const all = [...both, ...five].map((i) => bytes(i.secretKey))
      expect(all).toEqual(expect.arrayContaining([...current, ...retired]))
      expect(new Set([...current, ...retired].map((k) => k.join())).size).toBe(6)
    },
  )

  it.skipIf(engine.skip)(
    'revokeKey on B ends the CEKs on A (stale, revokedAt); a later getKey clears the revocation',
    async () => {
      const clock = new ManualClock(T0)
      const [sa, sb] = await engine.two()
      const [a, b] = [keysOf(sa, clock), keysOf(sb, clock)]
      const app = newApp()
      const issued = await a.issue(app)
      clock.advance(1_000)
      await b.revoke(app.clientID)
      expect(await a.candidates(app.clientID)).toEqual([])
      expect(await a.inspect(app.clientID)).toEqual({ revokedAt: T0 + 1_000 })
      expect((await a.stale(app.clientID)).map((k) => k.key)).toEqual([bytes(issued.secretKey)])
      await a.issue(app)
      const state = await b.inspect(app.clientID)
      expect(state.revokedAt).toBeUndefined()
      expect(state.current).toBeDefined()
      expect(state.previous).toBeUndefined()
    },
  )

  it.skipIf(engine.skip)(
    "the test clock's shift and a forced expiry on one instance are seen on the other",
    async () => {
      const clock = new ManualClock(T0)
      const [sa, sb] = await engine.two()
      const [a, b] = [keysOf(sa, clock), keysOf(sb, clock)]
      const app = newApp()
      await a.issue(app)
      await b.shift(app.clientID, TTL - 10)
      expect((await a.inspect(app.clientID)).current?.expiresAt).toBe(T0 + 10)
      clock.advance(10)
      expect(await a.candidates(app.clientID)).toEqual([])
      expect(await b.stale(app.clientID)).toHaveLength(1)
      // A new CEK after that; the scenario "force CEK expiry" on A expires it on B at once.
      const fresh = await b.issue(app)
      await a.expire(app.clientID)
      expect(await b.candidates(app.clientID)).toEqual([])
      expect((await b.inspect(app.clientID)).current).toMatchObject({ expiresAt: T0 + 10 })
      // forCallback issues a new CEK when none is valid.
      const cb = await a.forCallback(app)
      expect(cb.cek).not.toEqual(bytes(fresh.secretKey))
      expect((await b.candidates(app.clientID))[0]!.key).toEqual(cb.cek)
    },
  )

  it.skipIf(engine.skip)("all(limit) lists the apps' current and previous CEKs, at most limit", async () => {
    const clock = new ManualClock(T0)
    const [sa, sb] = await engine.two()
    const [a, b] = [keysOf(sa, clock), keysOf(sb, clock)]
    const [one, two] = [newApp(), newApp()]
    const k1 = await a.issue(one)
    await a.issue(two)
    const k2 = await a.issue(two)
    const listed = await b.all(1000)
    expect(listed).toEqual(
      expect.arrayContaining([
        [one.clientID, expect.objectContaining({ key: bytes(k1.secretKey) })],
        [two.clientID, expect.objectContaining({ key: bytes(k2.secretKey) })],
      ]),
    )
    expect(listed.filter(([id]) => id === two.clientID)).toHaveLength(2)
    expect(await b.all(1)).toHaveLength(1)
  })
})
