/** CSPRNG identifiers: every secret, code, token and ticket comes from here (≥128 bits). */

export function randomHex(bytes = 16): string {
  const b = new Uint8Array(bytes)
  crypto.getRandomValues(b)
  let s = ''
  for (const x of b) s += x.toString(16).padStart(2, '0')
  return s
}

/** 32 hex chars, 128 bits. */
export const newId = (): string => randomHex(16)
