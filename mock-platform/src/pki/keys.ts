/** RSA-2048 key pairs through Web Crypto (generated off the event loop), their DER forms and key identifiers. */
import { bytesToBase64 } from '@iamsmart-sandbox/openapi/codec'
import { PublicKeyInfo } from 'pkijs'

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
}

/** A key pair as stored: PKCS#8 private key and SubjectPublicKeyInfo, both DER. */
export interface KeyMaterial {
  pkcs8: Uint8Array
  spki: Uint8Array
}

export async function generateKeyMaterial(): Promise<KeyMaterial> {
  const pair = (await crypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair
  const [pkcs8, spki] = await Promise.all([
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
    crypto.subtle.exportKey('spki', pair.publicKey),
  ])
  return { pkcs8: new Uint8Array(pkcs8), spki: new Uint8Array(spki) }
}

/**
 * Key pairs reused within one process, by label: RSA keygen costs 100–250 ms, so in-memory platforms (tests, MSW,
 * SANDBOX_STORAGE=memory) share them. Certificates, serials and revocations stay per platform.
 */
const processKeys = new Map<string, Promise<KeyMaterial>>()
export function processKeyMaterial(label: string): Promise<KeyMaterial> {
  let k = processKeys.get(label)
  if (!k) {
    k = generateKeyMaterial()
    k.catch(() => processKeys.delete(label))
    processKeys.set(label, k)
  }
  return k
}

export function importSigningKey(pkcs8: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, RSA, false, ['sign'])
}

/** The subjectPublicKey BIT STRING of a SubjectPublicKeyInfo, without the unused-bits octet. */
export const publicKeyBits = (spki: Uint8Array): Uint8Array<ArrayBuffer> =>
  PublicKeyInfo.fromBER(spki as Uint8Array<ArrayBuffer>).subjectPublicKey.valueBlock
    .valueHexView as Uint8Array<ArrayBuffer>

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING (without the unused-bits octet). */
export async function keyIdentifier(spki: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-1', publicKeyBits(spki)))
}

/** SHA-256 of any bytes. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>))
}

export const pem = (label: string, body: Uint8Array): string => {
  const b64 = bytesToBase64(body)
  return `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----\n`
}
