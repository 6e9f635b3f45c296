/** X.509 v3 certificates for the mock PKI through pkijs: names, the extensions each profile needs, signing via Web Crypto. */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'

/** The DER bytes of an ASN.1 value or a pkijs object. */
export const der = (v: asn1js.BaseBlock | { toSchema(): asn1js.BaseBlock }): Uint8Array =>
  new Uint8Array(('toSchema' in v ? v.toSchema() : v).toBER())

/** pkijs's Web Crypto engine, writing the NULL parameters RFC 4055 §5 requires of sha256WithRSAEncryption. */
class Engine extends pkijs.CryptoEngine {
  override async getSignatureParameters(key: CryptoKey, hash?: string) {
    const params = await super.getSignatureParameters(key, hash)
    if (key.algorithm.name === 'RSASSA-PKCS1-v1_5')
      params.signatureAlgorithm.algorithmParams = new asn1js.Null()
    return params
  }
}
export const engine = new Engine({ name: 'mock-pki', crypto: globalThis.crypto })

/** RFC 5280 Time: UTCTime through 2049, GeneralizedTime from 2050. */
export const time = (d: Date): pkijs.Time =>
  new pkijs.Time({
    type: d.getUTCFullYear() < 2050 ? pkijs.TimeType.UTCTime : pkijs.TimeType.GeneralizedTime,
    value: d,
  })

/** An INTEGER from big-endian magnitude bytes (the caller keeps the top bit clear: positive). */
export const integer = (b: Uint8Array): asn1js.Integer => new asn1js.Integer({ valueHex: b })

const ATTRIBUTE = {
  commonName: '2.5.4.3',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const

/** A distinguished name, most significant first: [C, O, OU?, CN]. */
export type NameSpec = Array<[type: keyof typeof ATTRIBUTE, value: string]>

/** One attribute per RDN, as CAs write names (pkijs would put them all in one multi-valued RDN). */
export const name = (spec: NameSpec): pkijs.RelativeDistinguishedNames =>
  pkijs.RelativeDistinguishedNames.fromBER(
    new asn1js.Sequence({
      value: spec.map(
        ([type, value]) =>
          new asn1js.Set({
            value: [
              new pkijs.AttributeTypeAndValue({
                type: ATTRIBUTE[type],
                value:
                  type === 'country'
                    ? new asn1js.PrintableString({ value })
                    : new asn1js.Utf8String({ value }),
              }).toSchema(),
            ],
          }),
      ),
    }).toBER(),
  )

export interface CertSpec {
  serial: Uint8Array
  issuer: pkijs.RelativeDistinguishedNames
  subject: pkijs.RelativeDistinguishedNames
  notBefore: Date
  notAfter: Date
  spki: Uint8Array
  extensions: pkijs.Extension[]
}

/** Builds the TBSCertificate, signs it with sha256WithRSAEncryption and returns the certificate DER. */
export async function issueCertificate(spec: CertSpec, issuerKey: CryptoKey): Promise<Uint8Array> {
  const cert = new pkijs.Certificate({
    version: 2,
    serialNumber: integer(spec.serial),
    issuer: spec.issuer,
    subject: spec.subject,
    notBefore: time(spec.notBefore),
    notAfter: time(spec.notAfter),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(spec.spki as Uint8Array<ArrayBuffer>),
    extensions: spec.extensions,
  })
  await cert.sign(issuerKey, 'SHA-256', engine)
  return der(cert)
}

export const readCertificate = (certDer: Uint8Array): pkijs.Certificate =>
  pkijs.Certificate.fromBER(certDer as Uint8Array<ArrayBuffer>)

/** The SubjectPublicKeyInfo DER of a certificate. */
export const spkiOf = (certDer: Uint8Array): Uint8Array => der(readCertificate(certDer).subjectPublicKeyInfo)

export const extension = (id: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension =>
  new pkijs.Extension({ extnID: id, critical, extnValue: value.toBER() })

export const basicConstraints = (ca: boolean, pathLen?: number): pkijs.Extension =>
  extension(
    '2.5.29.19',
    true,
    new pkijs.BasicConstraints({
      cA: ca,
      ...(ca && pathLen !== undefined ? { pathLenConstraint: pathLen } : {}),
    }).toSchema(),
  )

/** KeyUsage bits by RFC 5280 position: 0 digitalSignature, 1 nonRepudiation, 5 keyCertSign, 6 cRLSign. */
export function keyUsage(positions: number[]): pkijs.Extension {
  let byte = 0
  for (const p of positions) byte |= 0x80 >> p
  let unusedBits = 0
  while (unusedBits < 7 && !(byte & (1 << unusedBits))) unusedBits++
  return extension('2.5.29.15', true, new asn1js.BitString({ valueHex: Uint8Array.of(byte), unusedBits }))
}

export const EKU = {
  emailProtection: '1.3.6.1.5.5.7.3.4',
  /** RFC 9336 id-kp-documentSigning. */
  documentSigning: '1.3.6.1.5.5.7.3.36',
} as const

export const extKeyUsage = (purposes: string[]): pkijs.Extension =>
  extension('2.5.29.37', false, new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema())
export const subjectKeyId = (id: Uint8Array): pkijs.Extension =>
  extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: id }))
export const authorityKeyId = (id: Uint8Array): pkijs.Extension =>
  extension(
    '2.5.29.35',
    false,
    new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: id }) }).toSchema(),
  )

/** GeneralName uniformResourceIdentifier. */
const uri = (u: string): pkijs.GeneralName => new pkijs.GeneralName({ type: 6, value: u })

export const crlDistributionPoint = (url: string): pkijs.Extension =>
  extension(
    '2.5.29.31',
    false,
    new pkijs.CRLDistributionPoints({
      distributionPoints: [new pkijs.DistributionPoint({ distributionPoint: [uri(url)] })],
    }).toSchema(),
  )

export const authorityInfoAccess = (o: { ocsp: string; caIssuers: string }): pkijs.Extension =>
  extension(
    '1.3.6.1.5.5.7.1.1',
    false,
    new pkijs.InfoAccess({
      accessDescriptions: [
        new pkijs.AccessDescription({ accessMethod: '1.3.6.1.5.5.7.48.1', accessLocation: uri(o.ocsp) }),
        new pkijs.AccessDescription({ accessMethod: '1.3.6.1.5.5.7.48.2', accessLocation: uri(o.caIssuers) }),
      ],
    }).toSchema(),
  )
