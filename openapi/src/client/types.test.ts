/** Compile-time checks (run by `tsc`) that the client's methods carry the generated request/response types. */
import { describe, expectTypeOf, it } from 'vitest'
import type { components } from '../../generated/platform'
import { vectors } from '../../test/vectors'
import {
  createIamSmartClient,
  type DCode,
  type IamSmartErrorCode,
  type IamSmartResult,
  isDCode,
  type TransportErrorCode,
} from './index'

type S = components['schemas']

describe('typed methods', () => {
  it('map every POST operation to its generated types', () => {
    const client = createIamSmartClient({
      baseUrl: 'https://sandbox.test/api/v1',
      clientID: 'c',
      clientSecret: 's',
      kekPrivateKeys: [vectors.cekWrap.kekPrivateKeyJwk as JsonWebKey],
      fetch: async () => new Response(null),
    })
    expectTypeOf(client.getToken).parameter(0).toEqualTypeOf<S['GetTokenRequest']>()
    expectTypeOf(client.getToken).returns.toEqualTypeOf<Promise<IamSmartResult<S['GetTokenResult']>>>()
    expectTypeOf(client.getKey).returns.toEqualTypeOf<Promise<IamSmartResult<S['GetKeyContent']>>>()
    expectTypeOf(client.revokeKey).returns.toEqualTypeOf<Promise<IamSmartResult<null>>>()
    expectTypeOf(client.getProfiles).parameter(0).toEqualTypeOf<S['ProfilesRequest']>()
    expectTypeOf(client.call<'initiateSigningRequest'>).returns.toEqualTypeOf<
      Promise<IamSmartResult<S['InitiateSigningResult']>>
    >()
    expectTypeOf(client.decryptCallback<'initiateProfileRequest'>).returns.toEqualTypeOf<
      Promise<IamSmartResult<S['ProfileCallbackContent']>>
    >()
    const typeOnly = (f: () => unknown) => f
    // @ts-expect-error getToken needs its request
    typeOnly(() => client.getToken())
    // @ts-expect-error grantType is the constant authorization_code
    typeOnly(() => client.getToken({ code: 'c', grantType: 'password' }))
    // @ts-expect-error getQr is a browser navigation, not a back-channel method
    typeOnly(() => client.getQr)
    typeOnly(() => client.getKey())
  })

  it('take a fetch-compatible function and keep D-codes a closed union', () => {
    const options = {
      baseUrl: 'https://sandbox.test/api/v1',
      clientID: 'c',
      clientSecret: 's',
      kekPrivateKeys: [vectors.cekWrap.kekPrivateKeyJwk as JsonWebKey],
    }
    createIamSmartClient({ ...options, fetch: (input, init) => fetch(input, init) })
    createIamSmartClient({ ...options, fetch })
    createIamSmartClient({ ...options, fetch: globalThis.fetch, timeoutMs: 5000, log: (e) => void e.type })
    const typeOnly = (f: () => unknown) => f
    typeOnly(async () => {
      const r = await createIamSmartClient(options).getKey()
      if (r.ok) return
      expectTypeOf(r.error.code).toEqualTypeOf<IamSmartErrorCode>()
      if (r.error.kind === 'platform') {
        expectTypeOf(r.error.code).toEqualTypeOf<DCode>()
        // @ts-expect-error a typo of D40004 does not compile
        typeOnly(() => r.error.code === 'D4004')
      }
      if (r.error.kind === 'transport') expectTypeOf(r.error.code).toEqualTypeOf<TransportErrorCode>()
    })
    const s: string = 'D40004'
    if (isDCode(s)) expectTypeOf(s).toEqualTypeOf<DCode>()
  })
})
