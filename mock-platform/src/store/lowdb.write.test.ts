// Durable writes of large collections (issue 19 item 3, decision 0018): from LINE_FILE_FROM records a collection is
// written one record per line from each record's bytes kept since its put, in writev chunks, fsynced and renamed into
// place. The file stays JSON a person can read, earlier (pretty-printed) files load, an acknowledged change is on disk,
// concurrent changes coalesce, a write serialises only the record that changed, and a failed or torn write leaves
// the last good file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { type FileHandle, open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { LINE_FILE_FROM, lowdbStorage, writeFileDurably } from './lowdb'

interface Item {
  id: string
  n: number
  tags?: string[]
  big?: bigint
}

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sandbox-store-write-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})
afterEach(() => {
  vi.restoreAllMocks()
})

const text = (dir: string, name: string) => readFileSync(join(dir, `${name}.json`), 'utf8')
const onDisk = (dir: string, name: string): Item[] => (JSON.parse(text(dir, name)) as { items: Item[] }).items

/** FileHandle's prototype, to spy on writev / sync / close as the adapter calls them. */
async function fileHandleProto(): Promise<FileHandle> {
  const h = await open(join(tempDir(), 'probe'), 'w')
  await h.close()
  return Object.getPrototypeOf(h) as FileHandle
}

describe('lowdb adapter: a large collection is written one record per line', () => {
  it('the file is {"items":[ … ]} with a record a line, in the collection order, after puts, updates and deletes', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('apps')
    await c.put({ id: 'a', n: 1 })
    await c.put({ id: 'b', n: 2, tags: ['香港', 'line\nbreak'] })
    await c.put({ id: 'c', n: 3 })
    await c.put({ id: 'a', n: 10 }) // an update keeps its place
    await c.delete('b')
    await c.put({ id: 'b', n: 20 }) // back at the end
    expect(text(dir, 'apps')).toBe(
      '{"items":[\n{"id":"a","n":10},\n{"id":"c","n":3},\n{"id":"b","n":20}\n]}\n',
    )
    expect(onDisk(dir, 'apps')).toEqual(c.list())
    await c.replaceAll([{ id: 'z', n: 26, tags: ['line\nbreak'] }])
    expect(text(dir, 'apps')).toBe('{"items":[\n{"id":"z","n":26,"tags":["line\\nbreak"]}\n]}\n')
    await c.delete('z')
    expect(text(dir, 'apps')).toBe('{"items":[]}\n')
    expect(onDisk(dir, 'apps')).toEqual([])
  })

  it('a pretty-printed file of an earlier version loads as it is; its first write keeps every record', async () => {
    const dir = tempDir()
    const earlier = [
      { id: 'r1', n: 1, tags: ['香港'] },
      { id: 'r2', n: 2 },
    ]
    writeFileSync(join(dir, 'residents.json'), JSON.stringify({ items: earlier }, null, 2))
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('residents')
    expect(c.list()).toEqual(earlier)
    await c.put({ id: 'r3', n: 3 })
    expect(onDisk(dir, 'residents')).toEqual([...earlier, { id: 'r3', n: 3 }])
    expect(text(dir, 'residents').split('\n')).toHaveLength(6) // head, three records, tail, final newline
    const again = await lowdbStorage(dir).collection<Item>('residents')
    expect(again.list()).toEqual(c.list())
  })

  it(`below LINE_FILE_FROM (${LINE_FILE_FROM}) records the file stays pretty-printed; it changes layout as the collection crosses it, both ways`, async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir, { lineFileFrom: 3 }).collection<Item>('tickets')
    await c.put({ id: 't1', n: 1 })
    await c.put({ id: 't2', n: 2 })
    expect(text(dir, 'tickets')).toBe(JSON.stringify({ items: c.list() }, null, 2))
    await c.put({ id: 't3', n: 3 })
    expect(text(dir, 'tickets')).toBe(
      '{"items":[\n{"id":"t1","n":1},\n{"id":"t2","n":2},\n{"id":"t3","n":3}\n]}\n',
    )
    await c.delete('t1')
    expect(text(dir, 'tickets')).toBe(JSON.stringify({ items: c.list() }, null, 2))
    expect(LINE_FILE_FROM).toBe(1_000)
  })

  it('an acknowledged put is on disk; the temp file was fsynced before it replaced the file; no temp file is left', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('apps')
    await c.put({ id: 'a', n: 1 })
    const proto = await fileHandleProto()
    const real = proto.sync
    const seenAtSync: Item[][] = []
    vi.spyOn(proto, 'sync').mockImplementation(function (this: FileHandle) {
      seenAtSync.push(onDisk(dir, 'apps'))
      return real.call(this)
    })
    await c.put({ id: 'b', n: 2 })
    expect(onDisk(dir, 'apps')).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ])
    // The temp file's fsync ran while apps.json was still the old file; then the directory's, after the rename.
    expect(seenAtSync[0]).toEqual([{ id: 'a', n: 1 }])
    if (process.platform !== 'win32') expect(seenAtSync).toHaveLength(2)
    expect(readdirSync(dir)).toEqual(['apps.json'])
  })

  it('concurrent puts coalesce into at most two file writes, and every item is on disk when its own promise resolves', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('tickets')
    const proto = await fileHandleProto()
    const sync = vi.spyOn(proto, 'sync')
    const missing: string[] = []
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        c.put({ id: `t${i}`, n: i }).then(() => {
          if (!onDisk(dir, 'tickets').some((x) => x.id === `t${i}`)) missing.push(`t${i}`)
        }),
      ),
    )
    expect(missing).toEqual([])
    expect(onDisk(dir, 'tickets')).toHaveLength(200)
    const writes = sync.mock.calls.length / (process.platform === 'win32' ? 1 : 2) // the file's and the directory's
    expect(writes).toBeGreaterThanOrEqual(1)
    expect(writes).toBeLessThanOrEqual(2)
  })

  it('a put that arrives while the last coalesced write is finishing is still written before it resolves', async () => {
    // Schedules a put k microtasks after a write completes, for every k around the end of the write loop.
    const lost: number[] = []
    for (let k = 0; k < 12; k++) {
      const dir = tempDir()
      const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('race')
      const proto = Object.getPrototypeOf(c) as { writeOnce(): Promise<void> }
      const real = proto.writeOnce
      let armed = true
      let late: Promise<void> | undefined
      const spy = vi.spyOn(proto, 'writeOnce').mockImplementation(function (this: unknown) {
        return real.call(this).then(() => {
          if (!armed) return
          armed = false
          let tick: Promise<void> = Promise.resolve()
          for (let i = 0; i < k; i++) tick = tick.then(() => undefined)
          late = tick.then(() => c.put({ id: 'late', n: k }))
        })
      })
      await c.put({ id: 'first', n: 0 })
      await late
      spy.mockRestore()
      if (!onDisk(dir, 'race').some((x) => x.id === 'late')) lost.push(k)
    }
    expect(lost).toEqual([])
  })

  it('a record JSON cannot hold is refused by its own put and changes nothing; later writes go on', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('apps')
    await c.put({ id: 'a', n: 1 })
    await expect(c.put({ id: 'a', n: 2, big: 1n })).rejects.toThrow(/BigInt/)
    await expect(c.replaceAll([{ id: 'b', n: 1, big: 1n }])).rejects.toThrow(/BigInt/)
    expect(c.list()).toEqual([{ id: 'a', n: 1 }])
    await c.put({ id: 'c', n: 3 })
    expect(onDisk(dir, 'apps')).toEqual([
      { id: 'a', n: 1 },
      { id: 'c', n: 3 },
    ])
  })

  it('a write that fails leaves the last good file and rejects the puts waiting for it', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('apps')
    await c.put({ id: 'a', n: 1 })
    const before = text(dir, 'apps')
    const proto = await fileHandleProto()
    vi.spyOn(proto, 'writev').mockRejectedValueOnce(
      Object.assign(new Error('no space left'), { code: 'ENOSPC' }),
    )
    await expect(c.put({ id: 'b', n: 2 })).rejects.toThrow(/no space left/)
    expect(text(dir, 'apps')).toBe(before)
    await c.put({ id: 'c', n: 3 }) // the next write carries everything the collection holds
    expect(onDisk(dir, 'apps').map((i) => i.id)).toEqual(['a', 'b', 'c'])
  })

  it('a temp file left by a crash mid-write is ignored at start and replaced by the next write', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'apps.json'), '{"items":[\n{"id":"a","n":1}\n]}\n')
    writeFileSync(join(dir, '.apps.json.tmp'), '{"items":[\n{"id":"a","n":1},\n{"id":"b"') // torn
    const c = await lowdbStorage(dir, { lineFileFrom: 0 }).collection<Item>('apps')
    expect(c.list()).toEqual([{ id: 'a', n: 1 }])
    await c.put({ id: 'c', n: 3 })
    expect(onDisk(dir, 'apps').map((i) => i.id)).toEqual(['a', 'c'])
    expect(readdirSync(dir)).toEqual(['apps.json'])
  })
})

describe('lowdb adapter: the cost of a write to the event loop does not grow with the record count', () => {
  it('a put to a collection of 10,000 records serialises that record only, and hands the file over in chunks', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir).collection<Item>('bench')
    await c.replaceAll(
      Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, n: i, tags: ['x'.repeat(50)] })),
    )
    const stringify = vi.spyOn(JSON, 'stringify')
    const pretty = vi.spyOn(JSONFile.prototype, 'write')
    const proto = await fileHandleProto()
    const writev = vi.spyOn(proto, 'writev')
    await c.put({ id: 'r10000', n: 10_000 })
    expect(stringify).toHaveBeenCalledTimes(1)
    expect(pretty).not.toHaveBeenCalled()
    // 10,001 records, 10,000 separators, head and tail: 20 calls of at most 1,024 buffers.
    expect(writev.mock.calls.map(([parts]) => parts.length).every((n) => n <= 1024)).toBe(true)
    expect(writev.mock.calls.reduce((n, [parts]) => n + parts.length, 0)).toBe(20_003)
    expect(onDisk(dir, 'bench')).toHaveLength(10_001)
  })

  it('writeFileDurably writes the parts in order, whatever their number', async () => {
    const dir = tempDir()
    const path = join(dir, 'parts.json')
    const parts = Array.from({ length: 5_000 }, (_, i) => Buffer.from(`${i},`))
    await writeFileDurably(path, [Buffer.from('['), ...parts, Buffer.from('-1]')])
    const numbers = JSON.parse(readFileSync(path, 'utf8')) as number[]
    expect(numbers).toHaveLength(5_001)
    expect(numbers.slice(0, 3)).toEqual([0, 1, 2])
    expect(numbers.at(-2)).toBe(4_999)
  })
})
