/** In-memory collections: tests, MSW and throw-away sandboxes. */
import type { Collection, CollectionFactory } from './collection'

export class MemoryCollection<T extends { id: string }> implements Collection<T> {
  protected readonly items = new Map<string, T>()
  constructor(initial: T[] = []) {
    for (const item of initial) this.items.set(item.id, item)
  }
  get(id: string): T | undefined {
    return this.items.get(id)
  }
  list(): T[] {
    return [...this.items.values()]
  }
  async put(item: T): Promise<void> {
    this.items.set(item.id, item)
    await this.persist()
  }
  async delete(id: string): Promise<boolean> {
    const had = this.items.delete(id)
    if (had) await this.persist()
    return had
  }
  async replaceAll(items: T[]): Promise<void> {
    this.items.clear()
    for (const item of items) this.items.set(item.id, item)
    await this.persist()
  }
  protected async persist(): Promise<void> {}
}

export function memoryStorage(): CollectionFactory {
  const collections = new Map<string, MemoryCollection<{ id: string }>>()
  return {
    async collection<T extends { id: string }>(name: string) {
      let c = collections.get(name)
      if (!c) {
        c = new MemoryCollection()
        collections.set(name, c)
      }
      return c as unknown as Collection<T>
    },
    async close() {},
  }
}
