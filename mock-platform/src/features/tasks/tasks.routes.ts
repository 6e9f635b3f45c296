/** Profile, e-ME, step-up and anonymous e-ME: initiateRequest → ticket → decision in the app → callback or getResult. */
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import { type Scope, presentAddresses, profileOf } from '../apps'
import { directRead } from '../consent'
import type { TicketKind } from '../tickets'
import { EME_FIELDS, PROFILE_FIELDS, release } from './fields'
import { langOfRequest, listOf, requiredString, requireScope } from './initiate.validate'
import { type ResidentTaskSpec, TaskIntake, withoutCredentials } from './intake'
import { checkBusinessID, initiateRoute, tokenTicket } from './routes.kit'

type Req = Record<string, unknown>

/** The authenticated kinds served here, with the scope and field list each needs. */
const AUTHENTICATED: Array<{
  path: string
  op: string
  kind: 'profile' | 'eme' | 'stepup'
  scope: Scope
  fields?: [string, readonly string[]]
}> = [
  {
    path: '/account/auth/profile/initiateRequest',
    op: 'initiateProfileRequest',
    kind: 'profile',
    scope: 'eidapi_profiles',
    fields: ['profileFields', PROFILE_FIELDS],
  },
  {
    path: '/account/eme/initiateRequest',
    op: 'initiateEmeRequest',
    kind: 'eme',
    scope: 'eidapi_formFilling',
    fields: ['eMEFields', EME_FIELDS],
  },
  {
    path: '/account/stepup/initiateRequest',
    op: 'initiateStepUpRequest',
    kind: 'stepup',
    scope: 'eidapi_auth',
  },
]

/**
 * Registers the profile, e-ME and step-up operations with the task intake shared with signing and data exchange, so
 * businessIDs stay unique per app and pushes to a resident are counted once across kinds.
 */
export function registerTaskApi(api: Hono, s: Services, intake = new TaskIntake(s)): void {
  // Addresses are released with the names of the app's compatibility profile (newest public names by default).
  const names = async (clientID: string, data: Record<string, unknown>) =>
    presentAddresses(profileOf(await s.apps.get(clientID)), data)
  const completers = {
    profile: async (t, r) => release(r.profile, t.request.profileFields as string[], t.agreedFields),
    eme: async (t, r) => names(t.clientID, release(r.eme, t.request.eMEFields as string[], t.agreedFields)),
    stepup: async () => ({ isPassed: true }),
  } satisfies Record<(typeof AUTHENTICATED)[number]['kind'], ResidentTaskSpec['complete']>

  for (const k of AUTHENTICATED) {
    const spec = intake.register({
      access: 'resident',
      kind: k.kind,
      scope: k.scope,
      complete: completers[k.kind],
      parse: (request, { source }) => {
        const fields = k.fields ? { [k.fields[0]]: listOf(request, k.fields[0]) } : {}
        const state = requiredString(request, 'state')
        return {
          state,
          request: { ...withoutCredentials(request), ...fields, lang: langOfRequest(request), source },
        }
      },
    })
    api.post(k.path, initiateRoute(s, k.op, intake, spec))
  }

  const anonymousEme = intake.register({
    access: 'anonymous',
    kind: 'anonymous-eme',
    scope: 'eidapi_formFilling',
    optionalEnvelope: true,
    complete: completers.eme,
    parse: (request, { businessID, source }) => {
      const eMEFields = listOf(request, 'eMEFields')
      return {
        request: {
          ...withoutCredentials(request),
          eMEFields,
          businessID,
          lang: langOfRequest(request),
          source,
        },
      }
    },
    answer: (ticket, { businessID, redirectURI }) => ({
      businessID,
      ticketID: ticket.ticketID,
      ...(redirectURI ? { redirectURI } : {}),
    }),
  })
  api.post(
    '/anonymous/eme/initiateRequest',
    initiateRoute(s, 'initiateAnonymousEmeRequest', intake, anonymousEme),
  )

  api.post(
    '/anonymous/eme/getResult',
    signedRoute<Req>(s.signed, 'getAnonymousEmeResult', true, ({ app, request }) =>
      anonymousResult(s, app.clientID, request, 'anonymous-eme'),
    ),
  )

  api.post(
    '/profiles',
    signedRoute<Req>(s.signed, 'getProfiles', true, async ({ app, request }) => {
      const token = await s.tokens.check(app.clientID, request.accessToken, request.openID)
      const profileFields = listOf(request, 'profileFields')
      const eMEFields = listOf(request, 'eMEFields')
      if (profileFields.length + eMEFields.length === 0)
        throw new PlatformError('D20002', 'ask for profileFields or eMEFields')
      if (profileFields.length > 0) requireScope(app, 'eidapi_profiles')
      if (eMEFields.length > 0) requireScope(app, 'eidapi_formFilling')
      if (!token.scopes.includes('eidapi_profiles'))
        throw new PlatformError('D20012', 'the login did not request eidapi_profiles')
      const resident = await s.residents.get(token.residentId)
      if (!resident) throw new PlatformError('D20010', 'resident no longer exists')
      const released = {
        ...release(resident.profile, profileFields),
        ...presentAddresses(profileOf(app), release(resident.eme, eMEFields)),
      }
      // Consent ledger: a direct read is a one-off release of the fields returned.
      await s.consents.record(directRead(app, resident.id, Object.keys(released), s.clock.now()))
      return released
    }),
  )
}

/** getResult of an anonymous flow: the data released on the ticket the access token came from. */
export async function anonymousResult(
  s: Services,
  clientID: string,
  request: Req,
  kind: TicketKind,
): Promise<Record<string, unknown>> {
  const notSuch = () => new PlatformError('D20027', 'this access token does not belong to such a request')
  const ticket = await tokenTicket(s, clientID, request, kind, notSuch)
  if (!ticket) throw notSuch()
  checkBusinessID(request, ticket)
  if (ticket.result?.code !== 'D00000') throw new PlatformError(ticket.result?.code ?? 'D20027', 'no result')
  // businessID as in reference §3.4 and the contract's example (the request's, so the OSP can correlate).
  const businessID = ticket.request.businessID
  return { ...(typeof businessID === 'string' ? { businessID } : {}), ...ticket.result.content }
}
