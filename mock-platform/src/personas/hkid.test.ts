/** HKID helpers: known-answer check digits, parsing, the sandbox range and masking. */
import { describe, expect, it } from 'vitest'
import {
  formatHkid,
  hkidCheckDigit,
  isSandboxHkid,
  isValidHkid,
  makeIdNo,
  maskHkid,
  maskHkidsInText,
  parseHkid,
} from './hkid'

describe('hkidCheckDigit', () => {
  // The same known answers as shared/reference/test-vectors.json (hkidCheckDigit).
  it.each([
    ['A123456', '3'],
    ['G123456', 'A'],
    ['AB987654', '3'],
    ['Z683365', 'A'],
    ['K000010', '8'],
    ['XA000001', '6'],
    ['QA123456', '5'],
    ['QZ000007', '0'],
  ])('%s → %s', (identification, check) => {
    expect(hkidCheckDigit(identification)).toBe(check)
  })

  it('accepts lower case and refuses what is not an identification', () => {
    expect(hkidCheckDigit('ab987654')).toBe('3')
    for (const bad of ['A12345', 'ABC123456', '1234567', 'A1234567', '']) {
      expect(() => hkidCheckDigit(bad)).toThrow(TypeError)
    }
  })
})

describe('format and parse', () => {
  it('formats with the check digit in parentheses', () => {
    expect(formatHkid({ Identification: 'QA123456', CheckDigit: '5' })).toBe('QA123456(5)')
    expect(makeIdNo('qa123456')).toEqual({ Identification: 'QA123456', CheckDigit: '5' })
  })

  it('parses the usual spellings', () => {
    const full = { Identification: 'QA123456', CheckDigit: '5' }
    expect(parseHkid('QA123456(5)')).toEqual(full)
    expect(parseHkid('QA1234565')).toEqual(full)
    expect(parseHkid(' qa123456 (5) ')).toEqual(full)
    expect(parseHkid('G123456(A)')).toEqual({ Identification: 'G123456', CheckDigit: 'A' })
    expect(parseHkid('QA123456')).toEqual({ Identification: 'QA123456' })
  })

  it('returns null for what is not an HKID', () => {
    for (const bad of [
      '',
      'QA12345(5)',
      'QAB123456(5)',
      'QA123456(B)',
      'QA12345678',
      '12345678',
      'magic-approve',
    ]) {
      expect(parseHkid(bad)).toBeNull()
    }
  })
})

describe('validity and the sandbox range', () => {
  it('checks the check digit', () => {
    expect(isValidHkid('A123456(3)')).toBe(true)
    expect(isValidHkid('A123456(4)')).toBe(false)
    expect(isValidHkid('A123456')).toBe(false)
  })

  it('is QA–QZ with a valid check digit', () => {
    expect(isSandboxHkid('QA123456(5)')).toBe(true)
    expect(isSandboxHkid('QZ0000011')).toBe(true)
    expect(isSandboxHkid('QA123456(7)')).toBe(false)
    expect(isSandboxHkid('QA123456')).toBe(false)
    expect(isSandboxHkid('A123456(3)')).toBe(false)
    expect(isSandboxHkid('AB987654(3)')).toBe(false)
    expect(isSandboxHkid('XA000001(6)')).toBe(false)
  })
})

describe('masking', () => {
  it('keeps the letters and four digits', () => {
    expect(maskHkid('A123456(3)')).toBe('A1234**(*)')
    expect(maskHkid('AB9876543')).toBe('AB9876**(*)')
    expect(maskHkid('A123456')).toBe('A1234**')
    expect(maskHkid('not an id')).toBe('not an id')
  })

  it('masks real-looking HKIDs in text but leaves the sandbox range and other numbers alone', () => {
    expect(maskHkidsInText('My HKID is A123456(3); test user QZ000001(1).')).toBe(
      'My HKID is A1234**(*); test user QZ000001(1).',
    )
    expect(maskHkidsInText('ref ab987654 (3) and K0000108 and Z683365')).toBe(
      'ref AB9876**(*) and K0000**(*) and Z6833**',
    )
    // A sandbox prefix with a wrong check digit looks like a typo of a real number: masked.
    expect(maskHkidsInText('QA123456(7)')).toBe('QA1234**(*)')
    expect(maskHkidsInText('call 91234567, order ABC123456, QA12345678')).toBe(
      'call 91234567, order ABC123456, QA12345678',
    )
  })
})
