/**
 * Jobs in PostgreSQL: claimed with `FOR UPDATE SKIP LOCKED` (concurrent instances never claim the same job and never
 * wait on each other's claims) under a lease; completing or rescheduling checks the lease is still ours.
 */
import type { Job, Jobs } from '../jobs'
import type { Database } from './database'

export function postgresJobs(db: Database): Jobs {
  const q = db.pool
  return {
    async enqueue(kind, id, payload, dueMs) {
      const r = await q.query(
        `INSERT INTO jobs (kind, id, due_ms, payload) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING`,
        [kind, id, dueMs, JSON.stringify(payload)],
      )
      return r.rowCount === 1
    },
    async claim<P>(kind: string, owner: string, nowMs: number, leaseMs: number, limit: number) {
      const r = await q.query<{ id: string; due_ms: number; payload: P; attempts: number }>(
        `UPDATE jobs SET owner = $2, lease_until_ms = $3 + $4, attempts = attempts + 1
          WHERE (kind, id) IN (
            SELECT kind, id FROM jobs
             WHERE kind = $1 AND due_ms <= $3 AND lease_until_ms <= $3
             ORDER BY due_ms LIMIT $5 FOR UPDATE SKIP LOCKED)
          RETURNING id, due_ms, payload, attempts`,
        [kind, owner, nowMs, leaseMs, limit],
      )
      return r.rows
        .sort((a, b) => a.due_ms - b.due_ms)
        .map((row): Job<P> => ({
          kind,
          id: row.id,
          dueMs: row.due_ms,
          payload: row.payload,
          attempts: row.attempts,
        }))
    },
    async complete(kind, id, owner) {
      const r = await q.query('DELETE FROM jobs WHERE kind = $1 AND id = $2 AND owner = $3', [
        kind,
        id,
        owner,
      ])
      return r.rowCount === 1
    },
    async reschedule(kind, id, owner, dueMs, payload) {
      const r = await q.query(
        `UPDATE jobs SET due_ms = $4, payload = $5::jsonb, owner = NULL, lease_until_ms = 0
          WHERE kind = $1 AND id = $2 AND owner = $3`,
        [kind, id, owner, dueMs, JSON.stringify(payload)],
      )
      return r.rowCount === 1
    },
    async pending(kind) {
      const r = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM jobs WHERE kind = $1', [kind])
      return r.rows[0]!.n
    },
  }
}
