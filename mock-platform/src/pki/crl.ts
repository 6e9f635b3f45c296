/** The issuing CA's CRL (RFC 5280 §5) through pkijs: v2, AKI and cRLNumber, every revoked serial with its date. */
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { authorityKeyId, der, engine, extension, integer, time } from './certs'
import type { LeafRecord } from './pki.store'

/** A CRL is valid 7 days; a fresh one is cut after each revocation and at least daily. */
export const CRL_VALIDITY_MS = 7 * 86_400_000
export const CRL_REFRESH_MS = 86_400_000

export interface CrlSpec {
  issuer: pkijs.RelativeDistinguishedNames
  issuerKeyId: Uint8Array
  number: number
  thisUpdate: Date
  nextUpdate: Date
  revoked: Array<{ serial: Uint8Array; at: Date }>
}

export async function buildCrl(spec: CrlSpec, key: CryptoKey): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: spec.issuer,
    thisUpdate: time(spec.thisUpdate),
    nextUpdate: time(spec.nextUpdate),
    ...(spec.revoked.length > 0
      ? {
          revokedCertificates: spec.revoked.map(
            (r) =>
              new pkijs.RevokedCertificate({
                userCertificate: integer(r.serial),
                revocationDate: time(r.at),
              }),
          ),
        }
      : {}),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        authorityKeyId(spec.issuerKeyId),
        extension('2.5.29.20', false, new asn1js.Integer({ value: spec.number })),
      ],
    }),
  })
  await crl.sign(key, 'SHA-256', engine)
  return der(crl)
}

/** Revoked certificates that have not expired yet (expired ones may leave the CRL, RFC 5280 §3.3). */
export function revokedEntries(leaves: LeafRecord[], now: number): CrlSpec['revoked'] {
  return leaves
    .filter((l) => l.revokedAt !== undefined && l.notAfter > now)
    .map((l) => ({
      serial: Uint8Array.from(l.serial.match(/../g) ?? [], (h) => Number.parseInt(h, 16)),
      at: new Date(Math.floor(l.revokedAt! / 1000) * 1000),
    }))
}
