/**
 * A small OCSP responder (RFC 6960) through pkijs for the iAM Smart-Certs: CertIDs hashed with SHA-1 or SHA-256,
 * responses signed by the issuing CA itself (responderID byKey), the request nonce echoed, good / revoked / unknown.
 */
import { bytesToHex } from '@iamsmart-sandbox/openapi/codec'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { der, engine, readCertificate } from './certs'
import { publicKeyBits } from './keys'
import type { Pki } from './pki.service'

const BASIC = '1.3.6.1.5.5.7.48.1.1'
const NONCE = '1.3.6.1.5.5.7.48.1.2'
const HASHES: Record<string, string> = { '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256' }
const SUCCESSFUL = 0
const MALFORMED = 1
const NEXT_UPDATE_MS = 7 * 86_400_000

const answer = (status: number, responseBytes?: pkijs.ResponseBytes): Uint8Array =>
  der(
    new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: status }),
      ...(responseBytes ? { responseBytes } : {}),
    }),
  )

/** A context-specific [tag] status: IMPLICIT NULL (good, unknown) or RevokedInfo with its revocation time. */
const certStatus = (tag: number, revokedAt?: Date): asn1js.BaseBlock =>
  revokedAt
    ? new asn1js.Constructed({
        idBlock: { tagClass: 3, tagNumber: tag },
        value: [new asn1js.GeneralizedTime({ valueDate: revokedAt })],
      })
    : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: tag } })

/** Answers one DER OCSPRequest with a DER OCSPResponse (malformedRequest when it cannot be read). */
export async function ocspResponse(pki: Pki, request: Uint8Array, now: number): Promise<Uint8Array> {
  let tbs: pkijs.TBSRequest
  try {
    tbs = pkijs.OCSPRequest.fromBER(request as Uint8Array<ArrayBuffer>).tbsRequest
    if (tbs.requestList.length === 0) throw new Error('no requestList')
  } catch {
    return answer(MALFORMED)
  }
  const nonce = tbs.requestExtensions?.find((e) => e.extnID === NONCE)
  const at = new Date(Math.floor(now / 1000) * 1000)
  const responses: pkijs.SingleResponse[] = []
  for (const { reqCert } of tbs.requestList) responses.push(await singleResponse(pki, reqCert, at))
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: new asn1js.OctetString({ valueHex: pki.issuer.keyId }),
      producedAt: at,
      responses,
      ...(nonce ? { responseExtensions: [nonce] } : {}),
    }),
    // The responder is the issuing CA itself; its certificate travels along so clients can find the signer.
    certs: [readCertificate(pki.caCert)],
  })
  await basic.sign(await pki.caSigningKey(), 'SHA-256', engine)
  return answer(
    SUCCESSFUL,
    new pkijs.ResponseBytes({
      responseType: BASIC,
      response: new asn1js.OctetString({ valueHex: der(basic) }),
    }),
  )
}

async function singleResponse(pki: Pki, certId: pkijs.CertID, at: Date): Promise<pkijs.SingleResponse> {
  const hash = HASHES[certId.hashAlgorithm.algorithmId]
  const serial = bytesToHex(certId.serialNumber.valueBlock.valueHexView)
  let status = certStatus(2)
  if (hash && (await issuedByOurCa(pki, certId, hash))) {
    const st = pki.status(serial)
    if (st.status === 'good') status = certStatus(0)
    else if (st.status === 'revoked') status = certStatus(1, new Date(Math.floor(st.revokedAt / 1000) * 1000))
  }
  return new pkijs.SingleResponse({
    certID: certId,
    certStatus: status,
    thisUpdate: at,
    nextUpdate: new Date(at.getTime() + NEXT_UPDATE_MS),
  })
}

async function issuedByOurCa(pki: Pki, certId: pkijs.CertID, hash: string): Promise<boolean> {
  const { name, spki } = pki.issuer
  const [nameHash, keyHash] = await Promise.all([digest(hash, name), digest(hash, publicKeyBits(spki))])
  return (
    bytesToHex(certId.issuerNameHash.valueBlock.valueHexView) === bytesToHex(nameHash) &&
    bytesToHex(certId.issuerKeyHash.valueBlock.valueHexView) === bytesToHex(keyHash)
  )
}

const digest = async (alg: string, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest(alg, data as Uint8Array<ArrayBuffer>))
