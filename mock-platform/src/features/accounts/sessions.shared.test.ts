// Portal sessions over SharedState (memory and PostgreSQL): idle and absolute ends, and valid on every instance.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../clock'
import { sharedStateEngines } from '../../store/shared-state.engines'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions'
import { SharedSessionStore } from './sessions.shared'

const T0 = 1_800_000_000_000

describe.each(sharedStateEngines())('SharedSessionStore on $name', (engine) => {
  it.skipIf(engine.skip)(
    'a session lives while used, ends when idle, and ends at its absolute lifetime',
    async () => {
      const clock = new ManualClock(T0)
      const store = new SharedSessionStore(await engine.open(), clock)
      const s = await store.create('acc-1')
      expect(s.id).toMatch(/^[0-9a-f]{32}$/)
      clock.advance(SESSION_IDLE_MS - 1)
      expect((await store.touch(s.id))?.accountId).toBe('acc-1')
      expect(store.expiries((await store.touch(s.id))!)).toEqual({
        idleExpiresAt: T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS,
        expiresAt: T0 + SESSION_ABSOLUTE_MS,
      })
      clock.advance(SESSION_IDLE_MS)
      expect(await store.touch(s.id)).toBeUndefined()

      const long = await store.create('acc-1')
      for (let t = 0; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS - 1_000) {
        clock.advance(SESSION_IDLE_MS - 1_000)
        await store.touch(long.id)
      }
      expect(await store.touch(long.id)).toBeUndefined()
      expect(await store.touch('not-an-id')).toBeUndefined()
    },
  )

  it.skipIf(engine.skip)('delete ends a session', async () => {
    const store = new SharedSessionStore(await engine.open(), new ManualClock(T0))
    const s = await store.create('acc-2')
    await store.delete(s.id)
    expect(await store.touch(s.id)).toBeUndefined()
  })

  it.skipIf(engine.skip)(
    'two instances: a session created on A is read on B, its end seen on A',
    async () => {
      const clock = new ManualClock(T0)
      const [sa, sb] = await engine.two()
      const [a, b] = [new SharedSessionStore(sa, clock), new SharedSessionStore(sb, clock)]
      const s = await a.create('acc-3')
      clock.advance(60_000)
      expect(await b.touch(s.id)).toMatchObject({ id: s.id, accountId: 'acc-3', csrfToken: s.csrfToken })
      // B's touch restarted the idle timer for A too.
      clock.advance(SESSION_IDLE_MS - 1_000)
      expect((await a.touch(s.id))?.lastSeenAt).toBe(clock.now())
      await b.delete(s.id)
      expect(await a.touch(s.id)).toBeUndefined()
    },
  )
})
