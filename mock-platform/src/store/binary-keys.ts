/** Keys of the expiring tables as words: 128-bit hex ids (tokens, codes, tickets) and 64-bit fingerprints of any string (nonces). */

const HEX32 = /^[0-9a-f]{32}$/

/** A 32-hex-char id (tokens, codes, tickets) as 4 words in `into`; false when it is not one. */
export function hexKey(id: string, into: Uint32Array, at = 0): boolean {
  if (!HEX32.test(id)) return false
  for (let w = 0; w < 4; w++) into[at + w] = Number.parseInt(id.slice(w * 8, w * 8 + 8), 16)
  return true
}

/** The 32-hex-char id of 4 words. */
export function hexOf(words: Uint32Array, at = 0): string {
  // join, not +=: V8 keeps += results as ropes.
  return Array.from(words.subarray(at, at + 4), (w) => w.toString(16).padStart(8, '0')).join('')
}

const SEEDS = crypto.getRandomValues(new Uint32Array(2))

/**
 * A 64-bit fingerprint of any string (nonces) in 2 words of `into`: two 32-bit hashes seeded per process, so no one
 * can aim collisions. Two different nonces of one app share a fingerprint with odds of 1 in 2^64 per pair.
 */
export function fingerprint(s: string, into: Uint32Array): void {
  into[0] = hash32(s, SEEDS[0]!)
  into[1] = hash32(s, SEEDS[1]!)
}

function hash32(s: string, seed: number): number {
  let h = seed ^ s.length
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995)
    h ^= h >>> 15
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}
