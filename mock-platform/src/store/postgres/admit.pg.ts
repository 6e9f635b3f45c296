/**
 * SharedState.admit as one statement: a signed call's rate counters and its nonce in one round trip instead of one
 * each. Each counter is a data-modifying CTE that runs only when the counts before it are within their limits (a
 * refused call counts no further); the nonce's claim runs only when all of them are. The statement's CTEs see one
 * snapshot, and every write in it is an upsert on a unique key, so concurrent admissions on several instances agree as
 * the separate statements did.
 */
import type { Admit, Admitted } from '../shared-state'

export interface AdmitStatement {
  text: string
  values: unknown[]
}

/** The statement for `a` (keys already in the table's text form); undefined when there is nothing to do. */
export function admitStatement(a: Admit, text: (s: string) => string): AdmitStatement | undefined {
  if (a.hits.length === 0 && !a.nonce) return undefined
  const values: unknown[] = []
  const $ = (v: unknown) => `$${values.push(v)}`
  const ctes: string[] = []
  const within: string[] = []
  a.hits.forEach((h, i) => {
    const start = Math.floor(a.nowMs / h.windowMs) * h.windowMs
    const reached = within.length > 0 ? `WHERE ${within.join(' AND ')}` : ''
    ctes.push(
      `h${i} AS (INSERT INTO counters (key, window_ms, n, expires_ms)
        SELECT ${$(text(h.key))}::text, ${$(start)}::bigint, 1, ${$(start + h.windowMs)}::bigint ${reached}
        ON CONFLICT (key, window_ms) DO UPDATE SET n = counters.n + 1 RETURNING n)`,
    )
    within.push(`coalesce((SELECT n FROM h${i}) <= ${$(h.limit)}::int, false)`)
  })
  const columns = a.hits.map((_, i) => `(SELECT n FROM h${i}) AS h${i}`)
  columns.push(`${within.length > 0 ? within.join(' AND ') : 'true'} AS reached`)
  const n = a.nonce
  if (n) {
    const [client, nonce, now] = [$(text(n.clientId)), $(text(n.nonce)), $(a.nowMs)]
    if (n.claim) {
      ctes.push(
        `nn AS (INSERT INTO nonces (client_id, nonce, expires_ms)
          SELECT ${client}::text, ${nonce}::text, ${$(n.expiresMs)}::bigint ${within.length > 0 ? `WHERE ${within.join(' AND ')}` : ''}
          ON CONFLICT (client_id, nonce) DO UPDATE SET expires_ms = EXCLUDED.expires_ms
            WHERE nonces.expires_ms <= ${now}::bigint
          RETURNING 1)`,
      )
      columns.push('NOT EXISTS (SELECT 1 FROM nn) AS used')
    } else
      columns.push(
        `EXISTS (SELECT 1 FROM nonces WHERE client_id = ${client}::text AND nonce = ${nonce}::text
          AND expires_ms > ${now}::bigint) AS used`,
      )
  }
  const head = ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''
  return { text: `${head}SELECT ${columns.join(', ')}`, values }
}

/** The statement's one row as SharedState.admit answers. */
export function admitted(a: Admit, row: Record<string, unknown>): Admitted {
  const counts = a.hits.map((_, i) => Number(row[`h${i}`] ?? 0))
  if (!a.nonce || row.reached !== true) return { counts }
  return { counts, nonce: row.used === true ? 'used' : 'new' }
}
