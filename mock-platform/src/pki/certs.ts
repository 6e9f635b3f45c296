/** X.509 v3 certificates for the mock PKI: names, the extensions each profile needs, and TBS signing via Web Crypto. */
import {
  algorithm,
  bits,
  bool,
  child,
  ctx,
  der,
  int,
  intBytes,
  type Node,
  OID,
  octets,
  oid,
  parse,
  printable,
  readTime,
  seq,
  set,
  time,
  toBinary,
  utf8,
  valueBytes,
} from './asn1'
import { signSha256 } from './keys'

/** A distinguished name, most significant first: [C, O, OU?, CN]. */
export type NameSpec = Array<[type: keyof typeof OID, value: string]>

export function name(spec: NameSpec): Node {
  return seq(
    ...spec.map(([type, value]) =>
      set(seq(oid(OID[type]), type === 'country' ? printable(value) : utf8(value))),
    ),
  )
}

export interface CertSpec {
  serial: Uint8Array
  issuer: Node
  subject: Node
  notBefore: Date
  notAfter: Date
  spki: Uint8Array
  extensions: Node[]
}

/** Builds the TBSCertificate, signs it with sha256WithRSAEncryption and returns the certificate DER. */
export async function issueCertificate(spec: CertSpec, issuerKey: CryptoKey): Promise<Uint8Array> {
  const tbs = seq(
    ctx(0, [int(2)]),
    intBytes(spec.serial),
    algorithm(OID.sha256WithRSA),
    spec.issuer,
    seq(time(spec.notBefore), time(spec.notAfter)),
    spec.subject,
    parse(spec.spki),
    ctx(3, [seq(...spec.extensions)]),
  )
  const tbsDer = der(tbs)
  const signature = await signSha256(issuerKey, tbsDer)
  return der(seq(parse(tbsDer), algorithm(OID.sha256WithRSA), bits(signature)))
}

export const extension = (id: string, critical: boolean, value: Node): Node =>
  critical ? seq(oid(id), bool(true), octets(der(value))) : seq(oid(id), octets(der(value)))

export const basicConstraints = (ca: boolean, pathLen?: number): Node =>
  extension(
    '2.5.29.19',
    true,
    seq(...(ca ? [bool(true)] : []), ...(ca && pathLen !== undefined ? [int(pathLen)] : [])),
  )

/** KeyUsage bits by RFC 5280 position: 0 digitalSignature, 1 nonRepudiation, 5 keyCertSign, 6 cRLSign. */
export function keyUsage(positions: number[]): Node {
  let byte = 0
  for (const p of positions) byte |= 0x80 >> p
  let unused = 0
  while (unused < 7 && !(byte & (1 << unused))) unused++
  return extension('2.5.29.15', true, bits(new Uint8Array([byte]), unused))
}

export const EKU = {
  emailProtection: '1.3.6.1.5.5.7.3.4',
  /** RFC 9336 id-kp-documentSigning. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
} as const

export const extKeyUsage = (purposes: string[]): Node =>
  extension('2.5.29.37', false, seq(...purposes.map(oid)))
export const subjectKeyId = (id: Uint8Array): Node => extension('2.5.29.14', false, octets(id))
export const authorityKeyId = (id: Uint8Array): Node =>
  extension('2.5.29.35', false, seq(ctx(0, toBinary(id))))

/** GeneralName uniformResourceIdentifier [6] IA5String. */
const uri = (u: string): Node => ctx(6, u)

export const crlDistributionPoint = (url: string): Node =>
  extension('2.5.29.31', false, seq(seq(ctx(0, [ctx(0, [uri(url)])]))))

export const authorityInfoAccess = (o: { ocsp: string; caIssuers: string }): Node =>
  extension(
    '1.3.6.1.5.5.7.1.1',
    false,
    seq(seq(oid('1.3.6.1.5.5.7.48.1'), uri(o.ocsp)), seq(oid('1.3.6.1.5.5.7.48.2'), uri(o.caIssuers))),
  )

/** The parts of a certificate the PKI reuses: subject Name (as the issuer of what it signs), serial, validity. */
export function certificateParts(certDer: Uint8Array): {
  subject: Node
  issuer: Node
  serial: Uint8Array
  notAfter: Date
  spki: Uint8Array
} {
  const tbs = child(parse(certDer), 0)
  const validity = child(tbs, 4)
  return {
    serial: valueBytes(child(tbs, 1)),
    issuer: child(tbs, 3),
    subject: child(tbs, 5),
    notAfter: readTime(child(validity, 1)),
    spki: der(child(tbs, 6)),
  }
}
