/** JSON-lines logger with redaction of secrets, tokens, codes, keys, signatures and HKID numbers. */

type Level = 'debug' | 'info' | 'warn' | 'error'
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 }

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

const SECRET_KEYS =
  /^(signature|clientsecret|secret|secretkey|code|accesstoken|token|cek|content|password|idno|hkid|identification|authorization|cookie|set-cookie|x-sandbox-admin-token)$/i
const HKID_PATTERN = /\b[A-Z]{1,2}\d{6}\(?[0-9A]\)?/g

/** Replaces secret-bearing values by a marker; masks anything shaped like an HKID in free text. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]'
  if (typeof value === 'string') return value.replace(HKID_PATTERN, '[HKID]')
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEYS.test(k) ? '[REDACTED]' : redact(v, depth + 1)
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
      write(JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...(redact(fields) as object) }))
    }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
