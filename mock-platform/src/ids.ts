/** CSPRNG identifiers: every secret, code, token and ticket comes from here (≥128 bits). */
import { randomBytes } from '@iamsmart-sandbox/openapi/codec'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** Hex of `bytes` CSPRNG bytes (the codec's pooled getRandomValues: one system call per 4 KiB). */
export function randomHex(bytes = 16): string {
  // join, not +=: V8 keeps += results as ropes (~10x the memory of a flat 32-char string).
  return Array.from(randomBytes(bytes), (x) => HEX[x]!).join('')
}

/** 32 hex chars, 128 bits. */
export const newId = (): string => randomHex(16)
