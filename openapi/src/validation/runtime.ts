/** Ajv's runtime helpers for the standalone validators in openapi/generated/*-validators.ts, so those import no Ajv. */

/** Deep equality of JSON values (uniqueItems, enum and const of objects), as Ajv's `equal` (fast-deep-equal). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false
    const ka = Object.keys(a)
    if (ka.length !== Object.keys(b).length) return false
    return ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  }
  return a !== a && b !== b
}

/** A string's length in code points (minLength/maxLength count characters, not UTF-16 units), as Ajv's `ucs2length`. */
export function ucs2length(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}
