/** Anonymous hash and PDF signing: initiateRequest → getQR?ticketID → code → getToken → getResult. */
import { computeAnonymousSignCode } from '@iamsmart-sandbox/openapi/codec'
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import { type TaskIntake, checkBusinessID, initiateRoute, tokenTicket } from '../tasks'
import type { TicketKind } from '../tickets'
import { signingTask } from './signing.completers'
import { type SigningTicketIndex, signingState } from './signing.state'
import { toSignOf } from './signing.validate'

type Req = Record<string, unknown>

const ANONYMOUS = [
  {
    path: '/anonymous/signing',
    ops: ['initiateAnonymousSigningRequest', 'getAnonymousSigningResult'],
    kind: 'anonymous-signing',
    digest: 'hashCode',
  },
  {
    path: '/anonymous/pdfsigning',
    ops: ['initiateAnonymousPdfSigningRequest', 'getAnonymousPdfSigningResult'],
    kind: 'anonymous-pdfsigning',
    digest: 'docDigest',
  },
] as const

export function registerAnonymousSigningApi(
  api: Hono,
  s: Services,
  intake: TaskIntake,
  ledger: SigningTicketIndex,
): void {
  for (const k of ANONYMOUS) {
    const spec = intake.register({
      ...signingTask(s, k.kind),
      access: 'anonymous',
      parse: async (request, { app, businessID, source }) => {
        const doc = toSignOf(request, k.digest)
        return {
          request: { businessID, source, state: doc.state, ...doc.fields },
          // No openID before the hand-over: the code binds the digest, the expected signer and the app.
          signCode: await computeAnonymousSignCode({
            digest: doc.digest.text,
            hkicHash: doc.HKICHash ?? '',
            clientID: app.clientID,
          }),
        }
      },
      created: (ticket, { businessID }) => ledger.record(ticket, businessID),
    })
    api.post(`${k.path}/initiateRequest`, initiateRoute(s, k.ops[0], intake, spec))

    api.post(
      `${k.path}/getResult`,
      signedRoute<Req>(s.signed, k.ops[1], true, ({ app, request }) =>
        result(s, app.clientID, request, k.kind),
      ),
    )
  }
}

/**
 * The signature released on the ticket the access token came from. The result can be fetched (repeatedly) for the
 * task's lifetime (240 s) after approval, then D70003; a resident who could not sign gives D70004 / D70005.
 */
async function result(
  s: Services,
  clientID: string,
  request: Req,
  kind: TicketKind,
): Promise<Record<string, unknown>> {
  const ticket = await tokenTicket(
    s,
    clientID,
    request,
    kind,
    () => new PlatformError('D20009', 'this access token does not belong to such a signing request'),
  )
  checkBusinessID(request, ticket)
  if (!ticket || (ticket.decidedAt ?? ticket.createdAt) + s.config.ticketTtlMs <= s.clock.now())
    throw new PlatformError('D70003', 'the signing result expired')
  const st = signingState(ticket)
  if (st.refusal) throw new PlatformError(st.refusal, 'the resident who approved cannot sign this request')
  if (ticket.result?.code !== 'D00000') throw new PlatformError('D70002', `the request is ${ticket.status}`)
  // The first fetch marks the result delivered (ackResult), on every instance.
  if (st.fetchedAt === undefined)
    await s.tickets.amend(ticket.ticketID, (t) => void (signingState(t).fetchedAt ??= s.clock.now()))
  return { ...ticket.result.content }
}
