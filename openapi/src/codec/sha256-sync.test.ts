/** The synchronous SHA-256 against Node's OpenSSL, including the padding block boundaries. */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesToHex, randomBytes } from './index'
import { sha256Sync } from './sha256-sync'

const openssl = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('sha256Sync', () => {
  it('matches the FIPS 180-4 "abc" example', () => {
    expect(bytesToHex(sha256Sync(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])('matches OpenSSL for %i bytes', (n) => {
    const data = randomBytes(n)
    expect(bytesToHex(sha256Sync(data))).toBe(openssl(data))
  })

  it('property: matches OpenSSL for arbitrary input', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => bytesToHex(sha256Sync(b)) === openssl(b)))
  })
})

describe('randomBytes', () => {
  it('hands out distinct bytes across the pool boundary and serves large requests', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 600; i++) seen.add(bytesToHex(randomBytes(16)))
    expect(seen.size).toBe(600)
    expect(randomBytes(100_000)).toHaveLength(100_000)
    expect(randomBytes(0)).toHaveLength(0)
    expect(() => randomBytes(-1)).toThrow(RangeError)
  })
})
