/** Lesson 01: log a resident in with the desktop QR code: build the getQR URL, handle the return, call getToken. */
import {
  createIamSmartClient,
  type IamSmartClient,
  type IamSmartError,
} from '@iamsmart-sandbox/openapi/client'

// #region client
/** One client per e-Service: it signs every call, fetches and caches the content key (CEK) and encrypts. */
export function createClient(o: {
  baseUrl: string // the sandbox: http://127.0.0.1:8080/api/v1
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
}): IamSmartClient {
  return createIamSmartClient({
    baseUrl: o.baseUrl,
    clientID: o.clientID,
    clientSecret: o.clientSecret,
    kekPrivateKeys: [o.kekPrivateKeyPem],
  })
}
// #endregion client

// #region build-url
/** Called when the resident clicks "Login with iAM Smart": where to send their browser, and the state to keep. */
export function startLogin(client: IamSmartClient, redirectURI: string): { url: string; state: string } {
  const state = crypto.randomUUID().replace(/-/g, '') // keep it in the resident's session
  const url = client.buildGetQrUrl({
    redirectURI, // registered for your app, or the platform answers D20008
    scope: 'eidapi_auth',
    state,
    source: 'PC_Browser', // desktop: iAM Smart shows a QR code to scan with the phone
    lang: 'en-US',
  })
  return { url, state }
}
// #endregion build-url

// #region finish-login
export type LoginOutcome =
  { ok: true; openID: string; accessToken: string; userType: string } | { ok: false; code: string }

/** The browser comes back to redirectURI with `code` and `state` (or `error_code` and `state`). */
export async function finishLogin(
  client: IamSmartClient,
  returnUrl: string,
  expectedState: string,
): Promise<LoginOutcome> {
  const query = new URL(returnUrl).searchParams
  if (query.get('state') !== expectedState) return { ok: false, code: 'STATE_MISMATCH' }
  const errorCode = query.get('error_code') // D40000 cancelled, D40001 rejected, D40003 timed out
  if (errorCode) return { ok: false, code: errorCode }
  const token = await client.getToken({ code: query.get('code') ?? '', grantType: 'authorization_code' })
  if (!token.ok) return { ok: false, code: codeOf(token.error) }
  const { openID, accessToken, userType } = token.data
  return { ok: true, openID, accessToken, userType }
}
// #endregion finish-login

// #region code-of
/** The D-code of a failure, or the kind of failure when the platform never answered. */
export function codeOf(error: IamSmartError): string {
  return error.kind === 'transport' ? 'TRANSPORT' : error.code
}
// #endregion code-of
