/** CSPRNG helpers: every random byte the codec uses comes from `crypto.getRandomValues`. */
import { bytesToHex } from './bytes'

const POOL_BYTES = 4096
const POOLED_MAX = 256
const pool = new Uint8Array(POOL_BYTES)
let poolOffset = POOL_BYTES

/**
 * `n` bytes from the platform CSPRNG. Small requests (IVs, nonces) are served from a 4 KiB pool
 * filled by one `getRandomValues` call, each byte handed out once (a call costs ~10 µs on Node 20);
 * large ones are filled directly, chunked at the 65 536-byte limit of one call.
 */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('randomBytes: n must be a non-negative integer')
  if (n <= POOLED_MAX) {
    if (poolOffset + n > POOL_BYTES) {
      globalThis.crypto.getRandomValues(pool)
      poolOffset = 0
    }
    const out = pool.slice(poolOffset, poolOffset + n)
    pool.fill(0, poolOffset, poolOffset + n)
    poolOffset += n
    return out
  }
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i += 65_536) globalThis.crypto.getRandomValues(out.subarray(i, i + 65_536))
  return out
}

/** `bytes` random bytes as lower-case hex, e.g. `randomHex(16)` → 32 hex chars. */
export function randomHex(bytes: number): string {
  return bytesToHex(randomBytes(bytes))
}

/** A request nonce: 128 bits as 32 lower-case hex chars (the official sample's UUID-without-hyphens width). */
export function newNonce(): string {
  return randomHex(16)
}
