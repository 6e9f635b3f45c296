/** Opens the append-only logs of the configured engine: segment files under the data directory, PostgreSQL, or memory. */
import { join } from 'node:path'
import type { Config } from '../config'
import type { Database } from './postgres/database'
import { postgresRecordLog } from './postgres/record-log.pg'
import { memoryRecordLog, type RecordLog } from './record-log'
import { fileRecordLog } from './record-log.file'

export type RecordLogs = <T>(name: string) => RecordLog<T>

/** Memory storage keeps the newest 10,000 records per partition (tests, MSW, throw-away sandboxes). */
export const MEMORY_KEEP = 10_000

export function recordLogs(config: Config, db?: Database): RecordLogs {
  const opts = { keep: config.recordsPerApp, queueMax: config.recordQueueMax }
  if (config.storage === 'postgres') {
    if (!db) throw new Error('SANDBOX_STORAGE=postgres: the record logs need the database')
    return <T>(name: string) => postgresRecordLog<T>(db, name, opts)
  }
  if (config.storage === 'lowdb')
    return <T>(name: string) => fileRecordLog<T>(name, join(config.dataDir, 'records', name), opts)
  return <T>(name: string) =>
    memoryRecordLog<T>(name, { keep: Math.min(opts.keep, MEMORY_KEEP), queueMax: opts.queueMax })
}
