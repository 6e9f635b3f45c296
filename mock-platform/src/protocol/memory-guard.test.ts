// Load shedding by memory: above HEAP_LIMIT_PERCENT of the heap limit, new signed calls get 429 + D20026, and only then.
import { describe, expect, it } from 'vitest'
import { harness } from '../../test/harness'
import { MemoryGuard } from './memory-guard'

describe('memory guard', () => {
  it('reads the heap at most every 100 ms and compares it with the configured share of the limit', () => {
    let used = 50
    let t = 0
    let reads = 0
    const guard = new MemoryGuard(
      () => {
        reads++
        return { used, limit: 100 }
      },
      () => 85,
      () => t,
    )
    expect(guard.busy()).toBe(false)
    used = 90
    t = 50
    expect(guard.busy()).toBe(false) // not re-read yet
    t = 100
    expect(guard.busy()).toBe(true)
    used = 85
    t = 200
    expect(guard.busy()).toBe(false) // at the bound is not over it
    expect(reads).toBe(3)
  })

  it('a signed call over the bound is refused with 429, D20026 and Retry-After; under it, answered', async () => {
    let used = 0
    const h = await harness({ deps: { heap: () => ({ used, limit: 1_000 }) } })
    expect((await h.client.getKey()).code).toBe('D00000')
    used = 900
    h.clock.advance(100) // the guard reads the heap again after 100 ms
    const res = await h.client.post('/security/getKey', '{}')
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('1')
    const env = (await res.json()) as { code: string; txID: string }
    expect(env.code).toBe('D20026')
    // The inspector shows the platform's reason (not a rate-limit diagnosis: no rate was exceeded).
    await h.platform.services.inspector.settle()
    const item = await h.platform.services.inspector.get(h.clientID, env.txID)
    expect(item).toMatchObject({ detail: expect.stringContaining('HEAP_LIMIT_PERCENT') })
    expect((item as { diagnosis: Array<{ id: string }> }).diagnosis.map((d) => d.id)).not.toContain(
      'rate-limit',
    )
    used = 100
    h.clock.advance(100)
    expect((await h.client.getKey()).code).toBe('D00000')
  })
})
