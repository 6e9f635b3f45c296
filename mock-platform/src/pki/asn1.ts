/** Tiny DER builders and readers over node-forge's ASN.1 codec, for certificates, CRLs, CMS and OCSP. */
import forge from 'node-forge'

const { asn1 } = forge
const U = asn1.Class.UNIVERSAL
const T = asn1.Type
export type Node = forge.asn1.Asn1

export const toBinary = (b: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000))
  return s
}
export const fromBinary = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

export const seq = (...v: Node[]): Node => asn1.create(U, T.SEQUENCE, true, v)
export const set = (...v: Node[]): Node => asn1.create(U, T.SET, true, v)
export const oid = (o: string): Node => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes())
export const int = (n: number): Node => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes())
/** An INTEGER from big-endian magnitude bytes (the caller keeps the top bit clear: positive). */
export const intBytes = (b: Uint8Array): Node => asn1.create(U, T.INTEGER, false, toBinary(b))
export const octets = (b: Uint8Array): Node => asn1.create(U, T.OCTETSTRING, false, toBinary(b))
export const bits = (b: Uint8Array, unused = 0): Node =>
  asn1.create(U, T.BITSTRING, false, String.fromCharCode(unused) + toBinary(b))
export const nul = (): Node => asn1.create(U, T.NULL, false, '')
export const bool = (v: boolean): Node => asn1.create(U, T.BOOLEAN, false, v ? '\xff' : '\x00')
export const enumerated = (n: number): Node => asn1.create(U, T.ENUMERATED, false, String.fromCharCode(n))
export const utf8 = (s: string): Node => asn1.create(U, T.UTF8, false, forge.util.encodeUtf8(s))
export const printable = (s: string): Node => asn1.create(U, T.PRINTABLESTRING, false, s)
/** [tag] EXPLICIT (constructed) or IMPLICIT primitive context-specific element. */
export const ctx = (tag: number, value: Node[] | string): Node =>
  asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, Array.isArray(value), value)

/** RFC 5280 Time: UTCTime through 2049, GeneralizedTime from 2050. */
export const time = (d: Date): Node =>
  d.getUTCFullYear() < 2050 ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(d)) : generalizedTime(d)
export const generalizedTime = (d: Date): Node =>
  asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(d))

export const readTime = (n: Node): Date =>
  n.type === T.UTCTIME ? asn1.utcTimeToDate(n.value as string) : asn1.generalizedTimeToDate(n.value as string)

export const der = (n: Node): Uint8Array => fromBinary(asn1.toDer(n).getBytes())
export const parse = (b: Uint8Array): Node => asn1.fromDer(toBinary(b), { decodeBitStrings: false } as never)
export const children = (n: Node): Node[] => (Array.isArray(n.value) ? (n.value as Node[]) : [])
export const child = (n: Node, i: number): Node => {
  const c = children(n)[i]
  if (!c) throw new Error(`ASN.1: no element ${i}`)
  return c
}
export const valueBytes = (n: Node): Uint8Array => fromBinary(typeof n.value === 'string' ? n.value : '')
export const oidOf = (n: Node): string => asn1.derToOid(n.value as string)

/** DER SET OF: elements sorted by their encodings (X.690 §11.6), as verifiers re-encode signed attributes. */
export function derSetOf(items: Node[]): Node {
  const encoded = items.map((n) => ({ n, d: der(n) }))
  encoded.sort((a, b) => compareBytes(a.d, b.d))
  return set(...encoded.map((e) => e.n))
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

/** AlgorithmIdentifier with NULL parameters (RSA family and the SHA-2 digests). */
export const algorithm = (o: string): Node => seq(oid(o), nul())

export const OID = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const
