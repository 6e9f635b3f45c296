/** Test helpers for the inspector: signed posts with deliberate slips, and reading calls back through the sandbox API. */
import { createHmac, randomBytes } from 'node:crypto'
import type { Harness } from '../../../test/harness'
import { aesEncrypt, signatureHeader } from '../../../test/reference-client'
import type { InspectedCall, InspectedCallback, InspectedItem } from './inspector.types'

export interface SlipOptions {
  /** The body sent on the wire. */
  sent: string
  /** The body the signature covers (default: `sent`). */
  signed?: string
  /** The whole string to sign, when the slip is in its assembly. */
  message?: string
  timestamp?: string
  nonce?: string
  /** Transforms the URL-encoded signature header (e.g. decodeURIComponent for raw Base64). */
  header?: (urlEncoded: string) => string
  secret?: string
  contentLength?: string
}

/** POSTs `sent` with a signature over `signed` (or over `message`), so one slip at a time can be provoked. */
export async function slip(
  h: Harness,
  path: string,
  o: SlipOptions,
): Promise<{ code: string; txID: string }> {
  const timestamp = o.timestamp ?? String(h.clock.now())
  const nonce = o.nonce ?? randomBytes(16).toString('hex')
  const secret = o.secret ?? h.clientSecret
  let signature = signatureHeader(h.clientID, secret, timestamp, nonce, o.signed ?? o.sent)
  if (o.message !== undefined) {
    signature = encodeURIComponent(createHmac('sha256', secret).update(o.message, 'utf8').digest('base64'))
  }
  const res = await h.request(`/api/v1${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      clientID: h.clientID,
      signatureMethod: 'HmacSHA256',
      timestamp,
      nonce,
      signature: o.header ? o.header(signature) : signature,
      ...(o.contentLength ? { 'Content-Length': o.contentLength } : {}),
    },
    body: o.sent,
  })
  return (await res.json()) as { code: string; txID: string }
}

/** The encrypted body {"content": …} of a request, with the harness client's CEK. */
export async function encryptedBody(h: Harness, request: unknown): Promise<string> {
  if (!h.client.cek) await h.client.getKey()
  return JSON.stringify({ content: aesEncrypt(h.client.cek!, JSON.stringify(request)) })
}

export async function requests(h: Harness, query = ''): Promise<InspectedItem[]> {
  const res = await h.admin(`/sandbox/v1/apps/${h.clientID}/requests${query}`, 'GET')
  if (res.status !== 200) throw new Error(`inspector answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { items: InspectedItem[] }).items
}

/** One call by its txID, read through GET …/requests/{txID}. */
export async function call(h: Harness, txID: string): Promise<InspectedCall> {
  const res = await h.admin(`/sandbox/v1/apps/${h.clientID}/requests/${txID}`, 'GET')
  if (res.status !== 200) throw new Error(`inspector answered ${res.status} for ${txID}`)
  return (await res.json()) as InspectedCall
}

/** The newest call of an operation. */
export async function last(h: Harness, operation: string): Promise<InspectedCall> {
  const [item] = await requests(h, `?operation=${operation}&limit=1`)
  if (!item) throw new Error(`no ${operation} call recorded`)
  return item as InspectedCall
}

export async function callbacks(h: Harness): Promise<InspectedCallback[]> {
  return (await requests(h, '?operation=callback')) as InspectedCallback[]
}

/** The text of every diagnosis, for assertions on what it names. */
export const text = (c: InspectedItem): string =>
  c.diagnosis.map((d) => `${d.id} | ${d.title} | ${d.detail} | ${d.fix} | ${d.link}`).join('\n')
