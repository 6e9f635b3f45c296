/** What every route of osp-web needs: the iAM Smart client, the store, the sessions and the service's URLs. */
import type { IamSmartClient, IamSmartError } from '@iamsmart-sandbox/openapi/client'
import type { Session } from './session'
import type { OspStore } from './store'

export interface Ctx {
  client: IamSmartClient
  store: OspStore
  sessions: Map<string, Session>
  /** `${publicUrl}/callback`: the browser's return (GET) and the platform's callbacks (POST); registered for the app. */
  callbackUrl: string
  /** The sandbox root, for the "open the virtual app" link. */
  iamsmartBaseUrl: string
  now: () => number
}

/** The D-code of a failure (or TRANSPORT when iAM Smart never answered). */
export const codeOf = (e: IamSmartError): string => (e.kind === 'transport' ? 'TRANSPORT' : e.code)

/** Scopes asked at login: the service fills forms and asks for signatures afterwards. */
export const LOGIN_SCOPES = 'eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign'
