/** A signed call to a path the platform does not serve: 404 + D20027, recorded for the app when its signature holds. */
import { verifySignature } from '@iamsmart-sandbox/openapi/codec'
import type { Context } from 'hono'
import { newId } from '../../ids'
import { envelope, sendEnvelope } from '../../protocol/envelope'
import type { CallRecord } from '../../protocol/call-record'
import type { Services } from '../../services'

const HEADERS = ['clientID', 'signatureMethod', 'timestamp', 'nonce', 'signature'] as const
/** Bodies longer than this are not read for the signature check (the call is refused either way). */
const MAX_BODY = 64 * 1024

/**
 * Answers 404 + D20027. When the five headers name a registered app and the signature over the body verifies, the
 * call goes to that app's request inspector (so a near-miss path is diagnosed); otherwise nothing is recorded, so no
 * one can write into another app's log.
 */
export async function unknownPath(s: Services, c: Context): Promise<Response> {
  const txID = newId()
  const h = Object.fromEntries(HEADERS.map((n) => [n, c.req.header(n)])) as Record<string, string | undefined>
  const app = h.clientID ? await s.apps.get(h.clientID) : undefined
  if (app && c.req.method === 'POST' && HEADERS.every((n) => h[n])) {
    const length = Number(c.req.header('content-length') ?? 0)
    const raw = length <= MAX_BODY ? await c.req.text().catch(() => undefined) : undefined
    const verdict =
      raw === undefined
        ? undefined
        : await verifySignature({
            secret: app.clientSecret,
            parts: {
              clientID: app.clientID,
              signatureMethod: h.signatureMethod!,
              timestamp: h.timestamp!,
              nonce: h.nonce!,
              body: raw,
            },
            signatureHeader: h.signature!,
          }).catch(() => undefined)
    if (verdict?.valid) {
      const record: CallRecord = {
        txID,
        operationId: 'unknownPath',
        clientID: app.clientID,
        at: s.clock.now(),
        durationMs: 0,
        code: 'D20027',
        status: 404,
        headers: Object.fromEntries(HEADERS.map((n) => [n, h[n]!])),
        request: { path: c.req.path },
        detail: `no operation at ${c.req.path}`,
      }
      const behind = s.inspector.observe(record)
      if (behind) await behind
    }
  }
  return sendEnvelope(c, envelope(txID, 'D20027'), 404)
}
