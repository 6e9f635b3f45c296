/**
 * The audit log: every read of an app, an enquiry or a request log by staff (design §8), on the append-only log
 * (written before the read is answered), with the most recent entries in memory for quick filtering.
 */
import type { Clock } from '../../clock'
import { newId } from '../../ids'
import type { RecordLog } from '../../store/record-log'

export interface AuditEntry {
  id: string
  at: number
  accountId: string
  action: string
  /** What was read, e.g. `app:<clientID>`. */
  target: string
  path: string
}

const PARTITION = 'audit'
/** Entries kept in memory (the newest); searches past them read the log. */
const RECENT = 10_000

export class AuditLog {
  private readonly recent: AuditEntry[] = []

  private constructor(
    private readonly log: RecordLog<AuditEntry>,
    private readonly clock: Clock,
  ) {}

  static async open(log: RecordLog<AuditEntry>, clock: Clock): Promise<AuditLog> {
    const audit = new AuditLog(log, clock)
    audit.recent.push(...(await log.read(PARTITION, { limit: RECENT })).reverse())
    return audit
  }

  async write(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    const e: AuditEntry = { id: newId(), at: this.clock.now(), ...entry }
    await this.log.append(PARTITION, e)
    this.recent.push(e)
    if (this.recent.length > RECENT + RECENT / 10) this.recent.splice(0, this.recent.length - RECENT)
  }

  /** The newest entries, oldest first. */
  list(): AuditEntry[] {
    return [...this.recent]
  }

  /** Entries that pass `filter`, newest first, from the whole log (at most `limit`). */
  search(filter: (e: AuditEntry) => boolean, limit: number): Promise<AuditEntry[]> {
    return this.log.read(PARTITION, { limit, filter, scan: 1_000_000 })
  }

  close(): Promise<void> {
    return this.log.close()
  }
}
