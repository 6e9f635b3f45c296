// Pins the independent reference client to the known-answer vectors before it is trusted to judge the mock.
import { createPrivateKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import vectors from './fixtures/test-vectors.json'
import { aesDecrypt, aesEncrypt, signatureHeader, unwrapCek } from './reference-client'

describe('reference client known answers', () => {
  it('signs like the vector', () => {
    const v = vectors.requestSignature
    expect(signatureHeader(v.clientID, v.clientSecret, v.timestamp, v.nonce, v.body)).toBe(v.signatureHeader)
  })
  it('encrypts and decrypts the content envelope', () => {
    const v = vectors.contentEnvelope
    const cek = Buffer.from(v.cekHex, 'hex')
    expect(aesEncrypt(cek, v.plaintext, Buffer.from(v.ivHex, 'hex'))).toBe(v.content)
    expect(aesDecrypt(cek, v.content)).toBe(v.plaintext)
  })
  it('unwraps the CEK', () => {
    const v = vectors.cekWrap
    const key = createPrivateKey({ key: v.kekPrivateKeyJwk as never, format: 'jwk' })
    expect(unwrapCek(v.secretKey, key).toString('hex')).toBe(v.expectedCekHex)
  })
})
