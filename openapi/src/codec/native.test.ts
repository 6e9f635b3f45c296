// The Node fast path and the Web Crypto path give the same known answers and interoperate.
import { afterEach, describe, expect, it } from 'vitest'
import vectors from '../../test/fixtures/test-vectors.json'
import {
  decryptContent,
  encryptContent,
  hexToBytes,
  hmacSha256Base64,
  timingSafeEqualString,
  useNativeCrypto,
} from './index'

afterEach(() => useNativeCrypto(true))

describe.each([
  ['node:crypto', true],
  ['Web Crypto', false],
])('%s', (_name, native) => {
  it('signs the vector', async () => {
    useNativeCrypto(native)
    const v = vectors.requestSignature
    expect(await hmacSha256Base64(v.clientSecret, v.stringToSign)).toBe(v.signatureBase64)
  })

  it('seals and opens the content vector', async () => {
    useNativeCrypto(native)
    const v = vectors.contentEnvelope
    const cek = hexToBytes(v.cekHex)
    expect(await encryptContent(cek, v.plaintext, hexToBytes(v.ivHex))).toBe(v.content)
    expect(await decryptContent(cek, v.content)).toBe(v.plaintext)
  })

  it('compares strings in constant time with the same answers', () => {
    useNativeCrypto(native)
    expect(timingSafeEqualString('abc', 'abc')).toBe(true)
    expect(timingSafeEqualString('abc', 'abd')).toBe(false)
    expect(timingSafeEqualString('abc', 'abcd')).toBe(false)
    expect(timingSafeEqualString('', '')).toBe(true)
  })

  it('refuses a tampered tag with D30004', async () => {
    useNativeCrypto(native)
    const v = vectors.contentEnvelope
    const bytes = Buffer.from(v.content, 'base64')
    bytes[bytes.length - 1]! ^= 1
    await expect(decryptContent(hexToBytes(v.cekHex), bytes.toString('base64'))).rejects.toMatchObject({
      code: 'D30004',
    })
  })
})

it('what one path seals, the other opens', async () => {
  const cek = hexToBytes(vectors.contentEnvelope.cekHex)
  useNativeCrypto(true)
  const a = await encryptContent(cek, 'héllo 智方便')
  useNativeCrypto(false)
  expect(await decryptContent(cek, a)).toBe('héllo 智方便')
  const b = await encryptContent(cek, 'back again')
  useNativeCrypto(true)
  expect(await decryptContent(cek, b)).toBe('back again')
})
