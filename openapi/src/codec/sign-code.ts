/** The 4-digit signing identification code (`signCode`) shown to the OSP and in the app (reference §9). */
import { base64ToBytes, concatBytes, utf8Bytes } from './bytes'
import { md5, sha256, sha512 } from './digest'

/** digits = (d4[i] >> 4) % 10 for i in 0, 4, 8, 12, where d4 = MD5(SHA-512(input)). */
async function reduce(input: Uint8Array): Promise<string> {
  const d4 = md5(await sha512(input))
  return [0, 4, 8, 12].map((i) => String((d4[i]! >> 4) % 10)).join('')
}

/**
 * Authenticated signing: d1 = SHA-256(UTF-8 hashCode), d2 = SHA-256(UTF-8 openID),
 * d4 = MD5(SHA-512(d1 ‖ d2)), digits from d4 (the known-answer vector's algorithm).
 *
 * @example await computeSignCode({ hashCode: 'e24c8b8f…90cc', openID: 'f2b8c1d4…b3c4' }) // '5460'
 */
export async function computeSignCode(o: { hashCode: string; openID: string }): Promise<string> {
  const d1 = await sha256(utf8Bytes(o.hashCode))
  const d2 = await sha256(utf8Bytes(o.openID))
  return reduce(concatBytes(d1, d2))
}

/**
 * Anonymous signing (no openID yet): SHA-512(digest ‖ HKICHash bytes ‖ clientID), then the same
 * MD5 reduction. The public record does not pin the bytes, so the sandbox fixes them as:
 * - digest: SHA-256 of the UTF-8 `digest` string exactly as sent (the `hashCode` / `docDigest`,
 *   hex or Base64), i.e. the same 32 bytes that d1 contributes in the authenticated variant;
 * - HKICHash bytes: the 32 raw bytes of the Base64-decoded HKICHash; if the value is not valid
 *   Base64 of 32 bytes, its UTF-8 text is used instead, so the function is total;
 * - clientID: its UTF-8 bytes.
 */
export async function computeAnonymousSignCode(o: {
  digest: string
  hkicHash: string
  clientID: string
}): Promise<string> {
  const digest = await sha256(utf8Bytes(o.digest))
  return reduce(concatBytes(digest, hkicHashBytes(o.hkicHash), utf8Bytes(o.clientID)))
}

function hkicHashBytes(value: string): Uint8Array {
  try {
    const raw = base64ToBytes(value.trim())
    if (raw.length === 32) return raw
  } catch {
    // fall through to the text form
  }
  return utf8Bytes(value)
}
