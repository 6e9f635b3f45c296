// Storage (design §7, security checklist G #48): memory and lowdb adapters behave alike; an acknowledged lowdb write is
// on disk; concurrent writes coalesce and all land; a second process on the same data directory is refused.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { JSONFile } from 'lowdb/node'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type { CollectionFactory } from './collection'
import { DataDirLockedError, lockDataDir } from './lock'
import { lowdbStorage } from './lowdb'
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

// ---------- the data-directory lock ----------

const lockModule = fileURLToPath(new URL('./lock.ts', import.meta.url))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
})

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
    const timer = setTimeout(() => reject(new Error(`child did not lock in time: ${stderr}`)), 10_000)
    child.stdout!.on('data', (d) => {
      if (String(d).includes('locked')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${stderr}`)))
  })
  return child
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

describe('data-directory lock', () => {
  it('a second lockDataDir throws DataDirLockedError naming the directory and pid while the holder lives; a stale LOCK is taken over', async () => {
    const dir = tempDir()
    const child = await childHoldingLock(dir)
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(String(child.pid))
    let error: unknown
    try {
      lockDataDir(dir)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(DataDirLockedError)
    expect((error as DataDirLockedError).pid).toBe(child.pid)
    expect((error as DataDirLockedError).dir).toBe(dir)
    expect((error as Error).message).toContain(dir)
    // The holder's LOCK is untouched by the refused attempt.
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(String(child.pid))

    // kill -9 leaves the LOCK behind: the next process takes it over.
    await killed(child)
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(String(child.pid))
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(join(dir, 'LOCK'))).toBe(false)
  }, 20_000)

  it('a LOCK written by a live process that is not a sandbox is respected the same way', async () => {
    const dir = tempDir()
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    children.push(sleeper)
    await new Promise((r) => sleeper.once('spawn', r))
    writeFileSync(join(dir, 'LOCK'), String(sleeper.pid))
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    await killed(sleeper)
    lockDataDir(dir)()
  })

  it('a LOCK with garbage or an impossible pid is stale', () => {
    for (const content of ['', 'not a pid', '-1', '0', '1.5', '99999999']) {
      const dir = tempDir()
      writeFileSync(join(dir, 'LOCK'), content)
      const release = lockDataDir(dir)
      expect(readFileSync(join(dir, 'LOCK'), 'utf8'), content).toBe(String(process.pid))
      release()
    }
  })

  it('creates a missing directory; release leaves a LOCK that another process took over alone', () => {
    const dir = join(tempDir(), 'nested', 'data')
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid))
    writeFileSync(join(dir, 'LOCK'), '424242')
    release()
    expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe('424242')
  })
})
