/** Hash and PDF signing after login: initiateRequest → signCode → decision in the app → callback; then ackResult. */
import { computeSignCode } from '@iamsmart-sandbox/openapi/codec'
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import { initiateRoute, requiredString, TaskIntake } from '../tasks'
import { registerAnonymousSigningApi } from './anonymous-signing.routes'
import { signingTask } from './signing.completers'
import { SIGNING_KINDS, SigningLedger, signingState } from './signing.state'
import { refusal, toSignOf } from './signing.validate'

type Req = Record<string, unknown>

const AUTHENTICATED = [
  {
    path: '/account/signing/initiateRequest',
    op: 'initiateSigningRequest',
    kind: 'signing',
    digest: 'hashCode',
  },
  {
    path: '/account/pdfsigning/initiateRequest',
    op: 'initiatePdfSigningRequest',
    kind: 'pdfsigning',
    digest: 'docDigest',
  },
] as const

/**
 * Registers the seven signing operations with the task intake of the other tasks, so businessIDs stay unique per app
 * and pushes to a resident are counted once across kinds.
 */
export function registerSigningApi(api: Hono, s: Services, intake = new TaskIntake(s)): void {
  const ledger = s.signingLedger ?? new SigningLedger(s.clock, () => s.config.liveStatePerApp)

  for (const k of AUTHENTICATED) {
    const spec = intake.register({
      access: 'resident',
      ...signingTask(s, k.kind),
      parse: async (request, { businessID, source, token }) => {
        const doc = toSignOf(request, k.digest)
        const resident = await s.residents.get(token.residentId)
        if (!resident) throw new PlatformError('D20010', 'the resident of this openID no longer exists')
        // The signer is the logged-in resident, known now: refuse at once rather than after a pointless approval.
        const refused = await refusal(resident, doc.HKICHash)
        if (refused) throw new PlatformError(refused, `${resident.id} cannot sign this request`)
        return {
          state: doc.state,
          request: { businessID, source, ...doc.fields },
          signCode: await computeSignCode({ hashCode: doc.digest.text, openID: token.openID }),
        }
      },
      created: (ticket, { businessID, token }) => {
        ledger.record(ticket, businessID)
        s.pki.prepare(token.residentId)
      },
    })
    api.post(k.path, initiateRoute(s, k.op, intake, spec))
  }

  api.post(
    '/account/signing/ackResult',
    signedRoute<Req>(s.signed, 'ackSigningResult', true, async ({ app, request }) => {
      const businessID = requiredString(request, 'businessID')
      const signingResult = requiredString(request, 'signingResult')
      const id = await ledger.find(app.clientID, businessID)
      // Hosted mode: the ticket as every instance sees it (initiated and decided on any of them).
      const ticket = id ? await s.tickets.lookup(id) : undefined
      if (!ticket || ticket.clientID !== app.clientID || !SIGNING_KINDS.includes(ticket.kind))
        throw new PlatformError('D70006', `no signing request "${businessID}" for this app`)
      if (ticket.result?.code !== 'D00000')
        throw new PlatformError(
          'D70006',
          `the request is ${ticket.status}: there is no signature to acknowledge`,
        )
      const st = signingState(ticket)
      if (st.refusal) throw new PlatformError('D70006', `the resident could not sign (${st.refusal})`)
      if (!delivered(s, ticket.ticketID, ticket.callback !== undefined, st.fetchedAt))
        throw new PlatformError('D70006', 'the result was not delivered yet')
      // Once, on every instance: the acknowledgement is written to the ticket as all of them see it.
      await s.tickets.amend(ticket.ticketID, (t) => {
        const ack = signingState(t).ack
        if (ack) throw new PlatformError('D70006', `already acknowledged (${ack.signingResult})`)
        signingState(t).ack = { signingResult, at: s.clock.now() }
      })
      return null
    }),
  )

  registerAnonymousSigningApi(api, s, intake, ledger)
}

/**
 * A callback was sent (its first attempt started, which happens as the ticket is decided; see Outbox.sent) or, for
 * anonymous flows, getResult handed the result out.
 */
function delivered(
  s: Services,
  ticketID: string,
  byCallback: boolean,
  fetchedAt: number | undefined,
): boolean {
  return byCallback ? s.outbox.sent(ticketID) : fetchedAt !== undefined
}
