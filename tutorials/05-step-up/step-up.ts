/** Lesson 05: step-up: ask a logged-in resident to authenticate again before a sensitive action. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import type { Outcome, PendingRequests } from '../03-profile-and-eme/requests'

// #region initiate
/** On "Authentication with iAM Smart" (智方便認證): the resident confirms in the app; the callback says isPassed. */
export async function startStepUp(
  client: IamSmartClient,
  requests: PendingRequests,
  o: { accessToken: string; openID: string; callbackURI: string; source: Source },
) {
  const { businessID, state } = requests.open('stepup')
  const res = await client.initiateStepUpRequest({
    businessID,
    state,
    accessToken: o.accessToken,
    openID: o.openID,
    source: o.source,
    redirectURI: o.callbackURI,
    lang: 'en-US',
  })
  if (!res.ok)
    return { ok: false as const, code: res.error.kind === 'transport' ? 'TRANSPORT' : res.error.code }
  return { ok: true as const, businessID, ticketID: res.data.ticketID, authByQR: res.data.authByQR }
}
// #endregion initiate

// #region verdict
/** Allow the action only for a D00000 callback whose isPassed is exactly true. */
export function stepUpPassed(outcome: Outcome): boolean {
  return outcome.ok && outcome.data.isPassed === true
}
// #endregion verdict
