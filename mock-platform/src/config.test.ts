// Configuration (design §9): read once from the environment, defaults, derived publicBaseUrl, every bad key reported together.
import { describe, expect, it } from 'vitest'
import { ConfigError, configurationTable, defaultConfig, loadConfig } from './config'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError)
    return (e as ConfigError).problems
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`)
}

describe('loadConfig', () => {
  it('an empty environment gives exactly the documented defaults', () => {
    expect(loadConfig({})).toEqual(defaultConfig)
    expect(defaultConfig).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      publicBaseUrl: 'http://127.0.0.1:8080',
      mode: 'local',
      storage: 'lowdb',
      dataDir: '.iamsmart-sandbox',
      adminToken: undefined,
      timestampWindowMs: 300_000,
      cekTtlMs: 86_400_000,
      codeTtlMs: 120_000,
      tokenTtlMs: 600_000,
      qrRefreshMs: 60_000,
      ticketTtlMs: 240_000,
      bodyLimitBytes: 65_536,
      logLevel: 'info',
    })
  })

  it('does not share state between calls (the defaults object is not mutated)', () => {
    const c = loadConfig({ PORT: '9999' })
    c.port = 1
    expect(defaultConfig.port).toBe(8080)
    expect(loadConfig({}).port).toBe(8080)
  })

  it('empty values count as unset; unknown variables are ignored', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '', SOMETHING_ELSE: 'x' })).toEqual(defaultConfig)
  })

  it('reads every variable of the configuration table', () => {
    const c = loadConfig({
      HOST: '0.0.0.0',
      PORT: '9090',
      PUBLIC_BASE_URL: 'https://sandbox.example.hk/',
      SANDBOX_MODE: 'hosted',
      SANDBOX_STORAGE: 'memory',
      SANDBOX_DATA_DIR: ' /var/lib/sandbox ',
      SANDBOX_ADMIN_TOKEN: 'a'.repeat(24),
      SANDBOX_SEED: '7',
      SANDBOX_RESIDENTS: '0',
      TIMESTAMP_WINDOW_MS: '60000',
      CEK_TTL_MS: '1000',
      AUTH_CODE_TTL_MS: '60000',
      ACCESS_TOKEN_TTL_MS: '1000',
      QR_REFRESH_MS: '30000',
      TICKET_TTL_MS: '90000',
      BODY_LIMIT_BYTES: '1024',
      RATE_LIMIT_PER_MINUTE: '1',
      CALLBACK_TIMEOUT_MS: '100',
      CALLBACK_MAX_ATTEMPTS: '20',
      LOG_LEVEL: 'silent',
      SHUTDOWN_GRACE_MS: '0',
      NONCES_PER_APP: '5',
      LIVE_STATE_PER_APP: '6',
      PUSHES_PER_RESIDENT_PER_MINUTE: '7',
      ORG_RATE_LIMIT_PER_MINUTE: '8',
      APPS_PER_ORG: '9',
      RESIDENTS_PER_ORG: '10',
      SIGNUPS_PER_IP_PER_HOUR: '500',
      RECORDS_PER_APP: '1000',
      RECORD_QUEUE_MAX: '100',
      HEAP_LIMIT_PERCENT: '50',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/sandbox',
      DATABASE_POOL_MAX: '20',
      TRUSTED_PROXIES: '10.0.0.1, ::1',
      SANDBOX_INSTANCE_ID: 'web-1',
    })
    expect(c).toEqual({
      ...defaultConfig,
      host: '0.0.0.0',
      port: 9090,
      publicBaseUrl: 'https://sandbox.example.hk',
      mode: 'hosted',
      storage: 'memory',
      dataDir: '/var/lib/sandbox',
      adminToken: 'a'.repeat(24),
      seed: 7,
      residentCount: 0,
      timestampWindowMs: 60_000,
      cekTtlMs: 1_000,
      codeTtlMs: 60_000,
      tokenTtlMs: 1_000,
      qrRefreshMs: 30_000,
      ticketTtlMs: 90_000,
      bodyLimitBytes: 1_024,
      rateLimitPerMinute: 1,
      callbackTimeoutMs: 100,
      callbackMaxAttempts: 20,
      logLevel: 'silent',
      shutdownGraceMs: 0,
      noncesPerApp: 5,
      liveStatePerApp: 6,
      pushesPerResidentPerMinute: 7,
      orgRateLimitPerMinute: 8,
      appsPerOrg: 9,
      residentsPerOrg: 10,
      signUpsPerIpPerHour: 500,
      recordsPerApp: 1000,
      recordQueueMax: 100,
      heapLimitPercent: 50,
      databaseUrl: 'postgres://u:p@db.internal:5432/sandbox',
      databasePoolMax: 20,
      trustedProxies: ['10.0.0.1', '::1'],
      instanceId: 'web-1',
    })
    // Every variable of the table was exercised above.
    expect(configurationTable()).toHaveLength(35)
  })

  it('postgres storage needs DATABASE_URL; a bad one is refused without echoing it (it may hold a password)', () => {
    expect(() => loadConfig({ SANDBOX_STORAGE: 'postgres' })).toThrow(
      /SANDBOX_STORAGE=postgres needs DATABASE_URL/,
    )
    let message = ''
    try {
      loadConfig({ SANDBOX_STORAGE: 'postgres', DATABASE_URL: 'mysql://root:hunter2@db/x' })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/DATABASE_URL=\(value not shown\): must be a postgres:\/\/ URL/)
    expect(message).not.toContain('hunter2')
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.1,not-an-ip' })).toThrow(
      /not-an-ip is not an IP address/,
    )
    expect(
      loadConfig({ SANDBOX_STORAGE: 'postgres', DATABASE_URL: 'postgresql://u:p@127.0.0.1:5433/s' }).storage,
    ).toBe('postgres')
  })

  it('HOST and PORT derive publicBaseUrl unless PUBLIC_BASE_URL is set', () => {
    expect(loadConfig({ PORT: '9090' }).publicBaseUrl).toBe('http://127.0.0.1:9090')
    expect(loadConfig({ HOST: 'localhost' }).publicBaseUrl).toBe('http://localhost:8080')
    expect(loadConfig({ HOST: '10.0.0.5', PORT: '3000' }).publicBaseUrl).toBe('http://10.0.0.5:3000')
    expect(loadConfig({ HOST: '::1', PORT: '3000' }).publicBaseUrl).toBe('http://[::1]:3000')
    expect(loadConfig({ PORT: '3000', PUBLIC_BASE_URL: 'https://x.example//' }).publicBaseUrl).toBe(
      'https://x.example',
    )
    // An empty PUBLIC_BASE_URL is unset like every other empty value.
    expect(loadConfig({ PORT: '3000', PUBLIC_BASE_URL: '' }).publicBaseUrl).toBe('http://127.0.0.1:3000')
    // Whatever it derives is a URL the browser and the virtual app can use.
    for (const HOST of ['127.0.0.1', 'localhost', '::1', 'sandbox.local']) {
      expect(() => new URL(loadConfig({ HOST, PORT: '8081' }).publicBaseUrl), HOST).not.toThrow()
    }
  })

  it('overrides win over the environment', () => {
    expect(loadConfig({ PORT: '9090' }, { port: 1234, storage: 'memory' })).toMatchObject({
      port: 1234,
      storage: 'memory',
    })
  })

  it('reports every bad key together, each by name', () => {
    const bad = {
      HOST: '   ',
      PORT: 'eighty',
      PUBLIC_BASE_URL: 'ftp://files.example',
      SANDBOX_MODE: 'cloud',
      SANDBOX_STORAGE: 'postgres',
      SANDBOX_DATA_DIR: ' ',
      SANDBOX_ADMIN_TOKEN: 'short',
      SANDBOX_SEED: '-1',
      SANDBOX_RESIDENTS: '1e3',
      TIMESTAMP_WINDOW_MS: '999',
      CEK_TTL_MS: '0',
      AUTH_CODE_TTL_MS: '3600001',
      ACCESS_TOKEN_TTL_MS: '1.5',
      QR_REFRESH_MS: ' 60000',
      TICKET_TTL_MS: 'NaN',
      BODY_LIMIT_BYTES: '1023',
      RATE_LIMIT_PER_MINUTE: '0',
      CALLBACK_TIMEOUT_MS: '99',
      CALLBACK_MAX_ATTEMPTS: '21',
      LOG_LEVEL: 'verbose',
    }
    const problems = problemsOf(bad)
    expect(problems).toHaveLength(Object.keys(bad).length)
    for (const name of Object.keys(bad)) {
      expect(
        problems.some((p) => p.startsWith(`${name}=`)),
        `${name} is reported`,
      ).toBe(true)
    }
    // The message names them all too, one per line.
    let message = ''
    try {
      loadConfig(bad)
    } catch (e) {
      message = (e as Error).message
    }
    for (const name of Object.keys(bad)) expect(message).toContain(`${name}=`)
  })

  it('says why: the reason is part of each problem', () => {
    expect(problemsOf({ PORT: 'x' })).toEqual(['PORT="x": must be a whole number'])
    expect(problemsOf({ PORT: '65536' })).toEqual(['PORT="65536": must be between 0 and 65535'])
    expect(problemsOf({ SANDBOX_MODE: 'cloud' })).toEqual([
      'SANDBOX_MODE="cloud": must be one of local, hosted',
    ])
    expect(problemsOf({ SANDBOX_ADMIN_TOKEN: 'x'.repeat(15) })).toEqual([
      `SANDBOX_ADMIN_TOKEN=(value not shown): must be at least 16 characters`,
    ])
    expect(problemsOf({ PUBLIC_BASE_URL: 'ftp://x' })).toEqual([
      'PUBLIC_BASE_URL="ftp://x": must be an http(s) URL',
    ])
    expect(problemsOf({ PUBLIC_BASE_URL: 'not a url' })).toHaveLength(1)
  })

  it.each([
    ['PORT', 0, 65_535],
    ['SANDBOX_SEED', 0, 2 ** 31],
    ['SANDBOX_RESIDENTS', 0, 10_000],
    ['TIMESTAMP_WINDOW_MS', 1_000, 3_600_000],
    ['CEK_TTL_MS', 1_000, 7 * 86_400_000],
    ['AUTH_CODE_TTL_MS', 1_000, 3_600_000],
    ['ACCESS_TOKEN_TTL_MS', 1_000, 86_400_000],
    ['QR_REFRESH_MS', 1_000, 3_600_000],
    ['TICKET_TTL_MS', 1_000, 3_600_000],
    ['BODY_LIMIT_BYTES', 1_024, 50 * 1024 * 1024],
    ['RATE_LIMIT_PER_MINUTE', 1, 10_000_000],
    ['CALLBACK_TIMEOUT_MS', 100, 60_000],
    ['CALLBACK_MAX_ATTEMPTS', 1, 20],
  ])('%s accepts %i…%i inclusive and nothing outside', (name, min, max) => {
    const key = configurationTable().find((r) => r.variable === name)!.key as keyof typeof defaultConfig
    expect(loadConfig({ [name]: String(min) })[key]).toBe(min)
    expect(loadConfig({ [name]: String(max) })[key]).toBe(max)
    expect(problemsOf({ [name]: String(max + 1) })).toEqual([
      `${name}="${max + 1}": must be between ${min} and ${max}`,
    ])
    if (min > 0) {
      expect(problemsOf({ [name]: String(min - 1) })).toEqual([
        `${name}="${min - 1}": must be between ${min} and ${max}`,
      ])
    }
    expect(problemsOf({ [name]: '-1' })).toEqual([`${name}="-1": must be a whole number`])
  })
})

describe('configurationTable', () => {
  it('lists each variable once with its key and default', () => {
    const table = configurationTable()
    expect(new Set(table.map((r) => r.variable)).size).toBe(table.length)
    expect(table).toContainEqual({ variable: 'PORT', key: 'port', default: 8080 })
    expect(table).toContainEqual({ variable: 'BODY_LIMIT_BYTES', key: 'bodyLimitBytes', default: 65_536 })
    for (const row of table) expect(row.default).toBe(defaultConfig[row.key as keyof typeof defaultConfig])
  })
})
