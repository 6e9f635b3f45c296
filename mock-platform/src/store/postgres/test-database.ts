/** For tests: a fresh database in the test cluster (test/postgres.global.ts), dropped by `drop()`. */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, openDatabase } from './database'

export interface TestDatabase {
  url: string
  /** Opens a pool on it (migrated), as an instance would. */
  open(poolMax?: number): Promise<Database>
  drop(): Promise<void>
}

export async function createTestDatabase(clusterUrl: string): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: clusterUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(clusterUrl)
  url.pathname = `/${name}`
  const opened: Database[] = []
  return {
    url: url.href,
    async open(poolMax = 4) {
      const db = await openDatabase({ url: url.href, poolMax })
      opened.push(db)
      return db
    },
    async drop() {
      await Promise.all(opened.map((d) => d.close().catch(() => {})))
      const c = new pg.Client({ connectionString: clusterUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}
