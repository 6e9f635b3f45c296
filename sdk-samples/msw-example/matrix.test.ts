// Matrix mode: the same small provider suite once per compatibility profile. A parser that relies on an unconfirmed
// detail (here: G2's nested callback layout, read by hand) fails under exactly the profile that changes that detail;
// the typed client passes under every profile.
import { generateKeyPairSync } from 'node:crypto'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { decryptJson, unwrapCek } from '@iamsmart-sandbox/openapi/codec'
import {
  COMPATIBILITY_PROFILES,
  type CompatibilityProfile,
  createIamSmartHandlers,
} from '@iamsmart-sandbox/mock-platform/msw'
import { describe, expect, it } from 'vitest'

const BASE_URL = 'http://127.0.0.1:8080/api/v1'
const RETURN_URI = 'https://osp.example/iamsmart/return'
const CALLBACK_URI = 'https://osp.example/iamsmart/callback'
const credentials = {
  clientID: 'fedcba9876543210fedcba9876543210',
  clientSecret: 'matrix-client-secret-0123456789',
}
const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privatePem = kek.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()

interface CallbackPost {
  txID: string
  code: string
  content: string
  secretKey: string
}

/** The provider's two callback parsers: the typed client's, and a hand-written one in G2's style (reads `.content`). */
const parsers = {
  typedClient: async (client: ReturnType<typeof createIamSmartClient>, body: CallbackPost) => {
    const r = await client.decryptCallback(body)
    return r.ok ? (r.data as { businessID?: string }).businessID : undefined
  },
  nestedByHand: async (_client: unknown, body: CallbackPost) => {
    const decrypted = (await decryptJson(unwrapCek(body.secretKey, privatePem), body.content)) as {
      content?: { businessID?: string }
    }
    return decrypted.content?.businessID
  },
}

/** The provider's suite under one profile: log in, ask for the profile, read the callback with each parser. */
async function providerSuite(profile: CompatibilityProfile): Promise<Record<keyof typeof parsers, boolean>> {
  const callbacks: CallbackPost[] = []
  const iam = await createIamSmartHandlers({
    compatibilityProfile: profile,
    apps: [
      {
        name: 'Matrix e-Service',
        ...credentials,
        redirectURIs: [RETURN_URI, CALLBACK_URI],
        scopes: ['eidapi_auth', 'eidapi_profiles'],
        kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      },
    ],
    fetch: async (_url, init) => {
      callbacks.push(JSON.parse(String(init?.body)) as CallbackPost)
      return new Response(null, { status: 200 })
    },
  })
  try {
    const inProcess = (input: RequestInfo | URL, init?: RequestInit) =>
      iam.platform.app.fetch(new Request(input, init))
    const client = createIamSmartClient({
      baseUrl: BASE_URL,
      ...credentials,
      kekPrivateKeys: [privatePem],
      fetch: inProcess as typeof fetch,
    })
    const login = await inProcess(
      client.buildGetQrUrl({
        redirectURI: RETURN_URI,
        scope: 'eidapi_auth eidapi_profiles',
        source: 'PC_Browser',
        state: 'st',
      }),
      {
        redirect: 'manual',
      },
    )
    const code = new URL(login.headers.get('location')!).searchParams.get('code')!
    const token = await client.getToken({ code, grantType: 'authorization_code' })
    if (!token.ok) throw new Error(`getToken ${token.error.code}`)
    // The token lifetime reads the same under every profile (the client maps expireIn).
    expect(token.data.expiresIn).toBe(600_000)
    const init = await client.initiateProfileRequest({
      businessID: `matrix-${profile}`,
      accessToken: token.data.accessToken,
      openID: token.data.openID,
      source: 'PC_Browser',
      redirectURI: CALLBACK_URI,
      state: 'st',
      profileFields: ['enName'],
    })
    if (!init.ok) throw new Error(`initiate ${init.error.code}`)
    await iam.sandbox.settle()
    const body = callbacks.at(-1)!
    const out = {} as Record<keyof typeof parsers, boolean>
    for (const [name, parse] of Object.entries(parsers))
      out[name as keyof typeof parsers] =
        (await parse(client, body).catch(() => undefined)) === `matrix-${profile}`
    return out
  } finally {
    await iam.platform.close()
  }
}

describe('matrix mode: one provider suite per compatibility profile', () => {
  it('the typed client passes under every profile; the hand-written nested parser fails only under flat-callbacks', async () => {
    const results: Record<string, Record<string, boolean>> = {}
    for (const profile of COMPATIBILITY_PROFILES) results[profile] = await providerSuite(profile)
    expect(results).toEqual({
      evidence: { typedClient: true, nestedByHand: true },
      'flat-callbacks': { typedClient: true, nestedByHand: false },
      'earlier-address-names': { typedClient: true, nestedByHand: true },
      'expire-in': { typedClient: true, nestedByHand: true },
      unencrypted: { typedClient: true, nestedByHand: true },
    })
  })
})
