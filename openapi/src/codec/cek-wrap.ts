/** CEK wrapping with the OSP's KEK: RSAES-PKCS1-v1_5 (reference §2.4), padding done here, RSA by node-forge. */
import { base64ToBytes, binaryToBytes, bytesToBase64, bytesToBinary } from './bytes'
import { CEK_BYTES } from './content-envelope'
import { CodecError } from './errors'
import { parsePrivateKey, parsePublicKey, type RsaPrivateKey, type RsaPublicKey } from './rsa-keys'
import { randomBytes } from './random'

const MIN_PADDING = 8

function modulusBytes(key: RsaPublicKey | RsaPrivateKey): number {
  return Math.ceil(key.n.bitLength() / 8)
}

/** EME-PKCS1-v1_5 encoding: 0x00 ‖ 0x02 ‖ PS (non-zero CSPRNG bytes) ‖ 0x00 ‖ M (RFC 8017 §7.2.1). */
function padPkcs1v15(message: Uint8Array, k: number): Uint8Array {
  const psLength = k - message.length - 3
  if (psLength < MIN_PADDING) throw new Error('message too long for the RSA modulus')
  const em = new Uint8Array(k)
  em[1] = 0x02
  let filled = 0
  while (filled < psLength) {
    for (const b of randomBytes(psLength - filled + 16)) {
      if (b !== 0 && filled < psLength) em[2 + filled++] = b
    }
  }
  em.set(message, 3 + psLength)
  return em
}

/**
 * EME-PKCS1-v1_5 decoding that scans the whole block without data-dependent early exits and
 * accepts only a 32-byte message, returning null (never a distinguishable error) on any defect.
 */
function unpadPkcs1v15(em: Uint8Array, expectedLength: number): Uint8Array | null {
  let bad = em[0]! | (em[1]! ^ 0x02)
  let separator = 0
  let found = 0
  for (let i = 2; i < em.length; i++) {
    const isZero = em[i] === 0 ? 1 : 0
    const first = isZero & (found ^ 1)
    separator = first ? i : separator
    found |= isZero
  }
  bad |= found ^ 1
  bad |= separator - 2 < MIN_PADDING ? 1 : 0
  bad |= em.length - separator - 1 !== expectedLength ? 1 : 0
  return bad === 0 ? em.slice(separator + 1) : null
}

/**
 * Wraps a 32-byte CEK for an OSP: RSAES-PKCS1-v1_5 under `kekPublicKey` (PEM "PUBLIC KEY",
 * "RSA PUBLIC KEY" or "CERTIFICATE", or bare Base64 DER SPKI). Returns Base64 (`secretKey`).
 * Throws `CodecError('D30001')` for an unusable key, `D30003` for a CEK that is not 32 bytes.
 */
export function wrapCek(cek: Uint8Array, kekPublicKey: string): string {
  if (!(cek instanceof Uint8Array) || cek.length !== CEK_BYTES) {
    throw new CodecError('D30003', 'content encryption key must be 32 bytes (AES-256)')
  }
  const key = usableKek('public', () => parsePublicKey(kekPublicKey))
  const em = padPkcs1v15(cek, modulusBytes(key))
  return bytesToBase64(binaryToBytes(key.encrypt(bytesToBinary(em), 'RAW')))
}

/**
 * Unwraps getKey's / a callback's `secretKey` with a KEK private key (PEM PKCS#8 or PKCS#1, or a JWK)
 * using node-forge, since Node 20 refuses PKCS#1 v1.5 in `crypto.privateDecrypt` (CVE-2023-46809).
 * Any failure (bad key, bad Base64, wrong length, bad padding, result not 32 bytes) throws
 * `CodecError('D30001')` with one generic message.
 *
 * @example const cek = unwrapCek(content.secretKey, kekPrivateKeyPem)
 */
export function unwrapCek(secretKey: string, kekPrivateKey: string | JsonWebKey): Uint8Array {
  const key = usableKek('private', () => parsePrivateKey(kekPrivateKey))
  let cek: Uint8Array | null = null
  try {
    const wrapped = base64ToBytes(typeof secretKey === 'string' ? secretKey.trim() : '')
    if (wrapped.length === modulusBytes(key)) {
      cek = unpadPkcs1v15(binaryToBytes(key.decrypt(bytesToBinary(wrapped), 'RAW')), CEK_BYTES)
    }
  } catch {
    cek = null
  }
  if (!cek) throw new CodecError('D30001', 'secretKey could not be unwrapped with this key encryption key')
  return cek
}

/** The KEK `parse` reads, or `CodecError('D30001')` saying which half of the key pair was unusable. */
function usableKek<K>(half: 'public' | 'private', parse: () => K): K {
  try {
    return parse()
  } catch (cause) {
    throw new CodecError('D30001', `key encryption key is not a usable RSA (≥ 2048-bit) ${half} key`, {
      cause,
    })
  }
}
