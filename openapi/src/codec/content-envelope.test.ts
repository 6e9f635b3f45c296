/** Known-answer, negative and property tests for the AES-256-GCM `content` envelope. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { vectors } from '../../test/vectors'
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  CodecError,
  decryptContent,
  decryptJson,
  encryptContent,
  encryptJson,
  hexToBytes,
  randomBytes,
} from './index'

const v = vectors.contentEnvelope
const cek = hexToBytes(v.cekHex)

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CodecError)
  expect((error as CodecError).code).toBe(code)
}

function mutate(content: string, f: (raw: Uint8Array) => Uint8Array): string {
  return bytesToBase64(f(base64ToBytes(content)))
}

describe('content envelope (reference §2.4)', () => {
  it('encrypts the vector plaintext with the fixed IV to exactly the vector content', async () => {
    expect(await encryptContent(cek, v.plaintext, hexToBytes(v.ivHex))).toBe(v.content)
  })

  it('decrypts the vector content to the vector plaintext', async () => {
    expect(await decryptContent(cek, v.content)).toBe(v.plaintext)
    expect(await decryptJson(cek, v.content)).toEqual({
      code: 'Xq3Rk8Vt2Pw9Ls4Hn6Jb1Cz5',
      grantType: 'authorization_code',
    })
  })

  it('lays out uint32be(12) ‖ IV ‖ ciphertext ‖ tag', async () => {
    const raw = base64ToBytes(await encryptContent(cek, 'hello', hexToBytes(v.ivHex)))
    expect(bytesToHex(raw.subarray(0, 4))).toBe('0000000c')
    expect(bytesToHex(raw.subarray(4, 16))).toBe(v.ivHex)
    expect(raw.length).toBe(4 + 12 + 5 + 16)
  })

  it('round-trips JSON with a random IV', async () => {
    const value = { accessToken: 'a'.repeat(32), openID: 'ß中文🙂', n: 1, nested: { ok: true } }
    const content = await encryptJson(cek, value)
    expect(content).not.toBe(await encryptJson(cek, value))
    expect(await decryptJson(cek, content)).toEqual(value)
  })

  it.each([
    ['a flipped tag byte', (r: Uint8Array) => r.map((b, i) => (i === r.length - 1 ? b ^ 1 : b))],
    ['a flipped ciphertext byte', (r: Uint8Array) => r.map((b, i) => (i === 20 ? b ^ 0x80 : b))],
    ['a flipped IV byte', (r: Uint8Array) => r.map((b, i) => (i === 4 ? b ^ 1 : b))],
    ['length prefix 16', (r: Uint8Array) => r.map((b, i) => (i === 3 ? 16 : b))],
    ['length prefix 0x0100000c', (r: Uint8Array) => r.map((b, i) => (i === 0 ? 1 : b))],
    ['truncated by one byte', (r: Uint8Array) => r.slice(0, -1)],
    ['truncated to 31 bytes', (r: Uint8Array) => r.slice(0, 31)],
    ['an appended byte', (r: Uint8Array) => Uint8Array.from([...r, 0])],
  ])('rejects %s with D30004', async (_name, f) => {
    await expectCode(decryptContent(cek, mutate(v.content, f)), 'D30004')
  })

  it.each([
    ['empty', ''],
    ['not Base64', '***'],
    ['Base64 with whitespace', `${v.content.slice(0, 10)} ${v.content.slice(10)}`],
    ['truncated Base64 text', v.content.slice(0, -5)],
    ['not a string', 42 as unknown as string],
  ])('rejects malformed input (%s) with D30004', async (_name, content) => {
    await expectCode(decryptContent(cek, content), 'D30004')
  })

  it('rejects a wrong CEK and a CEK of the wrong size with D30004', async () => {
    await expectCode(decryptContent(randomBytes(32), v.content), 'D30004')
    await expectCode(decryptContent(cek.slice(0, 16), v.content), 'D30004')
  })

  it('rejects non-JSON plaintext in decryptJson with D30004', async () => {
    await expectCode(decryptJson(cek, await encryptContent(cek, 'not json')), 'D30004')
  })

  it('refuses bad encryption inputs with D30003', async () => {
    await expectCode(encryptContent(cek.slice(0, 16), 'x'), 'D30003')
    await expectCode(encryptContent(cek, 'x', new Uint8Array(16)), 'D30003')
    await expectCode(encryptJson(cek, undefined), 'D30003')
    await expectCode(encryptJson(cek, { n: 1n }), 'D30003')
  })

  it('property: 1000 encryptions use distinct IVs and round-trip arbitrary Unicode', async () => {
    const ivs = new Set<string>()
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const content = await encryptContent(cek, text)
        ivs.add(bytesToHex(base64ToBytes(content).subarray(4, 16)))
        expect(await decryptContent(cek, content)).toBe(text)
      }),
      { numRuns: 1000 },
    )
    expect(ivs.size).toBe(1000)
  })
})
