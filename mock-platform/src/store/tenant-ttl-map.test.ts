// TenantTtlMap: each tenant bounded on its own; a full tenant is refused (or drops its own oldest), never another's.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { TenantTtlMap } from './tenant-ttl-map'

describe('TenantTtlMap', () => {
  it('refuses a full tenant’s new entry with the time until its oldest expires, and keeps every live entry', () => {
    const clock = new ManualClock(0)
    const m = new TenantTtlMap<number>(clock, { perTenant: () => 3 })
    for (let i = 0; i < 3; i++) {
      expect(m.set('A', `a${i}`, i, 600_000)).toEqual({ ok: true })
      clock.advance(1_000)
    }
    expect(m.set('A', 'a3', 3, 600_000)).toEqual({ ok: false, limit: 3, retryAfterMs: 597_000 })
    expect(['a0', 'a1', 'a2', 'a3'].map((k) => m.get(k))).toEqual([0, 1, 2, undefined])
    // Another tenant is not affected, however full A is.
    for (let i = 0; i < 3; i++) expect(m.set('B', `b${i}`, i, 600_000).ok).toBe(true)
    expect(m.count('A')).toBe(3)
    expect(m.tenantOf('b0')).toBe('B')
  })

  it('makes room as the tenant’s oldest entries expire (O(1) from the oldest end)', () => {
    const clock = new ManualClock(0)
    const m = new TenantTtlMap<number>(clock, { perTenant: () => 2 })
    m.set('A', 'a0', 0, 1_000)
    clock.advance(500)
    m.set('A', 'a1', 1, 1_000)
    expect(m.admits('A')).toEqual({ ok: false, limit: 2, retryAfterMs: 500 })
    clock.advance(500)
    expect(m.set('A', 'a2', 2, 1_000).ok).toBe(true)
    expect(m.get('a0')).toBeUndefined()
    expect(m.values()).toEqual([1, 2])
  })

  it('entries past liveUntil (kept only to answer "expired") make room first; live ones never do', () => {
    const clock = new ManualClock(0)
    const m = new TenantTtlMap<{ expiresAt: number }>(clock, {
      perTenant: () => 2,
      liveUntil: (v) => v.expiresAt,
    })
    m.set('A', 'c0', { expiresAt: 120_000 }, 420_000)
    m.set('A', 'c1', { expiresAt: 120_000 }, 420_000)
    const refused = m.set('A', 'c2', { expiresAt: 120_000 }, 420_000)
    expect(refused).toEqual({ ok: false, limit: 2, retryAfterMs: 120_000 })
    clock.advance(120_000)
    expect(m.get('c0')).toEqual({ expiresAt: 120_000 })
    expect(m.set('A', 'c2', { expiresAt: 240_000 }, 420_000).ok).toBe(true)
    expect(m.get('c0')).toBeUndefined()
    expect(m.get('c1')).toBeDefined()
  })

  it('replacing a key of the tenant is always admitted and moves it to the newest end', () => {
    const clock = new ManualClock(0)
    const m = new TenantTtlMap<number>(clock, { perTenant: () => 2 })
    m.set('A', 'x', 1, 1_000)
    m.set('A', 'y', 2, 1_000)
    clock.advance(900)
    expect(m.set('A', 'x', 3, 1_000).ok).toBe(true)
    clock.advance(200)
    expect(m.get('y')).toBeUndefined()
    expect(m.get('x')).toBe(3)
    expect(m.count('A')).toBe(1)
  })

  it('evict mode drops the tenant’s own oldest; maxTotal drops the oldest of all', () => {
    const clock = new ManualClock(0)
    const m = new TenantTtlMap<string>(clock, { perTenant: () => 2, whenFull: 'evict', maxTotal: 3 })
    m.set('A', 'a0', 'a0', 60_000)
    m.set('B', 'b0', 'b0', 60_000)
    m.set('A', 'a1', 'a1', 60_000)
    m.set('A', 'a2', 'a2', 60_000)
    expect(m.values()).toEqual(['b0', 'a1', 'a2'])
    m.set('C', 'c0', 'c0', 60_000)
    expect(m.values()).toEqual(['a1', 'a2', 'c0'])
    expect(m.size).toBe(3)
  })

  it('take is single use, delete frees room, and idle tenants’ expired entries are dropped by later writes', () => {
    const clock = new ManualClock(0)
    const m = new TenantTtlMap<number>(clock, { perTenant: () => 1 })
    m.set('A', 'code', 7, 1_000)
    expect(m.take('code')).toBe(7)
    expect(m.take('code')).toBeUndefined()
    expect(m.set('A', 'code2', 8, 1_000).ok).toBe(true)
    expect(m.delete('code2')).toBe(true)
    expect(m.count('A')).toBe(0)
    for (let i = 0; i < 4; i++) m.set(`T${i}`, `k${i}`, i, 1_000)
    clock.advance(1_000)
    m.set('Z', 'z', 0, 1_000)
    expect(m.size).toBe(1)
    expect(m.tenantCount).toBe(1)
  })
})
