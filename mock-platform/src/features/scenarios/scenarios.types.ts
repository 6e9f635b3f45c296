/** A scenario: a forced outcome queued for an app's next N calls of an operation (D-code, delay, failing callback). */
import type { DCode } from '../../errors'

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
