/** Owns every ticket's state machine: pending → approved | rejected | cancelled | timeout | failed, with the test clock. */
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import { newId } from '../../ids'
import type { Resident } from '../../personas/resident.types'
import { liveStateRefusal } from '../../store/live-state'
import type { SharedState } from '../../store/shared-state'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import { isAnonymous, refusalCode } from './outcomes'
import type { Decision, Ticket, TicketKind } from './ticket.types'

/** Builds the data a resident releases when approving a ticket of one kind; throws PlatformError to fail it. */
export type Completer = (ticket: Ticket, resident: Resident) => Promise<Record<string, unknown>>

export interface TicketsDeps {
  clock: Clock
  ttlMs: () => number
  qrTtlMs: () => number
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

/** Shared-state kinds (hosted mode). */
const PENDING = 'ticket'
const DONE = 'ticket:done'
const QR = 'ticket:qr'
const inboxKind = (residentId: string) => `ticket:inbox:${residentId}`

/**
 * Whose bound a ticket counts against: tickets of signed calls count against their app; tickets opened by a browser
 * (getQR, which needs no signature) against a partition of their own, so a flood of unsigned getQR for an app can
 * never refuse that app's signed requests.
 */
function tenantOf(ticket: Pick<Ticket, 'clientID' | 'browser'>): string {
  return ticket.browser ? `${ticket.clientID}\u0000browser` : ticket.clientID
}

/**
 * How long a decided ticket stays readable (anonymous getResult, getQR?ticketID, the virtual app's done page): tasks
 * for their own time to live and five minutes more, logins for a minute (the QR page has long redirected by then).
 * Bounded so that the state a journey leaves behind is short-lived: at full speed every minute kept costs memory.
 */
export const DECIDED_KEEP_MS = 5 * 60_000
export const DECIDED_LOGIN_KEEP_MS = 60_000
const DONE_REQUEST: Record<string, unknown> = Object.freeze({})

export class TicketsService {
  private readonly deciding = new Set<Promise<Ticket>>()
  private readonly decidingById = new Map<string, Promise<Ticket>>()
  /** Pending tickets per app (see tenantOf): a pending ticket is never dropped; at the bound new ones are refused. */
  private readonly tickets: TenantTtlMap<Ticket>
  /** Decided tickets, kept a short while (per app; at the bound that app's oldest decided ticket leaves first). */
  private readonly decidedLogins: TenantTtlMap<Ticket>
  private readonly decidedTasks: TenantTtlMap<Ticket>
  /** Per app: refreshing QR codes drops that app's own oldest QR token at the bound. */
  private readonly qrTokens: TenantTtlMap<string>
  private readonly completers = new Map<TicketKind, Completer>()
  /** Hosted mode: writes to the shared state under way, per ticket (flushed() waits for them). */
  private readonly writes = new Map<string, Promise<void>>()

  constructor(private readonly deps: TicketsDeps) {
    const perApp = deps.perApp ?? (() => 20_000)
    this.tickets = new TenantTtlMap(deps.clock, { perTenant: perApp, liveUntil: (t) => t.expiresAt })
    this.decidedLogins = new TenantTtlMap(deps.clock, { perTenant: perApp, whenFull: 'evict' })
    this.decidedTasks = new TenantTtlMap(deps.clock, { perTenant: perApp, whenFull: 'evict' })
    this.qrTokens = new TenantTtlMap(deps.clock, { perTenant: perApp, whenFull: 'evict' })
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
    // Kept past its expiry until the sweep (every second) times it out and retires it.
    const admission = this.tickets.set(
      tenantOf(ticket),
      ticket.ticketID,
      ticket,
      this.deps.ttlMs() + DECIDED_KEEP_MS,
    )
    if (!admission.ok) throw liveStateRefusal('requests (tickets)', admission)
    if (this.deps.shared) this.write(ticket.ticketID, () => this.putPending(ticket))
    return ticket
  }

  /** Hosted mode: stores the pending ticket as it is now (a browser took it over, its binding). */
  save(ticket: Ticket): Promise<void> {
    if (!this.deps.shared || ticket.status !== 'pending') return Promise.resolve()
    return this.write(ticket.ticketID, () => this.putPending(ticket))
  }

  /** Hosted mode: writes of tickets to the shared state are under way (always false in the embedded mode). */
  writing(): boolean {
    return this.writes.size > 0
  }

  /** Resolves once this instance's writes of tickets to the shared state are done (hosted mode; at once otherwise). */
  async flushed(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes.values()])
  }

  private write(ticketID: string, op: () => Promise<unknown>): Promise<void> {
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

  private async putPending(ticket: Ticket): Promise<void> {
    const shared = this.deps.shared!
    const until = ticket.expiresAt + DECIDED_KEEP_MS
    await shared.put(PENDING, ticket.ticketID, tenantOf(ticket), ticket, until)
    if (ticket.residentId && !ticket.authByQR)
      await shared.put(inboxKind(ticket.residentId), ticket.ticketID, ticket.clientID, ticket.ticketID, until)
  }

  /**
   * The ticket as every instance sees it (hosted mode: read from the shared state, this instance's copy brought up to
   * date); timed out first when its time has passed. Embedded: get().
   */
  async lookup(ticketID: string): Promise<Ticket | undefined> {
    const shared = this.deps.shared
    if (!shared) return this.get(ticketID)
    await this.writes.get(ticketID)?.catch(() => {})
    const now = this.deps.clock.now()
    const stored =
      (await shared.get<Ticket>(PENDING, ticketID, now)) ?? (await shared.get<Ticket>(DONE, ticketID, now))
    if (!stored) return this.decidingById.has(ticketID) ? this.find(ticketID) : undefined
    const local = this.find(ticketID)
    // A decision under way on this instance: its own copy is the newer one.
    const t = local && this.decidingById.has(ticketID) ? local : local ? Object.assign(local, stored) : stored
    // Another instance's pending ticket: this instance keeps the copy its callers change (a browser's hand-over).
    if (!local && t.status === 'pending')
      this.tickets.set(tenantOf(t), t.ticketID, t, t.expiresAt + DECIDED_KEEP_MS - now)
    if (t.status === 'pending' && t.expiresAt <= now) void this.decide(t.ticketID, 'timeout')
    return t
  }

  /** Pending tickets pushed to a resident's app, on every instance (hosted mode); embedded: inbox(). */
  async inboxOf(residentId: string): Promise<Ticket[]> {
    const shared = this.deps.shared
    if (!shared) return this.inbox(residentId)
    const ids = await shared.list<string>(
      inboxKind(residentId),
      this.deps.clock.now(),
      this.deps.scanMax ?? 10_000,
    )
    const found = await Promise.all(ids.map(([id]) => this.lookup(id)))
    return found.filter((t): t is Ticket => t?.status === 'pending')
  }

  /** Pending tickets of every instance (hosted mode); embedded: pending(). */
  async pendingAll(filter: (t: Ticket) => boolean = () => true): Promise<Ticket[]> {
    const shared = this.deps.shared
    if (!shared) return this.pending(filter)
    const now = this.deps.clock.now()
    const all = await shared.list<Ticket>(PENDING, now, this.deps.scanMax ?? 10_000)
    return all.map(([, t]) => t).filter((t) => t.status === 'pending' && t.expiresAt > now && filter(t))
  }

  /** The ticket, timed out first when its time has passed. */
  get(ticketID: string): Ticket | undefined {
    const t = this.find(ticketID)
    if (t && t.status === 'pending' && t.expiresAt <= this.deps.clock.now())
      void this.decide(t.ticketID, 'timeout')
    return t
  }

  pending(filter: (t: Ticket) => boolean = () => true): Ticket[] {
    return this.tickets.values().filter((t) => this.get(t.ticketID)?.status === 'pending' && filter(t))
  }

  /** Requests pushed to a resident's app (authByQR false). */
  inbox(residentId: string): Ticket[] {
    return this.pending((t) => t.residentId === residentId && !t.authByQR)
  }

  /** A short-lived QR token for the ticket (the QR refreshes with a new one). */
  qrToken(ticketID: string): { token: string; expiresAt: number } {
    const token = newId()
    const clientID = this.tickets.get(ticketID)?.clientID ?? ''
    this.qrTokens.set(clientID, token, ticketID, this.deps.qrTtlMs())
    const expiresAt = this.deps.clock.now() + this.deps.qrTtlMs()
    const shared = this.deps.shared
    if (shared) this.write(ticketID, () => shared.put(QR, token, clientID, ticketID, expiresAt))
    return { token, expiresAt }
  }

  /** The ticket a QR token (or a ticket ID) names, on any instance (hosted mode); embedded: resolveQr() ?? get(). */
  async scan(token: string): Promise<Ticket | undefined> {
    const shared = this.deps.shared
    if (!shared) return this.resolveQr(token) ?? this.get(token)
    const id = await shared.get<string>(QR, token, this.deps.clock.now())
    return (id ? await this.lookup(id) : undefined) ?? (await this.lookup(token))
  }

  resolveQr(token: string): Ticket | undefined {
    const id = this.qrTokens.get(token)
    return id ? this.get(id) : undefined
  }

  /** Decides a pending ticket. Approving needs a resident (the app's current one unless the ticket names one). */
  decide(
    ticketID: string,
    decision: Decision,
    residentId?: string,
    changes?: Pick<Ticket, 'agreedFields'>,
  ): Promise<Ticket> {
    const p = this.deps.shared
      ? this.decideShared(this.deps.shared, ticketID, decision, residentId, changes)
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
    while (this.deciding.size > 0 || this.writes.size > 0)
      await Promise.allSettled([...this.deciding, ...this.writes.values()])
  }

  /** Hosted mode: resolves once this instance's writes of the ticket (its QR tokens) are done. */
  async saved(ticketID: string): Promise<void> {
    await this.writes.get(ticketID)?.catch(() => {})
  }

  private find(ticketID: string): Ticket | undefined {
    return this.tickets.get(ticketID) ?? this.decidedLogins.get(ticketID) ?? this.decidedTasks.get(ticketID)
  }

  /** A decided login whose browser already has its answer (a headless getQR's 302) need not be kept at all. */
  handedOver(ticket: Ticket): void {
    if (ticket.kind === 'login' && ticket.status !== 'pending') this.decidedLogins.delete(ticket.ticketID)
  }

  /** A decided ticket leaves the pending ones and is kept a short while (DECIDED_KEEP_MS, DECIDED_LOGIN_KEEP_MS). */
  private retire(ticket: Ticket): void {
    if (!this.tickets.delete(ticket.ticketID)) return
    const tenant = tenantOf(ticket)
    if (ticket.kind === 'login') {
      // What a decided login still needs is its outcome and where the browser goes: the request itself is done with.
      ticket.request = DONE_REQUEST
      if (ticket.result) ticket.result = { code: ticket.result.code }
      this.decidedLogins.set(tenant, ticket.ticketID, ticket, DECIDED_LOGIN_KEEP_MS)
    } else this.decidedTasks.set(tenant, ticket.ticketID, ticket, this.deps.ttlMs() + DECIDED_KEEP_MS)
  }

  /**
   * Hosted mode: the pending entry is taken (of any number of instances deciding at once, one gets it), decided as
   * here, and written back as decided (or as pending again when approving needs a resident first).
   */
  private async decideShared(
    shared: SharedState,
    ticketID: string,
    decision: Decision,
    residentId?: string,
    changes?: Pick<Ticket, 'agreedFields'>,
  ): Promise<Ticket> {
    await this.writes.get(ticketID)?.catch(() => {})
    const now = this.deps.clock.now()
    const taken = await shared.take<Ticket>(PENDING, ticketID, now)
    const local = this.find(ticketID)
    if (!taken) {
      const done = await shared.get<Ticket>(DONE, ticketID, now)
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
      if (ticket.status === 'pending') await this.putPending(ticket)
      throw e
    }
    await shared.put(DONE, ticketID, tenantOf(ticket), ticket, now + this.keepMs(ticket))
    if (ticket.residentId) await shared.delete(inboxKind(ticket.residentId), ticketID).catch(() => false)
    return ticket
  }

  private keepMs(ticket: Ticket): number {
    return ticket.kind === 'login' ? DECIDED_LOGIN_KEEP_MS : this.deps.ttlMs() + DECIDED_KEEP_MS
  }

  private async decideNow(ticketID: string, decision: Decision, residentId?: string): Promise<Ticket> {
    const ticket = this.find(ticketID)
    if (!ticket) throw new PlatformError('D20027', 'ticket not found or expired', 404)
    return this.decideTicket(ticket, decision, residentId)
  }

  private async decideTicket(ticket: Ticket, decision: Decision, residentId?: string): Promise<Ticket> {
    if (ticket.status !== 'pending') throw new PlatformError('D20004', `ticket already ${ticket.status}`)
    if (decision !== 'timeout' && ticket.expiresAt <= this.deps.clock.now()) decision = 'timeout'
    const rid = ticket.residentId ?? residentId
    ticket.status = statusOf(decision)
    ticket.decidedAt = this.deps.clock.now()
    if (decision === 'approve') {
      const resident = rid ? await this.deps.resident(rid) : undefined
      if (!resident) {
        ticket.status = 'pending'
        throw new PlatformError('D20010', 'choose a resident before approving')
      }
      ticket.residentId = resident.id
      const completer = this.completers.get(ticket.kind)
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
      const recording = this.deps.onDecided?.(ticket)
      if (recording) await recording
    } catch (e) {
      // Nothing is released unless its consent record is written: the decision fails instead.
      ticket.status = 'failed'
      ticket.result = { code: 'D20000' }
      this.deps.onRecordFailed?.(ticket, e)
    }
    await this.deliver(ticket)
    this.retire(ticket)
    return ticket
  }

  /** Times out every pending ticket whose time has passed (run by the server's timer and by the test clock). */
  sweep(): number {
    let n = 0
    const now = this.deps.clock.now()
    for (const t of this.tickets.values()) {
      if (t.status === 'pending' && t.expiresAt <= now) {
        void this.decide(t.ticketID, 'timeout')
        n++
      }
    }
    if (this.deps.shared && !this.sweeping) {
      // Hosted mode: every instance's pending tickets; each is timed out once (the decision takes it first).
      this.sweeping = this.deps.shared
        .list<Ticket>(PENDING, now, this.deps.scanMax ?? 10_000)
        .then((all) => {
          for (const [id, t] of all)
            if (t.status === 'pending' && t.expiresAt <= now && !this.decidingById.has(id))
              void this.decide(id, 'timeout').catch(() => {})
        })
        .catch(() => {})
        .finally(() => (this.sweeping = undefined))
    }
    return n
  }
  private sweeping?: Promise<void>

  /** Test clock: moves the app's pending tickets `ms` closer to their expiry, then times out those past it. */
  shift(clientID: string, ms: number): number {
    for (const t of this.tickets.values())
      if (t.clientID === clientID && t.status === 'pending') t.expiresAt -= ms
    return this.sweep()
  }

  /** The hand-over code, or the refusal when the app holds its bound of live codes (the browser gets error_code). */
  private async codeFor(ticket: Ticket): Promise<string | PlatformError> {
    try {
      return await this.deps.issueCode(ticket)
    } catch (e) {
      if (e instanceof PlatformError) return e
      throw e
    }
  }

  private async deliver(ticket: Ticket): Promise<void> {
    const ok = ticket.result?.code === 'D00000'
    if (ticket.callback) this.deps.sendCallback(ticket)
    if (ticket.browser) {
      const params = new URLSearchParams()
      const code =
        ok && (ticket.kind === 'login' || isAnonymous(ticket.kind)) ? await this.codeFor(ticket) : undefined
      if (typeof code === 'string') params.set('code', code)
      if (!ok) params.set('error_code', ticket.result!.code)
      else if (code instanceof PlatformError) params.set('error_code', code.code)
      if (ticket.browser.state !== '') params.set('state', ticket.browser.state)
      ticket.browser.location = appendQuery(ticket.browser.redirectURI, params)
    }
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
