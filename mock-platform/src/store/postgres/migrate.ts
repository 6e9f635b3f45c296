/** Runs the schema's versions not yet applied, once, whichever instance starts first (a session advisory lock). */
import type { Pool } from 'pg'
import { MIGRATIONS, type Migration } from './migrations'

/** The advisory lock's key: any 64-bit number no other application on the same database uses. */
const LOCK = 0x1a5_5a7d_b0c5

export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect()
  const applied: number[] = []
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK])
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    )
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    )
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ])
        await client.query('COMMIT')
        applied.push(m.version)
      } catch (e) {
        await client.query('ROLLBACK')
        throw new Error(`migration ${m.version} (${m.name}) failed: ${(e as Error).message}`, { cause: e })
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => {})
    client.release()
  }
  return applied
}
