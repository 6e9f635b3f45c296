import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { postgresRecordLog } from './postgres/record-log.pg'
import { createTestDatabase } from './postgres/test-database'
import { GroupQueue, LogFullError, memoryRecordLog, type RecordLog } from './record-log'
import { fileRecordLog } from './record-log.file'

const tmp = () => mkdtempSync(join(tmpdir(), 'record-log-'))

// The hosted engine on the test cluster (test/postgres.global.ts): each log its own name in one fresh database.
const clusterUrl = inject('databaseUrl')
const pg = clusterUrl ? await createTestDatabase(clusterUrl) : undefined
const pgDb = await pg?.open()
afterAll(() => pg?.drop())
let logs = 0

type Engine = [string, (keep: number) => RecordLog<{ n: number; s?: string }>]
const engines: Engine[] = [
  ['memory', (keep) => memoryRecordLog('test', { keep })],
  ['file', (keep) => fileRecordLog('test', tmp(), { keep })],
]
if (pgDb) engines.push(['postgres', (keep) => postgresRecordLog(pgDb, `test-${logs++}`, { keep })])

describe.each(engines)('%s record log', (_, make) => {
  it('reads newest first, per partition, with a filter and a limit', async () => {
    const log = make(1000)
    await Promise.all(Array.from({ length: 20 }, (_, n) => log.append(n % 2 ? 'odd' : 'even', { n })))
    expect((await log.read('even', { limit: 3 })).map((r) => r.n)).toEqual([18, 16, 14])
    expect((await log.read('odd', { limit: 2, filter: (r) => r.n < 10 })).map((r) => r.n)).toEqual([9, 7])
    expect((await log.partitions()).sort()).toEqual(['even', 'odd'])
    expect(log.stats()).toMatchObject({ written: 20, pending: 0, refused: 0 })
    await log.close()
  })

  it('keeps about `keep` records per partition and drops the oldest', async () => {
    const log = make(400)
    for (let i = 0; i < 10; i++)
      await Promise.all(Array.from({ length: 100 }, (_, k) => log.append('a', { n: i * 100 + k })))
    const kept = await log.read('a', { limit: 10_000 })
    expect(kept[0]!.n).toBe(999)
    expect(kept.length).toBeGreaterThanOrEqual(400)
    expect(kept.length).toBeLessThanOrEqual(600)
    await log.close()
  })

  it('refuses names that are not safe directory names', async () => {
    const log = make(10)
    expect(() => log.append('../x', { n: 1 })).toThrow(/bad partition/)
    await log.close()
  })
})

describe('file record log', () => {
  it('rotates into segments and never rewrites a written record', async () => {
    const dir = tmp()
    const log = fileRecordLog<{ n: number }>('t', dir, { keep: 800 })
    for (let i = 0; i < 5; i++)
      await Promise.all(Array.from({ length: 100 }, (_, k) => log.append('p', { n: i * 100 + k })))
    await log.close()
    const files = readdirSync(join(dir, 'p')).sort()
    expect(files.length).toBeGreaterThan(1)
    const first = readFileSync(join(dir, 'p', files[0]!), 'utf8').split('\n')
    expect(JSON.parse(first[0]!)).toEqual({ n: 0 })
  })

  it('keeps `keep` records however small the segments are (closed segments carry their count in their name)', async () => {
    const dir = tmp()
    const open = () => fileRecordLog<{ n: number }>('t', dir, { keep: 400, segmentBytes: 1024 })
    let log = open()
    for (let i = 0; i < 10; i++)
      await Promise.all(Array.from({ length: 100 }, (_, k) => log.append('p', { n: i * 100 + k })))
    await log.close()
    // After a restart the counts come from the names, and retention goes on from there.
    log = open()
    for (let i = 10; i < 20; i++)
      await Promise.all(Array.from({ length: 100 }, (_, k) => log.append('p', { n: i * 100 + k })))
    const kept = await log.read('p', { limit: 10_000 })
    expect(kept[0]!.n).toBe(1999)
    expect(kept.length).toBeGreaterThanOrEqual(400)
    expect(kept.length).toBeLessThanOrEqual(500)
    expect(readdirSync(join(dir, 'p')).filter((f) => /^\d{10}-\d+\.jsonl$/.test(f)).length).toBeGreaterThan(3)
    await log.close()
  })

  it('cuts an incomplete last record at open, reports it, and appends after it', async () => {
    const dir = tmp()
    const log = fileRecordLog<{ n: number }>('t', dir, { keep: 1000 })
    await log.append('p', { n: 1 })
    await log.close()
    const seg = join(dir, 'p', readdirSync(join(dir, 'p'))[0]!)
    appendFileSync(seg, '{"n":2,"torn')
    const again = fileRecordLog<{ n: number }>('t', dir, { keep: 1000 })
    expect(again.recovered).toEqual([{ file: seg, bytes: 12 }])
    await again.append('p', { n: 3 })
    expect((await again.read('p', { limit: 10 })).map((r) => r.n)).toEqual([3, 1])
    expect(readFileSync(seg, 'utf8')).toBe('{"n":1}\n{"n":3}\n')
    await again.close()
  })

  it('reads long lines across chunk boundaries and skips a line being written', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'p'))
    const big = 'x'.repeat(300_000)
    writeFileSync(join(dir, 'p', '0000000001.jsonl'), `{"n":1,"s":"${big}"}\n{"n":2}\n{"n":3,"s":"${big}`)
    const log = fileRecordLog<{ n: number; s?: string }>('t', dir, { keep: 1000 })
    const read = await log.read('p', { limit: 10 })
    expect(read.map((r) => r.n)).toEqual([2, 1])
    expect(read[1]!.s).toHaveLength(300_000)
    await log.close()
  })

  it('continues the count of the active segment after a restart', async () => {
    const dir = tmp()
    let log = fileRecordLog<{ n: number }>('t', dir, { keep: 400 })
    await Promise.all(Array.from({ length: 40 }, (_, n) => log.append('p', { n })))
    await log.close()
    log = fileRecordLog<{ n: number }>('t', dir, { keep: 400 })
    await Promise.all(Array.from({ length: 40 }, (_, n) => log.append('p', { n: 40 + n })))
    await log.close()
    // 50 records per segment (keep / 8): 80 records → two segments.
    expect(readdirSync(join(dir, 'p'))).toHaveLength(2)
  })
})

describe('GroupQueue', () => {
  it('writes everything queued meanwhile as one group', async () => {
    const groups: number[] = []
    const q = new GroupQueue<number>('t', 1000, async (b) => {
      groups.push(b.length)
    })
    await Promise.all(Array.from({ length: 300 }, (_, i) => q.append('p', i)))
    expect(groups).toEqual([300])
  })

  it('makes callers wait when full, refuses when the waiting room is full too, and loses nothing acknowledged', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const written: number[] = []
    const q = new GroupQueue<number>('t', 2, async (b) => {
      await gate
      written.push(...b.map((x) => x.record))
    })
    const first = [q.append('p', 1), q.append('p', 2)]
    await new Promise((r) => setImmediate(r)) // the writer takes [1, 2] and blocks on the gate
    const queued = [q.append('p', 3), q.append('p', 4)]
    const waiting = [q.append('p', 5), q.append('p', 6)]
    await new Promise((r) => setImmediate(r))
    expect(q.waiting).toBe(2)
    await expect(q.append('p', 7)).rejects.toBeInstanceOf(LogFullError)
    expect(q.counts.refused).toBe(1)
    release()
    await Promise.all([...first, ...queued, ...waiting])
    expect(written).toEqual([1, 2, 3, 4, 5, 6])
    await q.close()
    await expect(q.append('p', 8)).rejects.toThrow(/closed/)
  })
})
