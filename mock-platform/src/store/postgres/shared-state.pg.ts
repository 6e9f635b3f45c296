/**
 * Short-lived protocol state in PostgreSQL, one statement per operation so that concurrent instances agree:
 * a nonce is an INSERT that only an expired row can be overwritten by; a take is a DELETE … RETURNING; a counter is
 * an upsert that increments. Expired rows are ignored by every read and removed by `sweep`.
 */
import type { SharedState } from '../shared-state'
import type { Database } from './database'

/**
 * PostgreSQL text cannot hold NUL, which callers use as a separator inside keys: `%` and NUL are percent-encoded
 * (injective, so distinct keys stay distinct).
 */
const text = (s: string) =>
  s.includes('%') || s.includes('\u0000') ? s.replaceAll('%', '%25').replaceAll('\u0000', '%00') : s

export function postgresSharedState(db: Database): SharedState {
  const q = db.pool
  return {
    async claimNonce(clientId, nonce, expiresMs, nowMs) {
      const r = await q.query(
        `INSERT INTO nonces (client_id, nonce, expires_ms) VALUES ($1, $2, $3)
         ON CONFLICT (client_id, nonce) DO UPDATE SET expires_ms = EXCLUDED.expires_ms WHERE nonces.expires_ms <= $4`,
        [text(clientId), text(nonce), expiresMs, nowMs],
      )
      return r.rowCount === 1
    },
    async put(kind, key, tenant, value, expiresMs) {
      await q.query(
        `INSERT INTO ephemeral (kind, key, tenant, value, expires_ms) VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (kind, key) DO UPDATE
           SET tenant = EXCLUDED.tenant, value = EXCLUDED.value, expires_ms = EXCLUDED.expires_ms`,
        [kind, text(key), text(tenant), JSON.stringify(value), expiresMs],
      )
    },
    async get<V>(kind: string, key: string, nowMs: number) {
      const r = await q.query<{ value: V }>(
        'SELECT value FROM ephemeral WHERE kind = $1 AND key = $2 AND expires_ms > $3',
        [kind, text(key), nowMs],
      )
      return r.rows[0]?.value
    },
    async take<V>(kind: string, key: string, nowMs: number) {
      const r = await q.query<{ value: V; expires_ms: number }>(
        'DELETE FROM ephemeral WHERE kind = $1 AND key = $2 RETURNING value, expires_ms',
        [kind, text(key)],
      )
      const row = r.rows[0]
      return row && row.expires_ms > nowMs ? row.value : undefined
    },
    async delete(kind, key) {
      const r = await q.query('DELETE FROM ephemeral WHERE kind = $1 AND key = $2', [kind, text(key)])
      return (r.rowCount ?? 0) > 0
    },
    async held(kind, tenant, nowMs) {
      const r = await q.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM ephemeral WHERE kind = $1 AND tenant = $2 AND expires_ms > $3',
        [kind, text(tenant), nowMs],
      )
      return r.rows[0]!.n
    },
    async hit(key, windowMs, nowMs) {
      const start = Math.floor(nowMs / windowMs) * windowMs
      const r = await q.query<{ n: number }>(
        `INSERT INTO counters (key, window_ms, n, expires_ms) VALUES ($1, $2, 1, $3)
         ON CONFLICT (key, window_ms) DO UPDATE SET n = counters.n + 1 RETURNING n`,
        [text(key), start, start + windowMs],
      )
      return r.rows[0]!.n
    },
    async sweep(nowMs) {
      const r = await q.query<{ n: number }>(
        `WITH a AS (DELETE FROM nonces WHERE expires_ms <= $1 RETURNING 1),
              b AS (DELETE FROM ephemeral WHERE expires_ms <= $1 RETURNING 1),
              c AS (DELETE FROM counters WHERE expires_ms <= $1 RETURNING 1)
         SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM b) + (SELECT count(*) FROM c) AS n`,
        [nowMs],
      )
      return Number(r.rows[0]!.n)
    },
  }
}
