/** CEK wrapping: the JWK vector, round trips over every accepted key form, interop with OpenSSL, failures. */
import { constants, generateKeyPairSync, privateDecrypt, publicEncrypt } from 'node:crypto'
import forge from 'node-forge'
import { describe, expect, it } from 'vitest'
import { vectors } from '../../test/vectors'
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  CodecError,
  hexToBytes,
  privateKeySpkiBase64,
  randomBytes,
  spkiBase64,
  unwrapCek,
  wrapCek,
} from './index'

const v = vectors.cekWrap
const jwk = v.kekPrivateKeyJwk as JsonWebKey
const cek = hexToBytes(v.expectedCekHex)

const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
const pem = {
  spki: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  pkcs1Public: pair.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string,
  pkcs8: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  pkcs1Private: pair.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
}
const spkiDer = bytesToBase64(new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' })))

/** A self-signed X.509 certificate over the generated key, as an OSP's encipherment certificate would be. */
function certificatePem(): string {
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(pem.spki)
  cert.serialNumber = '01'
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z')
  cert.validity.notAfter = new Date('2027-01-01T00:00:00Z')
  const subject = [{ name: 'commonName', value: 'Sandbox OSP encipherment' }]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.sign(forge.pki.privateKeyFromPem(pem.pkcs8), forge.md.sha256.create())
  return forge.pki.certificateToPem(cert)
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(CodecError)
    return (e as CodecError).code
  }
  return undefined
}

describe('CEK unwrap (reference §2.4)', () => {
  it('unwraps the vector secretKey with the JWK to the expected CEK', () => {
    expect(bytesToHex(unwrapCek(v.secretKey, jwk))).toBe(v.expectedCekHex)
    expect(bytesToHex(unwrapCek(v.secretKey, JSON.stringify(jwk)))).toBe(v.expectedCekHex)
  })

  it('derives the vector SPKI from the JWK and normalises the SPKI itself', () => {
    expect(privateKeySpkiBase64(jwk)).toBe(v.kekPublicKeySpkiBase64)
    expect(spkiBase64(v.kekPublicKeySpkiBase64)).toBe(v.kekPublicKeySpkiBase64)
  })

  it('wraps with the vector SPKI so that the JWK unwraps it', () => {
    const wrapped = wrapCek(cek, v.kekPublicKeySpkiBase64)
    expect(base64ToBytes(wrapped)).toHaveLength(256)
    expect(wrapped).not.toBe(wrapCek(cek, v.kekPublicKeySpkiBase64))
    expect(bytesToHex(unwrapCek(wrapped, jwk))).toBe(v.expectedCekHex)
  })

  it.each([
    ['SPKI PEM', pem.spki],
    ['PKCS#1 "RSA PUBLIC KEY" PEM', pem.pkcs1Public],
    ['bare Base64 DER SPKI', spkiDer],
    ['X.509 certificate PEM', certificatePem()],
  ])('wrap-then-unwrap round trip with a generated key given as %s', (_name, publicKey) => {
    const key = randomBytes(32)
    const wrapped = wrapCek(key, publicKey)
    expect(bytesToHex(unwrapCek(wrapped, pem.pkcs8))).toBe(bytesToHex(key))
    expect(bytesToHex(unwrapCek(wrapped, pem.pkcs1Private))).toBe(bytesToHex(key))
    expect(spkiBase64(publicKey)).toBe(spkiDer)
  })

  it('derives the SPKI of a generated private key in every form', () => {
    expect(privateKeySpkiBase64(pem.pkcs8)).toBe(spkiDer)
    expect(privateKeySpkiBase64(pem.pkcs1Private)).toBe(spkiDer)
    expect(privateKeySpkiBase64(pair.privateKey.export({ format: 'jwk' }) as JsonWebKey)).toBe(spkiDer)
  })

  it('unwraps what OpenSSL wrapped (RSA_PKCS1_PADDING)', () => {
    const key = randomBytes(32)
    const wrapped = publicEncrypt({ key: pair.publicKey, padding: constants.RSA_PKCS1_PADDING }, key)
    expect(bytesToHex(unwrapCek(bytesToBase64(new Uint8Array(wrapped)), pem.pkcs8))).toBe(bytesToHex(key))
  })

  it('produces a well-formed EME-PKCS1-v1_5 block (checked with raw OpenSSL RSA)', () => {
    const key = randomBytes(32)
    const em = new Uint8Array(
      privateDecrypt(
        { key: pair.privateKey, padding: constants.RSA_NO_PADDING },
        base64ToBytes(wrapCek(key, pem.spki)),
      ),
    )
    expect(em[0]).toBe(0)
    expect(em[1]).toBe(2)
    expect(em.subarray(2, 256 - 33).every((b) => b !== 0)).toBe(true)
    expect(em[256 - 33]).toBe(0)
    expect(bytesToHex(em.subarray(256 - 32))).toBe(bytesToHex(key))
  })

  it('fails with D30001 for the wrong private key, garbage, a wrong length or a non-32-byte payload', () => {
    const wrapped = wrapCek(cek, pem.spki)
    const otherPkcs8 = other.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    expect(codeOf(() => unwrapCek(wrapped, otherPkcs8))).toBe('D30001')
    expect(codeOf(() => unwrapCek('not base64!', pem.pkcs8))).toBe('D30001')
    expect(codeOf(() => unwrapCek(wrapped.slice(0, 100), pem.pkcs8))).toBe('D30001')
    const sixteen = publicEncrypt(
      { key: pair.publicKey, padding: constants.RSA_PKCS1_PADDING },
      randomBytes(16),
    )
    expect(codeOf(() => unwrapCek(bytesToBase64(new Uint8Array(sixteen)), pem.pkcs8))).toBe('D30001')
  })

  it('fails with D30001 for unusable keys and D30003 for a CEK that is not 32 bytes', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 })
    expect(
      codeOf(() => wrapCek(cek, small.publicKey.export({ type: 'spki', format: 'pem' }) as string)),
    ).toBe('D30001')
    expect(codeOf(() => wrapCek(cek, 'not a key'))).toBe('D30001')
    expect(codeOf(() => wrapCek(cek, pem.pkcs8))).toBe('D30001')
    expect(codeOf(() => unwrapCek(v.secretKey, { kty: 'RSA', n: jwk.n, e: jwk.e }))).toBe('D30001')
    expect(codeOf(() => unwrapCek(v.secretKey, pem.spki))).toBe('D30001')
    expect(codeOf(() => wrapCek(cek.slice(0, 16), pem.spki))).toBe('D30003')
  })
})
