/** Typed configuration, read once from the environment; fails fast naming every bad key. */
import { isIP } from 'node:net'

export type SandboxMode = 'local' | 'hosted'
export type StorageKind = 'memory' | 'lowdb' | 'postgres'

export interface Config {
  host: string
  port: number
  /** Base URL the browser and the virtual app see, e.g. http://127.0.0.1:8080 */
  publicBaseUrl: string
  mode: SandboxMode
  storage: StorageKind
  dataDir: string
  /** SANDBOX_STORAGE=postgres: postgres://user:password@host:port/database (never logged). */
  databaseUrl: string | undefined
  /** Connections one instance may hold in its pool. */
  databasePoolMax: number
  /** Addresses of the load balancers in front (X-Forwarded-For is believed from these only). */
  trustedProxies: string[]
  /** This instance's name in leases and logs (hosted mode); default `<hostname>-<pid>`. */
  instanceId: string | undefined
  /** Bearer token for the sandbox admin API; generated at start when unset. */
  adminToken: string | undefined
  seed: number
  residentCount: number
  timestampWindowMs: number
  cekTtlMs: number
  codeTtlMs: number
  tokenTtlMs: number
  qrRefreshMs: number
  ticketTtlMs: number
  bodyLimitBytes: number
  rateLimitPerMinute: number
  callbackTimeoutMs: number
  callbackMaxAttempts: number
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent'
  // Limits that keep one tenant from exhausting another (design §7); see docs/decisions/0012-state-under-load.md.
  /** How long a graceful stop (SIGTERM/SIGINT) may spend draining queues and the callback outbox. */
  shutdownGraceMs: number
  /** Nonces remembered per app inside the replay window; at the bound that app's new calls get D20026 (429). */
  noncesPerApp: number
  /** Live codes, tokens, tickets and business ids held per app; at the bound that app's new ones are refused. */
  liveStatePerApp: number
  /** Requests an app may push to one resident's virtual app per minute (D20026 beyond). */
  pushesPerResidentPerMinute: number
  /** Signed calls per minute across all the apps of one organisation (each app also has RATE_LIMIT_PER_MINUTE). */
  orgRateLimitPerMinute: number
  /** Apps one organisation may register. */
  appsPerOrg: number
  /** Residents one organisation may create (private or shared). */
  residentsPerOrg: number
  /** Console sign-ups accepted per IP address per hour (HTTP 429 beyond). */
  signUpsPerIpPerHour: number
  /** Records kept per app in the request log and the consent ledger (oldest segments dropped beyond). */
  recordsPerApp: number
  /** Records waiting to be written per append-only log; when full, new work waits, then is refused (D20026 / 503). */
  recordQueueMax: number
  /** Above this share (%) of V8's heap limit, new signed calls are refused (429 + D20026) rather than risk running out. */
  heapLimitPercent: number
  // Support desk (features/support, features/notifications); unset → built-in defaults. See supportConfigurationTable().
  /** smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps://…; unset: mail stays in the local viewer. */
  smtpUrl?: string
  /** The From address of notifications. */
  mailFrom?: string
  /** Response targets in business hours per priority, e.g. `urgent=1/8,high=4/16` (first response/resolution). */
  supportTargets?: SupportTargetHours
  /** Public holidays (YYYY-MM-DD, Hong Kong) skipped by the business-hours clock; replaces the built-in 2026 list. */
  supportHolidays?: string[]
}

export type SupportPriority = 'low' | 'normal' | 'high' | 'urgent'
export type SupportTargetHours = Partial<
  Record<SupportPriority, { firstResponse: number; resolution: number }>
>

export const defaultConfig: Config = {
  host: '127.0.0.1',
  port: 8080,
  publicBaseUrl: 'http://127.0.0.1:8080',
  mode: 'local',
  storage: 'lowdb',
  dataDir: '.iamsmart-sandbox',
  databaseUrl: undefined,
  databasePoolMax: 10,
  trustedProxies: [],
  instanceId: undefined,
  adminToken: undefined,
  seed: 20260101,
  residentCount: 200,
  timestampWindowMs: 300_000,
  cekTtlMs: 86_400_000,
  codeTtlMs: 120_000,
  tokenTtlMs: 600_000,
  qrRefreshMs: 60_000,
  ticketTtlMs: 240_000,
  bodyLimitBytes: 64 * 1024,
  rateLimitPerMinute: 6_000,
  callbackTimeoutMs: 10_000,
  callbackMaxAttempts: 5,
  logLevel: 'info',
  shutdownGraceMs: 10_000,
  noncesPerApp: 200_000,
  liveStatePerApp: 100_000,
  pushesPerResidentPerMinute: 10,
  orgRateLimitPerMinute: 30_000,
  appsPerOrg: 100,
  residentsPerOrg: 2_000,
  signUpsPerIpPerHour: 20,
  recordsPerApp: 200_000,
  recordQueueMax: 20_000,
  heapLimitPercent: 85,
  smtpUrl: undefined,
  mailFrom: undefined,
  supportTargets: undefined,
  supportHolidays: undefined,
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

/** Maps each environment variable to its config key and parser. Documented in the portal's configuration table. */
const variables: Array<[string, keyof Config, (raw: string) => unknown]> = [
  ['HOST', 'host', nonEmpty],
  ['PORT', 'port', intIn(0, 65535)],
  ['PUBLIC_BASE_URL', 'publicBaseUrl', url],
  ['SANDBOX_MODE', 'mode', oneOf('local', 'hosted')],
  ['SANDBOX_STORAGE', 'storage', oneOf('memory', 'lowdb', 'postgres')],
  ['SANDBOX_DATA_DIR', 'dataDir', nonEmpty],
  ['DATABASE_URL', 'databaseUrl', postgresUrl],
  ['DATABASE_POOL_MAX', 'databasePoolMax', intIn(1, 1_000)],
  ['TRUSTED_PROXIES', 'trustedProxies', addressList],
  ['SANDBOX_INSTANCE_ID', 'instanceId', instanceId],
  ['SANDBOX_ADMIN_TOKEN', 'adminToken', minLength(16)],
  ['SANDBOX_SEED', 'seed', intIn(0, 2 ** 31)],
  ['SANDBOX_RESIDENTS', 'residentCount', intIn(0, 10_000)],
  ['TIMESTAMP_WINDOW_MS', 'timestampWindowMs', intIn(1_000, 3_600_000)],
  ['CEK_TTL_MS', 'cekTtlMs', intIn(1_000, 7 * 86_400_000)],
  ['AUTH_CODE_TTL_MS', 'codeTtlMs', intIn(1_000, 3_600_000)],
  ['ACCESS_TOKEN_TTL_MS', 'tokenTtlMs', intIn(1_000, 86_400_000)],
  ['QR_REFRESH_MS', 'qrRefreshMs', intIn(1_000, 3_600_000)],
  ['TICKET_TTL_MS', 'ticketTtlMs', intIn(1_000, 3_600_000)],
  ['BODY_LIMIT_BYTES', 'bodyLimitBytes', intIn(1_024, 50 * 1024 * 1024)],
  ['RATE_LIMIT_PER_MINUTE', 'rateLimitPerMinute', intIn(1, 10_000_000)],
  ['CALLBACK_TIMEOUT_MS', 'callbackTimeoutMs', intIn(100, 60_000)],
  ['CALLBACK_MAX_ATTEMPTS', 'callbackMaxAttempts', intIn(1, 20)],
  ['LOG_LEVEL', 'logLevel', oneOf('debug', 'info', 'warn', 'error', 'silent')],
  ['SHUTDOWN_GRACE_MS', 'shutdownGraceMs', intIn(0, 600_000)],
  ['NONCES_PER_APP', 'noncesPerApp', intIn(1, 10_000_000)],
  ['LIVE_STATE_PER_APP', 'liveStatePerApp', intIn(1, 1_000_000)],
  ['PUSHES_PER_RESIDENT_PER_MINUTE', 'pushesPerResidentPerMinute', intIn(1, 10_000)],
  ['ORG_RATE_LIMIT_PER_MINUTE', 'orgRateLimitPerMinute', intIn(1, 100_000_000)],
  ['APPS_PER_ORG', 'appsPerOrg', intIn(1, 100_000)],
  ['RESIDENTS_PER_ORG', 'residentsPerOrg', intIn(1, 1_000_000)],
  ['SIGNUPS_PER_IP_PER_HOUR', 'signUpsPerIpPerHour', intIn(1, 100_000)],
  ['RECORDS_PER_APP', 'recordsPerApp', intIn(100, 100_000_000)],
  ['RECORD_QUEUE_MAX', 'recordQueueMax', intIn(10, 10_000_000)],
  ['HEAP_LIMIT_PERCENT', 'heapLimitPercent', intIn(10, 100)],
]

/** The support desk's variables: a table of their own, with what each sets (for the portal's configuration page). */
const supportVariables: Array<[string, keyof Config, (raw: string) => unknown, string]> = [
  [
    'SMTP_URL',
    'smtpUrl',
    smtpUrl,
    'SMTP server for notifications, `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or `smtps://…`; unset: mail is kept for the local viewer at `/mail`.',
  ],
  [
    'MAIL_FROM',
    'mailFrom',
    nonEmpty,
    'From address of support notifications (default `iAM Smart Sandbox Support <support@sandbox.invalid>`).',
  ],
  [
    'SUPPORT_TARGETS',
    'supportTargets',
    targetList,
    'Response targets in Hong Kong business hours per priority, first response/resolution, default `urgent=1/9,high=4/18,normal=9/45,low=18/90` (a business day is 9 hours).',
  ],
  [
    'SUPPORT_HOLIDAYS',
    'supportHolidays',
    dateList,
    'Public holidays skipped by the business-hours clock, comma-separated `YYYY-MM-DD` (default: the 2026 Hong Kong general holidays).',
  ],
]

/** Variables whose values may hold a password or token: a refusal names the variable, never the value. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['SANDBOX_ADMIN_TOKEN', 'DATABASE_URL', 'SMTP_URL'])

/** Reads the environment once. Unknown variables are ignored; every bad value is reported together. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = { ...defaultConfig }
  const problems: string[] = []
  for (const [name, key, parse] of [...variables, ...supportVariables]) {
    const raw = env[name]
    if (raw === undefined || raw === '') continue
    try {
      ;(config as unknown as Record<string, unknown>)[key] = parse(raw)
    } catch (e) {
      const shown = SECRET_VARIABLES.has(name) ? '(value not shown)' : JSON.stringify(raw)
      problems.push(`${name}=${shown}: ${(e as Error).message}`)
    }
  }
  // An empty PUBLIC_BASE_URL is unset, like every other empty value; an IPv6 host needs brackets in a URL.
  if (!env.PUBLIC_BASE_URL && (env.HOST || env.PORT)) {
    const host = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host
    config.publicBaseUrl = `http://${host}:${config.port}`
  }
  Object.assign(config, overrides)
  if (config.storage === 'postgres' && !config.databaseUrl)
    problems.push('SANDBOX_STORAGE=postgres needs DATABASE_URL (postgres://user:password@host:port/database)')
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

/** The configuration documented as a table (name, key, default) for the portal. */
export function configurationTable(): Array<{ variable: string; key: string; default: unknown }> {
  return variables.map(([variable, key]) => ({ variable, key, default: defaultConfig[key] }))
}

/** The support desk's configuration as a table (variable, key, default, what it sets) for the portal. */
export function supportConfigurationTable(): Array<{
  variable: string
  key: string
  default: unknown
  description: string
}> {
  return supportVariables.map(([variable, key, , description]) => ({
    variable,
    key,
    default: defaultConfig[key],
    description,
  }))
}

function nonEmpty(raw: string): string {
  if (raw.trim() === '') throw new Error('must not be empty')
  return raw.trim()
}
function url(raw: string): string {
  const u = new URL(raw)
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('must be an http(s) URL')
  return raw.replace(/\/+$/, '')
}
function intIn(min: number, max: number) {
  return (raw: string): number => {
    if (!/^\d+$/.test(raw)) throw new Error('must be a whole number')
    const n = Number(raw)
    if (n < min || n > max) throw new Error(`must be between ${min} and ${max}`)
    return n
  }
}
function oneOf<T extends string>(...values: T[]) {
  return (raw: string): T => {
    if (!values.includes(raw as T)) throw new Error(`must be one of ${values.join(', ')}`)
    return raw as T
  }
}
function minLength(n: number) {
  return (raw: string): string => {
    if (raw.length < n) throw new Error(`must be at least ${n} characters`)
    return raw
  }
}
function postgresUrl(raw: string): string {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    throw new Error('must be a postgres:// URL') // the value is not echoed back: it may hold a password
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('must be a postgres:// URL')
  if (!u.hostname) throw new Error('must name a host')
  return raw
}
function addressList(raw: string): string[] {
  const list = raw.split(',').map((a) => a.trim())
  for (const a of list) if (isIP(a) === 0) throw new Error(`${a} is not an IP address`)
  return list
}
function instanceId(raw: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw))
    throw new Error('must be 1–64 letters, digits, dots, dashes or underscores')
  return raw
}
function smtpUrl(raw: string): string {
  const u = new URL(raw)
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('must be an smtp:// or smtps:// URL')
  if (!u.hostname) throw new Error('must name a host')
  return raw
}
function targetList(raw: string): SupportTargetHours {
  const out: SupportTargetHours = {}
  for (const part of raw.split(',')) {
    const m = /^\s*(low|normal|high|urgent)=(\d{1,4})\/(\d{1,4})\s*$/.exec(part)
    if (!m) throw new Error('must be priority=firstResponseHours/resolutionHours, comma-separated')
    const [firstResponse, resolution] = [Number(m[2]), Number(m[3])]
    if (firstResponse < 1 || resolution < firstResponse)
      throw new Error('hours must be ≥ 1, resolution ≥ first response')
    out[m[1] as SupportPriority] = { firstResponse, resolution }
  }
  return out
}
function dateList(raw: string): string[] {
  const dates = raw.split(',').map((d) => d.trim())
  for (const d of dates)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
      throw new Error(`${d} is not a YYYY-MM-DD date`)
  return dates
}
