/** Parses the KEK forms OSPs hold (PEM SPKI/PKCS#1/X.509/PKCS#8, bare Base64 DER, JWK) into node-forge RSA keys. */
import forge from 'node-forge'
import { base64ToBytes, binaryToBytes, bytesToBase64, bytesToBinary, bytesToHex } from './bytes'
import { BoundedCache } from './key-cache'

export type RsaPublicKey = forge.pki.rsa.PublicKey
export type RsaPrivateKey = forge.pki.rsa.PrivateKey

/** The platform's KEKs are 2048-bit RSA (reference §2.4); smaller moduli are refused. */
export const MIN_RSA_BITS = 2048

const publicKeys = new BoundedCache<string, RsaPublicKey>(64)
const privateKeys = new BoundedCache<string, RsaPrivateKey>(16)
const jwkKeys = new WeakMap<object, RsaPrivateKey>()

function derFromBase64(text: string): string {
  return bytesToBinary(base64ToBytes(text.replace(/\s+/g, '')))
}

function checkSize<K extends { n: forge.jsbn.BigInteger }>(key: K): K {
  if (key.n.bitLength() < MIN_RSA_BITS) throw new Error(`RSA key is smaller than ${MIN_RSA_BITS} bits`)
  return key
}

/** SubjectPublicKeyInfo sits at index 6 of TBSCertificate when the explicit [0] version is present, else 5. */
function publicKeyFromCertificateDer(der: string): RsaPublicKey {
  const cert = forge.asn1.fromDer(der)
  const tbs = Array.isArray(cert.value) ? cert.value[0] : undefined
  if (!tbs || !Array.isArray(tbs.value)) throw new Error('not an X.509 certificate')
  const first = tbs.value[0]
  const hasVersion = first?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && first.type === 0
  const spki = tbs.value[hasVersion ? 6 : 5]
  if (!spki) throw new Error('certificate has no SubjectPublicKeyInfo')
  return forge.pki.publicKeyFromAsn1(spki)
}

function parsePublicKeyUncached(text: string): RsaPublicKey {
  if (text.includes('-----BEGIN')) {
    const msg = forge.pem.decode(text)[0]
    if (!msg) throw new Error('no PEM block found')
    if (msg.procType?.type === 'ENCRYPTED') throw new Error('encrypted PEM is not supported')
    if (msg.type === 'PUBLIC KEY' || msg.type === 'RSA PUBLIC KEY') {
      return forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(msg.body))
    }
    if (msg.type === 'CERTIFICATE' || msg.type === 'TRUSTED CERTIFICATE')
      return publicKeyFromCertificateDer(msg.body)
    throw new Error(`unsupported PEM type "${msg.type}"`)
  }
  const der = derFromBase64(text)
  try {
    return forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(der))
  } catch {
    return publicKeyFromCertificateDer(der)
  }
}

/** Any accepted public-key form → an RSA public key (≥ 2048 bits). Throws a plain Error otherwise. */
export function parsePublicKey(kekPublicKey: string): RsaPublicKey {
  if (typeof kekPublicKey !== 'string') throw new TypeError('public key must be a string')
  const text = kekPublicKey.trim()
  return publicKeys.getOrCreate(text, () => checkSize(parsePublicKeyUncached(text)))
}

function bigFromBase64url(v: unknown, name: string): forge.jsbn.BigInteger {
  if (typeof v !== 'string' || v.length === 0) throw new Error(`JWK member "${name}" is missing`)
  const bytes = base64ToBytes(v.replace(/-/g, '+').replace(/_/g, '/'))
  return new forge.jsbn.BigInteger(bytesToHex(bytes) || '0', 16)
}

function privateKeyFromJwk(jwk: JsonWebKey): RsaPrivateKey {
  if (jwk.kty !== 'RSA') throw new Error('JWK is not an RSA key')
  const n = bigFromBase64url(jwk.n, 'n')
  const e = bigFromBase64url(jwk.e, 'e')
  const d = bigFromBase64url(jwk.d, 'd')
  // Without p and q node-forge falls back to a plain (non-CRT) exponentiation with d.
  const crt = jwk.p && jwk.q
  const opt = (v: unknown, name: string) => (crt && v ? bigFromBase64url(v, name) : undefined)
  return forge.pki.setRsaPrivateKey(
    n,
    e,
    d,
    opt(jwk.p, 'p') as forge.jsbn.BigInteger,
    opt(jwk.q, 'q') as forge.jsbn.BigInteger,
    opt(jwk.dp, 'dp') as forge.jsbn.BigInteger,
    opt(jwk.dq, 'dq') as forge.jsbn.BigInteger,
    opt(jwk.qi, 'qi') as forge.jsbn.BigInteger,
  )
}

function parsePrivateKeyText(text: string): RsaPrivateKey {
  if (text.startsWith('{')) return privateKeyFromJwk(JSON.parse(text) as JsonWebKey)
  if (text.includes('-----BEGIN')) return forge.pki.privateKeyFromPem(text)
  return forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(derFromBase64(text)))
}

/**
 * A KEK private key given as PEM (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY"), bare Base64 DER,
 * a JWK object or JWK JSON text → an RSA private key (≥ 2048 bits). Encrypted PEM is refused.
 */
export function parsePrivateKey(kekPrivateKey: string | JsonWebKey): RsaPrivateKey {
  if (typeof kekPrivateKey === 'string') {
    const text = kekPrivateKey.trim()
    return privateKeys.getOrCreate(text, () => checkSize(parsePrivateKeyText(text)))
  }
  if (kekPrivateKey === null || typeof kekPrivateKey !== 'object')
    throw new TypeError('unsupported private key')
  let key = jwkKeys.get(kekPrivateKey)
  if (!key) {
    key = checkSize(privateKeyFromJwk(kekPrivateKey))
    jwkKeys.set(kekPrivateKey, key)
  }
  return key
}

function spkiOf(key: { n: forge.jsbn.BigInteger; e: forge.jsbn.BigInteger }): string {
  const pub = forge.pki.setRsaPublicKey(key.n, key.e)
  return bytesToBase64(binaryToBytes(forge.asn1.toDer(forge.pki.publicKeyToAsn1(pub)).getBytes()))
}

/**
 * Normalises any accepted public-key form to Base64 DER SubjectPublicKeyInfo (what getKey's `pubKey` carries).
 *
 * @example spkiBase64('-----BEGIN CERTIFICATE-----\n…') // 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA…'
 */
export function spkiBase64(kekPublicKey: string): string {
  return spkiOf(parsePublicKey(kekPublicKey))
}

/** The Base64 DER SPKI of a private key's public half, to match getKey's `pubKey` against key A / key B. */
export function privateKeySpkiBase64(kekPrivateKey: string | JsonWebKey): string {
  return spkiOf(parsePrivateKey(kekPrivateKey))
}
