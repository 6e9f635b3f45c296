/** A tiny in-memory iAM Smart platform built on the codec, served through an injected `fetch` for client tests. */
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  CodecError,
  decryptJson,
  encryptJson,
  randomBytes,
  spkiBase64,
  verifySignature,
  wrapCek,
} from '../src/codec'

export interface RecordedRequest {
  path: string
  method: string
  headers: Record<string, string>
  body: string
  /** The decrypted request content (encrypted operations only). */
  plaintext?: unknown
}

export interface FakePlatformOptions {
  clientID: string
  clientSecret: string
  /** The OSP's registered KEK public key (any form `wrapCek` accepts). */
  kekPublicKey: string
  now: () => number
  expiresIn?: number
  prefix?: string
}

type Handler = (request: unknown) => unknown

const envelope = (code: string, message: string, content: unknown, txID: string) =>
  new Response(JSON.stringify({ txID, code, message, content }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  })

/**
 * Verifies every request's signature over the raw body, answers getKey with a fresh wrapped CEK,
 * decrypts encrypted requests with any live CEK and answers with the handler's result (an echo by
 * default) encrypted under the same CEK.
 */
export function createFakePlatform(o: FakePlatformOptions) {
  const prefix = o.prefix ?? '/api/v1'
  const expiresIn = o.expiresIn ?? 86_400_000
  const ceks = new Map<string, { cek: Uint8Array; expiresAt: number }>()
  const nonces = new Set<string>()
  const requests: RecordedRequest[] = []
  const handlers = new Map<string, Handler>()
  /** Codes to answer with instead of handling, consumed one per request to that path. */
  const forcedCodes = new Map<string, string[]>()
  let tamperNextResponse = false
  let txCounter = 0

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname
    const body = await request.text()
    const headers: Record<string, string> = {}
    request.headers.forEach((value, key) => {
      headers[key] = value
    })
    const recorded: RecordedRequest = { path, method: request.method, headers, body }
    requests.push(recorded)
    const txID = `tx-${++txCounter}`
    const parts = {
      clientID: request.headers.get('clientID') ?? '',
      signatureMethod: request.headers.get('signatureMethod') ?? '',
      timestamp: request.headers.get('timestamp') ?? '',
      nonce: request.headers.get('nonce') ?? '',
      body,
    }
    if (parts.clientID !== o.clientID)
      return envelope('D20006', 'API sign check parameter failed', null, txID)
    const check = await verifySignature({
      secret: o.clientSecret,
      parts,
      signatureHeader: request.headers.get('signature') ?? '',
    })
    if (!check.valid) return envelope('D20006', 'API sign check parameter failed', null, txID)
    if (nonces.has(parts.nonce)) return envelope('D20004', 'API repeat access', null, txID)
    nonces.add(parts.nonce)

    if (path === '/security/getKey') {
      const cek = randomBytes(32)
      ceks.set(bytesToHex(cek), { cek, expiresAt: o.now() + expiresIn })
      const content = {
        secretKey: wrapCek(cek, o.kekPublicKey),
        pubKey: spkiBase64(o.kekPublicKey),
        issueAt: o.now(),
        expiresIn,
      }
      return envelope('D00000', 'SUCCESS', content, txID)
    }
    if (path === '/security/revokeKey') {
      ceks.clear()
      return envelope('D00000', 'SUCCESS', null, txID)
    }
    const forced = forcedCodes.get(path)?.shift()
    if (forced) return envelope(forced, 'forced by the test', null, txID)

    let parsed: { content?: unknown }
    try {
      parsed = JSON.parse(body) as { content?: unknown }
    } catch {
      return envelope('D20003', 'Parameter is illegal', null, txID)
    }
    for (const { cek, expiresAt } of ceks.values()) {
      if (o.now() >= expiresAt) continue
      let plaintext: unknown
      try {
        plaintext = await decryptJson(cek, parsed.content as string)
      } catch (e) {
        if (e instanceof CodecError) continue
        throw e
      }
      recorded.plaintext = plaintext
      const handler = handlers.get(path) ?? ((req: unknown) => ({ echo: req, path }))
      let content = await encryptJson(cek, handler(plaintext))
      if (tamperNextResponse) {
        tamperNextResponse = false
        const raw = base64ToBytes(content)
        raw[raw.length - 1] = raw[raw.length - 1]! ^ 0x01
        content = bytesToBase64(raw)
      }
      return envelope('D00000', 'SUCCESS', content, txID)
    }
    return envelope('D30002', 'Content encryption key not exist or expired', null, txID)
  }

  return {
    fetch: (input: Request) => handle(input),
    requests,
    count: (path: string) => requests.filter((r) => r.path === path).length,
    on: (path: string, handler: Handler) => handlers.set(path, handler),
    forceCodes: (path: string, ...codes: string[]) => forcedCodes.set(path, codes),
    tamperNextResponse: () => {
      tamperNextResponse = true
    },
    /** Expires every CEK the platform holds (as a server-side restart or revocation would). */
    dropKeys: () => ceks.clear(),
    liveKeys: () => [...ceks.values()].map((k) => k.cek),
  }
}

export type FakePlatform = ReturnType<typeof createFakePlatform>
