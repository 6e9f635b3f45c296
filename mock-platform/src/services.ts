/** The platform's services, built once by createApp and handed to every feature's routes. */
import type { Clock } from './clock'
import type { Config } from './config'
import type { AuditLog, SandboxAccess } from './features/access'
import type { AccountsService, Sessions } from './features/accounts'
import type { AppsService, ChangesService } from './features/apps'
import type { Outbox } from './features/callbacks'
import type { ConsentService } from './features/consent'
import type { DepartmentsService } from './features/departments'
import type { Inspector } from './features/inspector'
import type { MailOutbox } from './features/notifications'
import type { TokensService } from './features/login'
import type { OrgsService } from './features/orgs'
import type { ResidentsService } from './features/residents'
import type { Autopilot } from './features/sandbox'
import type { AppClock, Scenarios } from './features/scenarios'
import type { AppHistory } from './features/virtual-app'
import type { SigningTicketIndex } from './features/signing'
import type { Desk } from './features/support'
import type { Keys } from './features/security'
import type { TicketsService } from './features/tickets'
import type { Logger } from './logger'
import type { Pki } from './pki/pki.service'
import type { SignedRouteDeps } from './protocol/ports'
import type { Limiter } from './protocol/rate-limiter'

export interface Services {
  /** Authorisation of every sandbox API route: admin token or session, objects scoped by organisation. */
  access: SandboxAccess
  // Sandbox accounts: developers and staff, their sessions, organisations, app change requests, the audit log.
  accounts: AccountsService
  sessions: Sessions
  orgs: OrgsService
  changes: ChangesService
  audit: AuditLog
  config: Config
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: Keys
  tokens: TokensService
  tickets: TicketsService
  residents: ResidentsService
  /** The consent ledger: every release of resident data, revocation, the data-exchange audit trail. */
  consents: ConsentService
  /** Synthetic department records per resident (preview data exchange). */
  departments: DepartmentsService
  outbox: Outbox
  autopilot: Autopilot
  // Request inspector, scenarios (forced outcomes) and the per-app test clock.
  inspector: Inspector
  scenarios: Scenarios
  appClock: AppClock
  signed: SignedRouteDeps
  /** Per-IP limiter for browser pages and polling. */
  pageLimiter: Limiter
  /**
   * A named rate limit for routes (sign-in, sign-up, support submissions): in memory, or global across instances in
   * the hosted mode. Call it once per limit (when the routes are built), not per request.
   */
  limiter(name: string, limit: () => number, windowMs?: number): Limiter
  /**
   * Hosted mode: PUSHES_PER_RESIDENT_PER_MINUTE counted across instances (features/tasks/push-limit.ts, PushLimit);
   * absent: each task intake counts in this process.
   */
  pushes?: {
    check(clientID: string, residentId: string): void | Promise<void>
    record(clientID: string, residentId: string): void | Promise<void>
  }
  /**
   * Hosted mode: businessIDs remembered across instances (features/tasks/initiate.validate.ts, SharedBusinessIds);
   * absent: each task intake remembers them in this process.
   */
  businessIds?: { claim(clientID: string, businessID: string): void | Promise<void> }
  /**
   * Hosted mode: signing requests' businessIDs → tickets across instances (features/signing, SharedSigningLedger);
   * absent: the signing routes keep them in this process.
   */
  signingLedger?: SigningTicketIndex
  /** Hosted mode: the virtual app's history page from a log every instance writes; absent: app.ts's, in this process. */
  virtualAppHistory?: AppHistory
  /** The mock iAM Smart-Cert PKI (signing). */
  pki: Pki
  /** The support desk: enquiries, programme applications, targets (features/support). */
  support: Desk
  /** Notifications outbox: SMTP when configured, else the local mail viewer (features/notifications). */
  mail: MailOutbox
}
