/** Hash and PDF signing after login: initiateRequest → signCode → decision in the app → callback; then ackResult. */
import { computeSignCode } from '@iamsmart-sandbox/openapi/codec'
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import {
  BusinessIds,
  businessIdOf,
  langOfRequest,
  registeredRedirect,
  requireScope,
  requireString,
  sourceOf,
} from '../tasks/initiate.validate'
import { PushLimiter } from '../tasks/push-limit'
import { registerAnonymousSigningApi } from './anonymous-signing.routes'
import { registerSigningCompleters } from './signing.completers'
import { SIGNING_KINDS, SigningLedger, signingState } from './signing.state'
import { digestOf, displayTexts, hkicHashOf, refusal } from './signing.validate'

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
 * Registers the seven signing operations. Pass the BusinessIds and PushLimiter of the other tasks so businessIDs
 * stay unique per app and pushes to a resident are counted once across kinds.
 */
export function registerSigningApi(
  api: Hono,
  s: Services,
  businessIds = new BusinessIds(s.clock, () => s.config.liveStatePerApp),
  pushes = new PushLimiter(s.clock, () => s.config.pushesPerResidentPerMinute),
): void {
  const ledger = new SigningLedger(s.clock, () => s.config.liveStatePerApp)
  registerSigningCompleters(s)

  for (const k of AUTHENTICATED) {
    api.post(
      k.path,
      signedRoute<Req>(s.signed, k.op, true, async ({ app, request }) => {
        const businessID = businessIdOf(request)
        const token = s.tokens.check(app.clientID, request.accessToken, request.openID)
        const source = sourceOf(request)!
        const redirectURI = registeredRedirect(app, request)!
        requireScope(app, 'eidapi_sign')
        const state = requireString(request, 'state', 512)
        const digest = digestOf(request, k.digest)
        const HKICHash = hkicHashOf(request)
        const texts = displayTexts(request)
        const resident = s.residents.get(token.residentId)
        if (!resident) throw new PlatformError('D20010', 'the resident of this openID no longer exists')
        // The signer is the logged-in resident, known now: refuse at once rather than after a pointless approval.
        const refused = await refusal(resident, HKICHash)
        if (refused) throw new PlatformError(refused, `${resident.id} cannot sign this request`)
        const authByQR = source === 'PC_Browser' || resident.behaviour.appReachable === false
        const signCode = await computeSignCode({ hashCode: digest.text, openID: token.openID })
        // From the push check to the push count nothing awaits: concurrent calls cannot exceed the limit.
        if (!authByQR) pushes.check(app.clientID, resident.id)
        businessIds.claim(app.clientID, businessID)
        const ticket = s.tickets.create({
          kind: k.kind,
          clientID: app.clientID,
          residentId: resident.id,
          scopes: ['eidapi_sign'],
          authByQR,
          callback: { redirectURI, state, businessID },
          request: {
            businessID,
            source,
            [k.digest]: digest.text,
            ...(HKICHash ? { HKICHash } : {}),
            ...texts,
            lang: langOfRequest(request),
          },
          signCode,
        })
        if (!authByQR) pushes.record(app.clientID, resident.id)
        ledger.record(ticket, businessID)
        s.pki.prepare(resident.id)
        s.autopilot.onCreated(ticket)
        return { ticketID: ticket.ticketID, authByQR: ticket.authByQR, signCode: ticket.signCode }
      }),
    )
  }

  api.post(
    '/account/signing/ackResult',
    signedRoute<Req>(s.signed, 'ackSigningResult', true, ({ app, request }) => {
      const businessID = businessIdOf(request)
      const signingResult = requireString(request, 'signingResult', 50)
      const id = ledger.find(app.clientID, businessID)
      const ticket = id ? s.tickets.get(id) : undefined
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
      if (st.ack) throw new PlatformError('D70006', `already acknowledged (${st.ack.signingResult})`)
      st.ack = { signingResult, at: s.clock.now() }
      return null
    }),
  )

  registerAnonymousSigningApi(api, s, businessIds, ledger)
}

/**
 * A callback was sent (its first attempt started, which happens as the ticket is decided) or, for anonymous flows,
 * getResult handed the result out. The outbox keeps its last 1000 records: an older one was sent long ago.
 */
function delivered(
  s: Services,
  ticketID: string,
  byCallback: boolean,
  fetchedAt: number | undefined,
): boolean {
  if (!byCallback) return fetchedAt !== undefined
  const record = s.outbox.list().find((r) => r.ticketID === ticketID)
  return record ? record.attempts.length > 0 : true
}
