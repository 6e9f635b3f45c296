/** Known-answer and negative tests for request signing and the `signature` header. */
import { describe, expect, it } from 'vitest'
import { vectors } from '../../test/vectors'
import {
  decodeSignatureHeader,
  encodeSignatureHeader,
  hmacSha256Base64,
  newNonce,
  randomHex,
  SIGNATURE_METHOD,
  signRequest,
  stringToSign,
  timingSafeEqualString,
  verifySignature,
} from './index'

const v = vectors.requestSignature
const parts = {
  clientID: v.clientID,
  signatureMethod: v.signatureMethod,
  timestamp: v.timestamp,
  nonce: v.nonce,
  body: v.body,
}

describe('request signature (reference §2.2)', () => {
  it('builds the string-to-sign by plain concatenation', () => {
    expect(SIGNATURE_METHOD).toBe('HmacSHA256')
    expect(stringToSign(parts)).toBe(v.stringToSign)
  })

  it('computes the Base64 HMAC-SHA256 of the vector', async () => {
    expect(await hmacSha256Base64(v.clientSecret, v.stringToSign)).toBe(v.signatureBase64)
  })

  it('URL-encodes the header with upper-case escapes', () => {
    expect(encodeSignatureHeader(v.signatureBase64)).toBe(v.signatureHeader)
    expect(encodeSignatureHeader('a+b/c=')).toBe('a%2Bb%2Fc%3D')
  })

  it('signRequest produces the five vector headers', async () => {
    const headers = await signRequest({
      clientID: v.clientID,
      clientSecret: v.clientSecret,
      body: v.body,
      timestamp: Number(v.timestamp),
      nonce: v.nonce,
    })
    expect(headers).toEqual({
      clientID: v.clientID,
      signatureMethod: 'HmacSHA256',
      timestamp: v.timestamp,
      nonce: v.nonce,
      signature: v.signatureHeader,
    })
  })

  it('signRequest defaults to a fresh 32-hex nonce and the current time', async () => {
    const before = Date.now()
    const a = await signRequest({ clientID: 'c', clientSecret: 's', body: '{}' })
    const b = await signRequest({ clientID: 'c', clientSecret: 's', body: '{}' })
    expect(a.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(a.nonce).not.toBe(b.nonce)
    expect(Number(a.timestamp)).toBeGreaterThanOrEqual(before)
    expect(Number(a.timestamp)).toBeLessThanOrEqual(Date.now())
    const check = await verifySignature({
      secret: 's',
      parts: { ...a, body: '{}' },
      signatureHeader: a.signature,
    })
    expect(check.valid).toBe(true)
  })

  it('verifies the canonical URL-encoded header', async () => {
    const r = await verifySignature({ secret: v.clientSecret, parts, signatureHeader: v.signatureHeader })
    expect(r).toEqual({ valid: true, wasUrlEncoded: true, expectedBase64: v.signatureBase64 })
  })

  it('accepts a raw Base64 header and reports wasUrlEncoded=false', async () => {
    const r = await verifySignature({ secret: v.clientSecret, parts, signatureHeader: v.signatureBase64 })
    expect(r).toEqual({ valid: true, wasUrlEncoded: false, expectedBase64: v.signatureBase64 })
  })

  it('accepts lower-case escapes', async () => {
    const lower = v.signatureHeader.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())
    expect((await verifySignature({ secret: v.clientSecret, parts, signatureHeader: lower })).valid).toBe(
      true,
    )
  })

  it.each([
    ['wrong secret', { secret: 'wrong-secret' }],
    ['one body byte flipped', { parts: { ...parts, body: v.body.replace('AAAADA', 'AAAADB') } }],
    ['whitespace added to the body', { parts: { ...parts, body: v.body.replace(':', ': ') } }],
    ['another nonce', { parts: { ...parts, nonce: newNonce() } }],
    ['another timestamp', { parts: { ...parts, timestamp: '1767225600001' } }],
    ['another clientID', { parts: { ...parts, clientID: randomHex(16) } }],
    ['truncated header', { signatureHeader: v.signatureHeader.slice(0, -3) }],
    ['empty header', { signatureHeader: '' }],
  ])('rejects: %s', async (_name, change) => {
    const r = await verifySignature({
      secret: v.clientSecret,
      parts,
      signatureHeader: v.signatureHeader,
      ...change,
    })
    expect(r.valid).toBe(false)
  })

  it('rejects a correct MAC when signatureMethod is not HmacSHA256', async () => {
    const other = { ...parts, signatureMethod: 'HmacSHA1' }
    const mac = await hmacSha256Base64(v.clientSecret, stringToSign(other))
    const r = await verifySignature({
      secret: v.clientSecret,
      parts: other,
      signatureHeader: encodeSignatureHeader(mac),
    })
    expect(r.valid).toBe(false)
    expect(r.expectedBase64).toBe(mac)
  })
})

describe('decodeSignatureHeader', () => {
  it('decodes URL-encoded and passes raw Base64 through', () => {
    expect(decodeSignatureHeader(v.signatureHeader)).toEqual({
      base64: v.signatureBase64,
      wasUrlEncoded: true,
    })
    expect(decodeSignatureHeader(v.signatureBase64)).toEqual({
      base64: v.signatureBase64,
      wasUrlEncoded: false,
    })
    expect(decodeSignatureHeader(`  ${v.signatureHeader} `).base64).toBe(v.signatureBase64)
  })

  it('never throws on malformed escapes or non-strings', () => {
    expect(decodeSignatureHeader('%E0%A4%A')).toEqual({ base64: '%E0%A4%A', wasUrlEncoded: false })
    expect(decodeSignatureHeader(undefined as unknown as string)).toEqual({
      base64: '',
      wasUrlEncoded: false,
    })
  })
})

describe('timingSafeEqualString', () => {
  it('compares content exactly, including different lengths', () => {
    expect(timingSafeEqualString('abc', 'abc')).toBe(true)
    expect(timingSafeEqualString('abc', 'abd')).toBe(false)
    expect(timingSafeEqualString('abc', 'abcd')).toBe(false)
    expect(timingSafeEqualString('', '')).toBe(true)
    expect(timingSafeEqualString('é', 'e\u0301')).toBe(false)
  })
})
