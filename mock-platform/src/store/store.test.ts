// Storage (design §7, security checklist G #48, issue 12 §5): memory and lowdb adapters behave alike; an acknowledged
// lowdb write is on disk; concurrent writes coalesce and all land; a damaged store file is refused, named and never
// changed; a second process on the same data directory is refused, a stale lock (dead pid, reused pid, earlier boot)
// is taken over, a lock from another host never, and processes racing for one directory leave exactly one winner.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join, relative as relativePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { JSONFile } from 'lowdb/node'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { CollectionFactory } from './collection'
import { DataDirLockedError, type LockRecord, lockDataDir } from './lock'
import { identityOf, ownIdentity } from './process-identity'
import { lowdbStorage, StoreFileError } from './lowdb'
import { memoryStorage } from './memory'

interface Item {
  id: string
  n: number
  tags?: string[]
}

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sandbox-store-'))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const onDisk = (dir: string, name: string): Item[] =>
  (JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { items: Item[] }).items
const ids = (items: Item[]) => items.map((i) => i.id).sort()

describe.each([
  ['memory', () => memoryStorage()],
  ['lowdb', () => lowdbStorage(tempDir())],
] as Array<[string, () => CollectionFactory]>)('%s adapter', (_name, make) => {
  it('put / get / list / delete / replaceAll', async () => {
    const storage = make()
    const c = await storage.collection<Item>('things')
    expect(c.get('a')).toBeUndefined()
    expect(c.list()).toEqual([])
    await c.put({ id: 'a', n: 1 })
    await c.put({ id: 'b', n: 2, tags: ['x'] })
    expect(c.get('a')).toEqual({ id: 'a', n: 1 })
    expect(c.list()).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2, tags: ['x'] },
    ])
    await c.put({ id: 'a', n: 10 })
    expect(c.get('a')).toEqual({ id: 'a', n: 10 })
    expect(c.list()).toHaveLength(2)
    expect(await c.delete('a')).toBe(true)
    expect(await c.delete('a')).toBe(false)
    expect(c.get('a')).toBeUndefined()
    await c.replaceAll([
      { id: 'x', n: 7 },
      { id: 'y', n: 8 },
    ])
    expect(ids(c.list())).toEqual(['x', 'y'])
    expect(c.get('b')).toBeUndefined()
    await c.replaceAll([])
    expect(c.list()).toEqual([])
    await storage.close()
  })

  it('collections are independent by name, and the same name gives the same collection', async () => {
    const storage = make()
    const a = await storage.collection<Item>('apps')
    const b = await storage.collection<Item>('residents')
    await a.put({ id: '1', n: 1 })
    expect(b.get('1')).toBeUndefined()
    expect(await storage.collection<Item>('apps')).toBe(a)
  })

  it('concurrent puts all land', async () => {
    const storage = make()
    const c = await storage.collection<Item>('many')
    await Promise.all(Array.from({ length: 100 }, (_, i) => c.put({ id: `k${i}`, n: i })))
    expect(c.list()).toHaveLength(100)
  })
})

describe('lowdb adapter on disk', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('an acknowledged put, delete or replaceAll is in the JSON file when its promise resolves', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir).collection<Item>('apps')
    await c.put({ id: 'a', n: 1 })
    expect(onDisk(dir, 'apps')).toEqual([{ id: 'a', n: 1 }])
    await c.put({ id: 'b', n: 2 })
    expect(ids(onDisk(dir, 'apps'))).toEqual(['a', 'b'])
    await c.delete('a')
    expect(onDisk(dir, 'apps')).toEqual([{ id: 'b', n: 2 }])
    await c.replaceAll([{ id: 'z', n: 26 }])
    expect(onDisk(dir, 'apps')).toEqual([{ id: 'z', n: 26 }])
  })

  it('a new storage on the same directory reads back what was written', async () => {
    const dir = tempDir()
    const first = await lowdbStorage(dir).collection<Item>('residents')
    await first.put({ id: 'r1', n: 1, tags: ['香港'] })
    const again = await lowdbStorage(dir).collection<Item>('residents')
    expect(again.list()).toEqual([{ id: 'r1', n: 1, tags: ['香港'] }])
  })

  it('concurrent puts coalesce into fewer file writes, and every item is on disk when its own promise resolves', async () => {
    const dir = tempDir()
    const c = await lowdbStorage(dir).collection<Item>('tickets')
    const write = vi.spyOn(JSONFile.prototype, 'write')
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
    // At most one write in flight and one queued: 200 puts in one tick take two writes.
    expect(write.mock.calls.length).toBeGreaterThanOrEqual(1)
    expect(write.mock.calls.length).toBeLessThanOrEqual(2)
  })

  it('a put that arrives while the last coalesced write is finishing is still written before it resolves', async () => {
    // Schedules a put k microtasks after a write completes, for every k around the end of the write loop.
    const lost: number[] = []
    for (let k = 0; k < 12; k++) {
      const dir = tempDir()
      const c = await lowdbStorage(dir).collection<Item>('race')
      const real = JSONFile.prototype.write
      let armed = true
      let late: Promise<void> | undefined
      const spy = vi.spyOn(JSONFile.prototype, 'write').mockImplementation(function (
        this: JSONFile<unknown>,
        data,
      ) {
        return real.call(this, data).then(() => {
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
      if (!ids(onDisk(dir, 'race')).includes('late')) lost.push(k)
    }
    expect(lost).toEqual([])
  })

  it('refuses collection names that could escape the data directory', async () => {
    const storage = lowdbStorage(tempDir())
    for (const bad of ['../apps', 'a/b', 'Apps', '', '.hidden', 'x.json']) {
      expect(() => storage.collection(bad), bad).toThrow(/bad collection name/)
    }
  })
})

// ---------- damaged store files (issue 12 §5): refused, named, never changed ----------

/** Every collection the platform keeps in lowdb (app.ts, support/desk.ts). */
const KINDS = [
  'apps',
  'residents',
  'meta',
  'accounts',
  'orgs',
  'app-changes',
  'audit',
  'consents',
  'consent-events',
  'department-records',
  'mail-outbox',
  'support-enquiries',
  'support-applications',
  'support-requests',
  'support-settings',
]

const DAMAGE: Array<[string, string | Buffer, RegExp]> = [
  ['{}', '{}', /has no "items"/],
  ['[]', '[]', /holds an array/],
  ['null', 'null', /holds null/],
  ['a number', '42', /holds a number/],
  ['a string', '"items"', /holds a string/],
  [
    'truncated JSON',
    '{"items":[{"id":"a","n":1},{"id":"b"',
    /is not valid JSON \(it ends too early: truncated\?\)/,
  ],
  ['garbage text', 'garbage\n\u0001{{{', /is not valid JSON/],
  ['garbage bytes', Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x80, 0x7b]), /is not UTF-8 text/],
  ['an empty file', '', /is empty \(0 bytes\)/],
  ['white space', ' \n\t\n', /holds only white space/],
  ['items not an array', '{"items":{"id":"a"}}', /"items" holding an object, not an array/],
  ['items null', '{"items":null}', /"items" holding null/],
  ['an item that is not an object', '{"items":[{"id":"a"},7]}', /items\[1\] holding a number/],
  ['an item without an id', '{"items":[{"id":"a"},{"name":"x"}]}', /items\[1\] without a string "id"/],
  ['an item with a numeric id', '{"items":[{"id":3}]}', /items\[0\] without a string "id"/],
  [
    'two items with one id',
    '{"items":[{"id":"a"},{"id":"b"},{"id":"a"}]}',
    /items\[0\] and items\[2\] with the same id "a"/,
  ],
  ['a key beside items', '{"items":[],"extra":{"kept":true}}', /a key "extra" beside "items"/],
]

describe('lowdb adapter: a damaged store file stops the start and is never changed', () => {
  it.each(KINDS)(
    '%s.json: each kind of damage → StoreFileError naming the file and the fix, bytes unchanged',
    async (kind) => {
      for (const [label, content, problem] of DAMAGE) {
        const dir = tempDir()
        const path = join(dir, `${kind}.json`)
        writeFileSync(path, content)
        const before = readFileSync(path)
        const storage = lowdbStorage(dir)
        const error = await storage.collection<Item>(kind).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(error, label).toBeInstanceOf(StoreFileError)
        const e = error as StoreFileError
        expect(e.path, label).toBe(path)
        expect(e.collection, label).toBe(kind)
        expect(e.problem, label).toMatch(problem)
        expect(e.message, label).toContain(`The store file ${path} `)
        expect(e.message, label).toContain('without changing it')
        expect(e.message, label).toContain('from a backup')
        expect(e.message, label).toContain(`mv "${path}" "${path}.damaged"`)
        expect(e.message, label).toContain(`"${kind}" collection empty`)
        // Other collections still work and write; the damaged file stays as it was, and no temp file is left.
        const other = await storage.collection<Item>('unrelated')
        await other.put({ id: 'x', n: 1 })
        await expect(storage.collection<Item>(kind), label).rejects.toBeInstanceOf(StoreFileError)
        expect(readFileSync(path).equals(before), label).toBe(true)
        expect(readdirSync(dir).sort(), label).toEqual([`${kind}.json`, 'unrelated.json'].sort())
      }
    },
  )

  it('a missing file is a new empty collection; a well-formed file loads as it is', async () => {
    const dir = tempDir()
    const storage = lowdbStorage(dir)
    expect((await storage.collection<Item>('apps')).list()).toEqual([])
    expect(existsSync(join(dir, 'apps.json'))).toBe(false)
    writeFileSync(join(dir, 'orgs.json'), '{ "items": [ { "id": "o1", "n": 1 }, { "id": "o2", "n": 2 } ] }\n')
    expect(ids((await storage.collection<Item>('orgs')).list())).toEqual(['o1', 'o2'])
    writeFileSync(join(dir, 'meta.json'), '{"items":[]}')
    expect((await storage.collection<Item>('meta')).list()).toEqual([])
  })

  it('a file that cannot be read (a directory in its place) is refused with its own fix', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'apps.json'))
    const e = await lowdbStorage(dir)
      .collection<Item>('apps')
      .catch((x: unknown) => x)
    expect(e).toBeInstanceOf(StoreFileError)
    expect((e as Error).message).toContain(join(dir, 'apps.json'))
    expect((e as Error).message).toMatch(/cannot be read \(EISDIR\)/)
  })

  it('a relative data directory is named by its full path', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'apps.json'), '{}')
    const relative = relativePath(process.cwd(), dir)
    const e = (await lowdbStorage(relative)
      .collection<Item>('apps')
      .catch((x: unknown) => x)) as StoreFileError
    expect(e.path).toBe(join(dir, 'apps.json'))
    expect(e.message).toContain(join(dir, 'apps.json'))
  })
})

// ---------- the data-directory lock (issue 12 §5) ----------

const lockModule = fileURLToPath(new URL('./lock.ts', import.meta.url))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

const lockFile = (dir: string) => join(dir, 'LOCK')
const record = (dir: string) => JSON.parse(readFileSync(lockFile(dir), 'utf8')) as LockRecord
const writeRecord = (dir: string, r: Partial<LockRecord>) => writeFileSync(lockFile(dir), JSON.stringify(r))
const nonce = () => randomBytes(16).toString('hex')

/** A separate Node process that takes the lock through lock.ts and holds it until killed. */
async function childHoldingLock(dir: string): Promise<ChildProcess> {
  const code = `const { lockDataDir } = await import(${JSON.stringify(lockModule)}); lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stderr = ''
  child.stderr!.on('data', (d) => {
    stderr += String(d)
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      if (String(d).includes('locked')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)))
  })
  return child
}

/** A live process that is not a sandbox. */
async function sleeper(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  children.push(child)
  await new Promise((r) => child.once('spawn', r))
  return child
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

/** A pid that no process has now. */
async function deadPid(): Promise<number> {
  const child = await sleeper()
  await killed(child)
  return child.pid!
}

function lockError(dir: string): DataDirLockedError {
  try {
    lockDataDir(dir)()
  } catch (e) {
    expect(e).toBeInstanceOf(DataDirLockedError)
    return e as DataDirLockedError
  }
  throw new Error('the lock was taken')
}

describe('data-directory lock', () => {
  it('records pid, host, start time and a nonce; a second lockDataDir is refused while the holder lives; after kill -9 it is taken over', async () => {
    const dir = tempDir()
    const child = await childHoldingLock(dir)
    const held = record(dir)
    expect(held).toMatchObject({ pid: child.pid, hostname: hostname() })
    expect(held.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(Math.abs(held.startedAt - Date.now())).toBeLessThan(120_000)
    expect(held.lockedAt).toBeGreaterThanOrEqual(held.startedAt)
    if (process.platform === 'linux') expect(held.procStart).toMatch(/^\d+$/)
    const bytes = readFileSync(lockFile(dir))

    const e = lockError(dir)
    expect(e.pid).toBe(child.pid)
    expect(e.dir).toBe(dir)
    expect(e.why).toBe('running')
    expect(e.message).toContain(`The data directory ${dir} is in use by process ${child.pid} on this host`)
    expect(e.message).toContain(new Date(held.lockedAt).toISOString())
    expect(e.message).toContain(`kill ${child.pid}`)
    // The holder's LOCK is untouched by the refused attempt, and nothing is left beside it.
    expect(readFileSync(lockFile(dir)).equals(bytes)).toBe(true)
    expect(readdirSync(dir)).toEqual(['LOCK'])

    // kill -9 leaves the LOCK behind: the next process takes it over.
    await killed(child)
    const release = lockDataDir(dir)
    expect(record(dir).pid).toBe(process.pid)
    expect(readdirSync(dir)).toEqual(['LOCK'])
    release()
    expect(existsSync(lockFile(dir))).toBe(false)
  }, 30_000)

  it('a live pid with another start time (a reused pid) is stale and taken over; with its own start time it is held', async () => {
    const other = await sleeper()
    const identity = identityOf(other.pid!)
    const reused = tempDir()
    writeRecord(reused, {
      ...identity,
      procStart: identity.procStart ? String(Number(identity.procStart) + 1) : undefined,
      startedAt: Date.now() - 3_600_000,
      lockedAt: Date.now() - 3_600_000,
      nonce: nonce(),
    })
    const release = lockDataDir(reused)
    expect(record(reused).pid).toBe(process.pid)
    release()

    const live = tempDir()
    writeRecord(live, { ...identity, startedAt: Date.now(), lockedAt: Date.now(), nonce: nonce() })
    const e = lockError(live)
    expect(e.pid).toBe(other.pid)
    expect(e.why).toBe('running')
    await killed(other)
  })

  it('a lock written before the last reboot is stale even if its pid and start ticks are alive again', () => {
    const dir = tempDir()
    writeRecord(dir, {
      ...ownIdentity(),
      pid: process.pid,
      bootId: '00000000-0000-0000-0000-000000000000',
      lockedAt: Date.now() - 86_400_000,
      nonce: nonce(),
    })
    if (!ownIdentity().bootId) return // not Linux: no boot id to compare
    lockDataDir(dir)()
  })

  it('a copied data directory whose LOCK names a dead process starts fine', async () => {
    const dir = tempDir()
    const pid = await deadPid()
    writeRecord(dir, {
      pid,
      hostname: hostname(),
      startedAt: Date.now() - 60_000,
      lockedAt: Date.now() - 50_000,
      nonce: nonce(),
    })
    const release = lockDataDir(dir)
    expect(record(dir).pid).toBe(process.pid)
    release()
  })

  it('a LOCK from another host is never taken over, dead or alive there; the message says how to remove it', () => {
    const dir = tempDir()
    const content = JSON.stringify({
      pid: 4242,
      hostname: 'build-box-7',
      startedAt: Date.UTC(2026, 0, 1),
      lockedAt: Date.UTC(2026, 0, 2),
      nonce: nonce(),
    })
    writeFileSync(lockFile(dir), content)
    const e = lockError(dir)
    expect(e.why).toBe('other-host')
    expect(e.pid).toBe(4242)
    expect(e.message).toContain(
      `The data directory ${dir} is in use by process 4242 on host build-box-7 since 2026-01-02T00:00:00.000Z`,
    )
    expect(e.message).toContain('never taken over automatically')
    expect(e.message).toContain(`If build-box-7 is gone`)
    expect(e.message).toContain(`delete ${lockFile(dir)}`)
    expect(readFileSync(lockFile(dir), 'utf8')).toBe(content)
    expect(readdirSync(dir)).toEqual(['LOCK'])
  })

  it('this process cannot lock the same directory twice', () => {
    const dir = tempDir()
    const release = lockDataDir(dir)
    const e = lockError(dir)
    expect(e.why).toBe('this-process')
    expect(e.pid).toBe(process.pid)
    release()
  })

  it('a bare pid (older sandboxes) of a live process that started before it was written is respected; one that started after is a reused pid', async () => {
    const other = await sleeper()
    const dir = tempDir()
    writeFileSync(lockFile(dir), String(other.pid))
    const e = lockError(dir)
    expect(e.pid).toBe(other.pid)
    expect(e.why).toBe('unverified')
    expect(e.message).toContain(`If process ${other.pid} is not a sandbox, delete ${lockFile(dir)}`)
    expect(readFileSync(lockFile(dir), 'utf8')).toBe(String(other.pid))
    // Written an hour before the process started: that process cannot have written it.
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(lockFile(dir), old, old)
    const release = lockDataDir(dir)
    expect(record(dir).pid).toBe(process.pid)
    release()
    await killed(other)
  })

  it('a LOCK with garbage or an impossible pid is stale', () => {
    for (const content of [
      '',
      'not a pid',
      '-1',
      '0',
      '1.5',
      '99999999',
      '{}',
      '[]',
      'null',
      '{"pid":"12"}',
      '{"pid":0,"hostname":"x"}',
    ]) {
      const dir = tempDir()
      writeFileSync(lockFile(dir), content)
      const release = lockDataDir(dir)
      expect(record(dir).pid, content).toBe(process.pid)
      expect(readdirSync(dir), content).toEqual(['LOCK'])
      release()
    }
  })

  it('a takeover gate left by a process killed mid-takeover is itself taken over', async () => {
    const dir = tempDir()
    const stale = nonce()
    writeRecord(dir, { pid: await deadPid(), hostname: hostname(), startedAt: 1, lockedAt: 2, nonce: stale })
    writeFileSync(
      join(dir, `LOCK.takeover-${stale}`),
      JSON.stringify({
        pid: await deadPid(),
        hostname: hostname(),
        startedAt: 1,
        lockedAt: 3,
        nonce: nonce(),
      }),
    )
    const release = lockDataDir(dir)
    expect(record(dir).pid).toBe(process.pid)
    expect(readdirSync(dir)).toEqual(['LOCK'])
    release()
  })

  it('a stale lock that a live process on this host is taking over is not taken over twice', async () => {
    const other = await sleeper()
    const dir = tempDir()
    const stale = nonce()
    writeRecord(dir, { pid: await deadPid(), hostname: hostname(), startedAt: 1, lockedAt: 2, nonce: stale })
    writeFileSync(
      join(dir, `LOCK.takeover-${stale}`),
      JSON.stringify({
        ...identityOf(other.pid!),
        startedAt: Date.now(),
        lockedAt: Date.now(),
        nonce: nonce(),
      }),
    )
    const e = lockError(dir)
    expect(e.why).toBe('taking-over')
    expect(e.pid).toBe(other.pid)
    expect(e.message).toContain(`process ${other.pid} on this host is taking over its stale lock`)
    expect(record(dir).nonce).toBe(stale)
    await killed(other)
  })

  it('release leaves alone a LOCK that another process took over', () => {
    const dir = join(tempDir(), 'nested', 'data')
    const release = lockDataDir(dir)
    expect(record(dir).pid).toBe(process.pid)
    const theirs = JSON.stringify({
      pid: 424242,
      hostname: hostname(),
      startedAt: 1,
      lockedAt: 2,
      nonce: nonce(),
    })
    writeFileSync(lockFile(dir), theirs)
    release()
    expect(readFileSync(lockFile(dir), 'utf8')).toBe(theirs)
  })
})

// ---------- racing for the lock with real processes ----------

interface Racer {
  child: ChildProcess
  ready: Promise<void>
  result: Promise<{ won: boolean; pid?: number; error?: string; why?: string }>
}

/** A Node process that loads lock.ts, says ready, and on "go" tries lockDataDir once; a winner holds the lock. */
function racer(dir: string): Racer {
  const code = `
    const { lockDataDir } = await import(${JSON.stringify(lockModule)})
    process.stdout.write('ready\\n')
    process.stdin.once('data', () => {
      try {
        lockDataDir(${JSON.stringify(dir)})
        process.stdout.write(JSON.stringify({ won: true, pid: process.pid }) + '\\n')
        setInterval(() => {}, 1000)
      } catch (e) {
        process.stdout.write(JSON.stringify({ won: false, error: e.message, why: e.why }) + '\\n')
        process.exit(0)
      }
    })`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  let err = ''
  child.stderr!.on('data', (d) => {
    err += String(d)
  })
  const lines: Array<(line: string) => void> = []
  child.stdout!.on('data', (d) => {
    out += String(d)
    for (;;) {
      const nl = out.indexOf('\n')
      if (nl < 0) break
      const line = out.slice(0, nl)
      out = out.slice(nl + 1)
      lines.shift()?.(line)
    }
  })
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.push(resolve)
      child.once('exit', (c) => reject(new Error(`racer exited ${c}: ${err}`)))
    })
  const ready = next().then(() => undefined)
  const result = ready.then(() => next()).then((line) => JSON.parse(line))
  return { child, ready, result }
}

async function race(dir: string, n: number) {
  const racers = Array.from({ length: n }, () => racer(dir))
  await Promise.all(racers.map((r) => r.ready))
  for (const r of racers) r.child.stdin!.write('go\n')
  const results = await Promise.all(racers.map((r) => r.result))
  const winners = results.filter((r) => r.won)
  return { racers, results, winners }
}

describe('two or more processes locking one directory at the same instant', () => {
  it.each([
    ['an empty directory', async (_dir: string) => {}],
    [
      'a directory with a stale lock of a dead process',
      async (dir: string) =>
        writeRecord(dir, {
          pid: await deadPid(),
          hostname: hostname(),
          startedAt: 1,
          lockedAt: 2,
          nonce: nonce(),
        }),
    ],
    ['a directory with a garbage lock', async (dir: string) => writeFileSync(lockFile(dir), 'garbage')],
  ] as Array<[string, (dir: string) => Promise<void>]>)(
    '%s: exactly one wins',
    async (_label, prepare) => {
      const dir = tempDir()
      await prepare(dir)
      const { racers, results, winners } = await race(dir, 6)
      expect(winners, JSON.stringify(results)).toHaveLength(1)
      const winner = winners[0]!.pid
      expect(record(dir).pid).toBe(winner)
      for (const r of results.filter((x) => !x.won)) {
        expect(r.why).toBe('running')
        expect(r.error).toContain(`in use by process ${winner}`)
      }
      // Gates, temp files and moved-aside locks are all cleaned up.
      expect(readdirSync(dir)).toEqual(['LOCK'])
      await Promise.all(racers.map((r) => killed(r.child)))
    },
    60_000,
  )
})
