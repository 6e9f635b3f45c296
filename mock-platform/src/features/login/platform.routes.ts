/** The signed back-channel routes of security and login: getKey, revokeKey, getToken. */
import type { Hono } from 'hono'
import type { PlatformOperationTypes } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import { profileOf, tokenLifetime } from '../apps'
import { SEED_EPOCH, userTypeOf } from '../residents'

export function registerLoginApi(api: Hono, s: Services): void {
  api.post(
    '/security/getKey',
    signedRoute(s.signed, 'getKey', false, ({ app }) => s.keys.issue(app)),
  )

  api.post(
    '/security/revokeKey',
    signedRoute(s.signed, 'revokeKey', false, async ({ app }) => {
      await s.keys.revoke(app.clientID)
      return null
    }),
  )

  api.post(
    '/auth/getToken',
    // code and grantType ("authorization_code") are the contract's: the validate step checked them.
    signedRoute<PlatformOperationTypes['getToken']['request']>(
      s.signed,
      'getToken',
      true,
      async ({ app, request }) => {
        const token = await s.tokens.redeem(app.clientID, request.code)
        const resident = await s.residents.get(token.residentId)
        return {
          accessToken: token.accessToken,
          tokenType: 'Bearer',
          issueAt: token.issueAt,
          // `expiresIn` (G3, G4, G8); the G1 sample DTO's `expireIn` under the `expire-in` profile.
          ...tokenLifetime(profileOf(app), token.expiresIn),
          openID: token.openID,
          userType: resident ? userTypeOf(resident) : 'IAM_SMART',
          scope: token.scopes.join(' '),
          lastModifiedDate: (resident as { updatedAt?: number } | undefined)?.updatedAt ?? SEED_EPOCH,
        }
      },
    ),
  )
}
