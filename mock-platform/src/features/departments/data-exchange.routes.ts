/** Preview (speculative, not in the published iAM Smart specification): consented data exchange from departments. */
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import type { Consent } from '../consent'
import {
  initiateRoute,
  langOfRequest,
  listOf,
  requiredString,
  requireScope,
  TaskIntake,
  withoutCredentials,
} from '../tasks'
import type { Ticket } from '../tickets'
import type { DataSet } from './department.types'

type Req = Record<string, unknown>

/** The scope the preview needs: the fixed scope list has none for it, so the e-ME (form-filling) scope. */
export const DATA_EXCHANGE_SCOPE = 'eidapi_formFilling'
const DAY_MS = 86_400_000

/** Approved sets: requested ∩ ticked in the app (all requested when the app sent no choice). */
export function approvedSets(t: Ticket): DataSet[] {
  const requested = t.request.dataSets as DataSet[]
  return t.agreedFields ? requested.filter((d) => t.agreedFields!.includes(d)) : [...requested]
}

/** The consent behind a retrieval: held by this app, about the token's resident, usable now. */
async function usableConsent(
  s: Services,
  clientID: string,
  residentId: string,
  consentRef: string,
): Promise<Consent> {
  const c = await s.consents.heldBy(clientID, { consentRef })
  if (!c || c.kind !== 'dataexchange' || c.residentId !== residentId)
    throw new PlatformError('D20027', 'no such data-exchange consent for this app and resident')
  const status = s.consents.status(c)
  if (status === 'revoked') throw new PlatformError('D20026', 'the resident revoked this consent')
  if (status === 'expired')
    throw new PlatformError('D40003', `the consent expired at ${new Date(c.validUntil).toISOString()}`)
  return c
}

export function registerDataExchangeApi(api: Hono, s: Services, intake = new TaskIntake(s)): void {
  const spec = intake.register({
    access: 'resident',
    kind: 'dataexchange',
    scope: DATA_EXCHANGE_SCOPE,
    complete: async (t, r) => {
      const sets = approvedSets(t)
      // Approving with every data set unticked shares nothing: reported like a rejection.
      if (sets.length === 0) throw new PlatformError('D40001', 'no data set approved')
      const now = s.clock.now()
      const consent = await s.consents.grant({
        residentId: r.id,
        clientID: t.clientID,
        appName: (await s.apps.get(t.clientID))?.name ?? t.clientID,
        kind: 'dataexchange',
        items: sets,
        requested: [...(t.request.dataSets as string[])],
        purpose: t.request.purpose as string,
        businessID: t.callback!.businessID,
        ticketID: t.ticketID,
        validFrom: now,
        validUntil: now + (t.request.validityDays as number) * DAY_MS,
      })
      return { consentRef: consent.id, approvedDataSets: sets, validUntil: consent.validUntil }
    },
    parse: (request, { source }) => {
      // Formats, the data-set names and validityDays' 1–365 are the contract's (the validate step checked them).
      const dataSets = listOf(request, 'dataSets')
      const purpose = requiredString(request, 'purpose')
      const validityDays = request.validityDays as number
      const state = requiredString(request, 'state')
      return {
        state,
        request: {
          ...withoutCredentials(request),
          dataSets,
          purpose,
          validityDays,
          lang: langOfRequest(request),
          source,
        },
      }
    },
  })
  api.post(
    '/preview/dataexchange/initiateRequest',
    initiateRoute(s, 'initiateDataExchangeRequest', intake, spec),
  )

  api.post(
    '/preview/dataexchange/getData',
    signedRoute<Req>(s.signed, 'getDataExchangeData', true, async ({ app, request }) => {
      const token = await s.tokens.check(app.clientID, request.accessToken, request.openID)
      requireScope(app, DATA_EXCHANGE_SCOPE)
      const consent = await usableConsent(
        s,
        app.clientID,
        token.residentId,
        requiredString(request, 'consentRef'),
      )
      const asked = listOf(request, 'dataSets')
      const outside = asked.filter((d) => !consent.items.includes(d))
      // A data set outside the consent is refused, never silently dropped or served.
      if (outside.length > 0)
        throw new PlatformError('D20012', `not covered by the consent: ${outside.join(', ')}`)
      const sets = (asked.length > 0 ? asked : consent.items) as DataSet[]
      const resident = await s.residents.get(consent.residentId)
      if (!resident) throw new PlatformError('D20027', 'the resident no longer exists')
      const records = await s.departments.select(resident, sets)
      // Audited before the data leaves: the resident sees every retrieval in the app.
      const audit = await s.consents.retrieved(consent, sets)
      return { consentRef: consent.id, retrievedAt: audit.at, validUntil: consent.validUntil, records }
    }),
  )
}
