/** Lesson 08 (preview): consented data exchange: a consent with a validity period, then department data under it. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
import type { PendingRequests } from '../03-profile-and-eme/requests'

export type DataSet = components['schemas']['DataExchangeDataSet']
export type DataExchangeConsent = components['schemas']['DataExchangeCallbackContent']
const codeOf = (e: { kind: string; code?: string }) => e.code ?? e.kind

// #region ask
/** One request for a consent that lasts validityDays: the resident sees the purpose and ticks the data sets. */
export async function askForDataExchange(
  client: IamSmartClient,
  requests: PendingRequests,
  o: { accessToken: string; openID: string; callbackURI: string; source: Source },
) {
  const { businessID, state } = requests.open('dx')
  const res = await client.initiateDataExchangeRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI,
    dataSets: ['vehicleLicences', 'taxReturnSummary'],
    purpose: 'Check eligibility for a residents’ parking permit',
    validityDays: 30,
  })
  if (!res.ok) throw new Error(codeOf(res.error))
  return { businessID, ticketID: res.data.ticketID }
}
// #endregion ask

// #region retrieve
/** Later, while the consent lasts: the department data, only the data sets the consent covers. */
export async function retrieve(
  client: IamSmartClient,
  o: { accessToken: string; openID: string; consentRef: string; dataSets?: DataSet[] },
) {
  const res = await client.getDataExchangeData(o)
  return res.ok ? { ok: true as const, data: res.data } : { ok: false as const, code: codeOf(res.error) }
}

/** Before relying on a consent, ask: the resident can revoke it in the app at any time. */
export async function consentStatus(client: IamSmartClient, consentRef: string) {
  const res = await client.getConsentStatus({ consentRef })
  return res.ok ? res.data.status : codeOf(res.error)
}
// #endregion retrieve
