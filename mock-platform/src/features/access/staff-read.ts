/** Staff reads of organisations, members and residents go to the audit log, like their reads of apps and enquiries. */
import type { Context } from 'hono'
import type { Principal } from './access'
import type { AuditEntry } from './audit'

/** Writes a staff account's read to the audit log (members read their own organisation's data: not audited). */
export async function auditStaffRead(
  audit: { write(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void> },
  p: Principal,
  c: Context,
  action: string,
  target: string,
): Promise<void> {
  if (p.kind === 'staff') await audit.write({ accountId: p.accountId, action, target, path: c.req.path })
}
