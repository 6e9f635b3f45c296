/** CSPRNG identifiers: every secret, code, token and ticket comes from here (≥128 bits). */
import { randomBytes } from '@iamsmart-sandbox/openapi/codec'

/** Hex of `bytes` CSPRNG bytes (the codec's pooled getRandomValues: one system call per 4 KiB). */
export function randomHex(bytes = 16): string {
  // Node's native hex encoder: one flat string, no per-byte strings or rope (a V8 += rope is ~10x the memory).
  const b = randomBytes(bytes)
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')
}

/** 32 hex chars, 128 bits. */
export const newId = (): string => randomHex(16)
