/** The audit log: every read of an app (or its request log) by staff is written here (design §8). */
import type { Context } from 'hono'
import type { Clock } from '../../clock'
import { newId } from '../../ids'
import type { Collection } from '../../store/collection'
import type { Principal } from './access'

export interface AuditEntry {
  id: string
  at: number
  accountId: string
  action: string
  /** What was read, e.g. `app:<clientID>`. */
  target: string
  path: string
}

export class AuditLog {
  constructor(
    private readonly entries: Collection<AuditEntry>,
    private readonly clock: Clock,
  ) {}

  async write(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> {
    await this.entries.put({ id: newId(), at: this.clock.now(), ...entry })
  }

  /** Oldest first. */
  list(): AuditEntry[] {
    return this.entries.list().sort((a, b) => a.at - b.at)
  }
}

/** Writes a staff account's read to the audit log (members read their own organisation's data: not audited). */
export async function auditStaffRead(
  audit: AuditLog,
  p: Principal,
  c: Context,
  action: string,
  target: string,
): Promise<void> {
  if (p.kind === 'staff') await audit.write({ accountId: p.accountId, action, target, path: c.req.path })
}
