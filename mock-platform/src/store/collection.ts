/** The storage interface: one Collection per kind of durable record, with memory and lowdb adapters. */

export interface Collection<T extends { id: string }> {
  get(id: string): T | undefined
  list(): T[]
  /** Resolves once the write is durable (on disk for the lowdb adapter). */
  put(item: T): Promise<void>
  delete(id: string): Promise<boolean>
  /** Replaces the whole collection (reset to seed data). */
  replaceAll(items: T[]): Promise<void>
}

export interface CollectionFactory {
  collection<T extends { id: string }>(name: string): Promise<Collection<T>>
  close(): Promise<void>
}
