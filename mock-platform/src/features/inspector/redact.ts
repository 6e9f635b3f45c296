/** Masks secrets (access tokens, codes, CEKs, client secrets, signatures) for the inspector; personal data stays visible. */
import { createHash } from 'node:crypto'

/** Keys whose values are secrets, compared lower-cased without '-' and '_'. */
const SECRET_FIELDS = new Set([
  'accesstoken',
  'refreshtoken',
  'token',
  'code',
  'authcode',
  'secretkey',
  'cek',
  'clientsecret',
  'secret',
  'password',
  'privatekey',
  'authorization',
  'cookie',
])

export function isSecretField(key: string): boolean {
  return SECRET_FIELDS.has(key.toLowerCase().replace(/[-_]/g, ''))
}

/** Synchronous: on every recorded call, WebCrypto's promise and thread-pool job cost more than the hash (#19). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** First 8 hex digits of SHA-256: lets a developer match a masked value with one they hold, without revealing it. */
export function fingerprint(value: string): string {
  return `sha256:${sha256Hex(value).slice(0, 8)}`
}

/** `‹masked · 32 chars · sha256:1a2b3c4d›` */
export function maskValue(value: unknown): string {
  if (typeof value !== 'string') return `‹masked · ${value === null ? 'null' : typeof value}›`
  return `‹masked · ${value.length} chars · ${fingerprint(value)}›`
}

/** The signature header: only its length and encoding are shown (the MAC itself is of no use to read). */
export function maskSignature(header: string): string {
  return `‹masked · ${header.length} chars · ${header.includes('%') ? 'URL-encoded' : 'raw Base64'}›`
}

/** A deep copy of decrypted content with every secret-bearing field masked. */
export function redactContent(value: unknown, depth = 0): unknown {
  if (depth > 12) return '‹…›'
  if (Array.isArray(value)) return value.map((v) => redactContent(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] = isSecretField(k) && v !== null && v !== '' ? maskValue(v) : redactContent(v, depth + 1)
    }
    return out
  }
  return value
}

/** A URL with a secret query parameter (`code`) masked, e.g. the redirect getQR answered. */
export async function redactUrl(url: string): Promise<string> {
  const q = url.indexOf('?')
  if (q < 0) return url
  const params = new URLSearchParams(url.slice(q + 1))
  const parts: string[] = []
  for (const [k, v] of params)
    parts.push(`${k}=${isSecretField(k) ? await maskValue(v) : encodeURIComponent(v)}`)
  return `${url.slice(0, q)}?${parts.join('&')}`
}
