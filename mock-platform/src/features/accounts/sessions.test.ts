// Console sessions: bounded per account (its own oldest ends) and in all, never touching another account's first.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../clock'
import { SESSIONS_PER_ACCOUNT, SessionStore } from './sessions'

describe('SessionStore bounds', () => {
  it('a sign-in beyond the per-account bound ends that account’s oldest session only', () => {
    const clock = new ManualClock(0)
    const store = new SessionStore(clock)
    const other = store.create('acc-other')
    const mine = Array.from({ length: SESSIONS_PER_ACCOUNT + 1 }, () => store.create('acc-1'))
    expect(store.touch(mine[0]!.id)).toBeUndefined()
    expect(mine.slice(1).every((s) => store.touch(s.id) !== undefined)).toBe(true)
    expect(store.touch(other.id)?.accountId).toBe('acc-other')
  })

  it('beyond the global bound the oldest session of all ends; touching keeps a session young', () => {
    const clock = new ManualClock(0)
    const store = new SessionStore(clock, undefined, undefined, { perAccount: 5, total: 3 })
    const a = store.create('a')
    clock.advance(1_000)
    const b = store.create('b')
    clock.advance(1_000)
    store.touch(a.id)
    store.create('c')
    store.create('d')
    expect(store.touch(b.id)).toBeUndefined()
    expect(store.touch(a.id)?.accountId).toBe('a')
  })
})
