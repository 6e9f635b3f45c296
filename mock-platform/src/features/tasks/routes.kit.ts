/** What the routes of every task kind share: the initiateRequest route, and the ticket behind an anonymous getResult. */
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import type { Ticket, TicketKind } from '../tickets'
import type { TaskIntake, TaskSpec } from './intake'

type Req = Record<string, unknown>

/** The signed (encrypted) route of a kind's initiateRequest: the request becomes a ticket through the one intake. */
export const initiateRoute = (
  s: Pick<Services, 'signed'>,
  operationId: string,
  intake: TaskIntake,
  spec: TaskSpec,
) => signedRoute<Req>(s.signed, operationId, true, ({ app, request }) => intake.initiate(app, request, spec))

/**
 * The ticket an anonymous flow's access token came from (its getResult), or undefined when the token names none or
 * the ticket is gone: the caller says what that means. A token, or a ticket, of another kind answers `notSuch`.
 */
export async function tokenTicket(
  s: Pick<Services, 'tokens' | 'tickets'>,
  clientID: string,
  request: Req,
  kind: TicketKind,
  notSuch: () => PlatformError,
): Promise<Ticket | undefined> {
  const token = await s.tokens.check(clientID, request.accessToken, request.openID)
  if (token.kind !== kind) throw notSuch()
  // Hosted mode: the ticket as every instance sees it (initiated and decided on any of them).
  const ticket = token.ticketID ? await s.tickets.lookup(token.ticketID) : undefined
  if (ticket && ticket.kind !== kind) throw notSuch()
  return ticket
}

/** A businessID sent with getResult must be the one of the request the token's ticket carries. */
export function checkBusinessID(request: Req, ticket: Ticket | undefined): void {
  if (typeof request.businessID === 'string' && request.businessID !== ticket?.request.businessID)
    throw new PlatformError('D20003', 'businessID does not match the request of this access token')
}
