/** Preview platform operation: a provider asks the status of a consent it holds (by reference or businessID). */
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import { stringOf } from '../tasks'
import type { Consent } from './consent.types'

type Req = Record<string, unknown>

/** The decrypted answer of getConsentStatus. */
export function consentStatusView(s: Services, c: Consent): Record<string, unknown> {
  return {
    consentRef: c.id,
    kind: c.kind,
    status: s.consents.status(c),
    ...(c.kind === 'dataexchange' ? { dataSets: c.items } : { fields: c.items }),
    ...(c.purpose ? { purpose: c.purpose } : {}),
    ...(c.businessID ? { businessID: c.businessID } : {}),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    ...(c.revokedAt !== undefined ? { revokedAt: c.revokedAt } : {}),
  }
}

export function registerConsentApi(api: Hono, s: Services): void {
  api.post(
    '/preview/consents/getStatus',
    signedRoute<Req>(s.signed, 'getConsentStatus', true, async ({ app, request }) => {
      const consentRef = stringOf(request, 'consentRef')
      const businessID = stringOf(request, 'businessID')
      // Not in the contract (both fields are optional there): one of them must be given.
      if (!consentRef && !businessID)
        throw new PlatformError('D20002', 'consentRef (or businessID) is missing')
      // Another app's consent answers exactly like an unknown one (no enumeration across apps).
      const c = await s.consents.heldBy(app.clientID, consentRef ? { consentRef } : { businessID })
      if (!c) throw new PlatformError('D20027', 'no consent with this reference is held by this app')
      return consentStatusView(s, c)
    }),
  )
}
