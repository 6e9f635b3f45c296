/**
 * createApp(config, deps): builds the mock platform's services and routes. Never listens (see server.ts),
 * so tests, MSW handlers and the Node server share one implementation.
 */
import type { ConnectionOptions } from 'node:tls'
import { Hono } from 'hono'
import { type Clock, systemClock } from './clock'
import type { Config } from './config'
import { defaultConfig } from './config'
import { ProblemError } from './errors'
import { type AuditEntry, AuditLog } from './features/access/audit'
import { sessionAccess } from './features/access/session-access'
import type { Account, StaffSeed } from './features/accounts/account.types'
import { AccountsService } from './features/accounts/accounts.service'
import { SessionStore } from './features/accounts/sessions'
import { type NewApp, AppsService } from './features/apps/apps.service'
import type { RegisteredApp } from './features/apps/app.types'
import { type ChangeRequest, ChangesService } from './features/apps/changes.service'
import { Outbox } from './features/callbacks/outbox'
import { consentRecorder } from './features/consent/consent.recorder'
import { registerConsentApi } from './features/consent/consent.routes'
import { ConsentService, type LedgerLine } from './features/consent/consent.service'
import type { Consent } from './features/consent/consent.types'
import { registerDataExchangeApi } from './features/departments/data-exchange.routes'
import { DepartmentsService, type StoredRecords } from './features/departments/departments.service'
import { departmentRecordsRoutes } from './features/departments/records.routes'
import type { DemoSecrets } from './features/demo/demo-exchange'
import { demoRoutes, type ReceivedCallback } from './features/demo/demo.routes'
import { inspectorRoutes } from './features/inspector/inspector.routes'
import type { InspectedItem } from './features/inspector/inspector.types'
import { unknownPath } from './features/inspector/unknown-path'
import { Inspector } from './features/inspector/inspector.service'
import { DEFAULT_FROM, type MailMessage, MailOutbox } from './features/notifications/mail-outbox'
import { mailPageRoutes } from './features/notifications/mail.routes'
import { sendMail } from './features/notifications/smtp'
import { getQrRoutes } from './features/login/get-qr.routes'
import { registerLoginApi } from './features/login/platform.routes'
import { TokensService } from './features/login/tokens.service'
import type { Org } from './features/orgs/org.types'
import { OrgsService } from './features/orgs/orgs.service'
import { ResidentsService } from './features/residents/residents.service'
import { Autopilot } from './features/sandbox/autopilot'
import { AppClock } from './features/scenarios/app-clock'
import { scenarioRoutes } from './features/scenarios/scenarios.routes'
import { Scenarios } from './features/scenarios/scenarios.service'
import { sandboxRoutes } from './features/sandbox/sandbox.routes'
import { tryItRoutes } from './features/try-it/try-it.routes'
import { memoryBlobStore } from './features/support/blob-store'
import { Desk } from './features/support/desk'
import { supportRoutes } from './features/support/support.routes'
import { KeysService } from './features/security/keys.service'
import { registerSigningApi } from './features/signing/signing.routes'
import { TaskIntake } from './features/tasks/intake'
import { registerTaskApi } from './features/tasks/tasks.routes'
import { TicketsService } from './features/tickets/tickets.service'
import { virtualAppRoutes } from './features/virtual-app/virtual-app.routes'
import type { HistoryEntry } from './features/virtual-app/virtual-app.types'
import { newId, randomHex } from './ids'
import { createLogger, type Logger } from './logger'
import { problemBodyLimit } from './http/body'
import { frameGuard } from './http/frame-guard'
import { generateResidents, magicResidents } from './personas'
import type { Resident } from './personas/resident.types'
import { pkiAdminRoutes, pkiRoutes } from './pki/pki.routes'
import { Pki } from './pki/pki.service'
import { memoryPkiStore, type PkiStore } from './pki/pki.store'
import { bodyLimit } from './protocol/body-limit'
import { envelope, sendEnvelope } from './protocol/envelope'
import { type HeapReading, MemoryGuard } from './protocol/memory-guard'
import { methodGuard } from './protocol/method-guard'
import { RateLimiter } from './protocol/rate-limiter'
import { ReplayGuard } from './protocol/replay-guard'
import { recordGetQr } from './features/login/get-qr.record'
import { appDirectory } from './features/apps/app-directory'
import { toPlatformError } from './protocol/platform-error'
import type { Services } from './services'
import type { CollectionFactory } from './store/collection'
import { memoryStorage } from './store/memory'
import { LogFullError, memoryRecordLog, type RecordLog } from './store/record-log'
import { type RecordLogs, recordLogs } from './store/records'

export interface AppDeps {
  clock?: Clock
  logger?: Logger
  storage?: CollectionFactory
  /** fetch used for callbacks (tests inject one). */
  fetch?: typeof fetch
  callbackBackoffMs?: (attempt: number) => number
  residents?: () => Resident[]
  /** Apps to register at start (tests, the demo app). */
  apps?: NewApp[]
  /** Where the mock PKI keeps its keys (server.ts: the data directory); memory by default. */
  pkiStore?: PkiStore
  /** Reads the V8 heap for load shedding (server.ts: node:v8); none: no shedding (tests, MSW). */
  heap?: () => HeapReading
  /** Append-only logs (request log, consent ledger, audit); default: segment files in lowdb mode, memory otherwise. */
  records?: RecordLogs
  /** Request inspector: its log (default records('requests'); null: memory) and its limits. */
  inspector?: { log?: RecordLog<InspectedItem> | null; tailSize?: number; heartbeatMs?: number }
  /** Staff accounts to create (or update) at start; passwords as scrypt hashes (accounts/password.ts hashPassword). */
  staff?: StaffSeed[]
  /** The demo app's credentials: its return page at /demo/callback then offers "Exchange this code". */
  demo?: DemoSecrets
  /** Notifications: extra TLS options for SMTP (a private CA in tests) and the retry back-off. */
  mail?: { tls?: ConnectionOptions; backoffMs?: (attempt: number) => number }
}

export interface Platform {
  app: Hono
  services: Services
  /** Apps registered from deps.apps, in order. */
  seededApps: RegisteredApp[]
  /** Callbacks received by the sample e-Service at /demo/callback. */
  demoCallbacks: ReceivedCallback[]
  /**
   * Drains the callback outbox (deliveries and their retries) for at most `graceMs` (unbounded when omitted), then
   * writes every queued record and closes the logs. Returns what was left undelivered.
   */
  close(graceMs?: number): Promise<{ callbacksAbandoned: number }>
}

export async function createApp(config: Config = defaultConfig, deps: AppDeps = {}): Promise<Platform> {
  const clock = deps.clock ?? systemClock
  const logger = deps.logger ?? createLogger(config.logLevel)
  const storage = deps.storage ?? memoryStorage()
  const records = deps.records ?? recordLogs(config)
  const apps = new AppsService(await storage.collection<RegisteredApp>('apps'), clock)
  const residents = new ResidentsService(await storage.collection<Resident>('residents'), clock)
  await residents.seed(
    deps.residents ??
      (() => [...magicResidents(), ...generateResidents({ seed: config.seed, count: config.residentCount })]),
  )
  const meta = await storage.collection<{ id: string; value: string }>('meta')
  let pairwise = meta.get('pairwise-key')
  if (!pairwise) {
    pairwise = { id: 'pairwise-key', value: randomHex(32) }
    await meta.put(pairwise)
  }

  // Sandbox accounts and organisations (design §8): durable collections; sessions in memory.
  const accounts = new AccountsService(await storage.collection<Account>('accounts'), clock)
  await accounts.seedStaff(deps.staff ?? [])
  const orgs = new OrgsService(await storage.collection<Org>('orgs'), clock)
  await orgs.ensureBuiltIn()
  const sessions = new SessionStore(clock)
  const changes = new ChangesService(await storage.collection<ChangeRequest>('app-changes'), apps, clock)
  const audit = await AuditLog.open(records<AuditEntry>('audit'), clock)

  const scenarios = new Scenarios(clock)
  const keys = new KeysService(clock, () => config.cekTtlMs)
  const tokens = new TokensService(
    clock,
    () => config.codeTtlMs,
    () => config.tokenTtlMs,
    pairwise.value,
    () => config.liveStatePerApp,
  )
  const outbox = new Outbox({
    clock,
    logger,
    apps,
    keys,
    mode: () => config.mode,
    timeoutMs: () => config.callbackTimeoutMs,
    maxAttempts: () => config.callbackMaxAttempts,
    backoffMs: deps.callbackBackoffMs,
    fetch: deps.fetch,
    upstream: () => tickets.idle(),
    onRecord: (r) => inspector.observeCallback(r),
    force: (t) => {
      const f = scenarios.takeCallback(t.clientID, t.kind)
      return f && { scenarioId: f.scenarioId, fault: f.fault }
    },
  })
  const history: HistoryEntry[] = []
  // Consent ledger (every release of resident data) and the departments' synthetic records (preview data exchange).
  const ledger = records<LedgerLine>('consents')
  const consents = new ConsentService(await storage.collection<Consent>('consents'), ledger, clock, logger)
  await consents.open()
  const departments = new DepartmentsService(
    await storage.collection<StoredRecords>('department-records'),
    () => config.seed,
    clock,
  )
  const tickets: TicketsService = new TicketsService({
    clock,
    ttlMs: () => config.ticketTtlMs,
    qrTtlMs: () => config.qrRefreshMs,
    resident: (id) => residents.get(id),
    issueCode: (t) => tokens.issueCode(t),
    sendCallback: (t) => outbox.enqueue(t),
    onDecided: consentRecorder(consents, (id) => apps.get(id)?.name),
    onRecordFailed: (t, e) =>
      logger.error('release not recorded: the decision failed', { ticketID: t.ticketID, error: String(e) }),
    perApp: () => config.liveStatePerApp,
  })
  const autopilot = new Autopilot(() => tickets, logger)
  // Request inspector, scenarios and the per-app test clock (features/inspector, features/scenarios).
  const appClock = new AppClock(clock, [keys, tokens, tickets, consents])
  const inspector = new Inspector({
    clock,
    logger,
    apps,
    keys,
    scenarios,
    appClock,
    outbox: () => outbox,
    tailSize: deps.inspector?.tailSize,
    queueMax: config.recordQueueMax,
    log:
      deps.inspector?.log === null
        ? memoryRecordLog('requests', { keep: deps.inspector.tailSize ?? 500 })
        : (deps.inspector?.log ?? records<InspectedItem>('requests')),
  })
  // Signing: the mock iAM Smart-Cert PKI. Its CA keys (first start; every start in memory, reused within a process)
  // are generated off the event loop: startup does not wait, PKI routes and signing await pki.ready.
  const pki = new Pki({
    store: deps.pkiStore ?? memoryPkiStore(),
    clock,
    baseUrl: () => config.publicBaseUrl,
  })
  pki.ready.catch((e: Error) => logger.error('mock PKI unavailable', { error: e.message }))
  // Support desk and its notifications outbox (features/support, features/notifications).
  const smtpUrl = config.smtpUrl
  const mail = new MailOutbox({
    messages: await storage.collection<MailMessage>('mail-outbox'),
    clock,
    logger,
    from: config.mailFrom ?? DEFAULT_FROM,
    transport: smtpUrl ? (m) => sendMail({ url: smtpUrl, tls: deps.mail?.tls }, m) : undefined,
    backoffMs: deps.mail?.backoffMs,
  })
  const blobs =
    config.storage === 'lowdb'
      ? (await import('./features/support/blob-store.file')).fileBlobStore(config.dataDir)
      : memoryBlobStore()
  const support = await Desk.open(storage, { clock, config, orgs, accounts, apps, inspector, mail, blobs })
  const services: Services = {
    access: sessionAccess({ config, accounts, sessions, orgs, apps, residents, audit }),
    accounts,
    sessions,
    orgs,
    changes,
    audit,
    config,
    clock,
    logger,
    apps,
    keys,
    tokens,
    tickets,
    residents,
    consents,
    departments,
    outbox,
    autopilot,
    inspector,
    scenarios,
    appClock,
    signed: {
      clock,
      apps: appDirectory(apps),
      keys,
      replay: new ReplayGuard(
        clock,
        () => config.timestampWindowMs,
        () => config.noncesPerApp,
      ),
      limiter: new RateLimiter(clock, () => config.rateLimitPerMinute),
      orgLimiter: new RateLimiter(clock, () => config.orgRateLimitPerMinute),
      memory:
        deps.heap &&
        new MemoryGuard(
          deps.heap,
          () => config.heapLimitPercent,
          () => clock.now(),
        ),
      observe: (r) => inspector.observe(r),
      forced: (clientID, operationId) => scenarios.take(clientID, operationId),
      logger,
    },
    pageLimiter: new RateLimiter(clock, () => config.rateLimitPerMinute),
    pki,
    support,
    mail,
  }

  const seededApps: RegisteredApp[] = []
  for (const a of deps.apps ?? []) seededApps.push(apps.get(a.clientID ?? '') ?? (await apps.create(a)))

  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    c.res.headers.delete('X-Powered-By')
  })
  // HTML refuses framing; bodies limited before they are read, 413 problem+json (platform: api below; support: per route).
  app.use('*', frameGuard())
  for (const prefix of ['/sandbox/v1/*', '/app/*', '/demo/*', '/mail/*', '/pki/*'])
    app.use(prefix, problemBodyLimit(config.bodyLimitBytes))
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'max-age=86400' }))
  app.get('/healthz', (c) =>
    c.json({ status: 'ok', residents: residents.list().length, apps: apps.list().length }),
  )

  // The platform API: signed POSTs plus the browser GET of getQR.
  const api = new Hono()
  api.use(
    '*',
    bodyLimit(config.bodyLimitBytes, (c) => sendEnvelope(c, envelope(newId(), 'D20003'), 413)),
  )
  registerLoginApi(api, services)
  // One intake for every task kind: businessIDs unique per app, pushes counted per (app, resident) across kinds.
  const intake = new TaskIntake(services)
  registerTaskApi(api, services, intake)
  registerSigningApi(api, services, intake)
  // Preview (not in the published iAM Smart specification): consent status and consented data exchange.
  registerConsentApi(api, services)
  registerDataExchangeApi(api, services, intake)
  api.get('/auth/getQR', recordGetQr(apps, services.signed))
  api.route('/', getQrRoutes(services))
  methodGuard(api)
  app.route('/api/v1', api)

  app.route('/pki', pkiRoutes(services))
  app.route('/sandbox/v1', pkiAdminRoutes(services))
  app.route('/app', virtualAppRoutes(services, history))
  app.route('/sandbox/v1', sandboxRoutes(services))
  app.route('/sandbox/v1', departmentRecordsRoutes(services))
  app.route('/sandbox/v1', inspectorRoutes(services, deps.inspector?.heartbeatMs))
  app.route('/sandbox/v1', scenarioRoutes(services))
  // The API reference's "try it": a platform operation called as the app, through this very app (in-process).
  app.route(
    '/sandbox/v1',
    tryItRoutes(services, async (req) => app.fetch(req)),
  )
  app.route('/support/v1', supportRoutes(services))
  app.route('/mail', mailPageRoutes(services))
  const demoCallbacks: ReceivedCallback[] = []
  app.route(
    '/demo',
    demoRoutes(demoCallbacks, () => clock.now(), {
      secrets: deps.demo,
      baseUrl: () => config.publicBaseUrl,
      send: async (req) => app.fetch(req),
    }),
  )

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/v1/')) return unknownPath(services, c)
    return c.json(
      {
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: `No route ${c.req.path}`,
        requestId: newId(),
      },
      404,
      {
        'Content-Type': 'application/problem+json',
      },
    )
  })

  // Sandbox and support API errors: problem+json (RFC 9457) with a request id to quote in an enquiry.
  app.onError((err, c) => {
    const requestId = newId()
    if (err instanceof LogFullError && !c.req.path.startsWith('/api/v1/')) {
      // A log's queue and its waiting room are full: refuse new work until the writer catches up (nothing is lost).
      return c.json(
        { type: 'about:blank', title: 'Busy', status: 503, detail: err.message, requestId },
        503,
        { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
      )
    }
    if (err instanceof ProblemError) {
      return c.json(
        {
          type: 'about:blank',
          title: err.title,
          status: err.status,
          detail: err.detail,
          ...err.extra,
          requestId,
        },
        err.status,
        { 'Content-Type': 'application/problem+json' },
      )
    }
    if (c.req.path.startsWith('/api/v1/')) {
      const e = toPlatformError(err)
      if (e.code === 'D20000') logger.error('unexpected error', { path: c.req.path, error: String(err) })
      return sendEnvelope(c, envelope(newId(), e.code), e.status === 200 ? 200 : e.status, e.headers)
    }
    logger.error('unexpected error', { path: c.req.path, error: String(err), requestId })
    return c.json({ type: 'about:blank', title: 'Internal error', status: 500, requestId }, 500, {
      'Content-Type': 'application/problem+json',
    })
  })

  return {
    app,
    services,
    seededApps,
    demoCallbacks,
    async close(graceMs?: number) {
      const deliveries = Promise.all([outbox.drain(), mail.drain()])
      if (graceMs === undefined) await deliveries
      else await Promise.race([deliveries, new Promise<void>((r) => setTimeout(r, graceMs).unref?.())])
      // Decisions still under way record their release first; their callbacks may be left pending.
      await tickets.idle()
      const callbacksAbandoned = outbox.pending()
      if (callbacksAbandoned > 0)
        logger.warn('callbacks not delivered at stop', { count: callbacksAbandoned })
      await inspector.close()
      await ledger.close()
      await audit.close()
      await storage.close()
      return { callbacksAbandoned }
    },
  }
}
