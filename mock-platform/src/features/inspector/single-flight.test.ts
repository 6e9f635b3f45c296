import { describe, expect, it } from 'vitest'
import { singleFlight } from './single-flight'

describe('singleFlight', () => {
  it('runs once at a time; callers during a run share the one next run', async () => {
    let runs = 0
    let release: () => void = () => {}
    const flight = singleFlight(async () => {
      runs++
      await new Promise<void>((r) => (release = r))
    })
    const first = flight()
    const a = flight()
    const b = flight()
    expect(a).toBe(b)
    expect(runs).toBe(1)
    release()
    await first
    await new Promise((r) => setImmediate(r))
    expect(runs).toBe(2)
    release()
    await a
    expect(runs).toBe(2)
  })

  it('a failed run does not stop the next', async () => {
    let n = 0
    const flight = singleFlight(async () => {
      if (n++ === 0) throw new Error('disk full')
    })
    const first = flight()
    const second = flight()
    await expect(first).rejects.toThrow('disk full')
    await expect(second).resolves.toBeUndefined()
  })
})
