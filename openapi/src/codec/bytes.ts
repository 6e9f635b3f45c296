/** Byte helpers for the codec: strict Base64 / hex / UTF-8 conversions with no Node-only APIs. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_INDEX = new Int16Array(128).fill(-1)
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i

const HEX = '0123456789abcdef'
const utf8Encoder = new TextEncoder()
const utf8StrictDecoder = new TextDecoder('utf-8', { fatal: true })

/** Node's Buffer when present (a flat string, much faster); the portable loop below otherwise. */
const NodeBuffer = (
  globalThis as {
    Buffer?: { from(b: ArrayBufferLike, o: number, n: number): { toString(enc: 'base64'): string } }
  }
).Buffer

/** Encodes bytes as standard, padded Base64 (RFC 4648 §4), e.g. `bytesToBase64(new Uint8Array([0xff]))` → `'/w=='`. */
export function bytesToBase64(b: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(b.buffer, b.byteOffset, b.length).toString('base64')
  let out = ''
  let i = 0
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!
  }
  const rest = b.length - i
  if (rest === 1) {
    const n = b[i]! << 16
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`
  } else if (rest === 2) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8)
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`
  }
  return out
}

/**
 * Decodes standard Base64. Padding may be omitted, but any character outside the alphabet
 * (whitespace, `-`, `_`, a misplaced `=`) or a dangling 6-bit group throws a TypeError.
 */
export function base64ToBytes(s: string): Uint8Array<ArrayBuffer> {
  let end = s.length
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--
  if (end !== s.length && s.length % 4 !== 0) throw new TypeError('invalid Base64 padding')
  if (end % 4 === 1) throw new TypeError('invalid Base64 length')
  const out = new Uint8Array(Math.floor((end * 3) / 4))
  let acc = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i)
    const v = c < 128 ? B64_INDEX[c]! : -1
    if (v < 0) throw new TypeError('invalid Base64 character')
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) throw new TypeError('non-canonical Base64 tail')
  return out
}

/** Lower-case hex, e.g. `bytesToHex(new Uint8Array([1, 171]))` → `'01ab'`. */
export function bytesToHex(b: Uint8Array): string {
  // join, not +=: V8 keeps += results as ropes, which cost ~10x the memory of a flat string.
  const parts = new Array<string>(b.length)
  for (let i = 0; i < b.length; i++) parts[i] = HEX[b[i]! >> 4]! + HEX[b[i]! & 15]!
  return parts.join('')
}

/** Parses hex (either case); throws a TypeError on odd length or a non-hex character. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new TypeError('invalid hex string')
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

export function utf8Bytes(s: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(s)
}

/** Strict UTF-8 decode: invalid sequences throw a TypeError instead of becoming U+FFFD. */
export function utf8Text(b: Uint8Array): string {
  return utf8StrictDecoder.decode(b)
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}

/** Bytes → node-forge "binary string" (one char per byte). */
export function bytesToBinary(b: Uint8Array): string {
  let out = ''
  for (let i = 0; i < b.length; i += 0x8000) out += String.fromCharCode(...b.subarray(i, i + 0x8000))
  return out
}

/** node-forge "binary string" → bytes. */
export function binaryToBytes(s: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
  return out
}

/** Copies into a fresh ArrayBuffer-backed view, as Web Crypto's BufferSource typing requires. */
export function toBuffer(b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(b.length)
  out.set(b)
  return out
}
