/** What composeServices takes (AppDeps: every engine and seam a caller may inject) and what it gives back. */
import type { ConnectionOptions } from 'node:tls'
import type { Clock } from '../clock'
import type { StaffSeed } from '../features/accounts'
import type { NewApp, RegisteredApp } from '../features/apps'
import type { DemoSecrets } from '../features/demo'
import type { InspectedItem } from '../features/inspector'
import type { Logger } from '../logger'
import type { Resident } from '../personas/resident.types'
import type { PkiStore } from '../pki/pki.store'
import type { HeapReading } from '../protocol/memory-guard'
import type { Services } from '../services'
import type { Backends } from '../store/backends'
import type { CollectionFactory } from '../store/collection'
import type { DocumentStore } from '../store/documents'
import type { Events } from '../store/events'
import type { Jobs } from '../store/jobs'
import type { RecordLog } from '../store/record-log'
import type { RecordLogs } from '../store/records'
import type { SharedState } from '../store/shared-state'

export interface AppDeps {
  clock?: Clock
  logger?: Logger
  /** The embedded engine (memory, lowdb) under the documents when `documents` is not given. */
  storage?: CollectionFactory
  /** Durable documents (hosted: postgresDocuments(db)); default: the embedded engine of `storage`. */
  documents?: DocumentStore
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
  /**
   * The hosted mode's short-lived protocol state (nonces, codes, tokens, sessions, rate limits), shared by every
   * instance (store/postgres/shared-state.pg.ts). Absent: the embedded engines, in this process's memory.
   */
  shared?: SharedState
  /**
   * Hosted mode: events every instance sees (store/postgres/events.pg.ts) and this instance's name. With them the
   * inspector's tail shows the calls every instance served (features/inspector/inspector.relay.ts).
   */
  events?: Events
  instanceId?: string
  /** Hosted mode: the database's health for /healthz (store/backends.ts); 503 when it cannot be reached. */
  health?: Backends['health']
  /**
   * Hosted mode: leased jobs every instance shares (store/postgres/jobs.pg.ts). With them each callback is a job any
   * instance delivers (features/callbacks/outbox.ts); `callbackJobs` sets its lease and poll interval (tests).
   */
  jobs?: Jobs
  callbackJobs?: { leaseMs?: number; pollMs?: number }
}

export interface ComposedServices {
  services: Services
  /** Apps registered from deps.apps, in order. */
  seededApps: RegisteredApp[]
  /** Drains the outboxes (for at most `graceMs`), then writes every queued record and closes the logs. */
  close(graceMs?: number): Promise<{ callbacksAbandoned: number }>
}
