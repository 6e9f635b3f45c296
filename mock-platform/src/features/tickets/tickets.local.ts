/**
 * This instance's tickets: the pending ones (bounded per app, never dropped), the decided ones kept a short while and
 * the QR tokens. The whole store in the embedded mode; in the hosted mode the copies this instance's callers hold.
 */
import type { Clock } from '../../clock'
import { liveStateRefusal } from '../../store/live-state'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import type { Ticket } from './ticket.types'
import { tenantOf } from './tickets.shared'

/**
 * How long a decided ticket stays readable (anonymous getResult, getQR?ticketID, the virtual app's done page): tasks
 * for their own time to live and five minutes more, logins for a minute (the QR page has long redirected by then).
 * Bounded so that the state a journey leaves behind is short-lived: at full speed every minute kept costs memory.
 */
export const DECIDED_KEEP_MS = 5 * 60_000
export const DECIDED_LOGIN_KEEP_MS = 60_000
const DONE_REQUEST: Record<string, unknown> = Object.freeze({})

export class LocalTickets {
  /** Pending tickets per app (see tenantOf): a pending ticket is never dropped; at the bound new ones are refused. */
  private readonly tickets: TenantTtlMap<Ticket>
  /** Decided tickets, kept a short while (per app; at the bound that app's oldest decided ticket leaves first). */
  private readonly decidedLogins: TenantTtlMap<Ticket>
  private readonly decidedTasks: TenantTtlMap<Ticket>
  /** Per app: refreshing QR codes drops that app's own oldest QR token at the bound. */
  private readonly qrTokens: TenantTtlMap<string>

  constructor(
    clock: Clock,
    perApp: () => number,
    private readonly ttlMs: () => number,
  ) {
    this.tickets = new TenantTtlMap(clock, { perTenant: perApp, liveUntil: (t) => t.expiresAt })
    this.decidedLogins = new TenantTtlMap(clock, { perTenant: perApp, whenFull: 'evict' })
    this.decidedTasks = new TenantTtlMap(clock, { perTenant: perApp, whenFull: 'evict' })
    this.qrTokens = new TenantTtlMap(clock, { perTenant: perApp, whenFull: 'evict' })
  }

  /** A new pending ticket; D20026 when its app holds its bound. Kept past its expiry until the sweep times it out. */
  admit(ticket: Ticket): void {
    const admission = this.tickets.set(
      tenantOf(ticket),
      ticket.ticketID,
      ticket,
      this.ttlMs() + DECIDED_KEEP_MS,
    )
    if (!admission.ok) throw liveStateRefusal('requests (tickets)', admission)
  }

  /** Hosted mode: another instance's pending ticket, kept as the copy this instance's callers change. */
  adopt(ticket: Ticket, now: number): void {
    this.tickets.set(tenantOf(ticket), ticket.ticketID, ticket, ticket.expiresAt + DECIDED_KEEP_MS - now)
  }

  find(ticketID: string): Ticket | undefined {
    return this.tickets.get(ticketID) ?? this.decidedLogins.get(ticketID) ?? this.decidedTasks.get(ticketID)
  }

  /** The pending tickets (and those decided but not yet retired). */
  pending(): Ticket[] {
    return this.tickets.values()
  }

  /** A decided login whose browser already has its answer (a headless getQR's 302) need not be kept at all. */
  handedOver(ticket: Ticket): void {
    if (ticket.kind === 'login' && ticket.status !== 'pending') this.decidedLogins.delete(ticket.ticketID)
  }

  /** A decided ticket leaves the pending ones and is kept a short while (DECIDED_KEEP_MS, DECIDED_LOGIN_KEEP_MS). */
  retire(ticket: Ticket): void {
    if (!this.tickets.delete(ticket.ticketID)) return
    const tenant = tenantOf(ticket)
    if (ticket.kind === 'login') {
      // What a decided login still needs is its outcome and where the browser goes: the request itself is done with.
      ticket.request = DONE_REQUEST
      if (ticket.result) ticket.result = { code: ticket.result.code }
      this.decidedLogins.set(tenant, ticket.ticketID, ticket, DECIDED_LOGIN_KEEP_MS)
    } else this.decidedTasks.set(tenant, ticket.ticketID, ticket, this.ttlMs() + DECIDED_KEEP_MS)
  }

  /** Stores a QR token of a pending ticket for `ttlMs`; the ticket's app (counted against it), '' when unknown. */
  putQr(ticketID: string, token: string, ttlMs: number): string {
    const clientID = this.tickets.get(ticketID)?.clientID ?? ''
    this.qrTokens.set(clientID, token, ticketID, ttlMs)
    return clientID
  }

  /** The ticket ID a QR token names. */
  qr(token: string): string | undefined {
    return this.qrTokens.get(token)
  }
}
