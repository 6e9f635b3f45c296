/**
 * Verifying a hash-signing result (reference §9, design §5): RSASSA-PKCS1-v1_5 / SHA-256 over the digest with the
 * certificate's public key, optionally the document itself and the chain to given CA certificates. Node only
 * (node:crypto's X509Certificate), loaded lazily so that importing the client stays portable.
 */
import { base64ToBytes, bytesToHex, hexToBytes } from '../../codec'

type NodeCrypto = typeof import('node:crypto')
type X509 = InstanceType<NodeCrypto['X509Certificate']>

export interface VerifyHashSignatureInput {
  /** The signed document; when given, `hashCode` must be its SHA-256. */
  document?: Uint8Array
  /** The digest that was signed: 64 hex or 44 Base64 characters, as in the request and the callback. */
  hashCode: string
  /** Base64 RSASSA-PKCS1-v1_5 signature (the callback's `signature`). */
  signature: string
  /** The signer's certificate: Base64 DER (the callback's `cert`) or PEM. */
  cert: string
  /**
   * Trusted CA certificates (PEM, one or several per string, or Base64 DER): the issuing CA and the self-signed
   * root, e.g. the sandbox's `/pki/chain.pem`. When given, the certificate must chain through them to a self-signed
   * root, each link's name and signature checked, and every certificate on the way must be valid at `at`.
   */
  caCerts?: string[]
  /** When validity is checked (default now); e.g. the callback's `timestamp`. */
  at?: Date | number
}

export type VerifyHashSignatureResult =
  { ok: true; subject: string; serial: string } | { ok: false; reason: string }

/** DER prefix of DigestInfo { sha256, NULL } ‖ OCTET STRING (32), as EMSA-PKCS1-v1_5 wraps the digest. */
const SHA256_DIGEST_INFO = '3031300d060960864801650304020105000420'
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/
const BASE64_DIGEST = /^[A-Za-z0-9+/]{43}=$/
const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

function nodeCrypto(): NodeCrypto {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule
  const mod = get?.('node:crypto') as NodeCrypto | undefined
  if (!mod) throw new Error('verifyHashSignature needs Node.js ≥ 20.16 (node:crypto X509Certificate)')
  return mod
}

/** The 32 digest bytes of `hashCode`, or undefined when it is not 64 hex / 44 Base64 characters. */
function digestBytes(hashCode: string): Uint8Array | undefined {
  if (HEX_DIGEST.test(hashCode)) return hexToBytes(hashCode)
  if (BASE64_DIGEST.test(hashCode)) {
    try {
      return base64ToBytes(hashCode)
    } catch {
      return undefined
    }
  }
  return undefined
}

/** Each certificate in `text`: every PEM block, or the whole string as Base64 DER. */
function parseCerts(c: NodeCrypto, text: string): X509[] {
  const blocks = text.match(PEM_CERT)
  if (blocks) return blocks.map((b) => new c.X509Certificate(b))
  return [new c.X509Certificate(Buffer.from(base64ToBytes(text.replace(/\s+/g, ''))))]
}

function validAt(cert: X509, at: number): boolean {
  return Date.parse(cert.validFrom) <= at && at <= Date.parse(cert.validTo)
}

/**
 * Why `cert` does not chain to a self-signed root in `cas`, or undefined. Each link's issuer must be one of `cas`,
 * match by name, have signed the link, be a CA and be valid at `at`.
 */
function chainProblem(cert: X509, cas: X509[], at: number): string | undefined {
  const name = (x: X509) => `"${x.subject.replace(/\n/g, ', ')}"`
  let current = cert
  for (let depth = 0; depth < 8; depth++) {
    const issuer = cas.find((ca) => ca.ca && current.checkIssued(ca) && current.verify(ca.publicKey))
    if (!issuer) return `the certificate ${name(current)} is not issued by any of caCerts`
    if (!validAt(issuer, at))
      return `the CA certificate ${name(issuer)} is not valid at ${new Date(at).toISOString()}`
    if (issuer.fingerprint256 === current.fingerprint256) return undefined
    if (issuer.checkIssued(issuer) && issuer.verify(issuer.publicKey)) return undefined
    current = issuer
  }
  return 'the certificate chain is longer than 8 certificates'
}

/**
 * Checks a hash-signing result. With `document`, `hashCode` must equal SHA-256(document); the signature is
 * checked over the digest (so `verify('sha256', document, cert, signature)` holds for the same inputs).
 *
 * @example
 * const r = verifyHashSignature({ document, hashCode, signature, cert, caCerts: [chainPem] })
 * if (!r.ok) console.error(r.reason)
 */
export function verifyHashSignature(input: VerifyHashSignatureInput): VerifyHashSignatureResult {
  const c = nodeCrypto()
  const fail = (reason: string): VerifyHashSignatureResult => ({ ok: false, reason })
  if (typeof input.hashCode !== 'string') return fail('hashCode is missing')
  const digest = digestBytes(input.hashCode)
  if (!digest) return fail('hashCode is not a SHA-256 digest (64 hex or 44 Base64 characters)')
  if (input.document !== undefined) {
    const actual = c.createHash('sha256').update(input.document).digest()
    if (!c.timingSafeEqual(actual, Buffer.from(digest)))
      return fail('hashCode is not the SHA-256 of the document')
  }

  let cert: X509
  try {
    const parsed = parseCerts(c, input.cert)
    if (parsed.length !== 1) return fail('cert must hold exactly one certificate')
    cert = parsed[0]!
  } catch {
    return fail('cert is not an X.509 certificate (Base64 DER or PEM)')
  }
  if (cert.publicKey.asymmetricKeyType !== 'rsa') return fail('the certificate does not hold an RSA key')

  let signature: Uint8Array
  try {
    signature = base64ToBytes(input.signature.trim())
  } catch {
    return fail('signature is not Base64')
  }
  let recovered: string
  try {
    // The public-key operation with type-1 (signature) padding checked: what remains must be the DigestInfo.
    recovered = c
      .publicDecrypt({ key: cert.publicKey, padding: c.constants.RSA_PKCS1_PADDING }, signature)
      .toString('hex')
  } catch {
    return fail('the signature does not verify with the certificate’s public key')
  }
  if (recovered !== SHA256_DIGEST_INFO + bytesToHex(digest))
    return fail('the signature does not verify with the certificate’s public key over hashCode')

  if (input.caCerts !== undefined) {
    const at = input.at === undefined ? Date.now() : new Date(input.at).getTime()
    if (Number.isNaN(at)) return fail('at is not a valid time')
    let cas: X509[]
    try {
      cas = input.caCerts.flatMap((text) => parseCerts(c, text))
    } catch {
      return fail('caCerts holds something that is not an X.509 certificate')
    }
    if (cas.length === 0) return fail('caCerts holds no certificate')
    if (!validAt(cert, at)) return fail(`the certificate is not valid at ${new Date(at).toISOString()}`)
    const problem = chainProblem(cert, cas, at)
    if (problem) return fail(problem)
  }
  return { ok: true, subject: cert.subject, serial: cert.serialNumber }
}
