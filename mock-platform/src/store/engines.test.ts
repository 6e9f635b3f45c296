/**
 * The storage contract, the same cases on every engine: documents on memory, lowdb and PostgreSQL; short-lived
 * shared state and leased jobs on memory and PostgreSQL. PostgreSQL is the test cluster (test/postgres.global.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { type DocumentStore, embeddedDocuments, PAGE_MAX } from './documents'
import { lowdbStorage } from './lowdb'
import { memoryStorage } from './memory'
import { postgresDocuments } from './postgres/documents.pg'
import { postgresSharedState } from './postgres/shared-state.pg'
import { createTestDatabase, type TestDatabase } from './postgres/test-database'
import { type Events, memoryEvents } from './events'
import { type Jobs, memoryJobs } from './jobs'
import { postgresEvents } from './postgres/events.pg'
import { postgresJobs } from './postgres/jobs.pg'
import { memorySharedState, type SharedState } from './shared-state'

interface App {
  id: string
  orgId: string
  name: string
  status?: string
}

const clusterUrl = inject('databaseUrl')
const cleanup: Array<() => Promise<void> | void> = []
afterAll(async () => {
  for (const c of cleanup.reverse()) await c()
})

let pg: TestDatabase | undefined
async function database() {
  if (!pg) {
    pg = await createTestDatabase(clusterUrl)
    cleanup.push(() => pg!.drop())
  }
  return pg
}

const documentEngines: Array<[string, () => Promise<DocumentStore>]> = [
  ['memory', async () => embeddedDocuments(memoryStorage())],
  [
    'lowdb',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'engines-'))
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
      return embeddedDocuments(lowdbStorage(dir))
    },
  ],
  ['postgres', async () => postgresDocuments(await (await database()).open())],
]

let n = 0
const fresh = () => `c${n++}-${Date.now()}`

describe.each(documentEngines)('documents on %s', (engine, make) => {
  it.skipIf(engine === 'postgres' && !clusterUrl)('get / put / replace / delete', async () => {
    const docs = await (await make()).documents<App>(fresh())
    expect(await docs.get('a')).toBeUndefined()
    await docs.put({ id: 'a', orgId: 'o1', name: 'A' })
    await docs.put({ id: 'a', orgId: 'o1', name: 'A2', status: 'live' })
    expect(await docs.get('a')).toEqual({ id: 'a', orgId: 'o1', name: 'A2', status: 'live' })
    expect(await docs.delete('a')).toBe(true)
    expect(await docs.delete('a')).toBe(false)
    expect(await docs.get('a')).toBeUndefined()
  })

  it.skipIf(engine === 'postgres' && !clusterUrl)(
    'finds by field equality, ordered by id, a page at a time',
    async () => {
      const docs = await (await make()).documents<App>(fresh())
      const all = Array.from({ length: 25 }, (_, i) => ({
        id: `app-${String(i).padStart(3, '0')}`,
        orgId: i % 3 === 0 ? 'org-a' : 'org-b',
        name: `App ${i}`,
      }))
      await Promise.all([...all].reverse().map((a) => docs.put(a)))
      const first = await docs.find({ where: { orgId: 'org-a' }, limit: 4 })
      expect(first.items.map((a) => a.id)).toEqual(['app-000', 'app-003', 'app-006', 'app-009'])
      expect(first.next).toBe('app-009')
      const rest = await docs.find({ where: { orgId: 'org-a' }, after: first.next!, limit: 4 })
      expect(rest.items.map((a) => a.id)).toEqual(['app-012', 'app-015', 'app-018', 'app-021'])
      const last = await docs.find({ where: { orgId: 'org-a' }, after: rest.next!, limit: 4 })
      expect(last).toEqual({ items: [all[24]] })
      expect((await docs.find({ where: { orgId: 'org-b', name: 'App 1' } })).items).toEqual([all[1]])
      expect((await docs.find({ where: { orgId: 'nobody' } })).items).toEqual([])
      expect(await docs.count({ orgId: 'org-a' })).toBe(9)
      expect(await docs.count()).toBe(25)
      expect((await docs.find()).items).toHaveLength(25)
      expect((await docs.find({ limit: 10_000 })).items.length).toBeLessThanOrEqual(PAGE_MAX)
    },
  )

  it.skipIf(engine === 'postgres' && !clusterUrl)(
    'replaceAll swaps the whole collection, other collections untouched',
    async () => {
      const store = await make()
      const a = await store.documents<App>(fresh())
      const b = await store.documents<App>(fresh())
      await a.put({ id: 'old', orgId: 'o', name: 'old' })
      await b.put({ id: 'old', orgId: 'o', name: 'kept' })
      await a.replaceAll([
        { id: 'x', orgId: 'o', name: 'x' },
        { id: 'y', orgId: 'o', name: 'y' },
      ])
      expect((await a.find()).items.map((d) => d.id)).toEqual(['x', 'y'])
      expect(await b.get('old')).toEqual({ id: 'old', orgId: 'o', name: 'kept' })
      await a.replaceAll([])
      expect((await a.find()).items).toEqual([])
    },
  )

  it.skipIf(engine === 'postgres' && !clusterUrl)('100 concurrent puts all land', async () => {
    const docs = await (await make()).documents<App>(fresh())
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => docs.put({ id: `k${i}`, orgId: 'o', name: `${i}` })),
    )
    expect((await docs.find({ limit: 500 })).items).toHaveLength(100)
  })
})

const stateEngines: Array<[string, () => Promise<SharedState>]> = [
  ['memory', async () => memorySharedState()],
  ['postgres', async () => postgresSharedState(await (await database()).open(8))],
]

describe.skipIf(!clusterUrl)('shared state on postgres, held() counts reused for heldCacheMs', () => {
  it('reuses a count for the period, raised by its own puts, then counts again', async () => {
    const s = postgresSharedState(await (await database()).open(2), { heldCacheMs: 60_000 })
    const t = fresh()
    await s.put('marker', `${t}-1`, t, 1, 9e12)
    expect(await s.held('marker', t, 0)).toBe(1)
    await s.put('marker', `${t}-2`, t, 1, 9e12)
    expect(await s.held('marker', t, 0)).toBe(2)
    await s.delete('marker', `${t}-1`)
    expect(await s.held('marker', t, 0)).toBe(2) // an over-estimate until the period ends: a bound, never a leak
    const fresh0 = postgresSharedState(await (await database()).open(2))
    expect(await fresh0.held('marker', t, 0)).toBe(1)
  })
})

describe.each(stateEngines)('shared state on %s', (engine, make) => {
  const skip = engine === 'postgres' && !clusterUrl
  it.skipIf(skip)(
    'a nonce is accepted once per client while unexpired, then again after it expires',
    async () => {
      const s = await make()
      const c = fresh()
      expect(await s.claimNonce(c, 'n1', 2_000, 1_000)).toBe(true)
      expect(await s.claimNonce(c, 'n1', 2_500, 1_500)).toBe(false)
      expect(await s.claimNonce(`${c}-other`, 'n1', 2_000, 1_500)).toBe(true)
      expect(await s.claimNonce(c, 'n1', 3_000, 2_000)).toBe(true)
    },
  )

  it.skipIf(skip)('of 20 concurrent claims of one nonce, exactly one wins', async () => {
    const s = await make()
    const c = fresh()
    const wins = await Promise.all(Array.from({ length: 20 }, () => s.claimNonce(c, 'same', 9e12, 1)))
    expect(wins.filter(Boolean)).toHaveLength(1)
  })

  it.skipIf(skip)('a single-use value is taken once, by exactly one of 20 concurrent takers', async () => {
    const s = await make()
    const k = fresh()
    await s.put('code', k, 'app1', { token: 't' }, 10_000)
    expect(await s.get('code', k, 5_000)).toEqual({ token: 't' })
    const got = await Promise.all(Array.from({ length: 20 }, () => s.take('code', k, 5_000)))
    expect(got.filter(Boolean)).toEqual([{ token: 't' }])
    expect(await s.get('code', k, 5_000)).toBeUndefined()
  })

  it.skipIf(skip)(
    'expired values are neither read nor taken, and held counts only live ones per tenant',
    async () => {
      const s = await make()
      const t = fresh()
      await s.put('token', `${t}-1`, t, 1, 1_000)
      await s.put('token', `${t}-2`, t, 2, 5_000)
      await s.put('token', `${t}-3`, `${t}-other`, 3, 5_000)
      expect(await s.get('token', `${t}-1`, 1_000)).toBeUndefined()
      expect(await s.take('token', `${t}-1`, 1_000)).toBeUndefined()
      expect(await s.held('token', t, 2_000)).toBe(1)
      expect(await s.delete('token', `${t}-2`)).toBe(true)
      expect(await s.held('token', t, 2_000)).toBe(0)
    },
  )

  it.skipIf(skip)(
    'counters count per fixed window, concurrently, and start again in the next window',
    async () => {
      const s = await make()
      const k = fresh()
      const counts = await Promise.all(Array.from({ length: 30 }, () => s.hit(k, 60_000, 120_001)))
      expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      expect(await s.hit(k, 60_000, 179_999)).toBe(31)
      expect(await s.hit(k, 60_000, 180_000)).toBe(1)
    },
  )

  it.skipIf(skip)(
    'keys may hold NUL and % (callers join parts with NUL); distinct keys stay distinct',
    async () => {
      const s = await make()
      const k = fresh()
      expect(await s.claimNonce(`${k}\u0000a`, 'n\u0000%00', 9e12, 0)).toBe(true)
      expect(await s.claimNonce(`${k}\u0000a`, 'n%00%00', 9e12, 0)).toBe(true)
      expect(await s.claimNonce(`${k}\u0000a`, 'n\u0000%00', 9e12, 0)).toBe(false)
      await s.put('v', `${k}\u0000x`, `${k}\u0000t`, 1, 9e12)
      await s.put('v', `${k}%00x`, `${k}%00t`, 2, 9e12)
      expect(await s.get('v', `${k}\u0000x`, 0)).toBe(1)
      expect(await s.held('v', `${k}\u0000t`, 0)).toBe(1)
      expect(await s.hit(`${k}\u0000r`, 1000, 0)).toBe(1)
      expect(await s.hit(`${k}%00r`, 1000, 0)).toBe(1)
    },
  )

  it.skipIf(skip)(
    'swap sets only over the expected value (absent, expired or equal as JSON); of 20 concurrent swaps one wins',
    async () => {
      const s = await make()
      const k = fresh()
      expect(await s.swap('cek', k, 't', { a: 1 }, { a: 2 }, 5_000, 0)).toBe(false)
      expect(await s.swap('cek', k, 't', undefined, { a: 1, b: [1, 'x'] }, 5_000, 0)).toBe(true)
      expect(await s.swap('cek', k, 't', undefined, { a: 9 }, 5_000, 0)).toBe(false)
      expect(await s.swap('cek', k, 't', { a: 2 }, { a: 9 }, 5_000, 0)).toBe(false)
      expect(await s.swap('cek', k, 't', { b: [1, 'x'], a: 1 }, { a: 3 }, 6_000, 0)).toBe(true)
      expect(await s.get('cek', k, 0)).toEqual({ a: 3 })
      const wins = await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.swap('cek', k, 't', { a: 3 }, { a: 100 + i }, 6_000, 0)),
      )
      expect(wins.filter(Boolean)).toHaveLength(1)
      const winner = wins.indexOf(true)
      expect(await s.get('cek', k, 0)).toEqual({ a: 100 + winner })
      // An expired entry counts as absent: only `undefined` replaces it.
      expect(await s.swap('cek', k, 't', { a: 100 + winner }, { a: 0 }, 7_000, 6_000)).toBe(false)
      expect(await s.swap('cek', k, 't', undefined, { a: 7 }, 9_000, 6_000)).toBe(true)
      expect(await s.get('cek', k, 6_000)).toEqual({ a: 7 })
    },
  )

  it.skipIf(skip)('list answers the unexpired values of a kind with their keys, at most limit', async () => {
    const s = await make()
    const kind = `list-${fresh()}`
    await s.put(kind, 'b', 't', 2, 5_000)
    await s.put(kind, 'a%\u0000', 't', 1, 5_000)
    await s.put(kind, 'c', 't', 3, 1_000)
    await s.put(`${kind}-other`, 'd', 't', 4, 5_000)
    expect(await s.list(kind, 2_000, 10)).toEqual([
      ['a%\u0000', 1],
      ['b', 2],
    ])
    expect(await s.list(kind, 2_000, 1)).toHaveLength(1)
    expect(await s.list(kind, 5_000, 10)).toEqual([])
  })

  it.skipIf(skip)('due answers the live values of a kind expiring by a time, soonest first', async () => {
    const s = await make()
    const kind = `due-${fresh()}`
    await s.put(kind, 'late', 't', 3, 9_000)
    await s.put(kind, 'soon', 't', 1, 3_000)
    await s.put(kind, 'gone', 't', 0, 1_000)
    await s.put(kind, 'next', 't', 2, 4_000)
    await s.put(`${kind}-other`, 'x', 't', 9, 3_000)
    expect(await s.due(kind, 2_000, 4_000, 10)).toEqual([
      ['soon', 1],
      ['next', 2],
    ])
    expect(await s.due(kind, 2_000, 4_000, 1)).toEqual([['soon', 1]])
    expect(await s.due(kind, 3_000, 3_500, 10)).toEqual([])
  })

  it.skipIf(skip)('count reads the window of hit without counting', async () => {
    const s = await make()
    const k = fresh()
    expect(await s.count(k, 60_000, 120_001)).toBe(0)
    await s.hit(k, 60_000, 120_001)
    await s.hit(k, 60_000, 130_000)
    expect(await s.count(k, 60_000, 179_999)).toBe(2)
    expect(await s.count(k, 60_000, 179_999)).toBe(2)
    expect(await s.count(k, 60_000, 180_000)).toBe(0)
  })

  it.skipIf(skip)('sweep removes what expired and keeps what is live', async () => {
    const s = await make()
    const k = fresh()
    await s.claimNonce(k, 'old', 1_000, 0)
    await s.put('ticket', `${k}-old`, k, 1, 1_000)
    await s.put('ticket', `${k}-new`, k, 2, 90_000_000_000_000)
    expect(await s.sweep(50_000)).toBeGreaterThanOrEqual(2)
    expect(await s.get('ticket', `${k}-new`, 50_000)).toBe(2)
    expect(await s.claimNonce(k, 'old', 60_000, 50_000)).toBe(true)
  })
})

const jobEngines: Array<[string, () => Promise<Jobs>]> = [
  ['memory', async () => memoryJobs()],
  ['postgres', async () => postgresJobs(await (await database()).open(8))],
]

describe.each(jobEngines)('jobs on %s', (engine, make) => {
  const skip = engine === 'postgres' && !clusterUrl
  it.skipIf(skip)('enqueue is idempotent; only due jobs are claimed, oldest first', async () => {
    const jobs = await make()
    const kind = fresh()
    expect(await jobs.enqueue(kind, 'b', { n: 2 }, 2_000)).toBe(true)
    expect(await jobs.enqueue(kind, 'a', { n: 1 }, 1_000)).toBe(true)
    expect(await jobs.enqueue(kind, 'a', { n: 9 }, 0)).toBe(false)
    expect(await jobs.enqueue(kind, 'later', {}, 9_000)).toBe(true)
    const got = await jobs.claim<{ n: number }>(kind, 'i1', 5_000, 1_000, 10)
    expect(got.map((j) => [j.id, j.payload.n, j.attempts])).toEqual([
      ['a', 1, 1],
      ['b', 2, 1],
    ])
    expect(await jobs.pending(kind)).toBe(3)
  })

  it.skipIf(skip)('a lease keeps others off; when it ends another instance takes the job over', async () => {
    const jobs = await make()
    const kind = fresh()
    await jobs.enqueue(kind, 'cb', { url: 'x' }, 0)
    expect(await jobs.claim(kind, 'A', 100, 30_000, 5)).toHaveLength(1)
    expect(await jobs.claim(kind, 'B', 20_000, 30_000, 5)).toEqual([])
    // A died holding it: after the lease, B claims it (a second attempt) and A can no longer complete it.
    const [taken] = await jobs.claim(kind, 'B', 30_100, 30_000, 5)
    expect(taken).toMatchObject({ id: 'cb', attempts: 2 })
    expect(await jobs.complete(kind, 'cb', 'A')).toBe(false)
    expect(await jobs.complete(kind, 'cb', 'B')).toBe(true)
    expect(await jobs.pending(kind)).toBe(0)
  })

  it.skipIf(skip)('reschedule releases the lease with a new due time and payload', async () => {
    const jobs = await make()
    const kind = fresh()
    await jobs.enqueue(kind, 'j', { try: 1 }, 0)
    await jobs.claim(kind, 'A', 10, 60_000, 1)
    expect(await jobs.reschedule(kind, 'j', 'B', 500, { try: 2 })).toBe(false)
    expect(await jobs.reschedule(kind, 'j', 'A', 500, { try: 2 })).toBe(true)
    expect(await jobs.claim(kind, 'B', 499, 60_000, 1)).toEqual([])
    expect((await jobs.claim<{ try: number }>(kind, 'B', 500, 60_000, 1))[0]!.payload).toEqual({ try: 2 })
  })

  it.skipIf(skip)('five workers claiming 60 jobs concurrently: each job claimed by exactly one', async () => {
    const jobs = await make()
    const kind = fresh()
    await Promise.all(Array.from({ length: 60 }, (_, i) => jobs.enqueue(kind, `j${i}`, i, i)))
    const claims = await Promise.all(
      Array.from({ length: 5 }, (_, w) => jobs.claim(kind, `w${w}`, 1_000, 60_000, 60)),
    )
    const ids = claims.flat().map((j) => j.id)
    expect(ids).toHaveLength(60)
    expect(new Set(ids).size).toBe(60)
  })
})

describe('events', () => {
  it.skipIf(!clusterUrl)(
    'a publication on one instance reaches the subscribers of every instance, once each',
    async () => {
      const db = await database()
      const a = await postgresEvents(await db.open(2), db.url)
      const b = await postgresEvents(await db.open(2), db.url)
      cleanup.push(
        () => a.close(),
        () => b.close(),
      )
      const seen: string[] = []
      const arrived = new Promise<void>((resolve) => {
        const on = (who: string) => (p: string) => {
          seen.push(`${who}:${p}`)
          if (seen.length === 3) resolve()
        }
        a.subscribe('tail:app1', on('a'))
        b.subscribe('tail:app1', on('b1'))
        b.subscribe('tail:app1', on('b2'))
        b.subscribe('tail:app2', on('wrong'))
      })
      await a.publish('tail:app1', 'tx-1')
      await arrived
      expect(seen.sort()).toEqual(['a:tx-1', 'b1:tx-1', 'b2:tx-1'])
    },
  )

  it.skipIf(!clusterUrl)(
    'a lost listening connection comes back, says there was a gap, and delivers again',
    async () => {
      const db = await database()
      const pool = await db.open(2)
      const e = await postgresEvents(pool, db.url)
      cleanup.push(() => e.close())
      const gap = new Promise<void>((resolve) => e.onGap(resolve))
      await pool.pool.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'iamsmart-sandbox-events' AND datname = current_database()",
      )
      await gap
      const got = new Promise<string>((resolve) => e.subscribe('after', resolve))
      await e.publish('after', 'again')
      expect(await got).toBe('again')
    },
  )

  it.each([['memory', async () => memoryEvents()]] as Array<[string, () => Promise<Events>]>)(
    '%s: delivers to subscribers of the channel, not after unsubscribing; refuses large payloads',
    async (_, make) => {
      const e = await make()
      const got: string[] = []
      const off = e.subscribe('x', (p) => got.push(p))
      await e.publish('x', '1')
      await e.publish('y', '2')
      await new Promise((r) => setTimeout(r, 10))
      off()
      await e.publish('x', '3')
      await new Promise((r) => setTimeout(r, 10))
      expect(got).toEqual(['1'])
      await expect(e.publish('x', 'z'.repeat(7_001))).rejects.toThrow(/exceeds 7000/)
    },
  )
})
