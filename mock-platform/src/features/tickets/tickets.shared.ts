/**
 * Hosted mode's ticket store (issue 14): pending tickets, the residents' inboxes, QR tokens and decided tickets in the
 * shared state, so that every instance sees and decides every ticket. A decision takes the pending entry (exactly one
 * instance gets it). Writes of one ticket run in order; readers of that ticket wait for them.
 */
import type { SharedState } from '../../store/shared-state'
import type { Ticket } from './ticket.types'

/** Shared-state kinds. */
const PENDING = 'ticket'
const DONE = 'ticket:done'
const QR = 'ticket:qr'
const inboxKind = (residentId: string) => `ticket:inbox:${residentId}`

/**
 * Whose bound a ticket counts against: tickets of signed calls count against their app; tickets opened by a browser
 * (getQR, which needs no signature) against a partition of their own, so a flood of unsigned getQR for an app can
 * never refuse that app's signed requests.
 */
export function tenantOf(ticket: Pick<Ticket, 'clientID' | 'browser'>): string {
  return ticket.browser ? `${ticket.clientID}\u0000browser` : ticket.clientID
}

export class SharedTickets {
  /** Writes to the shared state under way, per ticket (flushed() waits for them). */
  private readonly writes = new Map<string, Promise<void>>()

  constructor(
    private readonly shared: SharedState,
    /** The most pending tickets a scan reads (the sweep, pendingAll()). */
    private readonly scanMax: number,
  ) {}

  /** Writes under way. */
  writing(): boolean {
    return this.writes.size > 0
  }

  /** The writes under way (idle() waits for them with the decisions). */
  inFlight(): Promise<void>[] {
    return [...this.writes.values()]
  }

  /** Resolves once every write under way is done. */
  async flushed(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes.values()])
  }

  /** Resolves once the writes of this ticket under way are done (failed ones too). */
  async saved(ticketID: string): Promise<void> {
    await this.writes.get(ticketID)?.catch(() => {})
  }

  /** Runs `op` after the ticket's earlier writes. */
  write(ticketID: string, op: () => Promise<unknown>): Promise<void> {
    const before = this.writes.get(ticketID) ?? Promise.resolve()
    const p: Promise<void> = before
      .then(op)
      .then(() => undefined)
      .finally(() => {
        if (this.writes.get(ticketID) === p) this.writes.delete(ticketID)
      })
    this.writes.set(ticketID, p)
    return p
  }

  /** Stores the pending ticket (and its place in its resident's inbox when pushed) until `until`. */
  async putPending(ticket: Ticket, until: number): Promise<void> {
    await this.shared.put(PENDING, ticket.ticketID, tenantOf(ticket), ticket, until)
    if (ticket.residentId && !ticket.authByQR)
      await this.shared.put(
        inboxKind(ticket.residentId),
        ticket.ticketID,
        ticket.clientID,
        ticket.ticketID,
        until,
      )
  }

  /** The ticket as stored: pending, else decided. */
  async read(ticketID: string, now: number): Promise<Ticket | undefined> {
    return (
      (await this.shared.get<Ticket>(PENDING, ticketID, now)) ??
      (await this.shared.get<Ticket>(DONE, ticketID, now))
    )
  }

  /** The decided ticket. */
  done(ticketID: string, now: number): Promise<Ticket | undefined> {
    return this.shared.get<Ticket>(DONE, ticketID, now)
  }

  /** Takes the pending ticket: of any number of instances deciding at once, one gets it. */
  take(ticketID: string, now: number): Promise<Ticket | undefined> {
    return this.shared.take<Ticket>(PENDING, ticketID, now)
  }

  /** Stores the decided ticket until `until`; it leaves its resident's inbox. */
  async putDone(ticket: Ticket, until: number): Promise<void> {
    await this.shared.put(DONE, ticket.ticketID, tenantOf(ticket), ticket, until)
    if (ticket.residentId)
      await this.shared.delete(inboxKind(ticket.residentId), ticket.ticketID).catch(() => false)
  }

  /**
   * Read-modify-write of a decided ticket: `change` applied to the stored one, written back only if no other instance
   * changed it meanwhile (else read again); undefined when not stored. `change` may throw to refuse.
   */
  async amend(
    ticketID: string,
    now: number,
    change: (t: Ticket) => void,
    until: (t: Ticket) => number,
  ): Promise<Ticket | undefined> {
    for (let tries = 0; tries < 20; tries++) {
      const before = await this.done(ticketID, now)
      if (!before) return undefined
      const after = structuredClone(before)
      change(after)
      if (await this.shared.swap(DONE, ticketID, tenantOf(after), before, after, until(after), now))
        return after
    }
    throw new Error(`ticket ${ticketID} kept changing`)
  }

  /** The IDs of the tickets pushed to a resident's app. */
  async inbox(residentId: string, now: number): Promise<string[]> {
    return (await this.shared.list<string>(inboxKind(residentId), now, this.scanMax)).map(([id]) => id)
  }

  /** Pending tickets of every instance (a bounded scan). */
  async pending(now: number): Promise<Ticket[]> {
    return (await this.shared.list<Ticket>(PENDING, now, this.scanMax)).map(([, t]) => t)
  }

  /**
   * Pending tickets of every instance whose time is up, soonest first (the sweep): a pending entry is kept until
   * `keepMs` after its ticket's expiry, so those due are the entries expiring by now + keepMs.
   */
  async due(now: number, keepMs: number): Promise<Ticket[]> {
    const entries = await this.shared.due<Ticket>(PENDING, now, now + keepMs, this.scanMax)
    return entries.map(([, t]) => t).filter((t) => t.expiresAt <= now)
  }

  /** Stores a QR token of the ticket (after the ticket's earlier writes). */
  putQr(ticketID: string, token: string, clientID: string, expiresAt: number): void {
    void this.write(ticketID, () => this.shared.put(QR, token, clientID, ticketID, expiresAt))
  }

  /** The ticket ID a QR token names. */
  qr(token: string, now: number): Promise<string | undefined> {
    return this.shared.get<string>(QR, token, now)
  }
}
