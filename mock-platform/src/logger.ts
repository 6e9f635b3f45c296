/** JSON-lines logger with redaction of secrets, tokens, codes, keys, signatures and HKID numbers. */

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

/** Secret-bearing keys, compared lower-cased without '-' and '_' (so client_secret and clientSecret both match). */
const SECRET_KEYS = new Set([
  'signature',
  'clientsecret',
  'secret',
  'secretkey',
  'code',
  'authcode',
  'accesstoken',
  'token',
  'cek',
  'content',
  'password',
  'privatekey',
  'idno',
  'hkid',
  'identification',
  'authorization',
  'cookie',
  'setcookie',
])
/** Any key ending like these is secret too: adminToken, refresh_token, kekPrivateKey, x-api-secret… */
const SECRET_SUFFIX = /(token|secret|secretkey|password|privatekey|signature)$/
/** An HKID number in free text, with or without its check digit and brackets. */
const HKID_PATTERN = /\b[A-Z]{1,2}\d{6}(?:\(?[0-9A]\)?)?/g

function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_]/g, '')
  return SECRET_KEYS.has(k) || SECRET_SUFFIX.test(k)
}

const maskText = (s: string) => s.replace(HKID_PATTERN, '[HKID]')

/** Replaces secret-bearing values by a marker; masks anything shaped like an HKID in free text; never prints raw bytes. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]'
  if (typeof value === 'string') return maskText(value)
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[BINARY]'
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = isSecretKey(k) ? '[REDACTED]' : redact(v, depth + 1)
    return out
  }
  return value
}

export function createLogger(
  level: Level | 'silent' = 'info',
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const log =
    (l: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (order[l] < order[level]) return
      const entry: Record<string, unknown> = { time: new Date().toISOString(), level: l, msg: maskText(msg) }
      // Fields never overwrite time, level or msg (log forging); a clashing field keeps its value under `_name`.
      for (const [k, v] of Object.entries(redact(fields) as object)) entry[k in entry ? `_${k}` : k] = v
      write(JSON.stringify(entry))
    }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
