/**
 * The virtual app's history page: the requests a resident decided. Embedded mode keeps them in this process (the
 * newest 5,000 in all); hosted mode appends them to a record log partitioned by resident, so the page shows the
 * decisions made on every instance.
 */
import type { RecordLog } from '../../store/record-log'
import type { HistoryEntry } from './virtual-app.types'

export interface AppHistory {
  record(entry: HistoryEntry): Promise<void>
  /** The resident's newest `limit` entries, newest first. */
  of(residentId: string, limit: number): Promise<HistoryEntry[]>
}

/** This process's history (embedded mode): `entries` is app.ts's array. */
export function memoryHistory(entries: HistoryEntry[]): AppHistory {
  return {
    async record(entry) {
      entries.push(entry)
      if (entries.length > 5000) entries.shift()
    },
    async of(residentId, limit) {
      return entries
        .filter((h) => h.residentId === residentId)
        .slice(-limit)
        .reverse()
    },
  }
}

/** A log partition name for a resident id (partitions are [A-Za-z0-9_-]{1,128}; entries are filtered by id). */
const partitionOf = (residentId: string) => `r_${residentId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120)}`

/** Hosted mode: every instance's decisions, newest first from the shared log. */
export function sharedHistory(log: RecordLog<HistoryEntry>): AppHistory {
  return {
    record: (entry) => log.append(partitionOf(entry.residentId), entry),
    of: (residentId, limit) =>
      log.read(partitionOf(residentId), { limit, filter: (h) => h.residentId === residentId }),
  }
}
