/** The hosted mode's connection pool (SANDBOX_STORAGE=postgres): sized by config, schema migrated on open. */
import pg from 'pg'
import { migrate } from './migrate'

export interface DatabaseOptions {
  url: string
  /** Connections this instance may hold (DATABASE_POOL_MAX). */
  poolMax: number
}

export interface Database {
  readonly pool: pg.Pool
  /** A round trip to the database, for /healthz: its latency in ms, or the error. */
  ping(): Promise<{ ok: true; ms: number } | { ok: false; error: string }>
  close(): Promise<void>
}

// bigint columns (epoch ms, sequence numbers) fit a JavaScript number for the next 285,000 years.
pg.types.setTypeParser(pg.types.builtins.INT8, Number)

/** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const out = await fn(client)
    await client.query('COMMIT')
    return out
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    client.release()
  }
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax,
    // A request waits this long for a connection before it fails (answered 503 by the caller), never forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'iamsmart-sandbox',
  })
  // An idle client losing its connection (a database restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  await migrate(pool)
  return {
    pool,
    async ping() {
      const t = performance.now()
      try {
        await pool.query('SELECT 1')
        return { ok: true, ms: Math.round((performance.now() - t) * 10) / 10 }
      } catch (e) {
        return { ok: false, error: (e as Error).message }
      }
    },
    close: () => pool.end(),
  }
}
