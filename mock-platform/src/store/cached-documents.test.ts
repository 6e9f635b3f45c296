import { describe, expect, it } from 'vitest'
import { cachedDocuments } from './cached-documents'
import { embeddedDocuments } from './documents'
import { memoryEvents } from './events'
import { memoryStorage } from './memory'

interface App {
  id: string
  name: string
}

describe('cached documents (hosted: the apps every call reads)', () => {
  it('answers repeated reads from the cache; a write on another instance is seen as soon as its notice arrives', async () => {
    const events = memoryEvents()
    const underlying = await embeddedDocuments(memoryStorage()).documents<App>('apps')
    let reads = 0
    const counted = { ...underlying, get: (id: string) => (reads++, underlying.get(id)) }
    const a = cachedDocuments(counted, { events, channel: 'apps', ttlMs: 60_000 })
    const b = cachedDocuments(counted, { events, channel: 'apps', ttlMs: 60_000 })
    await a.put({ id: 'x', name: 'one' })
    expect(await b.get('x')).toEqual({ id: 'x', name: 'one' })
    expect(await b.get('x')).toEqual({ id: 'x', name: 'one' })
    expect(reads).toBe(1)
    await a.put({ id: 'x', name: 'two' })
    await new Promise((r) => setTimeout(r, 0)) // the notice (memory events deliver on the next microtask)
    expect(await b.get('x')).toEqual({ id: 'x', name: 'two' })
    await a.delete('x')
    await new Promise((r) => setTimeout(r, 0))
    expect(await b.get('x')).toBeUndefined()
  })

  it('an entry older than ttlMs is read again (the bound should a notice be lost)', async () => {
    const events = memoryEvents()
    const underlying = await embeddedDocuments(memoryStorage()).documents<App>('apps')
    const c = cachedDocuments(underlying, { events, channel: 'apps', ttlMs: 0 })
    await underlying.put({ id: 'y', name: 'old' })
    expect(await c.get('y')).toEqual({ id: 'y', name: 'old' })
    await underlying.put({ id: 'y', name: 'new' }) // behind the cache's back
    expect(await c.get('y')).toEqual({ id: 'y', name: 'new' })
  })
})
