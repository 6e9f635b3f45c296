/** What signing records on its tickets (acknowledgement, anonymous refusal, fetch) and the businessID index of ackResult. */
import type { Clock } from '../../clock'
import type { DCode } from '../../errors'
import type { SharedState } from '../../store/shared-state'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import type { Ticket, TicketKind } from '../tickets'

export interface SigningState {
  /** Anonymous flows: the signer is known only at approval; getResult reports why they could not sign. */
  refusal?: DCode
  /** Anonymous flows: when getResult first handed the result out (the result is then "delivered"). */
  fetchedAt?: number
  /** ackResult: the OSP's verdict, once. */
  ack?: { signingResult: string; at: number }
}

/** A ticket of one of the four signing kinds, carrying its signing state. */
export type SigningTicket = Ticket & { signing?: SigningState }

export const SIGNING_KINDS: readonly TicketKind[] = [
  'signing',
  'pdfsigning',
  'anonymous-signing',
  'anonymous-pdfsigning',
]

export function signingState(ticket: Ticket): SigningState {
  const t = ticket as SigningTicket
  t.signing ??= {}
  return t.signing
}

/** businessID → ticketID per app (ackResult names the request by its businessID). */
export interface SigningTicketIndex {
  record(ticket: Ticket, businessID: string): void
  find(clientID: string, businessID: string): string | undefined | Promise<string | undefined>
}

const DAY_MS = 86_400_000

/**
 * businessID → ticketID per app, for a day (as long as businessIDs are remembered for D20011). Bounded per app like
 * those businessIDs (which refuse first, being claimed before every entry here); at the bound an app's own oldest goes.
 */
export class SigningLedger implements SigningTicketIndex {
  private readonly tickets: TenantTtlMap<string>
  constructor(clock: Clock, perApp: () => number = () => 20_000) {
    this.tickets = new TenantTtlMap(clock, { perTenant: perApp, whenFull: 'evict' })
  }
  record(ticket: Ticket, businessID: string): void {
    this.tickets.set(ticket.clientID, `${ticket.clientID}\u0000${businessID}`, ticket.ticketID, DAY_MS)
  }
  find(clientID: string, businessID: string): string | undefined {
    return this.tickets.get(`${clientID}\u0000${businessID}`)
  }
}

/**
 * Hosted mode: the index in the shared state as well, so that ackResult on any instance finds a request initiated on
 * another. This instance's own entries are read from its memory first (its write may still be under way).
 */
export class SharedSigningLedger implements SigningTicketIndex {
  private readonly own: SigningLedger
  constructor(
    private readonly shared: SharedState,
    private readonly clock: Clock,
    perApp?: () => number,
  ) {
    this.own = new SigningLedger(clock, perApp)
  }
  record(ticket: Ticket, businessID: string): void {
    this.own.record(ticket, businessID)
    const key = `${ticket.clientID}\u0000${businessID}`
    void this.shared
      .put('signing:business', key, ticket.clientID, ticket.ticketID, this.clock.now() + DAY_MS)
      .catch(() => {})
  }
  async find(clientID: string, businessID: string): Promise<string | undefined> {
    const key = `${clientID}\u0000${businessID}`
    return (
      this.own.find(clientID, businessID) ??
      this.shared.get<string>('signing:business', key, this.clock.now())
    )
  }
}
