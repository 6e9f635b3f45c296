/**
 * composeServices(config, deps): builds the platform's services once (the service bag every feature's routes take),
 * each from its feature's entry, and how to stop them. app.ts mounts the routes over them.
 */
import { systemClock } from '../clock'
import type { Config } from '../config'
import { type AuditEntry, AuditLog, sessionAccess } from '../features/access'
import { type Account, AccountsService, SessionStore, SharedSessionStore } from '../features/accounts'
import {
  type ChangeRequest,
  ChangesService,
  type RegisteredApp,
  AppsService,
  appDirectory,
} from '../features/apps'
import { Outbox } from '../features/callbacks'
import { type Consent, consentRecorder, ConsentService, type LedgerLine } from '../features/consent'
import { DepartmentsService, type StoredRecords } from '../features/departments'
import { type InspectedItem, Inspector, relayInspector } from '../features/inspector'
import { SharedLoginState, TokensService } from '../features/login'
import { createMailOutbox } from '../features/notifications'
import { type Org, OrgsService } from '../features/orgs'
import { ResidentsService, type StoredResident } from '../features/residents'
import { Autopilot } from '../features/sandbox'
import { AppClock, Scenarios, SharedOffsets, SharedScenarios } from '../features/scenarios'
import { KeysService, SharedKeysService } from '../features/security'
import { SharedSigningLedger } from '../features/signing'
import { createDesk } from '../features/support'
import { type HistoryEntry, sharedHistory } from '../features/virtual-app'
import { SharedBusinessIds, SharedPushLimiter } from '../features/tasks'
import { TicketsService } from '../features/tickets'
import { randomHex } from '../ids'
import { createLogger } from '../logger'
import { generateResidents, magicResidents } from '../personas'
import { Pki } from '../pki/pki.service'
import { memoryPkiStore } from '../pki/pki.store'
import { MemoryGuard } from '../protocol/memory-guard'
import { type Limiter, RateLimiter } from '../protocol/rate-limiter'
import { SharedRateLimiter } from '../protocol/rate-limiter.shared'
import type { Services } from '../services'
import { cachedDocuments } from '../store/cached-documents'
import { embeddedDocuments } from '../store/documents'
import { memoryStorage } from '../store/memory'
import { memoryRecordLog } from '../store/record-log'
import { recordLogs } from '../store/records'
import { admissionDeps } from './admission'
import type { AppDeps, ComposedServices } from './deps'

export type { AppDeps, ComposedServices } from './deps'

export async function composeServices(config: Config, deps: AppDeps): Promise<ComposedServices> {
  const clock = deps.clock ?? systemClock
  const logger = deps.logger ?? createLogger(config.logLevel)
  const storage = deps.storage ?? memoryStorage()
  const documents = deps.documents ?? embeddedDocuments(storage)
  const shared = deps.shared
  /** A rate limit: counted in this process, or in the shared state (global across instances) in the hosted mode. */
  const limiter = (name: string, limit: () => number, windowMs = 60_000): Limiter =>
    shared
      ? new SharedRateLimiter(shared, name, clock, limit, windowMs)
      : new RateLimiter(clock, limit, windowMs)
  const records = deps.records ?? recordLogs(config)
  // Hosted: every call reads its app; a second's cache, dropped on every instance at once when an app changes.
  const appDocs = await documents.documents<RegisteredApp>('apps')
  const apps = new AppsService(
    shared && deps.events
      ? cachedDocuments(appDocs, { events: deps.events, channel: 'documents:apps', ttlMs: 1_000 })
      : appDocs,
    clock,
  )
  await apps.backfillOrgs()
  const residents = new ResidentsService(await documents.documents<StoredResident>('residents'), clock)
  await residents.seed(
    deps.residents ??
      (() => [...magicResidents(), ...generateResidents({ seed: config.seed, count: config.residentCount })]),
  )
  const meta = await documents.documents<{ id: string; value: string }>('meta')
  let pairwise = await meta.get('pairwise-key')
  if (!pairwise) {
    pairwise = { id: 'pairwise-key', value: randomHex(32) }
    await meta.put(pairwise)
  }

  // Sandbox accounts and organisations (design §8): durable collections; sessions in memory (shared when hosted).
  const accounts = new AccountsService(await documents.documents<Account>('accounts'), clock)
  await accounts.seedStaff(deps.staff ?? [])
  const orgs = new OrgsService(await documents.documents<Org>('orgs'), clock)
  await orgs.ensureBuiltIn()
  const sessions = shared ? new SharedSessionStore(shared, clock) : new SessionStore(clock)
  const changes = new ChangesService(await documents.documents<ChangeRequest>('app-changes'), apps, clock)
  const audit = await AuditLog.open(records<AuditEntry>('audit'), clock)

  // Hosted: scenarios in the shared state, each use consumed once whichever instance serves the call.
  const sharedScenarios = shared && deps.events && new SharedScenarios(shared, deps.events, () => clock.now())
  await sharedScenarios?.ready
  const scenarios = new Scenarios(clock, sharedScenarios)
  // CEKs: in this process, or shared (hosted) so that a CEK from getKey on one instance opens a request on another.
  const keys = shared
    ? new SharedKeysService(shared, clock, () => config.cekTtlMs)
    : new KeysService(clock, () => config.cekTtlMs)
  const tokens: TokensService = new TokensService(
    clock,
    () => config.codeTtlMs,
    () => config.tokenTtlMs,
    pairwise.value,
    () => config.liveStatePerApp,
    shared &&
      new SharedLoginState(
        shared,
        clock,
        () => config.liveStatePerApp,
        { code: () => config.codeTtlMs, token: () => config.tokenTtlMs },
        (clientID): number => appClock.offset(clientID),
      ),
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
    jobs: deps.jobs && { jobs: deps.jobs, owner: deps.instanceId ?? 'instance', ...deps.callbackJobs },
    onRecord: (r) => inspector.observeCallback(r),
    force: (t) => {
      const f = scenarios.takeCallback(t.clientID, t.kind, t.ticketID)
      return f && { scenarioId: f.scenarioId, fault: f.fault }
    },
  })
  // Consent ledger (every release of resident data) and the departments' synthetic records (preview data exchange).
  const ledger = records<LedgerLine>('consents')
  // Hosted: the virtual app's history page in a log every instance writes (embedded: app.ts's array).
  const appHistory = shared && records<HistoryEntry>('app-history')
  const consents = new ConsentService(await documents.documents<Consent>('consents'), ledger, clock, logger)
  await consents.open()
  const departments = new DepartmentsService(
    await documents.documents<StoredRecords>('department-records'),
    () => config.seed,
    clock,
  )
  const tickets: TicketsService = new TicketsService({
    clock,
    ttlMs: () => config.ticketTtlMs,
    qrTtlMs: () => config.qrRefreshMs,
    resident: (id) => residents.get(id),
    issueCode: (t) => tokens.issueCode(t),
    sendCallback: (t) => scenarios.beforeCallback(t, () => outbox.enqueue(t)),
    onDecided: consentRecorder(consents, async (id) => (await apps.get(id))?.name),
    onRecordFailed: (t, e) =>
      logger.error('release not recorded: the decision failed', { ticketID: t.ticketID, error: String(e) }),
    perApp: () => config.liveStatePerApp,
    shared,
  })
  const autopilot = new Autopilot(() => tickets, logger)
  // Request inspector, scenarios and the per-app test clock (features/inspector, features/scenarios).
  // Hosted: the offsets in the shared state, mirrored per instance and refreshed at once over Events.
  const offsets = shared && deps.events && new SharedOffsets(shared, deps.events, () => clock.now())
  await offsets?.ready
  const appClock = new AppClock(clock, [keys, tokens, tickets, consents], offsets)
  const requestLog =
    deps.inspector?.log === null
      ? memoryRecordLog<InspectedItem>('requests', { keep: deps.inspector.tailSize ?? 500 })
      : (deps.inspector?.log ?? records<InspectedItem>('requests'))
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
    log: requestLog,
    answerAfterWrite: shared !== undefined,
  })
  const unrelay =
    deps.events && relayInspector(inspector, deps.events, requestLog, deps.instanceId ?? 'instance')
  // Signing: the mock iAM Smart-Cert PKI. Its CA keys (first start; every start in memory, reused within a process)
  // are generated off the event loop: startup does not wait, PKI routes and signing await pki.ready.
  const pki = new Pki({
    store: deps.pkiStore ?? memoryPkiStore(),
    clock,
    baseUrl: () => config.publicBaseUrl,
  })
  pki.ready.catch((e: Error) => logger.error('mock PKI unavailable', { error: e.message }))
  // Support desk and its notifications outbox (features/support, features/notifications).
  const mail = await createMailOutbox(documents, {
    clock,
    logger,
    config,
    ...deps.mail,
    // Hosted: each notification a leased job, sent once whichever instances run or restart.
    jobs: deps.jobs && {
      jobs: deps.jobs,
      owner: deps.instanceId ?? 'instance',
      pollMs: deps.callbackJobs?.pollMs,
    },
  })
  const support = await createDesk(documents, { clock, config, orgs, accounts, apps, inspector, mail })
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
      ...admissionDeps(config, clock, shared),
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
    pageLimiter: limiter('page', () => config.rateLimitPerMinute),
    limiter,
    // Hosted: PUSHES_PER_RESIDENT_PER_MINUTE counted in the shared state (global); embedded: each intake's own.
    ...(shared && {
      pushes: new SharedPushLimiter(shared, clock, () => config.pushesPerResidentPerMinute),
      // Hosted: businessIDs unique per app across instances (D20011); embedded: each intake's own ledger.
      businessIds: new SharedBusinessIds(shared, clock),
      // Hosted: ackResult on any instance finds the signing request another initiated.
      signingLedger: new SharedSigningLedger(shared, clock, () => config.liveStatePerApp),
    }),
    ...(appHistory && { virtualAppHistory: sharedHistory(appHistory) }),
    pki,
    support,
    mail,
  }

  const seededApps: RegisteredApp[] = []
  for (const a of deps.apps ?? [])
    seededApps.push((await apps.get(a.clientID ?? '')) ?? (await apps.create(a)))

  return {
    services,
    seededApps,
    async close(graceMs?: number) {
      // Hosted mode: no more callbacks claimed; those held are finished within the grace period or released.
      outbox.halt()
      const deliveries = Promise.all([outbox.drain(), mail.drain()])
      if (graceMs === undefined) await deliveries
      else await Promise.race([deliveries, new Promise<void>((r) => setTimeout(r, graceMs).unref?.())])
      // Decisions still under way record their release first; their callbacks may be left pending.
      await tickets.idle()
      await scenarios.idle()
      await outbox.release()
      const callbacksAbandoned = outbox.pending()
      if (callbacksAbandoned > 0)
        logger.warn('callbacks not delivered at stop', { count: callbacksAbandoned })
      unrelay?.()
      await inspector.close()
      await ledger.close()
      await appHistory?.close()
      await audit.close()
      await documents.close()
      await storage.close()
      return { callbacksAbandoned }
    },
  }
}
