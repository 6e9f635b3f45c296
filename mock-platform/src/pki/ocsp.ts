/**
 * A small OCSP responder (RFC 6960) for the iAM Smart-Certs: CertIDs hashed with SHA-1 or SHA-256, responses
 * signed by the issuing CA itself (responderID byKey), the request nonce echoed, good / revoked / unknown.
 */
import {
  algorithm,
  bits,
  child,
  children,
  ctx,
  der,
  enumerated,
  generalizedTime,
  type Node,
  OID,
  octets,
  oid,
  oidOf,
  parse,
  seq,
  toBinary,
  valueBytes,
} from './asn1'
import { bytesToHex } from '@iamsmart-sandbox/openapi/codec'
import { signSha256 } from './keys'
import type { Pki } from './pki.service'

const BASIC = '1.3.6.1.5.5.7.48.1.1'
const NONCE = '1.3.6.1.5.5.7.48.1.2'
const HASHES: Record<string, string> = { [OID.sha1]: 'SHA-1', [OID.sha256]: 'SHA-256' }
const MALFORMED = 1
const NEXT_UPDATE_MS = 7 * 86_400_000

/** Answers one DER OCSPRequest with a DER OCSPResponse (malformedRequest when it cannot be read). */
export async function ocspResponse(pki: Pki, request: Uint8Array, now: number): Promise<Uint8Array> {
  let requests: Node[]
  let nonce: Node | undefined
  try {
    const tbs = child(parse(request), 0)
    const parts = children(tbs)
    const list = parts.find((p) => p.tagClass === 0 && p.type === 16)
    if (!list || children(list).length === 0) throw new Error('no requestList')
    requests = children(list).map((r) => child(r, 0))
    const exts = parts.find((p) => p.tagClass === 0x80 && p.type === 2)
    nonce = exts ? children(child(exts, 0)).find((e) => oidOf(child(e, 0)) === NONCE) : undefined
  } catch {
    return der(seq(enumerated(MALFORMED)))
  }
  const at = new Date(Math.floor(now / 1000) * 1000)
  const responses: Node[] = []
  for (const certId of requests) responses.push(await singleResponse(pki, certId, at))
  const issuer = pki.issuer
  const data = seq(
    ctx(2, [octets(issuer.keyId)]),
    generalizedTime(at),
    seq(...responses),
    ...(nonce ? [ctx(1, [seq(nonce)])] : []),
  )
  const dataDer = der(data)
  const signature = await signSha256(await pki.caSigningKey(), dataDer)
  // The responder is the issuing CA itself; its certificate travels along so clients can find the signer.
  const basic = seq(
    parse(dataDer),
    algorithm(OID.sha256WithRSA),
    bits(signature),
    ctx(0, [seq(parse(pki.caCert))]),
  )
  return der(seq(enumerated(0), ctx(0, [seq(oid(BASIC), octets(der(basic)))])))
}

async function singleResponse(pki: Pki, certId: Node, at: Date): Promise<Node> {
  const hash = HASHES[oidOf(child(child(certId, 0), 0))]
  const serial = bytesToHex(valueBytes(child(certId, 3)))
  let status: Node = ctx(2, '')
  if (hash && (await issuedByOurCa(pki, certId, hash))) {
    const st = pki.status(serial)
    if (st.status === 'good') status = ctx(0, '')
    else if (st.status === 'revoked')
      status = ctx(1, [generalizedTime(new Date(Math.floor(st.revokedAt / 1000) * 1000))])
  }
  return seq(
    certId,
    status,
    generalizedTime(at),
    ctx(0, [generalizedTime(new Date(at.getTime() + NEXT_UPDATE_MS))]),
  )
}

async function issuedByOurCa(pki: Pki, certId: Node, hash: string): Promise<boolean> {
  const { name, spki } = pki.issuer
  const keyBits = valueBytes(child(parse(spki), 1)).subarray(1)
  const [nameHash, keyHash] = await Promise.all([digest(hash, der(name)), digest(hash, keyBits)])
  return (
    toBinary(valueBytes(child(certId, 1))) === toBinary(nameHash) &&
    toBinary(valueBytes(child(certId, 2))) === toBinary(keyHash)
  )
}

const digest = async (alg: string, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest(alg, data as Uint8Array<ArrayBuffer>))
