/**
 * RSASSA-PKCS1-v1_5 over a SHA-256 digest the caller already has (hash signing): EMSA-PKCS1-v1_5 of the DigestInfo,
 * so that verify('sha256', document, cert, signature) holds. Web Crypto cannot sign a pre-computed digest, so this
 * uses node:crypto's private-key operation where available (≈1 ms) and node-forge's pure-JS RSA elsewhere (≈60 ms).
 */
import forge from 'node-forge'
import { toBinary } from './asn1'

/** DER prefix of DigestInfo { sha256, NULL } ‖ OCTET STRING (32). */
const SHA256_DIGEST_INFO = new Uint8Array([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
  0x20,
])

type NodeCrypto = typeof import('node:crypto')
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

const keyObjects = new WeakMap<Uint8Array, unknown>()

export function signDigestPkcs1(pkcs8: Uint8Array, digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new TypeError('a SHA-256 digest is 32 bytes')
  const digestInfo = new Uint8Array(SHA256_DIGEST_INFO.length + 32)
  digestInfo.set(SHA256_DIGEST_INFO)
  digestInfo.set(digest, SHA256_DIGEST_INFO.length)
  if (nodeCrypto) {
    let key = keyObjects.get(pkcs8) as ReturnType<NodeCrypto['createPrivateKey']> | undefined
    if (!key) {
      key = nodeCrypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })
      keyObjects.set(pkcs8, key)
    }
    // Private-key "encryption" with PKCS#1 padding is exactly the type-1 (signature) block over DigestInfo.
    const sig = nodeCrypto.privateEncrypt(
      { key, padding: nodeCrypto.constants.RSA_PKCS1_PADDING },
      digestInfo,
    )
    return new Uint8Array(sig)
  }
  const key = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(toBinary(pkcs8))) as forge.pki.rsa.PrivateKey
  const md = { algorithm: 'sha256', digest: () => forge.util.createBuffer(toBinary(digest)) }
  return Uint8Array.from(key.sign(md as unknown as forge.md.MessageDigest), (c) => c.charCodeAt(0))
}
