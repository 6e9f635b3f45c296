/**
 * Append-only records in PostgreSQL: the shared bounded queue (record-log.ts) commits each group as one multi-row
 * INSERT, so an acknowledged record is in the database. Every instance reads every instance's records. Each
 * partition keeps about its newest `keep` records: past `keep` + a quarter, the oldest are deleted in the same group.
 */
import { checkPartition, GroupQueue, type RecordLog } from '../record-log'
import { type Database, inTransaction } from './database'

export function postgresRecordLog<T>(
  db: Database,
  name: string,
  opts: { keep: number; queueMax?: number },
): RecordLog<T> {
  const sinceTrim = new Map<string, number>()
  const q = new GroupQueue<T>(name, opts.queueMax ?? 10_000, async (batch) => {
    await inTransaction(db.pool, async (client) => {
      await client.query(
        `INSERT INTO records (log, partition, record)
         SELECT $1, r->>0, r->1 FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(r, i) ORDER BY i`,
        [name, JSON.stringify(batch.map((b) => [b.partition, b.record]))],
      )
      for (const { partition } of batch) sinceTrim.set(partition, (sinceTrim.get(partition) ?? 0) + 1)
      for (const [partition, n] of sinceTrim) {
        if (n < Math.ceil(opts.keep / 4)) continue
        sinceTrim.set(partition, 0)
        await client.query(
          `DELETE FROM records WHERE log = $1 AND partition = $2 AND seq <= (
             SELECT seq FROM records WHERE log = $1 AND partition = $2 ORDER BY seq DESC OFFSET $3 LIMIT 1)`,
          [name, partition, opts.keep],
        )
      }
    })
  })
  return {
    append(partition, record) {
      checkPartition(partition)
      return q.append(partition, record)
    },
    async read(partition, { limit, filter, scan = 100_000 }) {
      const out: T[] = []
      // Newest first, a page at a time, until `limit` pass the filter or `scan` records were looked at.
      const page = filter ? 500 : limit
      let before: number | null = null
      for (let seen = 0; out.length < limit && seen < Math.min(scan, opts.keep * 2);) {
        const r: { rows: Array<{ seq: number; record: T }> } = await db.pool.query(
          `SELECT seq, record FROM records WHERE log = $1 AND partition = $2 AND ($3::bigint IS NULL OR seq < $3)
           ORDER BY seq DESC LIMIT $4`,
          [name, partition, before, Math.min(page, scan - seen)],
        )
        for (const row of r.rows)
          if (out.length < limit && (!filter || filter(row.record))) out.push(row.record)
        seen += r.rows.length
        if (r.rows.length < page) break
        before = r.rows.at(-1)!.seq
      }
      return out
    },
    async partitions() {
      const r = await db.pool.query<{ partition: string }>(
        'SELECT DISTINCT partition FROM records WHERE log = $1',
        [name],
      )
      return r.rows.map((row) => row.partition)
    },
    recovered: [],
    stats: () => ({ ...q.counts, pending: q.pending, waiting: q.waiting }),
    close: () => q.close(),
  }
}
