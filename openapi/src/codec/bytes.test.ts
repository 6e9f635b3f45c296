/** Base64/hex helpers against Node's Buffer, plus the strictness the envelope relies on. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes, BoundedCache, bytesToBase64, bytesToHex, hexToBytes, randomHex } from './index'

describe('bytes', () => {
  it('property: Base64 and hex match Buffer and round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const b64 = bytesToBase64(bytes)
        expect(b64).toBe(Buffer.from(bytes).toString('base64'))
        expect(Array.from(base64ToBytes(b64))).toEqual(Array.from(bytes))
        expect(Array.from(base64ToBytes(b64.replace(/=+$/, '')))).toEqual(Array.from(bytes))
        expect(bytesToHex(bytes)).toBe(Buffer.from(bytes).toString('hex'))
        expect(Array.from(hexToBytes(bytesToHex(bytes)))).toEqual(Array.from(bytes))
      }),
    )
  })

  it.each(['A', 'AB=', 'A===', 'AB=C', 'AB C', 'AB-_', 'QR==', 'é'])('rejects malformed Base64 %j', (s) => {
    expect(() => base64ToBytes(s)).toThrow(TypeError)
  })

  it('rejects malformed hex', () => {
    expect(() => hexToBytes('abc')).toThrow(TypeError)
    expect(() => hexToBytes('zz')).toThrow(TypeError)
    expect(bytesToHex(hexToBytes('00FFab'))).toBe('00ffab')
  })

  it('randomHex gives the requested width', () => {
    expect(randomHex(16)).toMatch(/^[0-9a-f]{32}$/)
    expect(randomHex(0)).toBe('')
  })
})

describe('BoundedCache', () => {
  it('evicts the least recently used entry beyond capacity', () => {
    const cache = new BoundedCache<string, number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    expect(cache.get('a')).toBe(1)
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe(1)
    expect(cache.get('c')).toBe(3)
    expect(cache.size).toBe(2)
    expect(cache.getOrCreate('d', () => 4)).toBe(4)
    expect(cache.getOrCreate('d', () => 5)).toBe(4)
  })
})
