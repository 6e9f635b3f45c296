/**
 * lowdb JSON-file collections: one file per collection under the data directory, writes awaited and coalesced.
 *
 * Decision 0018: every record is serialised once, when it is put, and its bytes are kept. A collection of
 * LINE_FILE_FROM records or more is written from those bytes as they are — `{"items":[`, one record a line, `]}` —
 * in writev chunks to a temp file, fsynced and renamed over the collection's file. So the event loop no longer
 * pretty-prints the whole collection on every change (≈3 µs a record: 55–75 ms at 10,000 apps, 300–600 ms at
 * 50,000); what is left of a write on it is the list of buffers (≈0.2 ms at 10,000) and ~0.1 ms a chunk. A smaller
 * collection is written as lowdb writes it (pretty-printed, temp file and rename; < 3 ms), so the files people open
 * by hand — a few apps, the organisations — look as they always did. Both layouts are JSON and load alike.
 */
import { mkdirSync } from 'node:fs'
import { open, readFile, rename } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { JSONFile } from 'lowdb/node'
import type { Collection, CollectionFactory } from './collection'
import { MemoryCollection } from './memory'

interface FileShape<T> {
  items: T[]
}

/** From this many records a collection is written one record per line from bytes kept in memory (decision 0018). */
export const LINE_FILE_FROM = 1_000

const HEAD = Buffer.from('{"items":[\n')
const SEPARATOR = Buffer.from(',\n')
const TAIL = Buffer.from('\n]}\n')
const EMPTY = Buffer.from('{"items":[]}\n')

/**
 * Writes `parts` to `path` durably and atomically: into `.<name>.tmp` beside it (lowdb's temp name), fsync, rename
 * over `path`, fsync of the directory (so the rename survives a power cut; skipped where directories cannot be
 * opened). A crash at any point leaves either the old file or the new one, never a mix.
 */
export async function writeFileDurably(path: string, parts: readonly Buffer[]): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.tmp`)
  const file = await open(temp, 'w')
  try {
    // Vectored writes of WRITEV_PARTS buffers each (libuv finishes partial writes on the thread pool): handing
    // Node a buffer costs the event loop ~80 ns, so one call for the whole file would block it ~1.6 ms at 10,000
    // records and ~8 ms at 50,000; in chunks no turn of the loop spends more than ~0.1 ms here, at any size.
    for (let at = 0; at < parts.length; at += WRITEV_PARTS) {
      const chunk = parts.slice(at, at + WRITEV_PARTS) as Buffer[]
      const expected = chunk.reduce((n, b) => n + b.length, 0)
      const { bytesWritten } = await file.writev(chunk)
      if (bytesWritten !== expected)
        throw new Error(`short write to ${temp}: ${bytesWritten} of ${expected} bytes`)
    }
    await file.sync()
  } finally {
    await file.close()
  }
  // Windows may refuse the rename for a moment while another process (a virus scanner) has the file open.
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(temp, path)
      break
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  if (process.platform !== 'win32') {
    const dir = await open(dirname(path), 'r')
    try {
      await dir.sync()
    } finally {
      await dir.close()
    }
  }
}

/** Buffers handed to one writev call: IOV_MAX on Linux and macOS, so each call is one system call. */
const WRITEV_PARTS = 1024

const encode = (item: { id: string }): Buffer => Buffer.from(JSON.stringify(item))

class LowdbCollection<T extends { id: string }> extends MemoryCollection<T> {
  private pending: Promise<void> | undefined
  private dirty = false
  /** Each record as the JSON bytes of its line, in the collection's order (both maps keep insertion order). */
  private readonly lines = new Map<string, Buffer>()
  constructor(
    private readonly file: JSONFile<FileShape<T>>,
    private readonly path: string,
    initial: T[],
    private readonly lineFileFrom: number,
  ) {
    super(initial)
    for (const item of initial) this.lines.set(item.id, encode(item))
  }
  // Serialised before the change is made: a record JSON cannot hold (a cycle, a BigInt) rejects its own put and
  // changes nothing, instead of failing every later write of the collection.
  override put(item: T): Promise<void> {
    let line: Buffer
    try {
      line = encode(item)
    } catch (e) {
      return Promise.reject(e)
    }
    this.lines.set(item.id, line)
    return super.put(item)
  }
  override delete(id: string): Promise<boolean> {
    this.lines.delete(id)
    return super.delete(id)
  }
  override replaceAll(items: T[]): Promise<void> {
    let lines: Array<[string, Buffer]>
    try {
      lines = items.map((item) => [item.id, encode(item)])
    } catch (e) {
      return Promise.reject(e)
    }
    this.lines.clear()
    for (const [id, line] of lines) this.lines.set(id, line)
    return super.replaceAll(items)
  }
  /** The file's bytes as they stand now: the head, each record's line and the tail, nothing copied. */
  private parts(): Buffer[] {
    if (this.lines.size === 0) return [EMPTY]
    const parts: Buffer[] = new Array(this.lines.size * 2 + 1)
    let i = 0
    parts[i++] = HEAD
    for (const line of this.lines.values()) {
      if (i > 1) parts[i++] = SEPARATOR
      parts[i++] = line
    }
    parts[i] = TAIL
    return parts
  }
  private writeOnce(): Promise<void> {
    return this.lines.size >= this.lineFileFrom
      ? writeFileDurably(this.path, this.parts())
      : this.file.write({ items: this.list() })
  }
  /**
   * Coalesces concurrent writes: at most one write in flight and one queued; every caller waits for a write that
   * includes its change. Nothing else is queued: the queued write takes the collection as it is when it starts, so
   * any number of changes arriving meanwhile cost one more write, and memory holds no more than one file's list of
   * record buffers (the buffers themselves are the records' own).
   */
  protected override persist(): Promise<void> {
    this.dirty = true
    if (!this.pending) {
      this.pending = (async () => {
        try {
          while (this.dirty) {
            this.dirty = false
            await this.writeOnce()
          }
        } finally {
          // Cleared in the same tick as the last `dirty` check: a put arriving later starts a new write instead of
          // joining a loop that has already ended (a `.finally()` callback would run a few microtasks too late).
          // The loop always awaits at least once (dirty is true on entry), so this runs after the assignment.
          this.pending = undefined
        }
      })()
    }
    return this.pending
  }
}

/**
 * A store file that cannot be read, does not parse, or does not hold `{ "items": [ { "id": "…", … }, … ] }`. The
 * file is left as it was: nothing is ever written to it. server.ts prints the message (no stack) and exits.
 */
export class StoreFileError extends Error {
  constructor(
    /** The file's absolute path. */
    readonly path: string,
    /** What is wrong with it. */
    readonly problem: string,
    /** The collection it holds. */
    readonly collection: string,
    fix = `Restore it from a backup, or move it aside (mv "${path}" "${path}.damaged") to start the "${collection}" collection empty, then start again.`,
  ) {
    super(
      [`The store file ${path} ${problem}.`, `The sandbox stopped without changing it. ${fix}`].join('\n'),
    )
    this.name = 'StoreFileError'
  }
}

const kindOf = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The items of a collection file: [] when it does not exist; a StoreFileError for anything else that is not right. */
async function readItems(path: string, name: string): Promise<Array<{ id: string }>> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return []
    throw new StoreFileError(
      path,
      `cannot be read (${code ?? (e as Error).message})`,
      name,
      code === 'EISDIR'
        ? `Move the directory out of the way, then start again.`
        : `Check the file's permissions and owner, then start again.`,
    )
  }
  const fail = (problem: string) => new StoreFileError(path, problem, name)
  if (bytes.length === 0) throw fail('is empty (0 bytes), not { "items": [...] }')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw fail(`is not UTF-8 text (${bytes.length} bytes of something else)`)
  }
  if (text.trim() === '') throw fail('holds only white space, not { "items": [...] }')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    const message = (e as Error).message
    const at = /position (\d+)/.exec(message)?.[1]
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(message) ||
      (at !== undefined && Number(at) >= text.trimEnd().length)
    throw fail(`is not valid JSON${truncated ? ' (it ends too early: truncated?)' : ''}: ${message}`)
  }
  if (!isObject(data)) throw fail(`holds ${kindOf(data)}, not an object { "items": [...] }`)
  const extra = Object.keys(data).filter((k) => k !== 'items')
  if (extra.length > 0)
    throw fail(
      `has ${extra.length === 1 ? 'a key' : 'keys'} ${extra.map((k) => JSON.stringify(k)).join(', ')} beside "items" (a store file holds { "items": [...] } only)`,
    )
  if (!('items' in data)) throw fail('has no "items" (an empty object: expected { "items": [...] })')
  const items = data.items
  if (!Array.isArray(items)) throw fail(`has "items" holding ${kindOf(items)}, not an array`)
  const seen = new Map<string, number>()
  items.forEach((item, i) => {
    if (!isObject(item)) throw fail(`has items[${i}] holding ${kindOf(item)}, not an object with an "id"`)
    if (typeof item.id !== 'string' || item.id === '') throw fail(`has items[${i}] without a string "id"`)
    const before = seen.get(item.id)
    if (before !== undefined)
      throw fail(`has items[${before}] and items[${i}] with the same id ${JSON.stringify(item.id)}`)
    seen.set(item.id, i)
  })
  return items as Array<{ id: string }>
}

export interface LowdbOptions {
  /** From this many records a collection is written one record per line (default LINE_FILE_FROM; tests lower it). */
  lineFileFrom?: number
}

export function lowdbStorage(dataDir: string, options: LowdbOptions = {}): CollectionFactory {
  const lineFileFrom = options.lineFileFrom ?? LINE_FILE_FROM
  mkdirSync(dataDir, { recursive: true })
  const open = new Map<string, Promise<Collection<{ id: string }>>>()
  return {
    collection<T extends { id: string }>(name: string) {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad collection name ${name}`)
      let c = open.get(name)
      if (!c) {
        c = (async () => {
          const path = resolve(dataDir, `${name}.json`)
          // Read and checked here (JSONFile.read would take `{}` for an empty collection, later overwritten). Both
          // layouts read alike: pretty-printed (lowdb's, and every earlier version's) and one record per line.
          const items = await readItems(path, name)
          return new LowdbCollection(new JSONFile<FileShape<{ id: string }>>(path), path, items, lineFileFrom)
        })()
        open.set(name, c)
      }
      return c as unknown as Promise<Collection<T>>
    },
    async close() {},
  }
}
