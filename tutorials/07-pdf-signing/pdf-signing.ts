/** Lesson 07: PDF signing: prepare the PDF, send its docDigest, embed the returned CMS signature, acknowledge. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import { embedPdfSignature, type PreparedPdf, preparePdfForSigning } from '@iamsmart-sandbox/openapi/signing'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import type { Outcome, PendingRequests } from '../03-profile-and-eme/requests'

type PdfSigningCallbackContent = components['schemas']['PdfSigningCallbackContent']

/** A one-page PDF of the filled-in form (your own document generator goes here). */
export async function formPdf(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - 22 * i, size: 12, font }))
  return doc.save()
}

// #region initiate
export async function requestPdfSignature(
  client: IamSmartClient,
  requests: PendingRequests,
  o: { accessToken: string; openID: string; callbackURI: string; source: Source; pdf: Uint8Array },
) {
  // An empty signature field with a placeholder; docDigest is the SHA-256 of every byte outside it.
  const prepared = await preparePdfForSigning(o.pdf, {
    reason: 'Synthetic permit application',
    location: 'Hong Kong',
  })
  const { businessID, state } = requests.open('pdf')
  const res = await client.initiatePdfSigningRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI,
    docDigest: prepared.docDigest, // 44-character Base64
    department: 'Sandbox Permits Office',
    serviceName: 'Synthetic permit application',
    documentName: 'Application SPA-1.pdf',
  })
  if (!res.ok)
    return { ok: false as const, code: res.error.kind === 'transport' ? 'TRANSPORT' : res.error.code }
  // Keep `prepared` (its bytes and byte ranges) until the callback: the signature fits only this exact file.
  return { ok: true as const, prepared, businessID, ticketID: res.data.ticketID, signCode: res.data.signCode }
}
// #endregion initiate

// #region embed
/** On the callback: put the CMS container into the placeholder, unchanged, and acknowledge. */
export async function finishPdfSignature(
  client: IamSmartClient,
  o: { prepared: PreparedPdf; businessID: string; outcome: Outcome },
): Promise<{ ok: true; signedPdf: Uint8Array } | { ok: false; reason: string }> {
  if (!o.outcome.ok) return { ok: false, reason: o.outcome.code }
  const { docDigest, pdfSignature } = o.outcome.data as PdfSigningCallbackContent
  if (docDigest !== o.prepared.docDigest || !pdfSignature) return { ok: false, reason: 'NOT_OUR_DOCUMENT' }
  const signedPdf = embedPdfSignature(o.prepared, pdfSignature)
  const ack = await client.ackSigningResult({ businessID: o.businessID, signingResult: 'SUCCESS' })
  if (!ack.ok) return { ok: false, reason: ack.error.kind === 'transport' ? 'TRANSPORT' : ack.error.code }
  return { ok: true, signedPdf }
}
// #endregion embed
