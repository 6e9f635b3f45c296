/** HKID check digits, full-number validation and HKICHash against the known-answer vectors. */
import { describe, expect, it } from 'vitest'
import { vectors } from '../../test/vectors'
import { hkicHash, hkidCheckDigit, isValidHkid, parseHkid } from './index'

describe('HKID check digit (mod 11)', () => {
  it.each(vectors.hkidCheckDigit)('$identification → $checkDigit', ({ identification, checkDigit }) => {
    expect(hkidCheckDigit(identification)).toBe(checkDigit)
    expect(isValidHkid(`${identification}(${checkDigit})`)).toBe(true)
    expect(isValidHkid(`${identification}${checkDigit}`)).toBe(true)
  })

  it('computes the synthetic QA–QZ range, including 0 and A results', () => {
    // 9·26 + 8·26 + 7·1 + 6·2 + 5·3 + 4·4 + 3·5 + 2·6 = 519 ≡ 2 (mod 11) → check 9
    expect(hkidCheckDigit('QQ123456')).toBe('9')
    // 9·26 + 8·10 + 77 = 391 ≡ 6 → 5
    expect(hkidCheckDigit('QA123456')).toBe('5')
    expect(isValidHkid('QA123456(5)')).toBe(true)
    expect(isValidHkid('QA123456(7)')).toBe(false)
    // QA000000: 9·26 + 8·10 = 314 ≡ 6 → 5; QA000011: 314 + 3 + 2 = 319 ≡ 0 → 0; QA000003: 320 ≡ 1 → 10 → A
    expect(hkidCheckDigit('QA000000')).toBe('5')
    expect(hkidCheckDigit('QA000011')).toBe('0')
    expect(hkidCheckDigit('QA000003')).toBe('A')
    expect(isValidHkid('QA000003(A)')).toBe(true)
  })

  it('rejects a wrong check digit and malformed numbers', () => {
    expect(isValidHkid('A123456(4)')).toBe(false)
    expect(isValidHkid('A123456(3')).toBe(false)
    expect(isValidHkid('A12345(3)')).toBe(false)
    expect(isValidHkid('ABC123456(3)')).toBe(false)
    expect(isValidHkid('')).toBe(false)
    expect(() => hkidCheckDigit('123456')).toThrow(TypeError)
    expect(() => hkidCheckDigit('A1234567')).toThrow(TypeError)
  })

  it('tolerates lower case and surrounding spaces', () => {
    expect(isValidHkid(' a123456(3) ')).toBe(true)
    expect(parseHkid('G123456(A)')).toEqual({ identification: 'G123456', checkDigit: 'A' })
  })
})

describe('HKICHash (reference §7.3)', () => {
  it.each(vectors.hkicHash)('$identification → $HKICHash', async ({ identification, HKICHash }) => {
    expect(await hkicHash(identification)).toBe(HKICHash)
    expect(await hkicHash(` ${identification} `)).toBe(HKICHash)
  })

  it('drops the check digit of a full number before hashing', async () => {
    const expected = vectors.hkicHash[0]!.HKICHash
    expect(await hkicHash('A123456(3)')).toBe(expected)
    expect(await hkicHash('A1234563')).toBe(expected)
  })
})
