/** lowdb JSON-file collections: one file per collection under the data directory, writes awaited and coalesced. */
import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { JSONFile } from 'lowdb/node'
import type { Collection, CollectionFactory } from './collection'
import { MemoryCollection } from './memory'

interface FileShape<T> {
  items: T[]
}

class LowdbCollection<T extends { id: string }> extends MemoryCollection<T> {
  private pending: Promise<void> | undefined
  private dirty = false
  constructor(
    private readonly file: JSONFile<FileShape<T>>,
    initial: T[],
  ) {
    super(initial)
  }
  /** Coalesces concurrent writes: at most one write in flight and one queued; every caller waits for a write that includes its change. */
  protected override persist(): Promise<void> {
    this.dirty = true
    if (!this.pending) {
      this.pending = (async () => {
        try {
          while (this.dirty) {
            this.dirty = false
            await this.file.write({ items: this.list() })
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

export function lowdbStorage(dataDir: string): CollectionFactory {
  mkdirSync(dataDir, { recursive: true })
  const open = new Map<string, Promise<Collection<{ id: string }>>>()
  return {
    collection<T extends { id: string }>(name: string) {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad collection name ${name}`)
      let c = open.get(name)
      if (!c) {
        c = (async () => {
          const path = resolve(dataDir, `${name}.json`)
          // Read and checked here (JSONFile.read would take `{}` for an empty collection, later overwritten);
          // JSONFile keeps writing through a temp file and a rename.
          const items = await readItems(path, name)
          return new LowdbCollection(new JSONFile<FileShape<{ id: string }>>(path), items)
        })()
        open.set(name, c)
      }
      return c as unknown as Promise<Collection<T>>
    },
    async close() {},
  }
}
