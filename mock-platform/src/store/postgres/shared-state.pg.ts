/**
 * Short-lived protocol state in PostgreSQL, one statement per operation so that concurrent instances agree:
 * a nonce is an INSERT that only an expired row can be overwritten by; a take is a DELETE … RETURNING; a counter is
 * an upsert that increments. Expired rows are ignored by every read and removed by `sweep`.
 */
import type { SharedState } from '../shared-state'
import { admitStatement, admitted } from './admit.pg'
import type { Database } from './database'

/**
 * PostgreSQL text cannot hold NUL, which callers use as a separator inside keys: `%` and NUL are percent-encoded
 * (injective, so distinct keys stay distinct).
 */
const text = (s: string) =>
  s.includes('%') || s.includes('\u0000') ? s.replaceAll('%', '%25').replaceAll('\u0000', '%00') : s

/** The key as the caller gave it (the inverse of `text`). */
const untext = (s: string) => (s.includes('%') ? s.replaceAll('%00', '\u0000').replaceAll('%25', '%') : s)

export interface SharedStateOptions {
  /**
   * How long (wall-clock ms) a `held()` count is reused, raised by this instance's own puts meanwhile (default 0:
   * always counted). The bounds it serves (NONCES_PER_APP, LIVE_STATE_PER_APP) are protections, not exact quotas:
   * counting an app's live rows on every call would cost a scan of up to its bound each time.
   */
  heldCacheMs?: number
}

/** Counts kept at most; beyond, the cache starts again (a bound on memory, not on correctness). */
const HELD_CACHE_MAX = 10_000

export function postgresSharedState(db: Database, o: SharedStateOptions = {}): SharedState {
  const q = db.pool
  const cacheMs = o.heldCacheMs ?? 0
  const heldCache = new Map<string, { n: number; at: number }>()
  const heldKey = (kind: string, tenant: string) => `${kind}\u0000${tenant}`
  const nonceKey = (clientId: string) => `\u0000${clientId}`
  /** This instance's own additions raise a reused count. */
  const raise = (k: string) => {
    const cached = cacheMs > 0 ? heldCache.get(k) : undefined
    if (cached) cached.n++
  }
  /** A count, reused for `heldCacheMs` (see SharedStateOptions). */
  async function counted(k: string, count: () => Promise<{ rows: Array<{ n: number }> }>) {
    const cached = cacheMs > 0 ? heldCache.get(k) : undefined
    if (cached && performance.now() - cached.at < cacheMs) return cached.n
    const n = (await count()).rows[0]!.n
    if (cacheMs > 0) {
      if (heldCache.size >= HELD_CACHE_MAX) heldCache.clear()
      heldCache.set(k, { n, at: performance.now() })
    }
    return n
  }
  return {
    async claimNonce(clientId, nonce, expiresMs, nowMs) {
      const r = await q.query(
        `INSERT INTO nonces (client_id, nonce, expires_ms) VALUES ($1, $2, $3)
         ON CONFLICT (client_id, nonce) DO UPDATE SET expires_ms = EXCLUDED.expires_ms WHERE nonces.expires_ms <= $4`,
        [text(clientId), text(nonce), expiresMs, nowMs],
      )
      if (r.rowCount === 1) raise(nonceKey(clientId))
      return r.rowCount === 1
    },
    async put(kind, key, tenant, value, expiresMs) {
      await q.query(
        `INSERT INTO ephemeral (kind, key, tenant, value, expires_ms) VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (kind, key) DO UPDATE
           SET tenant = EXCLUDED.tenant, value = EXCLUDED.value, expires_ms = EXCLUDED.expires_ms`,
        [kind, text(key), text(tenant), JSON.stringify(value), expiresMs],
      )
      raise(heldKey(kind, tenant))
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
    async swap(kind, key, tenant, expected, value, expiresMs, nowMs) {
      // Absent or expired expected: insert, or overwrite only an expired row. Else: update only the row still equal.
      const r =
        expected === undefined
          ? await q.query(
              `INSERT INTO ephemeral (kind, key, tenant, value, expires_ms) VALUES ($1, $2, $3, $4::jsonb, $5)
               ON CONFLICT (kind, key) DO UPDATE
                 SET tenant = EXCLUDED.tenant, value = EXCLUDED.value, expires_ms = EXCLUDED.expires_ms
                 WHERE ephemeral.expires_ms <= $6`,
              [kind, text(key), text(tenant), JSON.stringify(value), expiresMs, nowMs],
            )
          : await q.query(
              `UPDATE ephemeral SET tenant = $3, value = $4::jsonb, expires_ms = $5
               WHERE kind = $1 AND key = $2 AND expires_ms > $6 AND value = $7::jsonb`,
              [
                kind,
                text(key),
                text(tenant),
                JSON.stringify(value),
                expiresMs,
                nowMs,
                JSON.stringify(expected),
              ],
            )
      return r.rowCount === 1
    },
    async list<V>(kind: string, nowMs: number, limit: number) {
      const r = await q.query<{ key: string; value: V }>(
        'SELECT key, value FROM ephemeral WHERE kind = $1 AND expires_ms > $2 ORDER BY key LIMIT $3',
        [kind, nowMs, limit],
      )
      return r.rows.map((row): [string, V] => [untext(row.key), row.value])
    },
    async due<V>(kind: string, nowMs: number, byMs: number, limit: number) {
      const r = await q.query<{ key: string; value: V }>(
        `SELECT key, value FROM ephemeral WHERE kind = $1 AND expires_ms > $2 AND expires_ms <= $3
         ORDER BY expires_ms LIMIT $4`,
        [kind, nowMs, byMs, limit],
      )
      return r.rows.map((row): [string, V] => [untext(row.key), row.value])
    },
    async delete(kind, key) {
      const r = await q.query('DELETE FROM ephemeral WHERE kind = $1 AND key = $2', [kind, text(key)])
      return (r.rowCount ?? 0) > 0
    },
    held(kind, tenant, nowMs) {
      return counted(heldKey(kind, tenant), () =>
        q.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM ephemeral WHERE kind = $1 AND tenant = $2 AND expires_ms > $3',
          [kind, text(tenant), nowMs],
        ),
      )
    },
    nonces(clientId, nowMs) {
      return counted(nonceKey(clientId), () =>
        q.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM nonces WHERE client_id = $1 AND expires_ms > $2',
          [text(clientId), nowMs],
        ),
      )
    },
    async admit(a) {
      const statement = admitStatement(a, text)
      if (!statement) return { counts: [] }
      const r = await q.query<Record<string, unknown>>(statement.text, statement.values)
      const out = admitted(a, r.rows[0]!)
      if (a.nonce?.claim && out.nonce === 'new') raise(nonceKey(a.nonce.clientId))
      return out
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
    async count(key, windowMs, nowMs) {
      const start = Math.floor(nowMs / windowMs) * windowMs
      const r = await q.query<{ n: number }>(
        'SELECT n FROM counters WHERE key = $1 AND window_ms = $2 AND expires_ms > $3',
        [text(key), start, nowMs],
      )
      return r.rows[0]?.n ?? 0
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
