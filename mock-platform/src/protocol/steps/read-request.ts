/** Step `headers`: the body as sent, its content type, the five headers, and the app they name. */
import { SIGNATURE_METHOD, stringToSign } from '@iamsmart-sandbox/openapi/codec'
import { PlatformError } from '../../errors'
import { HEADER_NAMES, type Step } from '../signed-call'

export const readRequest: Step = async (call, deps) => {
  const { c, record } = call
  call.raw = await c.req.text()
  const contentType = c.req.header('content-type') ?? ''
  if (call.raw.length > 0 && !/^application\/json\s*(;|$)/i.test(contentType))
    throw new PlatformError('D20003', `Content-Type must be application/json, got "${contentType}"`, 415)
  const h = call.headers
  for (const n of HEADER_NAMES) {
    const v = c.req.header(n)
    if (v !== undefined) h[n] = record.headers[n] = v
  }
  record.clientID = h.clientID
  const missing = HEADER_NAMES.filter((n) => !h[n])
  if (missing.length > 0) throw new PlatformError('D20002', `missing header(s): ${missing.join(', ')}`)
  if (h.signatureMethod !== SIGNATURE_METHOD)
    throw new PlatformError(
      'D20005',
      `signatureMethod must be ${SIGNATURE_METHOD}, got "${h.signatureMethod}"`,
    )
  if (!/^\d{1,15}$/.test(h.timestamp!))
    throw new PlatformError('D20003', 'timestamp must be milliseconds since epoch')
  call.parts = {
    clientID: h.clientID!,
    signatureMethod: h.signatureMethod,
    timestamp: h.timestamp!,
    nonce: h.nonce!,
    body: call.raw,
  }
  record.stringToSign = stringToSign(call.parts)
  call.app = await deps.apps.get(h.clientID!)
  // Unknown client and bad signature answer alike (no client enumeration).
  if (!call.app) throw new PlatformError('D20006', 'unknown clientID')
}
