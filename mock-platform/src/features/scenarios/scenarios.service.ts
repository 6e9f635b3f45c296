/** Scenarios: forced outcomes queued for an app's next N calls of an operation (D-code, delay, failing callback). */
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import type { Clock } from '../../clock'
import type { DCode } from '../../errors'
import { ProblemError } from '../../errors'
import { contractProblems } from '../../http/contract-validator'
import { newId } from '../../ids'
import type { Override } from '../../protocol/call-record'
import type { Ticket, TicketKind } from '../tickets'
import type { SharedScenarios } from './scenarios.shared'
import type { CallbackFault, NewScenario, Scenario } from './scenarios.types'

/** What a call does instead of (or before) its normal handling. */

export const OPERATION_IDS: readonly string[] = Object.keys(platformOperations)

/** The operation whose ticket a callback reports: a callback scenario waits for the next callback of that kind. */
export const CALLBACK_OPERATIONS: Partial<Record<TicketKind, string>> = {
  profile: 'initiateProfileRequest',
  eme: 'initiateEmeRequest',
  stepup: 'initiateStepUpRequest',
  signing: 'initiateSigningRequest',
  pdfsigning: 'initiatePdfSigningRequest',
}
const CALLBACK_OPS = new Set(Object.values(CALLBACK_OPERATIONS))

export const MAX_SCENARIOS_PER_APP = 50

export class Scenarios {
  private readonly byApp = new Map<string, Scenario[]>()
  /** When a scenario last forced the app's CEKs to expire (the inspector names it in the diagnosis). */
  private readonly cekExpired = new Map<string, number>()
  /** Forced callback faults taken ahead for a ticket (hosted: the take is asynchronous, the outbox's ask is not). */
  private readonly callbackFaults = new Map<string, { scenarioId: string; fault: CallbackFault }>()
  private readonly pending = new Set<Promise<void>>()
  constructor(
    private readonly clock: Clock,
    /** Hosted mode: the scenarios every instance shares (scenarios.shared.ts); absent: this process's. */
    private readonly hosted?: SharedScenarios,
  ) {}

  /** Embedded mode (MSW, tests): queues a scenario; the routes use `arm`, which works in both modes. */
  add(clientID: string, input: NewScenario): Scenario {
    if (this.hosted) throw new Error('hosted mode: use arm()')
    const list = this.byApp.get(clientID) ?? []
    const scenario = this.create(list.length, input)
    list.push(scenario)
    this.byApp.set(clientID, list)
    return scenario
  }

  async arm(clientID: string, input: NewScenario): Promise<Scenario> {
    if (!this.hosted) return this.add(clientID, input)
    const scenario = this.create(0, input)
    await this.hosted.update(clientID, (s) => {
      checkBound(s.list.length) // against what is stored now
      return { ...s, list: [...s.list, scenario] }
    })
    return scenario
  }

  /** The app's scenarios (hosted: this instance's mirror; `read` reads through the store). */
  list(clientID: string): Scenario[] {
    return this.hosted ? this.hosted.mirrored(clientID).list : (this.byApp.get(clientID) ?? [])
  }

  async read(clientID: string): Promise<Scenario[]> {
    return this.hosted ? (await this.hosted.read(clientID)).list : this.list(clientID)
  }

  /** Deletes one scenario, or all of the app's; false when the id is unknown. */
  clear(clientID: string, id?: string): boolean {
    if (this.hosted) throw new Error('hosted mode: use remove()')
    if (id === undefined) {
      this.byApp.delete(clientID)
      return true
    }
    const list = this.list(clientID)
    const i = list.findIndex((s) => s.id === id)
    if (i < 0) return false
    list.splice(i, 1)
    if (list.length === 0) this.byApp.delete(clientID)
    return true
  }

  async remove(clientID: string, id?: string): Promise<boolean> {
    if (!this.hosted) return this.clear(clientID, id)
    let found = id === undefined
    await this.hosted.update(clientID, (s) => {
      const list = s.list.filter((x) => id !== undefined && x.id !== id)
      found ||= list.length < s.list.length
      return list.length < s.list.length ? { ...s, list } : undefined
    })
    return found
  }

  /**
   * Signed routes and getQR: consumes one use of the oldest call scenario (D-code or delay) for this operation. Hosted:
   * nothing armed in this instance's mirror costs nothing; else one use is taken by compare-and-set (a store that
   * cannot be reached leaves the call unforced, not failed).
   */
  take(clientID: string, operationId: string): Override | undefined | Promise<Override | undefined> {
    const isCall = (x: Scenario) =>
      x.operationId === operationId && (x.dcode !== undefined || x.delayMs !== undefined)
    const override = (s?: Scenario): Override | undefined =>
      s && { scenarioId: s.id, dcode: s.dcode, delayMs: s.delayMs }
    if (this.hosted) {
      if (!this.hosted.mirrored(clientID).list.some(isCall)) return undefined
      return this.hosted.consume(clientID, (list) => list.find(isCall)).then(override, () => undefined)
    }
    const list = this.list(clientID)
    const s = list.find(isCall)
    if (s) this.consume(clientID, list, s)
    return override(s)
  }

  /** Outbox: consumes one callback scenario for the operation that created a ticket of this kind. */
  takeCallback(
    clientID: string,
    kind: TicketKind,
    ticketID?: string,
  ): { scenarioId: string; fault: CallbackFault } | undefined {
    if (this.hosted) {
      const taken = ticketID === undefined ? undefined : this.callbackFaults.get(ticketID)
      if (ticketID !== undefined) this.callbackFaults.delete(ticketID)
      return taken
    }
    const list = this.byApp.get(clientID)
    const s = list?.find((x) => isCallbackOf(x, kind))
    if (!list || !s?.callback) return undefined
    this.consume(clientID, list, s)
    return { scenarioId: s.id, fault: s.callback }
  }

  noteCekExpired(clientID: string, at: number): void {
    this.cekExpired.set(clientID, at)
  }

  async markCekExpired(clientID: string, at: number): Promise<void> {
    if (!this.hosted) return this.noteCekExpired(clientID, at)
    await this.hosted.update(clientID, (s) => ({ ...s, cekExpiredAt: at }))
  }

  cekExpiredAt(clientID: string): number | undefined {
    return this.hosted ? this.hosted.mirrored(clientID).cekExpiredAt : this.cekExpired.get(clientID)
  }

  private create(count: number, input: NewScenario): Scenario {
    const s = validate(input)
    checkBound(count)
    return { id: newId(), ...s, remaining: s.times, createdAt: this.clock.now() }
  }

  /** Queues a ticket's callback (`enqueue`), hosted first taking its callback scenario when one is armed. */
  beforeCallback(t: Pick<Ticket, 'ticketID' | 'clientID' | 'kind'>, enqueue: () => void): void {
    const hosted = this.hosted
    if (!hosted || !hosted.mirrored(t.clientID).list.some((x) => isCallbackOf(x, t.kind))) return enqueue()
    const claimed = hosted.consume(t.clientID, (list) => list.find((x) => isCallbackOf(x, t.kind)))
    this.track(
      claimed.then(
        (s) => {
          if (s?.callback) this.callbackFaults.set(t.ticketID, { scenarioId: s.id, fault: s.callback })
          enqueue()
        },
        () => enqueue(),
      ),
    )
  }

  /** Writes and queued callbacks still under way (a stop waits for them). */
  async idle(): Promise<void> {
    await Promise.all(this.pending)
  }

  private track(p: Promise<void>): void {
    const q = p.catch(() => {}).finally(() => this.pending.delete(q))
    this.pending.add(q)
  }

  private consume(clientID: string, list: Scenario[], s: Scenario): void {
    s.remaining--
    if (s.remaining > 0) return
    list.splice(list.indexOf(s), 1)
    if (list.length === 0 && !this.hosted) this.byApp.delete(clientID)
  }
}

function checkBound(count: number): void {
  if (count >= MAX_SCENARIOS_PER_APP)
    throw new ProblemError(
      409,
      'Too many scenarios',
      `At most ${MAX_SCENARIOS_PER_APP} per app; delete some.`,
    )
}

export const isCallbackOf = (x: Scenario, kind: TicketKind): boolean =>
  x.callback !== undefined && x.operationId === CALLBACK_OPERATIONS[kind]

function validate(input: NewScenario): Omit<Scenario, 'id' | 'remaining' | 'createdAt'> {
  // The fields' types and ranges (times 1–1000, delayMs 0–60000, callback error|timeout, dcode D#####) are the
  // contract's (ScenarioCreateRequest). Not in it: an operation of the platform, a D-code it defines other than
  // D00000, a callback fault only where there is a callback and never with dcode or delayMs, at least one fault.
  const errors = contractProblems('sandbox', 'createScenario', input)
  const fields = typeof input === 'object' && input !== null && !Array.isArray(input) ? input : {}
  const { operationId, times = 1, dcode, delayMs, callback } = fields
  if (!errors.operationId && !OPERATION_IDS.includes(operationId as string))
    errors.operationId = `must be one of ${OPERATION_IDS.join(', ')}`
  if (!errors.dcode && dcode !== undefined && (!((dcode as string) in dCodes) || dcode === 'D00000'))
    errors.dcode = 'must be a D-code other than D00000 (see the D-code reference)'
  if (!errors.callback && callback !== undefined && !CALLBACK_OPS.has(operationId as string))
    errors.callback = `only operations with a callback: ${[...CALLBACK_OPS].join(', ')}`
  if (callback !== undefined && (dcode !== undefined || delayMs !== undefined))
    errors.callback = 'a callback fault cannot be combined with dcode or delayMs: queue two scenarios'
  if (dcode === undefined && delayMs === undefined && callback === undefined && !errors.operationId)
    errors.scenario = 'give at least one of dcode, delayMs or callback'
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid scenario', 'Fix the listed fields and try again.', { errors })
  return {
    operationId: operationId as string,
    times: times as number,
    ...(dcode !== undefined ? { dcode: dcode as DCode } : {}),
    ...(delayMs !== undefined ? { delayMs: delayMs as number } : {}),
    ...(callback !== undefined ? { callback: callback as CallbackFault } : {}),
  }
}
