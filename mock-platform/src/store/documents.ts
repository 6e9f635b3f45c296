/**
 * Durable documents, asynchronous for every engine: what a feature asks of its collection so that the hosted mode
 * (PostgreSQL, several instances) answers from the database and embedded mode (memory, lowdb) from the process.
 * Queries are equality on top-level fields, ordered by id, one page at a time: a list never loads a whole collection.
 */
import type { Collection } from './collection'

export interface DocQuery<T> {
  /** Top-level fields that must be equal (e.g. `{ orgId }`): the hosted engine answers from an index. */
  where?: Partial<T>
  /** The id after which the page starts (the previous page's `next`). */
  after?: string
  /** At most this many (default and cap 500). */
  limit?: number
}

export interface Page<T> {
  items: T[]
  /** Pass as `after` for the next page; absent on the last one. */
  next?: string
}

export interface Documents<T extends { id: string }> {
  get(id: string): Promise<T | undefined>
  find(query?: DocQuery<T>): Promise<Page<T>>
  /** How many match `where` (all when absent). */
  count(where?: Partial<T>): Promise<number>
  /** Resolves once the write is durable. */
  put(item: T): Promise<void>
  delete(id: string): Promise<boolean>
  /** Replaces the whole collection (reset to seed data). */
  replaceAll(items: T[]): Promise<void>
}

export interface DocumentStore {
  documents<T extends { id: string }>(name: string): Promise<Documents<T>>
  close(): Promise<void>
}

export const PAGE_MAX = 500

export const pageSize = (limit: number | undefined) => Math.min(Math.max(1, limit ?? PAGE_MAX), PAGE_MAX)

/** Whether `item` has every field of `where` (equality by JSON value, as PostgreSQL's `@>` on top-level fields). */
export function matches<T>(item: T, where: Partial<T> | undefined): boolean {
  if (!where) return true
  for (const [k, v] of Object.entries(where)) {
    const have = (item as Record<string, unknown>)[k]
    if (have !== v && JSON.stringify(have) !== JSON.stringify(v)) return false
  }
  return true
}

/** The embedded engines (memory, lowdb) behind the asynchronous interface: one page from the process's collection. */
export function documentsOf<T extends { id: string }>(c: Collection<T>): Documents<T> {
  return {
    get: async (id) => c.get(id),
    async find({ where, after, limit } = {}) {
      const size = pageSize(limit)
      const hits = c
        .list()
        .filter((d) => (after === undefined || d.id > after) && matches(d, where))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      const items = hits.slice(0, size)
      return hits.length > size ? { items, next: items.at(-1)!.id } : { items }
    },
    async count(where) {
      let n = 0
      for (const d of c.list()) if (matches(d, where)) n++
      return n
    },
    put: (item) => c.put(item),
    delete: (id) => c.delete(id),
    replaceAll: (items) => c.replaceAll(items),
  }
}

/** A document store over the embedded engines' collections (memory or lowdb). */
export function embeddedDocuments(storage: {
  collection<T extends { id: string }>(name: string): Promise<Collection<T>>
}): DocumentStore {
  return {
    documents: async <T extends { id: string }>(name: string) =>
      documentsOf(await storage.collection<T>(name)),
    close: async () => {},
  }
}

/** Every document matching `where`, read a page at a time (for callers that need them all, e.g. an unpaginated list). */
export async function findAll<T extends { id: string }>(
  docs: Documents<T>,
  where?: Partial<T>,
): Promise<T[]> {
  const all: T[] = []
  let after: string | undefined
  do {
    const page = await docs.find({ where, after })
    all.push(...page.items)
    after = page.next
  } while (after !== undefined)
  return all
}
