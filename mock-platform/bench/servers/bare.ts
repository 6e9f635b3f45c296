/**
 * The baselines, on the platform's own stack (Hono on @hono/node-server): POST /bare answers a small JSON; POST /floor
 * does only the inherent work of a signed + encrypted call (issue 19): HMAC verify over the raw body, AES-GCM open of
 * the request and seal of the answer with the same codec, JSON parse and stringify, an answer of the same size.
 */
import { decryptJson, encryptJson, verifySignature } from '@iamsmart-sandbox/openapi/codec'
import { Hono } from 'hono'
import { type Listening, listen } from './listen'

export const BARE_PATH = '/bare'
export const FLOOR_PATH = '/floor'

/** What the floor needs to do a signed call's work: the app's secret, the CEK, and the content to answer. */
export interface FloorSetup {
  clientSecret: string
  cekBase64: string
  answer: unknown
}

const HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache', 'X-Content-Type-Options': 'nosniff' }
/** A txID of the platform's length, fixed: three random ids per call are overhead the floor leaves out. */
const TX_ID = '0'.repeat(32)

export function startBare(): Promise<Listening> {
  const app = new Hono()
  app.post(BARE_PATH, (c) => c.json({ txID: 'bare', code: 'D00000', message: 'success', content: null }))
  let floor: { secret: string; cek: Uint8Array; answer: unknown } | undefined
  app.post(`${FLOOR_PATH}/setup`, async (c) => {
    const s = await c.req.json<FloorSetup>()
    floor = { secret: s.clientSecret, cek: Buffer.from(s.cekBase64, 'base64'), answer: s.answer }
    return c.body(null, 204)
  })
  app.post(FLOOR_PATH, async (c) => {
    if (!floor) return c.json({ error: 'POST /floor/setup first' }, 409)
    const raw = await c.req.text()
    const h = (name: string) => c.req.header(name) ?? ''
    const verdict = await verifySignature({
      secret: floor.secret,
      parts: {
        clientID: h('clientID'),
        signatureMethod: h('signatureMethod'),
        timestamp: h('timestamp'),
        nonce: h('nonce'),
        body: raw,
      },
      signatureHeader: h('signature'),
    })
    if (!verdict.valid)
      return c.json({ txID: TX_ID, code: 'D20006', message: 'signature', content: null }, 200, HEADERS)
    const request = await decryptJson<Record<string, unknown>>(
      floor.cek,
      (JSON.parse(raw) as { content: string }).content,
    )
    if (typeof request !== 'object')
      return c.json({ txID: TX_ID, code: 'D20003', message: 'content', content: null })
    const content = await encryptJson(floor.cek, floor.answer)
    return c.json({ txID: TX_ID, code: 'D00000', message: 'success', content }, 200, HEADERS)
  })
  return listen(app.fetch)
}
