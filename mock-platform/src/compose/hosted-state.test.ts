// A platform composed with deps.shared (the hosted mode's short-lived state) answers the protocol as the embedded one.
import { describe, expect, it } from 'vitest'
import { harness } from '../../test/harness'
import { signatureHeader } from '../../test/reference-client'
import { sharedStateEngines } from '../store/shared-state.engines'

type Env = { code: string }

describe.each(sharedStateEngines())('a platform over shared state on $name', (engine) => {
  it.skipIf(engine.skip)(
    'a replayed nonce is D20004; a reused code is D40004 and revokes its token',
    async () => {
      const h = await harness({ deps: { shared: await engine.open() } })
      const timestamp = String(h.clock.now())
      const nonce = `n-${Date.now()}`
      const hd = {
        'content-type': 'application/json',
        clientID: h.clientID,
        signatureMethod: 'HmacSHA256',
        timestamp,
        nonce,
        signature: signatureHeader(h.clientID, h.clientSecret, timestamp, nonce, '{}'),
      }
      const getKey = async () =>
        (
          (await (
            await h.request('/api/v1/security/getKey', { method: 'POST', headers: hd, body: '{}' })
          ).json()) as Env
        ).code
      expect(await getKey()).toBe('D00000')
      expect(await getKey()).toBe('D20004')

      const code = (await h.login()).get('code')
      const first = await h.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
        code,
        grantType: 'authorization_code',
      })
      expect(first.code).toBe('D00000')
      const { accessToken, openID } = first.content!
      expect((await h.platform.services.tokens.check(h.clientID, accessToken, openID)).openID).toBe(openID)
      expect((await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })).code).toBe(
        'D40004',
      )
      await expect(h.platform.services.tokens.check(h.clientID, accessToken, openID)).rejects.toThrow(
        'access token unknown or expired',
      )
    },
  )
})
