/** Which D-code a resident's non-approving decision produces, per operation (reference §4, §8.7). */
import type { Decision } from './resident.types'

export type Operation = 'auth' | 'profile' | 'eme' | 'signing' | 'stepup'

/**
 * The profile enum has no "rejected" code and step-up has no "cancelled" one: the sandbox answers the
 * nearest code (profile reject → D50001 cancelled, step-up cancel → D80001 rejected).
 */
export const OUTCOME_CODES: Record<Operation, Record<Exclude<Decision, 'approve'>, string>> = {
  auth: { cancel: 'D40000', reject: 'D40001', timeout: 'D40003' },
  profile: { cancel: 'D50001', reject: 'D50001', timeout: 'D50003' },
  eme: { cancel: 'D60000', reject: 'D60001', timeout: 'D60003' },
  signing: { cancel: 'D70000', reject: 'D70001', timeout: 'D70003' },
  stepup: { cancel: 'D80001', reject: 'D80001', timeout: 'D80003' },
}

export const SUCCESS = 'D00000'

/** The code an operation ends with when the resident decides `decision`. */
export const outcomeCode = (decision: Decision, operation: Operation): string =>
  decision === 'approve' ? SUCCESS : OUTCOME_CODES[operation][decision]
