// PUSHES_PER_RESIDENT_PER_MINUTE over SharedState (memory and PostgreSQL, two instances): the limit is global.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../clock'
import { PlatformError } from '../../errors'
import { sharedStateEngines } from '../../store/shared-state.engines'
import { SharedPushLimiter } from './push-limit'

const T0 = 1_800_000_000_000
let n = 0
const appId = () => `app-${n++}-${Date.now()}`

async function codeOf(p: Promise<void>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (e) {
    if (e instanceof PlatformError) return e.code
    throw e
  }
}

describe.each(sharedStateEngines())('push limit over shared state on $name', (engine) => {
  it.skipIf(engine.skip)(
    'pushes counted on A and B share one limit per (app, resident); checking counts nothing; the next minute starts again',
    async () => {
      const clock = new ManualClock(T0)
      const [sa, sb] = await engine.two()
      const a = new SharedPushLimiter(sa, clock, () => 3)
      const b = new SharedPushLimiter(sb, clock, () => 3)
      const app = appId()
      for (let i = 0; i < 5; i++) expect(await codeOf(a.check(app, 'r-1'))).toBe('ok')
      await a.record(app, 'r-1')
      await b.record(app, 'r-1')
      expect(await codeOf(b.check(app, 'r-1'))).toBe('ok')
      await b.record(app, 'r-1')
      expect(await codeOf(a.check(app, 'r-1'))).toBe('D20026')
      expect(await codeOf(b.check(app, 'r-1'))).toBe('D20026')
      // Another resident, another app: their own counts.
      expect(await codeOf(a.check(app, 'r-2'))).toBe('ok')
      expect(await codeOf(a.check(appId(), 'r-1'))).toBe('ok')
      clock.advance(60_000)
      expect(await codeOf(b.check(app, 'r-1'))).toBe('ok')
    },
  )
})
