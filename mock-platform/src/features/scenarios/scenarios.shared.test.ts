// Hosted scenarios and test clock on the one-process SharedState and Events: two "instances" over one store (the
// PostgreSQL engines are exercised by test/hosted.instances.test.ts).
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../clock'
import { memoryEvents } from '../../store/events'
import { memorySharedState } from '../../store/shared-state'
import { SharedOffsets } from './app-clock.shared'
import { Scenarios } from './scenarios.service'
import { SharedScenarios } from './scenarios.shared'

const APP = 'app-1'

async function twoInstances() {
  const clock = new ManualClock(Date.UTC(2026, 10, 22))
  const shared = memorySharedState()
  const events = memoryEvents()
  const open = async () => {
    const hosted = new SharedScenarios(shared, events, () => clock.now())
    await hosted.ready
    return new Scenarios(clock, hosted)
  }
  return { clock, shared, events, a: await open(), b: await open() }
}

/** One signed call's question to the scenarios, as the pipeline asks it. */
async function call(s: Scenarios, operationId = 'getKey') {
  return (await s.take(APP, operationId))?.dcode
}

const settled = () => new Promise((r) => setTimeout(r, 5))

describe('hosted scenarios (two instances, one store)', () => {
  it('armed on A, fires on B once; A then sees it used', async () => {
    const { a, b } = await twoInstances()
    await a.arm(APP, { operationId: 'getKey', dcode: 'D20026' })
    await settled()
    expect(b.list(APP)).toHaveLength(1)
    expect(await call(b)).toBe('D20026')
    expect(await call(a)).toBeUndefined()
    expect(await a.read(APP)).toEqual([])
  })

  it('of calls racing on both instances, exactly `times` are forced', async () => {
    const { a, b } = await twoInstances()
    await b.arm(APP, { operationId: 'getKey', times: 4, dcode: 'D20026' })
    await settled()
    const codes = await Promise.all([a, b, a, b, a, b, a, b, a, b].map((s) => call(s)))
    expect(codes.filter((c) => c === 'D20026')).toHaveLength(4)
    expect(await a.read(APP)).toEqual([])
  })

  it('an app with nothing armed for the operation asks the store nothing', async () => {
    const { a, shared } = await twoInstances()
    await a.arm(APP, { operationId: 'getKey', dcode: 'D20026' })
    await settled()
    const get = shared.get
    let reads = 0
    shared.get = (...args) => (reads++, get(...args))
    expect(a.take(APP, 'getToken')).toBeUndefined()
    expect(a.take('another-app', 'getKey')).toBeUndefined()
    expect(reads).toBe(0)
    expect(await call(a)).toBe('D20026')
    expect(reads).toBeGreaterThan(0)
  })

  it("a callback's scenario is taken before its callback is queued, once", async () => {
    const { a, b } = await twoInstances()
    await a.arm(APP, { operationId: 'initiateProfileRequest', callback: 'timeout' })
    await settled()
    const queued: string[] = []
    for (const [s, ticketID] of [
      [b, 't-1'],
      [a, 't-2'],
    ] as const)
      s.beforeCallback({ ticketID, clientID: APP, kind: 'profile' }, () => queued.push(ticketID))
    await Promise.all([a.idle(), b.idle()])
    expect(queued.sort()).toEqual(['t-1', 't-2'])
    const faults = [b.takeCallback(APP, 'profile', 't-1'), a.takeCallback(APP, 'profile', 't-2')]
    expect(faults.filter((f) => f?.fault === 'timeout')).toHaveLength(1)
  })

  it('a scenario deleted or the CEK expiry noted on one instance shows on the other', async () => {
    const { a, b } = await twoInstances()
    const s = await a.arm(APP, { operationId: 'getToken', dcode: 'D40004' })
    expect(await b.remove(APP, s.id)).toBe(true)
    expect(await b.remove(APP, s.id)).toBe(false)
    await b.markCekExpired(APP, 123)
    await settled()
    expect(a.list(APP)).toEqual([])
    expect(a.cekExpiredAt(APP)).toBe(123)
  })
})

describe('hosted test clock (two instances, one store)', () => {
  it('an advance on one is mirrored by the other; concurrent advances both count', async () => {
    const { clock, shared, events } = await twoInstances()
    const [a, b] = [
      new SharedOffsets(shared, events, () => clock.now()),
      new SharedOffsets(shared, events, () => clock.now()),
    ]
    await Promise.all([a.ready, b.ready])
    await Promise.all([a.add(APP, 1_000), b.add(APP, 2_000)])
    await settled()
    expect([a.offset(APP), b.offset(APP)]).toEqual([3_000, 3_000])
    await b.clear(APP)
    await settled()
    expect(a.offset(APP)).toBe(0)
  })
})
