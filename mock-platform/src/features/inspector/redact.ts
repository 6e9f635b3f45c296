/** Masks secrets (access tokens, codes, CEKs, client secrets, signatures) for the inspector; personal data stays visible. */
import { bytesToHex } from '@iamsmart-sandbox/openapi/codec'

const utf8 = new TextEncoder()

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

export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text))))
}

/** First 8 hex digits of SHA-256: lets a developer match a masked value with one they hold, without revealing it. */
export async function fingerprint(value: string): Promise<string> {
  return `sha256:${(await sha256Hex(value)).slice(0, 8)}`
}

/** `‹masked · 32 chars · sha256:1a2b3c4d›` */
export async function maskValue(value: unknown): Promise<string> {
  if (typeof value !== 'string') return `‹masked · ${value === null ? 'null' : typeof value}›`
  return `‹masked · ${value.length} chars · ${await fingerprint(value)}›`
}

/** The signature header: only its length and encoding are shown (the MAC itself is of no use to read). */
export function maskSignature(header: string): string {
  return `‹masked · ${header.length} chars · ${header.includes('%') ? 'URL-encoded' : 'raw Base64'}›`
}

/** A deep copy of decrypted content with every secret-bearing field masked. */
export async function redactContent(value: unknown, depth = 0): Promise<unknown> {
  if (depth > 12) return '‹…›'
  if (Array.isArray(value)) return Promise.all(value.map((v) => redactContent(v, depth + 1)))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        isSecretField(k) && v !== null && v !== '' ? await maskValue(v) : await redactContent(v, depth + 1)
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
