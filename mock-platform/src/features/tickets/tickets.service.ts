/** Owns every ticket's state machine: pending → approved | rejected | cancelled | timeout | failed, with the test clock. */
import { PlatformError } from '../../errors'
import { newId } from '../../ids'
import type { SharedState } from '../../store/shared-state'
import type { Decision, Ticket, TicketKind } from './ticket.types'
import { type Completer, type DecisionDeps, decideTicket } from './tickets.decide'
import { DECIDED_KEEP_MS, DECIDED_LOGIN_KEEP_MS, LocalTickets } from './tickets.local'
import { SharedTickets } from './tickets.shared'

export { appendQuery, type Completer } from './tickets.decide'
export { DECIDED_KEEP_MS, DECIDED_LOGIN_KEEP_MS } from './tickets.local'

export interface TicketsDeps extends DecisionDeps {
  ttlMs: () => number
  qrTtlMs: () => number
  /** LIVE_STATE_PER_APP: tickets one app may hold before its new requests are refused (D20026). */
  perApp?: () => number
  /**
   * Hosted mode: every instance sees and decides every ticket. Pending tickets, the residents' inboxes, QR tokens and
   * decided tickets live in the shared state; a decision takes the pending entry (exactly one instance gets it) and
   * writes the decided one. This instance keeps its own copies too, for the synchronous reads of its own requests.
   */
  shared?: SharedState
  /** Hosted mode: the most pending tickets a scan reads (the sweep, pending()); default 10,000. */
  scanMax?: number
}

export class TicketsService {
  private readonly deciding = new Set<Promise<Ticket>>()
  private readonly decidingById = new Map<string, Promise<Ticket>>()
  /** This instance's tickets (all of them in the embedded mode). */
  private readonly local: LocalTickets
  private readonly completers = new Map<TicketKind, Completer>()
  /** Hosted mode: the shared store of every instance's tickets. */
  private readonly shared?: SharedTickets

  constructor(private readonly deps: TicketsDeps) {
    this.local = new LocalTickets(deps.clock, deps.perApp ?? (() => 20_000), deps.ttlMs)
    if (deps.shared) this.shared = new SharedTickets(deps.shared, deps.scanMax ?? 10_000)
  }

  registerCompleter(kind: TicketKind, completer: Completer): void {
    this.completers.set(kind, completer)
  }

  create(fields: Omit<Ticket, 'ticketID' | 'createdAt' | 'expiresAt' | 'status'>): Ticket {
    const now = this.deps.clock.now()
    const ticket: Ticket = {
      ...fields,
      ticketID: newId(),
      createdAt: now,
      expiresAt: now + this.deps.ttlMs(),
      status: 'pending',
    }
    this.local.admit(ticket)
    void this.save(ticket)
    return ticket
  }

  /** Hosted mode: stores the pending ticket as it is now (a browser took it over, its binding). */
  save(ticket: Ticket): Promise<void> {
    const shared = this.shared
    if (!shared || ticket.status !== 'pending') return Promise.resolve()
    return shared.write(ticket.ticketID, () => this.putPending(shared, ticket))
  }

  /** Hosted mode: writes of tickets to the shared state are under way (always false in the embedded mode). */
  writing(): boolean {
    return this.shared?.writing() ?? false
  }

  /** Resolves once this instance's writes of tickets to the shared state are done (hosted mode; at once otherwise). */
  async flushed(): Promise<void> {
    await this.shared?.flushed()
  }

  private putPending(shared: SharedTickets, ticket: Ticket): Promise<void> {
    return shared.putPending(ticket, ticket.expiresAt + DECIDED_KEEP_MS)
  }

  /**
   * The ticket as every instance sees it (hosted mode: read from the shared state, this instance's copy brought up to
   * date); timed out first when its time has passed. Embedded: get().
   */
  async lookup(ticketID: string): Promise<Ticket | undefined> {
    const shared = this.shared
    if (!shared) return this.get(ticketID)
    await shared.saved(ticketID)
    const now = this.deps.clock.now()
    const stored = await shared.read(ticketID, now)
    if (!stored) return this.decidingById.has(ticketID) ? this.local.find(ticketID) : undefined
    const local = this.local.find(ticketID)
    // A decision under way on this instance: its own copy is the newer one.
    const t = local && this.decidingById.has(ticketID) ? local : local ? Object.assign(local, stored) : stored
    // Another instance's pending ticket: this instance keeps the copy its callers change (a browser's hand-over).
    if (!local && t.status === 'pending') this.local.adopt(t, now)
    if (t.status === 'pending' && t.expiresAt <= now) void this.decide(t.ticketID, 'timeout')
    return t
  }

  /** Pending tickets pushed to a resident's app, on every instance (hosted mode); embedded: inbox(). */
  async inboxOf(residentId: string): Promise<Ticket[]> {
    const shared = this.shared
    if (!shared) return this.inbox(residentId)
    const ids = await shared.inbox(residentId, this.deps.clock.now())
    const found = await Promise.all(ids.map((id) => this.lookup(id)))
    return found.filter((t): t is Ticket => t?.status === 'pending')
  }

  /** Pending tickets of every instance (hosted mode); embedded: pending(). */
  async pendingAll(filter: (t: Ticket) => boolean = () => true): Promise<Ticket[]> {
    const shared = this.shared
    if (!shared) return this.pending(filter)
    const now = this.deps.clock.now()
    const all = await shared.pending(now)
    return all.filter((t) => t.status === 'pending' && t.expiresAt > now && filter(t))
  }

  /** The ticket, timed out first when its time has passed. */
  get(ticketID: string): Ticket | undefined {
    const t = this.local.find(ticketID)
    if (t && t.status === 'pending' && t.expiresAt <= this.deps.clock.now())
      void this.decide(t.ticketID, 'timeout')
    return t
  }

  pending(filter: (t: Ticket) => boolean = () => true): Ticket[] {
    return this.local.pending().filter((t) => this.get(t.ticketID)?.status === 'pending' && filter(t))
  }

  /** Requests pushed to a resident's app (authByQR false). */
  inbox(residentId: string): Ticket[] {
    return this.pending((t) => t.residentId === residentId && !t.authByQR)
  }

  /** A short-lived QR token for the ticket (the QR refreshes with a new one). */
  qrToken(ticketID: string): { token: string; expiresAt: number } {
    const token = newId()
    const clientID = this.local.putQr(ticketID, token, this.deps.qrTtlMs())
    const expiresAt = this.deps.clock.now() + this.deps.qrTtlMs()
    this.shared?.putQr(ticketID, token, clientID, expiresAt)
    return { token, expiresAt }
  }

  /** The ticket a QR token (or a ticket ID) names, on any instance (hosted mode); embedded: resolveQr() ?? get(). */
  async scan(token: string): Promise<Ticket | undefined> {
    const shared = this.shared
    if (!shared) return this.resolveQr(token) ?? this.get(token)
    const id = await shared.qr(token, this.deps.clock.now())
    return (id ? await this.lookup(id) : undefined) ?? (await this.lookup(token))
  }

  resolveQr(token: string): Ticket | undefined {
    const id = this.local.qr(token)
    return id ? this.get(id) : undefined
  }

  /** Decides a pending ticket. Approving needs a resident (the app's current one unless the ticket names one). */
  decide(
    ticketID: string,
    decision: Decision,
    residentId?: string,
    changes?: Pick<Ticket, 'agreedFields'>,
  ): Promise<Ticket> {
    const p = this.shared
      ? this.decideShared(this.shared, ticketID, decision, residentId, changes)
      : this.decideNow(ticketID, decision, residentId)
    this.deciding.add(p)
    this.decidingById.set(ticketID, p)
    const done = () => {
      this.deciding.delete(p)
      if (this.decidingById.get(ticketID) === p) this.decidingById.delete(ticketID)
    }
    p.then(done, done)
    return p
  }

  /**
   * Resolves once this ticket's decision under way, if any, is done (its result and browser location set): a decision
   * reads the resident from the store, so it completes after the call that started it returns.
   */
  async decided(ticketID: string): Promise<void> {
    await this.decidingById.get(ticketID)?.catch(() => {})
  }

  /** Resolves once every decision under way (its release recorded, its callback queued) is done. */
  async idle(): Promise<void> {
    while (this.deciding.size > 0 || this.writing())
      await Promise.allSettled([...this.deciding, ...(this.shared?.inFlight() ?? [])])
  }

  /**
   * Changes a decided ticket (what a feature records on it afterwards) as every instance sees it: hosted mode, the
   * stored ticket (compare-and-set) and this instance's copy; embedded, the ticket itself. `change` may throw to refuse.
   */
  async amend(ticketID: string, change: (t: Ticket) => void): Promise<Ticket | undefined> {
    const local = this.local.find(ticketID)
    const now = this.deps.clock.now()
    const until = (t: Ticket) => (t.decidedAt ?? now) + this.keepMs(t)
    const stored = await this.shared?.amend(ticketID, now, change, until)
    if (stored) return local ? Object.assign(local, stored) : stored
    if (local) change(local)
    return local
  }

  /** Hosted mode: resolves once this instance's writes of the ticket (its QR tokens) are done. */
  async saved(ticketID: string): Promise<void> {
    await this.shared?.saved(ticketID)
  }

  /** A decided login whose browser already has its answer (a headless getQR's 302) need not be kept at all. */
  handedOver(ticket: Ticket): void {
    this.local.handedOver(ticket)
  }

  /**
   * Hosted mode: the pending entry is taken (of any number of instances deciding at once, one gets it), decided as
   * here, and written back as decided (or as pending again when approving needs a resident first).
   */
  private async decideShared(
    shared: SharedTickets,
    ticketID: string,
    decision: Decision,
    residentId?: string,
    changes?: Pick<Ticket, 'agreedFields'>,
  ): Promise<Ticket> {
    await shared.saved(ticketID)
    const now = this.deps.clock.now()
    const taken = await shared.take(ticketID, now)
    const local = this.local.find(ticketID)
    if (!taken) {
      const done = await shared.done(ticketID, now)
      if (!done) throw new PlatformError('D20027', 'ticket not found or expired', 404)
      if (local) Object.assign(local, done)
      throw new PlatformError('D20004', `ticket already ${done.status}`)
    }
    // This instance's copy, when it has one, stays the object its callers hold.
    const ticket = local ? Object.assign(local, taken) : taken
    if (changes?.agreedFields) ticket.agreedFields = changes.agreedFields
    try {
      await this.decideTicket(ticket, decision, residentId)
    } catch (e) {
      if (ticket.status === 'pending') await this.putPending(shared, ticket)
      throw e
    }
    await shared.putDone(ticket, now + this.keepMs(ticket))
    return ticket
  }

  private keepMs(ticket: Ticket): number {
    return ticket.kind === 'login' ? DECIDED_LOGIN_KEEP_MS : this.deps.ttlMs() + DECIDED_KEEP_MS
  }

  private async decideNow(ticketID: string, decision: Decision, residentId?: string): Promise<Ticket> {
    const ticket = this.local.find(ticketID)
    if (!ticket) throw new PlatformError('D20027', 'ticket not found or expired', 404)
    return this.decideTicket(ticket, decision, residentId)
  }

  private async decideTicket(ticket: Ticket, decision: Decision, residentId?: string): Promise<Ticket> {
    await decideTicket(this.deps, this.completers, ticket, decision, residentId)
    this.local.retire(ticket)
    return ticket
  }

  /** Times out every pending ticket whose time has passed (run by the server's timer and by the test clock). */
  sweep(): number {
    let n = 0
    const now = this.deps.clock.now()
    for (const t of this.local.pending()) {
      if (t.status === 'pending' && t.expiresAt <= now) {
        void this.decide(t.ticketID, 'timeout')
        n++
      }
    }
    if (this.shared && !this.sweeping) {
      // Hosted mode: every instance's tickets whose time is up; each is timed out once (the decision takes it first).
      this.sweeping = this.shared
        .due(now, DECIDED_KEEP_MS)
        .then((due) => {
          for (const t of due)
            if (t.status === 'pending' && !this.decidingById.has(t.ticketID))
              void this.decide(t.ticketID, 'timeout').catch(() => {})
        })
        .catch(() => {})
        .finally(() => (this.sweeping = undefined))
    }
    return n
  }
  private sweeping?: Promise<void>

  /** Test clock: moves the app's pending tickets `ms` closer to their expiry, then times out those past it. */
  shift(clientID: string, ms: number): number {
    for (const t of this.local.pending())
      if (t.clientID === clientID && t.status === 'pending') t.expiresAt -= ms
    return this.sweep()
  }
}
