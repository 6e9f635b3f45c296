/** What signing records on its tickets (acknowledgement, anonymous refusal, fetch) and the businessID index of ackResult. */
import type { Clock } from '../../clock'
import type { DCode } from '../../errors'
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

/**
 * businessID → ticketID per app, for a day (as long as businessIDs are remembered for D20011). Bounded per app like
 * those businessIDs (which refuse first, being claimed before every entry here); at the bound an app's own oldest goes.
 */
export class SigningLedger {
  private readonly tickets: TenantTtlMap<string>
  constructor(clock: Clock, perApp: () => number = () => 20_000) {
    this.tickets = new TenantTtlMap(clock, { perTenant: perApp, whenFull: 'evict' })
  }
  record(ticket: Ticket, businessID: string): void {
    this.tickets.set(ticket.clientID, `${ticket.clientID}\u0000${businessID}`, ticket.ticketID, 86_400_000)
  }
  find(clientID: string, businessID: string): string | undefined {
    return this.tickets.get(`${clientID}\u0000${businessID}`)
  }
}
