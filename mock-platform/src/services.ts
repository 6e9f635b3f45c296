/** The platform's services, built once by createApp and handed to every feature's routes. */
import type { Clock } from './clock'
import type { Config } from './config'
import type { AccessPolicy } from './features/access/access'
import type { AppsService } from './features/apps/apps.service'
import type { Outbox } from './features/callbacks/outbox'
import type { TokensService } from './features/login/tokens.service'
import type { ResidentsService } from './features/residents/residents.service'
import type { Autopilot } from './features/sandbox/autopilot'
import type { KeysService } from './features/security/keys.service'
import type { TicketsService } from './features/tickets/tickets.service'
import type { Logger } from './logger'
import type { Pki } from './pki/pki.service'
import type { SignedRouteDeps } from './protocol/signed-route'
import type { RateLimiter } from './protocol/rate-limiter'

export interface Services {
  /** Authorisation of every sandbox API route (admin token; sessions and organisations once accounts exist). */
  access: AccessPolicy
  config: Config
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: KeysService
  tokens: TokensService
  tickets: TicketsService
  residents: ResidentsService
  outbox: Outbox
  autopilot: Autopilot
  signed: SignedRouteDeps
  /** Per-IP limiter for browser pages and polling. */
  pageLimiter: RateLimiter
  /** The mock iAM Smart-Cert PKI (signing). */
  pki: Pki
}
