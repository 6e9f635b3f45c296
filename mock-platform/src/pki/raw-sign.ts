/**
 * RSASSA-PKCS1-v1_5 over a SHA-256 digest the caller already has (hash signing): EMSA-PKCS1-v1_5 of the DigestInfo,
 * so that verify('sha256', document, cert, signature) holds. Web Crypto cannot sign a pre-computed digest, so this
 * uses node:crypto's private-key operation where available (≈1 ms) and node-forge's pure-JS RSA elsewhere (≈60 ms).
 */
import * as asn1js from 'asn1js'
import forge from 'node-forge'
import * as pkijs from 'pkijs'
import { der } from './certs'

/** DigestInfo { sha256, NULL } with the digest (RFC 8017 §9.2): what a PKCS#1 v1.5 signature block carries. */
const digestInfo = (digest: Uint8Array): Uint8Array =>
  der(
    new pkijs.DigestInfo({
      digestAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: '2.16.840.1.101.3.4.2.1',
        algorithmParams: new asn1js.Null(),
      }),
      digest: new asn1js.OctetString({ valueHex: digest }),
    }),
  )

type NodeCrypto = typeof import('node:crypto')
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined

const keyObjects = new WeakMap<Uint8Array, unknown>()

export function signDigestPkcs1(pkcs8: Uint8Array, digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new TypeError('a SHA-256 digest is 32 bytes')
  if (nodeCrypto) {
    let key = keyObjects.get(pkcs8) as ReturnType<NodeCrypto['createPrivateKey']> | undefined
    if (!key) {
      key = nodeCrypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })
      keyObjects.set(pkcs8, key)
    }
    // Private-key "encryption" with PKCS#1 padding is exactly the type-1 (signature) block over DigestInfo.
    const sig = nodeCrypto.privateEncrypt(
      { key, padding: nodeCrypto.constants.RSA_PKCS1_PADDING },
      digestInfo(digest),
    )
    return new Uint8Array(sig)
  }
  const binary = (b: Uint8Array) => forge.util.binary.raw.encode(b)
  const key = forge.pki.privateKeyFromAsn1(forge.asn1.fromDer(binary(pkcs8))) as forge.pki.rsa.PrivateKey
  const md = { algorithm: 'sha256', digest: () => forge.util.createBuffer(binary(digest)) }
  return Uint8Array.from(key.sign(md as unknown as forge.md.MessageDigest), (c) => c.charCodeAt(0))
}
