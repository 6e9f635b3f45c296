/** A ticket's decision: its outcome (what approving releases, the refusal codes), the consent record, its delivery. */
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import type { Resident } from '../../personas/resident.types'
import { isAnonymous, refusalCode } from './outcomes'
import type { Decision, Ticket, TicketKind } from './ticket.types'

/** Builds the data a resident releases when approving a ticket of one kind; throws PlatformError to fail it. */
export type Completer = (ticket: Ticket, resident: Resident) => Promise<Record<string, unknown>>

/** What deciding a ticket needs (part of TicketsDeps). */
export interface DecisionDeps {
  clock: Clock
  resident: (id: string) => Promise<Resident | undefined>
  /** Issues a single-use authorisation code bound to the ticket (login and anonymous hand-over). */
  issueCode: (ticket: Ticket) => string | Promise<string>
  /** Queues the signed, encrypted callback of an authenticated task. */
  sendCallback: (ticket: Ticket) => void
  /** Records what a resident released (the consent history). */
  /** Awaited before the result is delivered (the consent ledger records the release first). */
  onDecided?: (ticket: Ticket) => Promise<void> | undefined
  /** The release could not be recorded (the ledger is full or failing): logged by the owner. */
  onRecordFailed?: (ticket: Ticket, error: unknown) => void
}

/**
 * Decides a pending ticket in place: its status and result, the release recorded, the callback queued and the
 * browser's location set. Approving needs a resident (the ticket's, else `residentId`): without one D20010, the ticket
 * left pending.
 */
export async function decideTicket(
  deps: DecisionDeps,
  completers: ReadonlyMap<TicketKind, Completer>,
  ticket: Ticket,
  decision: Decision,
  residentId?: string,
): Promise<Ticket> {
  if (ticket.status !== 'pending') throw new PlatformError('D20004', `ticket already ${ticket.status}`)
  if (decision !== 'timeout' && ticket.expiresAt <= deps.clock.now()) decision = 'timeout'
  const rid = ticket.residentId ?? residentId
  ticket.status = statusOf(decision)
  ticket.decidedAt = deps.clock.now()
  if (decision === 'approve') {
    const resident = rid ? await deps.resident(rid) : undefined
    if (!resident) {
      ticket.status = 'pending'
      throw new PlatformError('D20010', 'choose a resident before approving')
    }
    ticket.residentId = resident.id
    const completer = completers.get(ticket.kind)
    try {
      // A resident whose ID card record is in error cannot authorise a browser hand-over (login, anonymous).
      if (resident.behaviour.idCardError && (ticket.kind === 'login' || isAnonymous(ticket.kind)))
        throw new PlatformError('D40035', 'the resident’s ID card record is in error')
      const content = completer ? await completer(ticket, resident) : {}
      ticket.result = { code: 'D00000', content }
    } catch (e) {
      ticket.status = 'failed'
      ticket.result = { code: e instanceof PlatformError ? e.code : refusalCode(ticket.kind, 'fail') }
    }
  } else {
    if (rid && !ticket.residentId) ticket.residentId = rid
    ticket.result = { code: refusalCode(ticket.kind, decision) }
  }
  try {
    const recording = deps.onDecided?.(ticket)
    if (recording) await recording
  } catch (e) {
    // Nothing is released unless its consent record is written: the decision fails instead.
    ticket.status = 'failed'
    ticket.result = { code: 'D20000' }
    deps.onRecordFailed?.(ticket, e)
  }
  await deliver(deps, ticket)
  return ticket
}

/** The hand-over code, or the refusal when the app holds its bound of live codes (the browser gets error_code). */
async function codeFor(deps: DecisionDeps, ticket: Ticket): Promise<string | PlatformError> {
  try {
    return await deps.issueCode(ticket)
  } catch (e) {
    if (e instanceof PlatformError) return e
    throw e
  }
}

async function deliver(deps: DecisionDeps, ticket: Ticket): Promise<void> {
  const ok = ticket.result?.code === 'D00000'
  if (ticket.callback) deps.sendCallback(ticket)
  if (ticket.browser) {
    const params = new URLSearchParams()
    const code =
      ok && (ticket.kind === 'login' || isAnonymous(ticket.kind)) ? await codeFor(deps, ticket) : undefined
    if (typeof code === 'string') params.set('code', code)
    if (!ok) params.set('error_code', ticket.result!.code)
    else if (code instanceof PlatformError) params.set('error_code', code.code)
    if (ticket.browser.state !== '') params.set('state', ticket.browser.state)
    ticket.browser.location = appendQuery(ticket.browser.redirectURI, params)
  }
}

function statusOf(decision: Decision): Ticket['status'] {
  return (
    {
      approve: 'approved',
      reject: 'rejected',
      cancel: 'cancelled',
      timeout: 'timeout',
      fail: 'failed',
    } as const
  )[decision]
}

export function appendQuery(uri: string, params: URLSearchParams): string {
  const q = params.toString().replace(/\+/g, '%20')
  return `${uri}${uri.includes('?') ? '&' : '?'}${q}`
}
