/** Durable documents in PostgreSQL: one row per document, equality queries answered by the GIN index on `doc`. */
import type { Pool } from 'pg'
import { type Documents, type DocumentStore, pageSize } from '../documents'
import { type Database, inTransaction } from './database'

/** Ids compare bytewise in SQL (`COLLATE "C"`), as in JavaScript, so pages are the same in every engine. */
class PostgresDocuments<T extends { id: string }> implements Documents<T> {
  constructor(
    private readonly pool: Pool,
    private readonly name: string,
  ) {}

  async get(id: string): Promise<T | undefined> {
    const r = await this.pool.query<{ doc: T }>(
      'SELECT doc FROM documents WHERE collection = $1 AND id = $2',
      [this.name, id],
    )
    return r.rows[0]?.doc
  }

  async find({ where, after, limit }: { where?: Partial<T>; after?: string; limit?: number } = {}) {
    const size = pageSize(limit)
    const r = await this.pool.query<{ doc: T }>(
      `SELECT doc FROM documents
        WHERE collection = $1 AND doc @> $2::jsonb AND ($3::text IS NULL OR id COLLATE "C" > $3)
        ORDER BY id COLLATE "C" LIMIT $4`,
      [this.name, JSON.stringify(where ?? {}), after ?? null, size + 1],
    )
    const items = r.rows.slice(0, size).map((row) => row.doc)
    return r.rows.length > size ? { items, next: items.at(-1)!.id } : { items }
  }

  async count(where?: Partial<T>): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM documents WHERE collection = $1 AND doc @> $2::jsonb',
      [this.name, JSON.stringify(where ?? {})],
    )
    return r.rows[0]!.n
  }

  async put(item: T): Promise<void> {
    await this.pool.query(
      `INSERT INTO documents (collection, id, doc) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc`,
      [this.name, item.id, JSON.stringify(item)],
    )
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM documents WHERE collection = $1 AND id = $2', [
      this.name,
      id,
    ])
    return (r.rowCount ?? 0) > 0
  }

  async replaceAll(items: T[]): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM documents WHERE collection = $1', [this.name])
      if (items.length > 0)
        await client.query(
          `INSERT INTO documents (collection, id, doc)
           SELECT $1, d->>'id', d FROM jsonb_array_elements($2::jsonb) AS d`,
          [this.name, JSON.stringify(items)],
        )
    })
  }
}

export function postgresDocuments(db: Database): DocumentStore {
  const open = new Map<string, Documents<{ id: string }>>()
  return {
    async documents<T extends { id: string }>(name: string) {
      let d = open.get(name)
      if (!d) open.set(name, (d = new PostgresDocuments(db.pool, name)))
      return d as unknown as Documents<T>
    },
    close: async () => {},
  }
}
