/**
 * The storage of the configured engine, opened once at start (server.ts): embedded (`memory`, `lowdb`: one process)
 * or hosted (`postgres`: any number of instances on one database). Features receive only the pieces they use.
 */
import { hostname } from 'node:os'
import type { Config } from '../config'
import type { CollectionFactory } from './collection'
import { type DocumentStore, embeddedDocuments } from './documents'
import { type Events, memoryEvents } from './events'
import type { Jobs } from './jobs'
import { lowdbStorage } from './lowdb'
import { memoryStorage } from './memory'
import { type Database, openDatabase } from './postgres/database'
import { postgresDocuments } from './postgres/documents.pg'
import { postgresEvents } from './postgres/events.pg'
import { postgresJobs } from './postgres/jobs.pg'
import { postgresSharedState } from './postgres/shared-state.pg'
import { type RecordLogs, recordLogs } from './records'
import type { SharedState } from './shared-state'

export interface Backends {
  /** The embedded engines' collections (memory or lowdb files); in hosted mode a memory one nothing durable uses. */
  collections: CollectionFactory
  documents: DocumentStore
  records: RecordLogs
  events: Events
  /** Hosted mode only: short-lived protocol state and leased jobs every instance shares. */
  hosted?: { database: Database; shared: SharedState; jobs: Jobs; instanceId: string }
  /** For /healthz: the database's round trip in hosted mode. */
  health(): Promise<{ storage: Config['storage']; database?: { ok: boolean; ms?: number; error?: string } }>
  close(): Promise<void>
}

/** How often every instance removes expired nonces, values and counters (idempotent; harmless in parallel). */
const SWEEP_MS = 10_000

export async function openBackends(config: Config, now: () => number = Date.now): Promise<Backends> {
  if (config.storage !== 'postgres') {
    const collections = config.storage === 'lowdb' ? lowdbStorage(config.dataDir) : memoryStorage()
    return {
      collections,
      documents: embeddedDocuments(collections),
      records: recordLogs(config),
      events: memoryEvents(),
      health: async () => ({ storage: config.storage }),
      close: () => collections.close(),
    }
  }
  const database = await openDatabase({ url: config.databaseUrl!, poolMax: config.databasePoolMax })
  const events = await postgresEvents(database, config.databaseUrl!)
  // held() counts reused for a second: the live-state bounds are protections, checked without a scan per call.
  const shared = postgresSharedState(database, { heldCacheMs: 1_000 })
  const sweeper = setInterval(() => void shared.sweep(now()).catch(() => {}), SWEEP_MS)
  sweeper.unref()
  return {
    collections: memoryStorage(),
    documents: postgresDocuments(database),
    records: recordLogs(config, database),
    events,
    hosted: {
      database,
      shared,
      jobs: postgresJobs(database),
      instanceId: config.instanceId ?? `${hostname()}-${process.pid}`,
    },
    async health() {
      const ping = await database.ping()
      return { storage: 'postgres', database: ping }
    },
    async close() {
      clearInterval(sweeper)
      await events.close()
      await database.close()
    },
  }
}
