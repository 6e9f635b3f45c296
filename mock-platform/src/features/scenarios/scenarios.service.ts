/** Scenarios: forced outcomes queued for an app's next N calls of an operation (D-code, delay, failing callback). */
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import type { Clock } from '../../clock'
import type { DCode } from '../../errors'
import { ProblemError } from '../../errors'
import { contractProblems } from '../../http/contract-validator'
import { newId } from '../../ids'
import type { Override } from '../../protocol/call-record'
import type { TicketKind } from '../tickets'

export type CallbackFault = 'error' | 'timeout'

export interface Scenario {
  id: string
  operationId: string
  /** Calls it applies to in total, and how many are left. */
  times: number
  remaining: number
  dcode?: DCode
  delayMs?: number
  callback?: CallbackFault
  createdAt: number
}

export interface NewScenario {
  operationId?: unknown
  times?: unknown
  dcode?: unknown
  delayMs?: unknown
  callback?: unknown
}

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
  constructor(private readonly clock: Clock) {}

  add(clientID: string, input: NewScenario): Scenario {
    const s = validate(input)
    const list = this.byApp.get(clientID) ?? []
    if (list.length >= MAX_SCENARIOS_PER_APP) {
      throw new ProblemError(
        409,
        'Too many scenarios',
        `At most ${MAX_SCENARIOS_PER_APP} per app; delete some.`,
      )
    }
    const scenario: Scenario = { id: newId(), ...s, remaining: s.times, createdAt: this.clock.now() }
    list.push(scenario)
    this.byApp.set(clientID, list)
    return scenario
  }

  list(clientID: string): Scenario[] {
    return this.byApp.get(clientID) ?? []
  }

  /** Deletes one scenario, or all of the app's; false when the id is unknown. */
  clear(clientID: string, id?: string): boolean {
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

  /** Signed routes: consumes one use of the oldest call scenario (D-code or delay) for this operation. */
  take(clientID: string, operationId: string): Override | undefined {
    const list = this.byApp.get(clientID)
    if (list === undefined) return undefined
    const s = list.find(
      (x) => x.operationId === operationId && (x.dcode !== undefined || x.delayMs !== undefined),
    )
    if (!s) return undefined
    this.consume(clientID, list, s)
    return { scenarioId: s.id, dcode: s.dcode, delayMs: s.delayMs }
  }

  /** Outbox: consumes one callback scenario for the operation that created a ticket of this kind. */
  takeCallback(clientID: string, kind: TicketKind): { scenarioId: string; fault: CallbackFault } | undefined {
    const list = this.byApp.get(clientID)
    const operationId = CALLBACK_OPERATIONS[kind]
    if (list === undefined || operationId === undefined) return undefined
    const s = list.find((x) => x.operationId === operationId && x.callback !== undefined)
    if (!s?.callback) return undefined
    this.consume(clientID, list, s)
    return { scenarioId: s.id, fault: s.callback }
  }

  noteCekExpired(clientID: string, at: number): void {
    this.cekExpired.set(clientID, at)
  }

  cekExpiredAt(clientID: string): number | undefined {
    return this.cekExpired.get(clientID)
  }

  private consume(clientID: string, list: Scenario[], s: Scenario): void {
    s.remaining--
    if (s.remaining > 0) return
    list.splice(list.indexOf(s), 1)
    if (list.length === 0) this.byApp.delete(clientID)
  }
}

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
