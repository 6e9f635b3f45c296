/** Lesson 04: fill a form with e-ME data without a login: initiate, "Continue with iAM Smart", getToken, getResult. */
import type { IamSmartClient, Source } from '@iamsmart-sandbox/openapi/client'
import type { components } from '@iamsmart-sandbox/openapi/generated/platform'

export type AnonymousEmeResult = components['schemas']['AnonymousEmeResult']

const codeOf = (e: { kind: string; code?: string }) => e.code ?? e.kind

// #region start
/** Step 1, when the resident clicks "Continue with iAM Smart" (以智方便繼續): a ticket, then the browser to getQR. */
export async function startAnonymousEme(
  client: IamSmartClient,
  o: { redirectURI: string; source: Source },
): Promise<{ url: string; state: string; businessID: string }> {
  const businessID = `anon-${crypto.randomUUID().slice(0, 18)}`
  const init = await client.initiateAnonymousEmeRequest({
    businessID,
    eMEFields: ['prefix', 'emailAddress', 'mobileNumber'],
    formName: 'Library card application',
    lang: 'en-US',
  })
  if (!init.ok) throw new Error(`initiateAnonymousEmeRequest: ${codeOf(init.error)}`)
  const state = crypto.randomUUID().replace(/-/g, '')
  const url = client.buildGetQrUrl({
    redirectURI: o.redirectURI,
    scope: 'eidapi_formFilling',
    state,
    source: o.source,
    ticketID: init.data.ticketID, // hands the pending request over to this browser
  })
  return { url, state, businessID }
}
// #endregion start

// #region finish
/** Step 2, back at redirectURI: the code proves the resident approved; the data is fetched with getResult. */
export async function finishAnonymousEme(
  client: IamSmartClient,
  returnUrl: string,
  expected: { state: string; businessID: string },
): Promise<{ ok: true; data: AnonymousEmeResult; openID: string } | { ok: false; code: string }> {
  const query = new URL(returnUrl).searchParams
  if (query.get('state') !== expected.state) return { ok: false, code: 'STATE_MISMATCH' }
  if (query.get('error_code')) return { ok: false, code: query.get('error_code')! }
  const token = await client.getToken({ code: query.get('code') ?? '', grantType: 'authorization_code' })
  if (!token.ok) return { ok: false, code: codeOf(token.error) }
  const { accessToken, openID } = token.data
  const result = await client.getAnonymousEmeResult({ accessToken, openID })
  if (!result.ok) return { ok: false, code: codeOf(result.error) }
  // businessID is optional in the result; when it is there it must be yours.
  const echoed = result.data.businessID
  if (echoed !== undefined && echoed !== expected.businessID)
    return { ok: false, code: 'BUSINESS_ID_MISMATCH' }
  return { ok: true, data: result.data, openID }
}
// #endregion finish
