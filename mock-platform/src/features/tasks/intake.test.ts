// The task intake's own rules, once for every kind: envelope order, businessID uniqueness, the push limit, authByQR, the ticket.
import { describe, expect, it, vi } from 'vitest'
import { ManualClock } from '../../clock'
import { PlatformError } from '../../errors'
import type { RegisteredApp } from '../apps/app.types'
import { TicketsService } from '../tickets/tickets.service'
import {
  type AnonymousTaskSpec,
  authByQROf,
  type IntakeDeps,
  type ResidentTaskSpec,
  TaskIntake,
  withoutCredentials,
} from './intake'

const APP = {
  clientID: 'app-1',
  redirectURIs: ['https://osp.example/cb'],
  scopes: ['eidapi_auth', 'eidapi_sign'],
} as unknown as RegisteredApp
const OTHER_APP = { ...APP, clientID: 'app-2' } as RegisteredApp

/** An intake over real tickets, with access tokens, residents and the autopilot faked. */
function setup(o: { pushes?: number; reachable?: boolean } = {}) {
  const clock = new ManualClock()
  const tickets = new TicketsService({
    clock,
    ttlMs: () => 240_000,
    qrTtlMs: () => 30_000,
    resident: async () => undefined,
    issueCode: () => 'code',
    sendCallback: () => {},
  })
  const tokens = {
    check(clientID: string, accessToken: unknown, openID: unknown) {
      if (accessToken !== 'tok') throw new PlatformError('D20009', 'access token unknown or expired')
      return { clientID, openID, residentId: 'r-1', accessToken }
    },
  }
  const residents = {
    get: async (id: string) => ({ id, behaviour: { appReachable: o.reachable ?? true } }),
  }
  const autopilot = { onCreated: vi.fn() }
  const config = { liveStatePerApp: 100, pushesPerResidentPerMinute: o.pushes ?? 2 }
  const deps = { clock, config, tickets, tokens, residents, autopilot } as unknown as IntakeDeps
  return { clock, tickets, autopilot, intake: new TaskIntake(deps) }
}

const stepUp = (created = vi.fn()): ResidentTaskSpec => ({
  access: 'resident',
  kind: 'stepup',
  scope: 'eidapi_auth',
  complete: async () => ({ isPassed: true }),
  parse: (request, { source }) => ({ state: String(request.state), request: { source } }),
  created,
})

const anonymousSigning = (optionalEnvelope = false): AnonymousTaskSpec => ({
  access: 'anonymous',
  kind: 'anonymous-signing',
  scope: 'eidapi_sign',
  optionalEnvelope,
  complete: async () => ({}),
  parse: async (request) => ({ request: withoutCredentials(request), signCode: '1234' }),
})

const call = (extra: Record<string, unknown> = {}) => ({
  businessID: `b-${Math.random().toString(36).slice(2)}`,
  accessToken: 'tok',
  openID: 'o-1',
  source: 'Android_Chrome',
  redirectURI: 'https://osp.example/cb',
  state: 's',
  ...extra,
})

/** The D-code the intake answers with, or D00000. */
async function codeOf(f: () => unknown): Promise<string> {
  try {
    await f()
    return 'D00000'
  } catch (e) {
    if (e instanceof PlatformError) return e.code
    throw e
  }
}

describe('task intake', () => {
  it('reads the envelope in one order for every kind: businessID, token, redirectURI, scope', async () => {
    const { intake } = setup()
    const spec = intake.register(stepUp())
    const all = { businessID: '', accessToken: 'bad', source: 'Fax', redirectURI: 'https://x', state: 's' }
    const go = (r: Record<string, unknown>) => codeOf(() => intake.initiate(APP, r, spec))
    expect(await go(all)).toBe('D20002')
    expect(await go({ ...all, businessID: 'b' })).toBe('D20009')
    // An unsupported source (D20007) is the contract's: the pipeline's validate step refuses it before the intake.
    expect(await go({ ...all, businessID: 'b', accessToken: 'tok', openID: 'o' })).toBe('D20008')
    expect(await go({ ...call(), redirectURI: 'https://x' })).toBe('D20008')
    const noScope = { ...APP, scopes: [] } as unknown as RegisteredApp
    expect(await codeOf(() => intake.initiate(noScope, call(), spec))).toBe('D20012')
  })

  it('anonymous kinds need no token; source and redirectURI are optional only where the kind says so', async () => {
    const { intake } = setup()
    const strict = intake.register(anonymousSigning())
    const lax = intake.register({ ...anonymousSigning(true), kind: 'anonymous-eme' })
    const bare = { businessID: 'b-1' }
    expect(await codeOf(() => intake.initiate(APP, bare, strict))).toBe('D20002')
    expect(await intake.initiate(APP, bare, lax)).toEqual({ ticketID: expect.any(String), signCode: '1234' })
  })

  it('a businessID is unique per app across every kind (D20011); another app may use it', async () => {
    const { intake } = setup({ pushes: 100 })
    const resident = intake.register(stepUp())
    const anonymous = intake.register(anonymousSigning())
    const request = call({ businessID: 'same' })
    expect(await codeOf(() => intake.initiate(APP, request, resident))).toBe('D00000')
    expect(await codeOf(() => intake.initiate(APP, request, anonymous))).toBe('D20011')
    expect(await codeOf(() => intake.initiate(APP, request, resident))).toBe('D20011')
    expect(await codeOf(() => intake.initiate(OTHER_APP, request, anonymous))).toBe('D00000')
  })

  it('a request refused by its own parse claims no businessID and counts no push', async () => {
    const { intake } = setup({ pushes: 1 })
    const spec = intake.register({
      ...stepUp(),
      parse: (r: Record<string, unknown>) => {
        if (r.state === 'bad') throw new PlatformError('D20003', 'state')
        return { state: 's', request: {} }
      },
    })
    expect(await codeOf(() => intake.initiate(APP, call({ businessID: 'b', state: 'bad' }), spec))).toBe(
      'D20003',
    )
    expect(await codeOf(() => intake.initiate(APP, call({ businessID: 'b' }), spec))).toBe('D00000')
  })

  it('pushes are limited per (app, resident) across kinds; QR hand-overs and other apps are not counted', async () => {
    const { intake } = setup({ pushes: 2 })
    const a = intake.register(stepUp())
    const b = intake.register({ ...stepUp(), kind: 'profile' })
    expect(await codeOf(() => intake.initiate(APP, call(), a))).toBe('D00000')
    expect(await codeOf(() => intake.initiate(APP, call({ source: 'PC_Browser' }), b))).toBe('D00000')
    expect(await codeOf(() => intake.initiate(APP, call(), b))).toBe('D00000')
    expect(await codeOf(() => intake.initiate(APP, call(), a))).toBe('D20026')
    expect(await codeOf(() => intake.initiate(APP, call({ source: 'PC_Browser' }), a))).toBe('D00000')
    expect(await codeOf(() => intake.initiate(OTHER_APP, call(), a))).toBe('D00000')
  })

  it('a push refused this minute is accepted the next, with the same businessID', async () => {
    const { clock, intake } = setup({ pushes: 1 })
    const spec = intake.register(stepUp())
    expect(await codeOf(() => intake.initiate(APP, call(), spec))).toBe('D00000')
    const request = call()
    expect(await codeOf(() => intake.initiate(APP, request, spec))).toBe('D20026')
    clock.advance(60_000)
    expect(await codeOf(() => intake.initiate(APP, request, spec))).toBe('D00000')
  })

  it('authByQR: a desktop browser or an unreachable app hands over by QR; anonymous tasks always do', async () => {
    expect(authByQROf('PC_Browser', true)).toBe(true)
    expect(authByQROf('iOS_Safari', true)).toBe(false)
    expect(authByQROf('App_Scheme', false)).toBe(true)
    expect(authByQROf('App_Scheme', undefined)).toBe(false)
    const unreachable = setup({ pushes: 1, reachable: false })
    const spec = unreachable.intake.register(stepUp())
    for (let i = 0; i < 3; i++)
      expect(await unreachable.intake.initiate(APP, call(), spec)).toEqual({
        ticketID: expect.any(String),
        authByQR: true,
      })
    const { intake, tickets } = setup()
    const answer = (await intake.initiate(APP, call(), intake.register(anonymousSigning()))) as {
      ticketID: string
    }
    expect(tickets.get(answer.ticketID)!.authByQR).toBe(true)
  })

  it('opens the ticket with the callback, the kind’s request and signCode; created runs before the autopilot', async () => {
    const { intake, tickets, autopilot } = setup()
    const order: string[] = []
    autopilot.onCreated.mockImplementation(() => order.push('autopilot'))
    const spec = intake.register({
      ...stepUp(vi.fn(() => order.push('created'))),
      kind: 'signing',
      scope: 'eidapi_sign',
      parse: () => ({ state: 'st', request: { shown: 'yes' }, signCode: '0042' }),
    })
    // The resident is read from the store: a resident's kind answers once it is.
    const answer = (await intake.initiate(APP, call({ businessID: 'b-9' }), spec)) as Record<string, unknown>
    expect(answer).toEqual({ ticketID: expect.any(String), authByQR: false, signCode: '0042' })
    expect(Object.keys(answer)).toEqual(['ticketID', 'authByQR', 'signCode'])
    const t = tickets.get(answer.ticketID as string)!
    expect(t).toMatchObject({
      kind: 'signing',
      clientID: 'app-1',
      residentId: 'r-1',
      scopes: ['eidapi_sign'],
      callback: { redirectURI: 'https://osp.example/cb', state: 'st', businessID: 'b-9' },
      request: { shown: 'yes' },
      signCode: '0042',
      status: 'pending',
    })
    expect(order).toEqual(['created', 'autopilot'])
  })

  it('anonymous tickets have no resident nor callback and are left to the getQR hand-over (no autopilot)', async () => {
    const { intake, tickets, autopilot } = setup()
    const created = vi.fn()
    const spec = intake.register({ ...anonymousSigning(), created })
    const answer = (await intake.initiate(APP, call(), spec)) as { ticketID: string }
    const t = tickets.get(answer.ticketID)!
    expect(t.residentId).toBeUndefined()
    expect(t.callback).toBeUndefined()
    expect(t.request).toEqual({
      businessID: expect.any(String),
      source: 'Android_Chrome',
      redirectURI: 'https://osp.example/cb',
      state: 's',
    })
    expect(created).toHaveBeenCalledWith(t, expect.objectContaining({ businessID: t.request.businessID }))
    expect(autopilot.onCreated).not.toHaveBeenCalled()
  })

  it('registers each kind’s completer with the tickets; an unregistered kind is a programming error', async () => {
    const { intake, tickets } = setup()
    const registerCompleter = vi.spyOn(tickets, 'registerCompleter')
    const spec = stepUp()
    expect(() => intake.initiate(APP, call(), spec)).toThrow(/not registered/)
    intake.register(spec)
    expect(registerCompleter).toHaveBeenCalledWith('stepup', spec.complete)
  })
})
