/**
 * The PDF signature container: a detached CMS SignedData (RFC 5652) over a digest the OSP computed, with signed
 * attributes contentType, signingTime, messageDigest and ESS signing-certificate-v2 (RFC 5035), chain included.
 */
import {
  algorithm,
  ctx,
  der,
  derSetOf,
  intBytes,
  int,
  type Node,
  OID,
  octets,
  oid,
  parse,
  seq,
  set,
  time,
} from './asn1'
import { certificateParts } from './certs'
import { sha256, signSha256 } from './keys'

const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const

export interface CmsSpec {
  /** SHA-256 of the signed content (the PDF byte ranges), as the OSP sent it. */
  digest: Uint8Array
  signingTime: Date
  signerCert: Uint8Array
  signerKey: CryptoKey
  /** Issuing CA and root, added to `certificates` after the signer's. */
  chain: Uint8Array[]
}

const attribute = (type: string, value: Node): Node => seq(oid(type), set(value))

export async function signDetached(spec: CmsSpec): Promise<Uint8Array> {
  const signer = certificateParts(spec.signerCert)
  const issuerSerial = seq(seq(ctx(4, [signer.issuer])), intBytes(signer.serial))
  // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted, as DER requires.
  const essCertId = seq(octets(await sha256(spec.signerCert)), issuerSerial)
  const signedAttrs = derSetOf([
    attribute(CMS.contentType, oid(CMS.data)),
    attribute(CMS.signingTime, time(spec.signingTime)),
    attribute(CMS.messageDigest, octets(spec.digest)),
    attribute(CMS.signingCertificateV2, seq(seq(essCertId))),
  ])
  const signature = await signSha256(spec.signerKey, der(signedAttrs))
  const signerInfo = seq(
    int(1),
    seq(signer.issuer, intBytes(signer.serial)),
    seq(oid(OID.sha256)),
    ctx(0, signedAttrs.value as Node[]),
    algorithm(OID.rsaEncryption),
    octets(signature),
  )
  const signedData = seq(
    int(1),
    set(seq(oid(OID.sha256))),
    seq(oid(CMS.data)),
    ctx(0, [spec.signerCert, ...spec.chain].map(parse)),
    set(signerInfo),
  )
  return der(seq(oid(CMS.signedData), ctx(0, [signedData])))
}
