/** Lesson 06: hash signing: send the document's SHA-256, show the signCode, verify the signature, acknowledge it. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import { verifyHashSignature } from '@iamsmart-sandbox/openapi/signing'
import { bytesToHex, hkicHash } from '@iamsmart-sandbox/openapi/codec'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import type { Outcome, PendingRequests } from '../03-profile-and-eme/requests'

type SigningCallbackContent = components['schemas']['SigningCallbackContent']

// #region initiate
export async function requestHashSignature(
  client: IamSmartClient,
  requests: PendingRequests,
  o: {
    accessToken: string
    openID: string
    callbackURI: string
    source: Source
    document: Uint8Array
    hkid?: string
  },
) {
  const hashCode = bytesToHex(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(o.document))),
  ) // 64 hex
  const { businessID, state } = requests.open('sign')
  const res = await client.initiateSigningRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI,
    hashCode,
    // Optional: only this HKID holder may sign (anyone else: D70005). The identification without check digit.
    ...(o.hkid ? { HKICHash: await hkicHash(o.hkid) } : {}),
    department: 'Sandbox Permits Office',
    serviceName: 'Synthetic permit application',
    documentName: 'Application SPA-1',
  })
  if (!res.ok)
    return { ok: false as const, code: res.error.kind === 'transport' ? 'TRANSPORT' : res.error.code }
  // Show signCode next to the document: the resident signs only if the app shows the same four digits.
  const { ticketID, authByQR, signCode } = res.data
  return { ok: true as const, businessID, hashCode, ticketID, authByQR, signCode }
}
// #endregion initiate

// #region accept
/** On the callback: verify the signature over your document with the signer's certificate, then ackResult. */
export async function acceptSignature(
  client: IamSmartClient,
  o: { businessID: string; document: Uint8Array; outcome: Outcome; caCertsPem: string },
): Promise<{ ok: true; subject: string; signedAt: number } | { ok: false; reason: string }> {
  if (!o.outcome.ok) return { ok: false, reason: o.outcome.code } // D70000 cancelled, D70001 rejected, D70003 …
  const { hashCode, signature, cert, timestamp } = o.outcome.data as SigningCallbackContent
  if (!hashCode || !signature || !cert || timestamp === undefined) return { ok: false, reason: 'INCOMPLETE' }
  const verified = verifyHashSignature({
    document: o.document, // hashCode must be its SHA-256
    hashCode,
    signature,
    cert,
    caCerts: [o.caCertsPem], // the issuing CA and its root: the sandbox serves them at /pki/chain.pem
    at: timestamp,
  })
  // Tell the platform whether you kept the signature: SUCCESS, or FAIL when it did not verify.
  const ack = await client.ackSigningResult({
    businessID: o.businessID,
    signingResult: verified.ok ? 'SUCCESS' : 'FAIL',
  })
  if (!ack.ok) return { ok: false, reason: ack.error.kind === 'transport' ? 'TRANSPORT' : ack.error.code }
  return verified.ok ? { ok: true, subject: verified.subject, signedAt: timestamp } : verified
}
// #endregion accept
