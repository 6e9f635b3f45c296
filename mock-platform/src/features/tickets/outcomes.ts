/** The D-code each decision produces, per kind of ticket (reference §4, §8.7; mapping choices in docs/decisions). */
import type { DCode } from '../../errors'
import type { Decision, TicketKind } from './ticket.types'

type Refusal = Exclude<Decision, 'approve'> | 'fail'

/** Browser redirects (login and anonymous hand-over) carry D4000x. */
const browser: Record<Refusal, DCode> = {
  cancel: 'D40000',
  reject: 'D40001',
  fail: 'D40002',
  timeout: 'D40003',
}

const byKind: Record<TicketKind, Record<Refusal, DCode>> = {
  login: browser,
  // Profile has no "rejected" code: a refusal is reported as cancelled (D50001).
  profile: { cancel: 'D50001', reject: 'D50001', fail: 'D50002', timeout: 'D50003' },
  eme: { cancel: 'D60000', reject: 'D60001', fail: 'D60002', timeout: 'D60003' },
  // Step-up has no "cancelled" code: a cancel is reported as rejected (D80001).
  stepup: { cancel: 'D80001', reject: 'D80001', fail: 'D80002', timeout: 'D80003' },
  signing: { cancel: 'D70000', reject: 'D70001', fail: 'D70002', timeout: 'D70003' },
  pdfsigning: { cancel: 'D70000', reject: 'D70001', fail: 'D70002', timeout: 'D70003' },
  'anonymous-eme': browser,
  'anonymous-signing': browser,
  'anonymous-pdfsigning': browser,
  // Preview data exchange: no code family of its own, so the generic authorisation codes D40000–D40003.
  dataexchange: browser,
}

export function refusalCode(kind: TicketKind, refusal: Refusal): DCode {
  return byKind[kind][refusal]
}

export const isAnonymous = (kind: TicketKind): boolean => kind.startsWith('anonymous-')
