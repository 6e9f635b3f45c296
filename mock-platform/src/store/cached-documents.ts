/**
 * Hosted mode: a short-lived read cache in front of one collection every call reads (the apps: each signed call, its
 * record and its diagnosis read the app). Writes go through; every instance is told at once over `Events` to drop
 * what changed, and no entry lives longer than `ttlMs` — the bound on staleness should a notice be lost (a gap
 * clears the cache). Queries (`find`, `count`) are never cached.
 */
import type { Documents } from './documents'
import type { Events } from './events'

export interface CacheOptions {
  events: Events
  /** The channel notices of this collection go on (one per collection). */
  channel: string
  ttlMs: number
  /** Entries kept at most (the oldest leave first). */
  max?: number
}

export function cachedDocuments<T extends { id: string }>(docs: Documents<T>, o: CacheOptions): Documents<T> {
  const max = o.max ?? 10_000
  const entries = new Map<string, { value: T | undefined; at: number }>()
  const drop = (id: string) => (id === '*' ? entries.clear() : entries.delete(id))
  o.events.subscribe(o.channel, drop)
  o.events.onGap(() => entries.clear())
  const changed = async (id: string) => {
    drop(id)
    await o.events.publish(o.channel, id).catch(() => {})
  }
  return {
    async get(id) {
      const hit = entries.get(id)
      if (hit && performance.now() - hit.at < o.ttlMs) return hit.value
      const value = await docs.get(id)
      if (entries.size >= max) entries.delete(entries.keys().next().value!)
      entries.set(id, { value, at: performance.now() })
      return value
    },
    find: (query) => docs.find(query),
    count: (where) => docs.count(where),
    async put(item) {
      await docs.put(item)
      await changed(item.id)
    },
    async delete(id) {
      const had = await docs.delete(id)
      await changed(id)
      return had
    },
    async replaceAll(items) {
      await docs.replaceAll(items)
      await changed('*')
    },
  }
}
