/** Request signing (reference §2.2): HMAC-SHA256 over clientID‖method‖timestamp‖nonce‖raw body, URL-encoded. */
import { bytesToBase64, utf8Bytes } from './bytes'
import { sha256Sync } from './sha256-sync'
import { BoundedCache } from './key-cache'
import { newNonce } from './random'
import { native } from './native'

export const SIGNATURE_METHOD = 'HmacSHA256'

export interface SignatureParts {
  clientID: string
  signatureMethod: string
  timestamp: string
  nonce: string
  /** The exact raw HTTP body string as sent/received (`''` for an empty getKey body). */
  body: string
}

export type SignedHeaders = Record<
  'clientID' | 'signatureMethod' | 'timestamp' | 'nonce' | 'signature',
  string
>

const hmacKeys = new BoundedCache<string, Promise<CryptoKey>>(256)

function hmacKey(secret: string): Promise<CryptoKey> {
  if (typeof secret !== 'string' || secret.length === 0)
    throw new TypeError('client secret must be a non-empty string')
  const hit = hmacKeys.get(secret)
  if (hit) return hit
  const created = globalThis.crypto.subtle.importKey(
    'raw',
    utf8Bytes(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  hmacKeys.set(secret, created)
  created.catch(() => hmacKeys.delete(secret))
  return created
}

/**
 * The string-to-sign: plain concatenation, no separators.
 *
 * @example stringToSign({ clientID: 'c', signatureMethod: 'HmacSHA256', timestamp: '1', nonce: 'n', body: '{}' }) // 'cHmacSHA2561n{}'
 */
export function stringToSign(p: SignatureParts): string {
  return `${p.clientID}${p.signatureMethod}${p.timestamp}${p.nonce}${p.body}`
}

/** Base64(HMAC-SHA256(key = UTF-8 secret, message = UTF-8 message)). The imported key is cached per secret. */
export async function hmacSha256Base64(secret: string, message: string): Promise<string> {
  const n = native()
  if (n) {
    if (typeof secret !== 'string' || secret.length === 0)
      throw new TypeError('client secret must be a non-empty string')
    return n.createHmac('sha256', secret).update(message, 'utf8').digest('base64')
  }
  const mac = await globalThis.crypto.subtle.sign('HMAC', await hmacKey(secret), utf8Bytes(message))
  return bytesToBase64(new Uint8Array(mac))
}

/** URL-encodes a Base64 signature for the `signature` header with upper-case escapes: `+ / =` → `%2B %2F %3D`. */
export function encodeSignatureHeader(base64: string): string {
  return encodeURIComponent(base64)
}

/**
 * Reads a `signature` header tolerantly: URL-encoded (canonical, either hex case) or raw Base64.
 * Never throws; a malformed escape is returned as-is (and will simply fail verification).
 */
export function decodeSignatureHeader(header: string): { base64: string; wasUrlEncoded: boolean } {
  if (typeof header !== 'string') return { base64: '', wasUrlEncoded: false }
  const trimmed = header.trim()
  if (!trimmed.includes('%')) return { base64: trimmed, wasUrlEncoded: false }
  try {
    return { base64: decodeURIComponent(trimmed), wasUrlEncoded: true }
  } catch {
    return { base64: trimmed, wasUrlEncoded: false }
  }
}

/**
 * Constant-time string equality: both sides are hashed to 32-byte SHA-256 digests first, so neither
 * the content nor the length of the secret side leaks through timing; the digests are compared
 * without early exit.
 */
export function timingSafeEqualString(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false
  const n = native()
  if (n) {
    const ha = n.createHash('sha256').update(a, 'utf8').digest()
    return n.timingSafeEqual(ha, n.createHash('sha256').update(b, 'utf8').digest())
  }
  const da = sha256Sync(utf8Bytes(a))
  const db = sha256Sync(utf8Bytes(b))
  let diff = 0
  for (let i = 0; i < da.length; i++) diff |= da[i]! ^ db[i]!
  return diff === 0
}

/**
 * Builds the five signed headers for one POST over exactly `body` (send that same string).
 *
 * @example
 * const body = JSON.stringify({ content })
 * const headers = await signRequest({ clientID, clientSecret, body })
 * await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body })
 */
export async function signRequest(o: {
  clientID: string
  clientSecret: string
  body: string
  timestamp?: number
  nonce?: string
}): Promise<SignedHeaders> {
  const timestamp = String(Math.trunc(o.timestamp ?? Date.now()))
  const nonce = o.nonce ?? newNonce()
  const parts = { clientID: o.clientID, signatureMethod: SIGNATURE_METHOD, timestamp, nonce, body: o.body }
  const signature = encodeSignatureHeader(await hmacSha256Base64(o.clientSecret, stringToSign(parts)))
  return { clientID: o.clientID, signatureMethod: SIGNATURE_METHOD, timestamp, nonce, signature }
}

/**
 * Verifies a received `signature` header against the parts as received. `valid` is false when the
 * MAC differs or `signatureMethod` is not `HmacSHA256` (the caller answers D20005 for the latter).
 * `expectedBase64` is for the sandbox's own request inspector; never put it in a response.
 */
export async function verifySignature(o: {
  secret: string
  parts: SignatureParts
  signatureHeader: string
}): Promise<{ valid: boolean; wasUrlEncoded: boolean; expectedBase64: string }> {
  const expectedBase64 = await hmacSha256Base64(o.secret, stringToSign(o.parts))
  const { base64, wasUrlEncoded } = decodeSignatureHeader(o.signatureHeader)
  const macOk = timingSafeEqualString(expectedBase64, base64)
  return { valid: macOk && o.parts.signatureMethod === SIGNATURE_METHOD, wasUrlEncoded, expectedBase64 }
}
