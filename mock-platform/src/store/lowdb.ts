/** lowdb JSON-file collections: one file per collection under the data directory, writes awaited and coalesced. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
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

export function lowdbStorage(dataDir: string): CollectionFactory {
  mkdirSync(dataDir, { recursive: true })
  const open = new Map<string, Promise<Collection<{ id: string }>>>()
  return {
    collection<T extends { id: string }>(name: string) {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad collection name ${name}`)
      let c = open.get(name)
      if (!c) {
        c = (async () => {
          const file = new JSONFile<FileShape<{ id: string }>>(join(dataDir, `${name}.json`))
          const data = await file.read()
          return new LowdbCollection(file, data?.items ?? [])
        })()
        open.set(name, c)
      }
      return c as unknown as Promise<Collection<T>>
    },
    async close() {},
  }
}
