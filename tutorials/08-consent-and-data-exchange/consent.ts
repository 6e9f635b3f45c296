/** Lesson 08: consent: the resident chooses which requested e-ME fields to release; your form copes with the rest. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import type { PendingRequests } from '../03-profile-and-eme/requests'

export type EmeField = components['schemas']['EmeField']
export type EmeData = components['schemas']['EmeData']

// #region ask
/** Ask only for what the form needs, and say why: the app shows formName and formDesc beside each field. */
export const CONTACT_FIELDS: EmeField[] = [
  'emailAddress',
  'mobileNumber',
  'residentialAddress',
  'postalAddress',
]

export async function askForContactDetails(
  client: IamSmartClient,
  requests: PendingRequests,
  o: { accessToken: string; openID: string; callbackURI: string; source: Source },
) {
  const { businessID, state } = requests.open('contact')
  const res = await client.initiateEmeRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI,
    eMEFields: CONTACT_FIELDS,
    formName: 'Change of contact details',
    formDesc: 'We use these to send your permit and reminders.',
  })
  if (!res.ok) throw new Error(res.error.kind === 'transport' ? 'TRANSPORT' : res.error.code)
  return { businessID, ticketID: res.data.ticketID }
}
// #endregion ask

// #region sort-out
/**
 * What came back, and what did not. A field is absent when the resident unticked it in the app *or* never filled
 * it in: you cannot tell which, and must not ask again and again — let them type it instead.
 */
export function sortOut(
  requested: readonly EmeField[],
  data: EmeData,
): { released: EmeField[]; toType: EmeField[] } {
  const released = requested.filter((f) => data[f] !== undefined)
  return { released, toType: requested.filter((f) => !released.includes(f)) }
}
// #endregion sort-out
