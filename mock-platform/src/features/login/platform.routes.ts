/** The signed back-channel routes of security and login: getKey, revokeKey, getToken. */
import type { Hono } from 'hono'
import { PlatformError } from '../../errors'
import { signedRoute } from '../../protocol/signed-route'
import type { Services } from '../../services'
import { profileOf, tokenLifetime } from '../apps/compatibility'
import { SEED_EPOCH, userTypeOf } from '../residents/user-type'

export function registerLoginApi(api: Hono, s: Services): void {
  api.post(
    '/security/getKey',
    signedRoute(s.signed, 'getKey', false, ({ app }) => s.keys.issue(app)),
  )

  api.post(
    '/security/revokeKey',
    signedRoute(s.signed, 'revokeKey', false, ({ app }) => {
      s.keys.revoke(app.clientID)
      return null
    }),
  )

  api.post(
    '/auth/getToken',
    signedRoute<{ code?: unknown; grantType?: unknown }>(
      s.signed,
      'getToken',
      true,
      async ({ app, request }) => {
        if (request.code === undefined || request.code === '')
          throw new PlatformError('D20002', 'code is missing')
        if (typeof request.code !== 'string') throw new PlatformError('D20003', 'code must be a string')
        if (request.grantType === undefined) throw new PlatformError('D20002', 'grantType is missing')
        if (request.grantType !== 'authorization_code') {
          throw new PlatformError('D20003', 'grantType must be "authorization_code"')
        }
        const token = await s.tokens.redeem(app.clientID, request.code)
        const resident = s.residents.get(token.residentId)
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
