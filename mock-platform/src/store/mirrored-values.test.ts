// Mirrored shared values: two instances over one store and one event bus (the PostgreSQL engines: the scenarios' and
// test clock's cases in test/hosted.instances.test.ts).
import { describe, expect, it } from 'vitest'
import { memoryEvents } from './events'
import { MirroredValues } from './mirrored-values'
import { memorySharedState } from './shared-state'

// In memory every notice and read is a chain of microtasks: all done before any timer runs.
const notices = () => new Promise((r) => setTimeout(r, 0))

async function two() {
  const [shared, events] = [memorySharedState(), memoryEvents()]
  const open = async () => {
    const v = new MirroredValues(shared, events, 'counter', () => 0, 0)
    await v.ready
    return v
  }
  return [await open(), await open()] as const
}

describe('MirroredValues', () => {
  it('a change on one instance reaches the other mirror; concurrent changes all count', async () => {
    const [a, b] = await two()
    await a.update('k', (v) => v + 1)
    await notices()
    expect(b.mirrored('k')).toBe(1)
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).update('k', (v) => v + 1)))
    expect(await a.read('k')).toBe(11)
    await notices()
    expect(b.mirrored('k')).toBe(11)
  })

  it('a change returning undefined writes nothing; a throwing change neither', async () => {
    const [a] = await two()
    expect(await a.update('k', () => undefined)).toBe(0)
    await expect(
      a.update('k', () => {
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(await a.read('k')).toBe(0)
  })

  it('remove resets the value on every instance, and only that key', async () => {
    const [a, b] = await two()
    await a.update('x', () => 5)
    await a.update('y', () => 7)
    await b.remove('x')
    await notices()
    expect([a.mirrored('x'), a.mirrored('y')]).toEqual([0, 7])
  })
})
