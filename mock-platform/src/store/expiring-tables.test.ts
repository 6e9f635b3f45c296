import { describe, expect, it } from 'vitest'
import { fingerprint, hexKey, hexOf } from './binary-keys'
import { ExpiringTables, TenantTables, WordTable } from './expiring-tables'

const key = (...words: number[]) => Uint32Array.from(words)

describe('WordTable', () => {
  it('finds what it holds through growth and tombstones, and nothing else', () => {
    const t = new WordTable(2, 1, false)
    for (let i = 0; i < 5_000; i++) {
      const slot = t.insert(key(i * 7919, i))
      t.values[slot] = i
    }
    expect(t.live).toBe(5_000)
    for (let i = 0; i < 5_000; i += 2) t.remove(t.find(key(i * 7919, i)))
    expect(t.live).toBe(2_500)
    for (let i = 0; i < 5_000; i++) {
      const slot = t.find(key(i * 7919, i))
      if (i % 2 === 0) expect(slot).toBe(-1)
      else expect(t.values[slot]).toBe(i)
    }
    // Same first word, different second word: a different key.
    expect(t.find(key(7919, 2))).toBe(-1)
  })
})

describe('TenantTables', () => {
  it('keeps spans in order of expiry, drops them whole after their end, and moves them with the test clock', () => {
    const t = new TenantTables(1, 0, true, 10_000)
    t.add(key(1), 15_000)
    t.add(key(2), 35_000)
    t.add(key(3), 5_000) // an earlier expiry goes to its own, earlier span
    expect(t.generations.map((g) => g.end)).toEqual([10_000, 20_000, 40_000])
    expect(t.prune(10_000)).toBe(false)
    expect(t.find(key(3))).toBeDefined() // at its span's end it is still there
    t.prune(10_001)
    expect(t.find(key(3))).toBeUndefined()
    expect(t.size).toBe(2)

    t.shift += 20_000 // the test clock moved 20 s ahead: everything is 20 s closer
    expect(t.time(t.find(key(2))!)).toBe(15_000)
    t.prune(16_000)
    expect(t.find(key(1))).toBeUndefined()
    expect(t.find(key(2))).toBeDefined()
    // Kept `keepMs` after the time, then gone.
    expect(t.prune(30_000, 15_000)).toBe(false)
    expect(t.prune(30_001, 10_000)).toBe(true)
  })

  it('removes only expired entries to make room, and says when the oldest live one expires', () => {
    const t = new TenantTables(1, 0, true, 30_000)
    for (let i = 1; i <= 10; i++) t.add(key(i), i * 1_000)
    t.removeExpired(4_000, 0)
    expect(t.size).toBe(6)
    expect(t.oldest!.first).toBe(5_000)
    expect(t.find(key(4))).toBeUndefined()
    expect(t.find(key(5))).toBeDefined()
  })
})

describe('ExpiringTables', () => {
  it('keeps tenants apart and forgets a tenant whose last span left', () => {
    const dropped: string[] = []
    const tables = new ExpiringTables({
      keyWords: 1,
      valueWords: 0,
      timed: false,
      spanMs: 1_000,
      onDrop: (id) => dropped.push(id),
    })
    tables.tenant('a', 0, true).add(key(42), 500)
    expect(tables.tenant('b', 0)).toBeUndefined()
    expect(tables.tenant('b', 0, true).find(key(42))).toBeUndefined()
    expect(tables.tenant('a', 0)!.find(key(42))).toBeDefined()
    expect(tables.tenant('a', 5_000)).toBeUndefined()
    expect(dropped).toContain('a')
  })
})

describe('keys', () => {
  it('hex ids round-trip through 4 words; anything else is not a key', () => {
    const words = new Uint32Array(8)
    const id = '00ff10a0deadbeef0123456789abcdef'
    expect(hexKey(id, words, 4)).toBe(true)
    expect(hexOf(words, 4)).toBe(id)
    expect(hexKey('00FF10A0DEADBEEF0123456789ABCDEF', words)).toBe(false)
    expect(hexKey('abc', words)).toBe(false)
  })

  it('fingerprints tell 200,000 different nonces apart and are stable for one', () => {
    const a = new Uint32Array(2)
    const b = new Uint32Array(2)
    const seen = new Set<string>()
    for (let i = 0; i < 200_000; i++) {
      fingerprint(`nonce-${i}`, a)
      seen.add(`${a[0]}:${a[1]}`)
    }
    expect(seen.size).toBe(200_000)
    fingerprint('same', a)
    fingerprint('same', b)
    expect([...a]).toEqual([...b])
  })
})
