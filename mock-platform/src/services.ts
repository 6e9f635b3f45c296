/** The platform's services, built once by createApp and handed to every feature's routes. */
import type { Clock } from './clock'
import type { Config } from './config'
import type { AuditLog } from './features/access/audit'
import type { SandboxAccess } from './features/access/session-access'
import type { AccountsService } from './features/accounts/accounts.service'
import type { SessionStore } from './features/accounts/sessions'
import type { AppsService } from './features/apps/apps.service'
import type { ChangesService } from './features/apps/changes.service'
import type { Outbox } from './features/callbacks/outbox'
import type { ConsentService } from './features/consent/consent.service'
import type { DepartmentsService } from './features/departments/departments.service'
import type { Inspector } from './features/inspector/inspector.service'
import type { MailOutbox } from './features/notifications/mail-outbox'
import type { TokensService } from './features/login/tokens.service'
import type { OrgsService } from './features/orgs/orgs.service'
import type { ResidentsService } from './features/residents/residents.service'
import type { Autopilot } from './features/sandbox/autopilot'
import type { AppClock } from './features/scenarios/app-clock'
import type { Scenarios } from './features/scenarios/scenarios.service'
import type { Desk } from './features/support/desk'
import type { KeysService } from './features/security/keys.service'
import type { TicketsService } from './features/tickets/tickets.service'
import type { Logger } from './logger'
import type { Pki } from './pki/pki.service'
import type { SignedRouteDeps } from './protocol/ports'
import type { RateLimiter } from './protocol/rate-limiter'

export interface Services {
  /** Authorisation of every sandbox API route: admin token or session, objects scoped by organisation. */
  access: SandboxAccess
  // Sandbox accounts: developers and staff, their sessions, organisations, app change requests, the audit log.
  accounts: AccountsService
  sessions: SessionStore
  orgs: OrgsService
  changes: ChangesService
  audit: AuditLog
  config: Config
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: KeysService
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
  pageLimiter: RateLimiter
  /** The mock iAM Smart-Cert PKI (signing). */
  pki: Pki
  /** The support desk: enquiries, programme applications, targets (features/support). */
  support: Desk
  /** Notifications outbox: SMTP when configured, else the local mail viewer (features/notifications). */
  mail: MailOutbox
}
