/** The callback outbox's records and options. */
import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import type { Jobs } from '../../store/jobs'
import type { AppsService } from '../apps'
import type { Keys } from '../security'
import type { Ticket } from '../tickets'
import type { Resolver } from '../../http/address-guard'
import type { PinnedTransport } from './pinned-request'

export interface CallbackAttempt {
  at: number
  status?: number
  error?: string
  durationMs: number
  /** Set when a scenario decided this try's outcome (no request was sent). */
  forced?: boolean
}

export interface CallbackRecord {
  /** The callback transaction's id: sent as `txID` on every try, and the inspector's id for it. */
  id: string
  ticketID: string
  clientID: string
  url: string
  code: string
  /**
   * The content as the OSP decrypts it, under the app's compatibility profile when queued: `{content: result}` by
   * default, the result itself under `flat-callbacks`.
   */
  content: Record<string, unknown>
  attempts: CallbackAttempt[]
  state: 'pending' | 'delivered' | 'failed'
  /** A scenario makes every try of this callback fail: answered with HTTP 500, or never answered. */
  forced?: { scenarioId: string; fault: 'error' | 'timeout' }
  /** The callback this one re-sends (request inspector "replay"). */
  replayOf?: string
}

export interface OutboxOptions {
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: Keys
  mode: () => 'local' | 'hosted'
  timeoutMs: () => number
  maxAttempts: () => number
  /** Delay before attempt n (1-based, n ≥ 2). */
  backoffMs?: (attempt: number) => number
  /**
   * Tests and MSW: a fetch that delivers the callback by itself (its own connection; the guard then checks an
   * IP-literal host in every mode and resolves names in hosted mode only). Without it the POST goes over
   * node:http(s) to the address the guard resolved and checked (no second DNS lookup).
   */
  fetch?: typeof fetch
  /** Work that may still queue callbacks (tickets being decided); drain() waits for it first. */
  upstream?: () => Promise<void>
  /** Resolves callback host names (default: the system resolver). */
  resolve?: Resolver
  /** The host's own addresses, refused in hosted mode (default: os.networkInterfaces()). */
  ownAddresses?: () => Set<string>
  /** The pinned POST (default: node:http/node:https with the checked address). */
  transport?: PinnedTransport
  onRecord?: (record: CallbackRecord) => void
  /** Scenarios: a forced fault for the callback of this ticket, decided once when it is queued. */
  force?: (ticket: Ticket) => CallbackRecord['forced']
  /**
   * Hosted mode: each callback is a job (kind `callback`) on the shared queue, claimed under a lease by whichever
   * instance polls first, tried once per claim and rescheduled with the back-off. Absent: delivered by this process.
   */
  jobs?: CallbackJobsOptions
}

export interface CallbackJobsOptions {
  jobs: Jobs
  /** This instance's name: the lease owner. */
  owner: string
  /** How long a claim holds a callback (default 30 s; at least the callback timeout and 1 s more). */
  leaseMs?: number
  /** How often this instance looks for due callbacks (default 500 ms). */
  pollMs?: number
  /** Wall-clock epoch ms for due times and leases (default Date.now; the sandbox clock does not move leases). */
  now?: () => number
  /** Callbacks one instance delivers at once (default 8). */
  concurrency?: number
}
