// Codes and tokens over SharedState (memory and PostgreSQL): single use everywhere, replays revoke, bounds per app.
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../clock'
import { PlatformError } from '../../errors'
import { sharedStateEngines } from '../../store/shared-state.engines'
import type { SharedState } from '../../store/shared-state'
import type { Ticket } from '../tickets'
import { SharedLoginState } from './login-state.shared'
import { TokensService } from './tokens.service'

const T0 = 1_800_000_000_000
let n = 0
const appId = () => `app-${n++}-${Date.now()}`
const ticket = (clientID: string, kind = 'login') =>
  ({
    clientID,
    residentId: 'r-1',
    ticketID: 'ab'.repeat(16),
    kind,
    scopes: ['eidapi_auth'],
  }) as unknown as Ticket

function service(
  shared: SharedState,
  clock: ManualClock,
  o: { perApp?: number; offset?: () => number } = {},
) {
  const perApp = () => o.perApp ?? 100
  const state = new SharedLoginState(
    shared,
    clock,
    perApp,
    { code: () => 120_000, token: () => 600_000 },
    o.offset,
  )
  return new TokensService(
    clock,
    () => 120_000,
    () => 600_000,
    'pairwise-key',
    perApp,
    state,
  )
}

async function codeOf(p: unknown): Promise<string> {
  try {
    await p
    return 'D00000'
  } catch (e) {
    if (e instanceof PlatformError) return e.code
    throw e
  }
}

describe.each(sharedStateEngines())('tokens over shared state on $name', (engine) => {
  it.skipIf(engine.skip)('a code is redeemed once; its replay is D40004 and revokes the token', async () => {
    const clock = new ManualClock(T0)
    const tokens = service(await engine.open(), clock)
    const app = appId()
    const code = await tokens.issueCode(ticket(app))
    const t = await tokens.redeem(app, code)
    expect(t).toMatchObject({ clientID: app, residentId: 'r-1', scopes: ['eidapi_auth'], kind: 'login' })
    expect(t.ticketID).toBe('ab'.repeat(16))
    expect((await tokens.check(app, t.accessToken, t.openID)).residentId).toBe('r-1')
    await expect(tokens.redeem(app, code)).rejects.toThrow('the token it produced is revoked')
    expect(await codeOf(tokens.check(app, t.accessToken, t.openID))).toBe('D20009')
    // A second replay finds nothing: still D40004.
    await expect(tokens.redeem(app, code)).rejects.toThrow('code unknown or expired')
  })

  it.skipIf(engine.skip)(
    'another app’s code or token, expiry, and openID are refused as embedded',
    async () => {
      const clock = new ManualClock(T0)
      const tokens = service(await engine.open(), clock)
      const [a, b] = [appId(), appId()]
      expect(await codeOf(tokens.redeem(b, await tokens.issueCode(ticket(a))))).toBe('D40004')
      const late = await tokens.issueCode(ticket(a))
      clock.advance(120_000)
      await expect(tokens.redeem(a, late)).rejects.toThrow('code expired at')
      const t = await tokens.redeem(a, await tokens.issueCode(ticket(a)))
      expect(await codeOf(tokens.check(b, t.accessToken, t.openID))).toBe('D20009')
      expect(await codeOf(tokens.check(a, t.accessToken, 'someone-else'))).toBe('D20010')
      clock.advance(600_000)
      await expect(tokens.check(a, t.accessToken, t.openID)).rejects.toThrow('access token expired at')
      clock.advance(60_000)
      await expect(tokens.check(a, t.accessToken, t.openID)).rejects.toThrow(
        'access token unknown or expired',
      )
    },
  )

  it.skipIf(engine.skip)('LIVE_STATE_PER_APP: live codes and tokens are bounded per app', async () => {
    const clock = new ManualClock(T0)
    const tokens = service(await engine.open(), clock, { perApp: 2 })
    const [a, b] = [appId(), appId()]
    const codes = [await tokens.issueCode(ticket(a)), await tokens.issueCode(ticket(a))]
    expect(await codeOf(tokens.issueCode(ticket(a)))).toBe('D20026')
    expect(await codeOf(tokens.issueCode(ticket(b)))).toBe('D00000')
    for (const c of codes) await tokens.redeem(a, c)
    const third = await tokens.issueCode(ticket(a))
    expect(await codeOf(tokens.redeem(a, third))).toBe('D20026')
    // Expired tokens (kept for the "expired" answer) make room.
    clock.advance(600_000)
    expect(await codeOf(tokens.issueCode(ticket(a)))).toBe('D00000')
  })

  it.skipIf(engine.skip)(
    'the test clock: the app’s offset moves its codes and tokens toward expiry',
    async () => {
      const clock = new ManualClock(T0)
      let offset = 0
      const tokens = service(await engine.open(), clock, { offset: () => offset })
      const app = appId()
      const code = await tokens.issueCode(ticket(app))
      const t = await tokens.redeem(app, await tokens.issueCode(ticket(app)))
      offset += 120_000
      tokens.shift(app, 120_000)
      await expect(tokens.redeem(app, code)).rejects.toThrow('code expired at')
      offset += 480_000
      await expect(tokens.check(app, t.accessToken, t.openID)).rejects.toThrow('access token expired at')
      // Issued after the move: a normal lifetime.
      const fresh = await tokens.redeem(app, await tokens.issueCode(ticket(app)))
      clock.advance(599_000)
      expect((await tokens.check(app, fresh.accessToken, fresh.openID)).residentId).toBe('r-1')
    },
  )

  it.skipIf(engine.skip)(
    'two instances: a code issued on A is redeemed on B, refused on A, and its token read on both',
    async () => {
      const clock = new ManualClock(T0)
      const [sa, sb] = await engine.two()
      const [a, b] = [service(sa, clock), service(sb, clock)]
      const app = appId()
      const code = await a.issueCode(ticket(app))
      const t = await b.redeem(app, code)
      expect((await a.check(app, t.accessToken, t.openID)).openID).toBe(t.openID)
      expect(await codeOf(a.redeem(app, code))).toBe('D40004')
      expect(await codeOf(b.check(app, t.accessToken, t.openID))).toBe('D20009')
      // Of concurrent exchanges of one code on both instances, exactly one gets a token.
      const raced = await a.issueCode(ticket(app))
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => codeOf((i % 2 ? a : b).redeem(app, raced))),
      )
      expect(answers.filter((c) => c === 'D00000')).toHaveLength(1)
      expect(answers.filter((c) => c === 'D40004')).toHaveLength(5)
    },
  )

  it.skipIf(engine.skip)('anonymous flows keep the ticket; others do not, as embedded', async () => {
    const clock = new ManualClock(T0)
    const tokens = service(await engine.open(), clock)
    const app = appId()
    const anon = await tokens.redeem(app, await tokens.issueCode(ticket(app, 'anonymous-eme')))
    expect((await tokens.check(app, anon.accessToken, anon.openID)).ticketID).toBe('ab'.repeat(16))
    const login = await tokens.redeem(app, await tokens.issueCode(ticket(app)))
    expect((await tokens.check(app, login.accessToken, login.openID)).ticketID).toBeUndefined()
  })
})
