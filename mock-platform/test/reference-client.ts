/**
 * An independent iAM Smart client for tests, written from the reference with node:crypto only (no shared codec),
 * so the mock and the typed client cannot agree on the same mistake unnoticed. Pinned by the known-answer vectors.
 */
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHmac,
  privateDecrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto'

export function signatureHeader(
  clientID: string,
  secret: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${clientID}HmacSHA256${timestamp}${nonce}${body}`, 'utf8')
    .digest('base64')
  return encodeURIComponent(mac)
}

export function aesEncrypt(cek: Buffer, plaintext: string, iv: Buffer = randomBytes(12)): string {
  const cipher = createCipheriv('aes-256-gcm', cek, iv)
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const len = Buffer.alloc(4)
  len.writeUInt32BE(12)
  return Buffer.concat([len, iv, ct, cipher.getAuthTag()]).toString('base64')
}

export function aesDecrypt(cek: Buffer, content: string): string {
  const buf = Buffer.from(content, 'base64')
  const ivLen = buf.readUInt32BE(0)
  const iv = buf.subarray(4, 4 + ivLen)
  const tag = buf.subarray(buf.length - 16)
  const ct = buf.subarray(4 + ivLen, buf.length - 16)
  const d = createDecipheriv('aes-256-gcm', cek, iv)
  d.setAuthTag(tag)
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8')
}

/** RSAES-PKCS1-v1_5 unwrap done by hand over a raw RSA decryption (Node 20 refuses PKCS#1 v1.5 privateDecrypt). */
export function unwrapCek(secretKey: string, privateKey: KeyObject): Buffer {
  const em = privateDecrypt(
    { key: privateKey, padding: constants.RSA_NO_PADDING },
    Buffer.from(secretKey, 'base64'),
  )
  if (em[0] !== 0 || em[1] !== 2) throw new Error('bad PKCS#1 v1.5 block')
  const sep = em.indexOf(0, 2)
  if (sep < 10) throw new Error('bad PKCS#1 v1.5 padding')
  return em.subarray(sep + 1)
}

export interface Envelope<T = unknown> {
  txID: string
  code: string
  message: string
  content: T
}

export interface ReferenceClientOptions {
  baseUrl: string
  clientID: string
  clientSecret: string
  privateKey: KeyObject
  fetch?: (input: string, init: RequestInit) => Promise<Response>
  now?: () => number
}

export class ReferenceClient {
  cek: Buffer | undefined
  constructor(readonly o: ReferenceClientOptions) {}

  /** A signed POST of exactly `body`; returns the HTTP response. */
  async post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
    const timestamp = String((this.o.now ?? Date.now)())
    const nonce = randomBytes(16).toString('hex')
    const f = this.o.fetch ?? fetch
    return f(`${this.o.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        clientID: this.o.clientID,
        signatureMethod: 'HmacSHA256',
        timestamp,
        nonce,
        signature: signatureHeader(this.o.clientID, this.o.clientSecret, timestamp, nonce, body),
        ...headers,
      },
      body,
    })
  }

  async getKey(): Promise<
    Envelope<{ secretKey: string; pubKey: string; issueAt: number; expiresIn: number } | null>
  > {
    const env = (await (await this.post('/security/getKey', '{}')).json()) as Envelope<{
      secretKey: string
      pubKey: string
      issueAt: number
      expiresIn: number
    } | null>
    if (env.code === 'D00000' && env.content) this.cek = unwrapCek(env.content.secretKey, this.o.privateKey)
    return env
  }

  /** An encrypted call: returns the envelope with `content` decrypted (when present). */
  async call<T = Record<string, unknown>>(path: string, request: unknown): Promise<Envelope<T | null>> {
    if (!this.cek) await this.getKey()
    const res = await this.post(
      path,
      JSON.stringify({ content: aesEncrypt(this.cek!, JSON.stringify(request)) }),
    )
    const env = (await res.json()) as Envelope<string | null>
    return {
      ...env,
      content: typeof env.content === 'string' ? (JSON.parse(aesDecrypt(this.cek!, env.content)) as T) : null,
    }
  }

  /** Decrypts a callback body to the result, whatever the app's layout: `{content: result}` (default) or flat. */
  decryptCallback<T = Record<string, unknown>>(
    body: Envelope<string | null> & { secretKey: string },
  ): T | null {
    const payload = this.decryptCallbackPayload<Record<string, unknown>>(body)
    if (payload === null) return null
    const inner = payload.content
    const nested = Object.keys(payload).length === 1 && inner !== null && typeof inner === 'object'
    return (nested ? inner : payload) as T
  }

  /** Decrypts a callback body: secretKey with the KEK, then content, as decrypted (the layout visible). */
  decryptCallbackPayload<T = Record<string, unknown>>(
    body: Envelope<string | null> & { secretKey: string },
  ): T | null {
    const cek = unwrapCek(body.secretKey, this.o.privateKey)
    return typeof body.content === 'string' ? (JSON.parse(aesDecrypt(cek, body.content)) as T) : null
  }
}
