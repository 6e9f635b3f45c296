/** The issuing CA's CRL (RFC 5280 §5): v2, AKI and cRLNumber, every revoked serial with its revocation date. */
import { algorithm, bits, ctx, der, int, intBytes, type Node, OID, parse, seq, time } from './asn1'
import { authorityKeyId, extension } from './certs'
import { signSha256 } from './keys'
import type { LeafRecord } from './pki.store'

/** A CRL is valid 7 days; a fresh one is cut after each revocation and at least daily. */
export const CRL_VALIDITY_MS = 7 * 86_400_000
export const CRL_REFRESH_MS = 86_400_000

export interface CrlSpec {
  issuer: Node
  issuerKeyId: Uint8Array
  number: number
  thisUpdate: Date
  nextUpdate: Date
  revoked: Array<{ serial: Uint8Array; at: Date }>
}

export async function buildCrl(spec: CrlSpec, key: CryptoKey): Promise<Uint8Array> {
  const entries = spec.revoked.map((r) => seq(intBytes(r.serial), time(r.at)))
  const tbs = seq(
    int(1),
    algorithm(OID.sha256WithRSA),
    spec.issuer,
    time(spec.thisUpdate),
    time(spec.nextUpdate),
    ...(entries.length > 0 ? [seq(...entries)] : []),
    ctx(0, [seq(authorityKeyId(spec.issuerKeyId), extension('2.5.29.20', false, int(spec.number)))]),
  )
  const tbsDer = der(tbs)
  return der(seq(parse(tbsDer), algorithm(OID.sha256WithRSA), bits(await signSha256(key, tbsDer))))
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
