/** A tiny OSP backend: login URL, the browser's return (getToken + profile), a profile request and its callback. */
import { randomUUID } from 'node:crypto'
import { createIamSmartClient, type IamSmartClient } from '@iamsmart-sandbox/openapi/client'

export interface OspConfig {
  /** The iAM Smart API root, e.g. https://apigw-isit.staging-eid.gov.hk/api/v1 (ITE) or the sandbox's. */
  baseUrl: string
  clientID: string
  clientSecret: string
  /** The private key of the KEK registered for the app (PEM). */
  kekPrivateKey: string
  /** Registered redirect URIs: where the browser comes back, and where callbacks arrive. */
  returnURI: string
  callbackURI: string
}

export interface Session {
  openID: string
  accessToken: string
  name?: string
}

export type LoginResult = { ok: true; session: Session } | { ok: false; reason: string }

/** What arrived by callback, per businessID. */
export interface ProfileResult {
  code: string
  fields?: Record<string, unknown>
}

export function createOspBackend(config: OspConfig, client?: IamSmartClient) {
  const iam =
    client ??
    createIamSmartClient({
      baseUrl: config.baseUrl,
      clientID: config.clientID,
      clientSecret: config.clientSecret,
      kekPrivateKeys: [config.kekPrivateKey],
    })
  /** Logins started and not yet returned: state → started at. */
  const pendingStates = new Map<string, number>()
  /** Profile requests sent and not yet answered: businessID → state. */
  const pendingProfiles = new Map<string, string>()
  const profiles = new Map<string, ProfileResult>()

  return {
    /** Step 1: the URL to send the resident's browser to (a fresh state to check on return). */
    loginUrl(): { url: string; state: string } {
      const state = randomUUID()
      pendingStates.set(state, Date.now())
      const url = iam.buildGetQrUrl({
        redirectURI: config.returnURI,
        scope: 'eidapi_auth eidapi_profiles',
        state,
      })
      return { url, state }
    },

    /** Step 2: the browser is back on returnURI with `code` + `state` (or `error_code`): exchange and read the name. */
    async handleReturn(query: URLSearchParams): Promise<LoginResult> {
      const state = query.get('state') ?? ''
      if (!pendingStates.delete(state)) return { ok: false, reason: 'unknown state' }
      const error = query.get('error_code')
      if (error) return { ok: false, reason: `iAM Smart answered ${error}` }
      const token = await iam.getToken({ code: query.get('code') ?? '', grantType: 'authorization_code' })
      if (!token.ok)
        return {
          ok: false,
          reason: `getToken failed: ${token.error.code}`,
        }
      const { accessToken, openID } = token.data
      const profile = await iam.getProfiles({ accessToken, openID, profileFields: ['enName'] })
      const name = profile.ok ? profile.data.enName?.UnstructuredName : undefined
      return { ok: true, session: { accessToken, openID, ...(name ? { name } : {}) } }
    },

    /** Step 3 (asynchronous): ask the resident to share more of their profile; the answer comes by callback. */
    async requestProfile(session: Session): Promise<{ businessID: string } | { error: string }> {
      const businessID = randomUUID()
      const state = randomUUID()
      // Remembered before sending: the callback may arrive before initiateRequest answers.
      pendingProfiles.set(businessID, state)
      const res = await iam.initiateProfileRequest({
        businessID,
        accessToken: session.accessToken,
        openID: session.openID,
        source: 'PC_Browser',
        redirectURI: config.callbackURI,
        state,
        profileFields: ['enName', 'birthDate', 'gender'],
      })
      if (!res.ok) {
        pendingProfiles.delete(businessID)
        return { error: res.error.code }
      }
      return { businessID }
    },

    /** The callback endpoint's work: decrypt, match businessID + state to a request we made, store. Answer 200. */
    async handleCallback(body: unknown): Promise<number> {
      const result = await iam.decryptCallback<'initiateProfileRequest'>(body as never)
      const content = (result.ok ? result.data : (result.error as { content?: unknown }).content) as
        { businessID?: string; state?: string } | undefined
      const businessID = content?.businessID
      if (!businessID || pendingProfiles.get(businessID) !== content?.state) return 400
      pendingProfiles.delete(businessID)
      if (result.ok) {
        const { businessID: _b, state: _s, type: _t, ...fields } = result.data as Record<string, unknown>
        profiles.set(businessID, { code: result.code, fields })
      } else profiles.set(businessID, { code: result.error.code })
      return 200
    },

    profileResult: (businessID: string): ProfileResult | undefined => profiles.get(businessID),
  }
}

export type OspBackend = ReturnType<typeof createOspBackend>
