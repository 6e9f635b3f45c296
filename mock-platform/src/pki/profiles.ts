/**
 * Certificate profiles of the mock PKI: "MOCK iAM Smart-Cert TEST Root CA" → "MOCK iAM Smart-Cert TEST CA" → one
 * iAM Smart-Cert per resident (RSA-2048, SHA-256, 2 years, digitalSignature + nonRepudiation, emailProtection +
 * documentSigning EKU, CRL distribution point and AIA pointing at the sandbox).
 */
import type { Extension, RelativeDistinguishedNames } from 'pkijs'
import type { Resident } from '../personas/resident.types'
import {
  authorityInfoAccess,
  authorityKeyId,
  basicConstraints,
  crlDistributionPoint,
  EKU,
  extKeyUsage,
  issueCertificate,
  keyUsage,
  type NameSpec,
  name,
  subjectKeyId,
} from './certs'
import { importSigningKey, type KeyMaterial, keyIdentifier } from './keys'
import type { Authority, PkiStore } from './pki.store'

const YEAR = 365 * 86_400_000
const PKI_ORG = 'MOCK iAM Smart-Cert TEST PKI - not a real certification authority'
export const ROOT_CN = 'MOCK iAM Smart-Cert TEST Root CA'
export const CA_CN = 'MOCK iAM Smart-Cert TEST CA'
/** X.520 ub-common-name: longer English names are cut to 64 characters in the CN. */
const CN_MAX = 64

const ROOT_NAME: NameSpec = [
  ['country', 'HK'],
  ['organization', PKI_ORG],
  ['commonName', ROOT_CN],
]
const CA_NAME: NameSpec = [
  ['country', 'HK'],
  ['organization', PKI_ORG],
  ['commonName', CA_CN],
]

/** 16 CSPRNG octets, top bits 01: positive, always 16 octets in DER, 126 random bits (CA/B BR §7.1: ≥ 64). */
export function randomSerial(): Uint8Array {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[0] = (b[0]! & 0x3f) | 0x40
  return b
}

const seconds = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000)

/** Creates the root and the issuing CA (both keys from the store), valid from an hour before `now`. */
export async function authorities(store: PkiStore, now: Date): Promise<{ root: Authority; ca: Authority }> {
  const [rootKey, caKey] = await Promise.all([store.newKey('root'), store.newKey('ca')])
  const [rootId, caId] = await Promise.all([keyIdentifier(rootKey.spki), keyIdentifier(caKey.spki)])
  const rootSigner = await importSigningKey(rootKey.pkcs8)
  const from = seconds(now.getTime() - 3_600_000)
  /** A CA certificate signed by the root, for signing certificates and CRLs (key usage bits 5 and 6). */
  const signedByRoot = (
    subject: NameSpec,
    key: KeyMaterial,
    years: number,
    constraints: Extension,
    ids: Extension[],
  ) =>
    issueCertificate(
      {
        serial: randomSerial(),
        issuer: name(ROOT_NAME),
        subject: name(subject),
        notBefore: from,
        notAfter: seconds(from.getTime() + years * YEAR),
        spki: key.spki,
        extensions: [constraints, keyUsage([5, 6]), ...ids],
      },
      rootSigner,
    )
  const rootCert = await signedByRoot(ROOT_NAME, rootKey, 20, basicConstraints(true), [subjectKeyId(rootId)])
  const caCert = await signedByRoot(CA_NAME, caKey, 10, basicConstraints(true, 0), [
    subjectKeyId(caId),
    authorityKeyId(rootId),
  ])
  return { root: { key: rootKey, cert: rootCert }, ca: { key: caKey, cert: caCert } }
}

export interface LeafSpec {
  resident: Resident
  serial: Uint8Array
  key: KeyMaterial
  now: Date
  issuer: { name: RelativeDistinguishedNames; keyId: Uint8Array; notAfter: Date }
  issuerKey: CryptoKey
  baseUrl: string
}

/** A resident's iAM Smart-Cert: CN = English name, valid 2 years (never beyond the issuing CA). */
export async function leafCertificate(o: LeafSpec): Promise<Uint8Array> {
  const notBefore = seconds(o.now.getTime() - 300_000)
  const notAfter = seconds(Math.min(notBefore.getTime() + 2 * YEAR, o.issuer.notAfter.getTime()))
  const subject: NameSpec = [
    ['country', 'HK'],
    ['organization', 'iAM Smart Developer Sandbox'],
    ['organizationalUnit', 'MOCK TEST certificate of a synthetic resident'],
    ['commonName', o.resident.profile.enName.UnstructuredName.slice(0, CN_MAX)],
  ]
  return issueCertificate(
    {
      serial: o.serial,
      issuer: o.issuer.name,
      subject: name(subject),
      notBefore,
      notAfter,
      spki: o.key.spki,
      extensions: [
        basicConstraints(false),
        keyUsage([0, 1]),
        extKeyUsage([EKU.emailProtection, EKU.documentSigning]),
        subjectKeyId(await keyIdentifier(o.key.spki)),
        authorityKeyId(o.issuer.keyId),
        crlDistributionPoint(`${o.baseUrl}/pki/ca.crl`),
        authorityInfoAccess({ ocsp: `${o.baseUrl}/pki/ocsp`, caIssuers: `${o.baseUrl}/pki/ca.crt` }),
      ],
    },
    o.issuerKey,
  )
}
