/**
 * The PDF signature container through pkijs: a detached CMS SignedData (RFC 5652) over a digest the OSP computed, with
 * signed attributes contentType, signingTime, messageDigest and ESS signing-certificate-v2 (RFC 5035), chain included.
 */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { der, readCertificate, time } from './certs'
import { sha256 } from './keys'

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
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

const attribute = (type: string, value: asn1js.BaseBlock): pkijs.Attribute =>
  new pkijs.Attribute({ type, values: [value] })

/** DER SET OF: attributes sorted by their encodings (X.690 §11.6), as verifiers re-encode signed attributes. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, d: der(a) }))
  encoded.sort(({ d: x }, { d: y }) => {
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!
    return x.length - y.length
  })
  return encoded.map((e) => e.a)
}

export async function signDetached(spec: CmsSpec): Promise<Uint8Array> {
  const signer = readCertificate(spec.signerCert)
  // ESSCertIDv2 with the default hash algorithm (SHA-256) omitted, as DER requires; IssuerSerial names the issuer.
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: signer.issuer })],
      }).toSchema(),
      signer.serialNumber,
    ],
  })
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: await sha256(spec.signerCert) }), issuerSerial],
  })
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.signingTime, time(spec.signingTime).toSchema()),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: spec.digest })),
      attribute(
        OID.signingCertificateV2,
        new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] }),
      ),
    ]),
  })
  const signedData = new pkijs.SignedData({
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs,
      }),
    ],
    certificates: [signer, ...spec.chain.map(readCertificate)],
  })
  await signedData.sign(spec.signerKey, 0, 'SHA-256')
  // Not covered by the signature: SHA-256 identifiers without parameters (RFC 5754 §2), rsaEncryption (RFC 3370 §3.2).
  const sha256Id = new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })
  signedData.digestAlgorithms = [sha256Id]
  signedData.signerInfos[0]!.digestAlgorithm = sha256Id
  signedData.signerInfos[0]!.signatureAlgorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.rsaEncryption,
    algorithmParams: new asn1js.Null(),
  })
  return der(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() }))
}
