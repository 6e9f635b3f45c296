// The OSP backend tested against the whole iAM Smart sandbox in-process through MSW: no server runs, nothing listens.
import { generateKeyPairSync } from 'node:crypto'
import { createIamSmartHandlers } from '@iamsmart-sandbox/mock-platform/msw'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createOspBackend, type OspBackend } from './osp-backend'

// The real ITE host: the code under test would need no change to talk to it.
const BASE_URL = 'https://apigw-isit.staging-eid.gov.hk/api/v1'
const RETURN_URI = 'https://osp.example/iamsmart/return'
const CALLBACK_URI = 'https://osp.example/iamsmart/callback'
const credentials = {
  clientID: '0123456789abcdef0123456789abcdef',
  clientSecret: 'sample-client-secret-0123456789',
}
const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })

const iam = await createIamSmartHandlers({
  baseUrl: BASE_URL,
  apps: [
    {
      name: 'Sample e-Service',
      ...credentials,
      redirectURIs: [RETURN_URI, CALLBACK_URI],
      scopes: ['eidapi_auth', 'eidapi_profiles'],
      kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    },
  ],
})

let backend: OspBackend
const server = setupServer(
  ...iam.handlers,
  // The OSP's own callback endpoint: the sandbox POSTs results here (through MSW, no port).
  http.post(
    CALLBACK_URI,
    async ({ request }) =>
      new HttpResponse(null, { status: await backend.handleCallback(await request.json()) }),
  ),
)

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  // Created after listen(): the typed client picks up the intercepted fetch.
  backend = createOspBackend({
    baseUrl: BASE_URL,
    ...credentials,
    kekPrivateKey: kek.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    returnURI: RETURN_URI,
    callbackURI: CALLBACK_URI,
  })
})
afterEach(() => iam.sandbox.autopilot(credentials.clientID, {}))
afterAll(async () => {
  server.close()
  await iam.platform.close()
})

/** The resident's browser: open the login URL, follow it to the OSP's return URI. */
async function browse(url: string): Promise<URLSearchParams> {
  const res = await fetch(url, { redirect: 'manual' })
  expect(res.status).toBe(302)
  const location = new URL(res.headers.get('location')!)
  expect(`${location.origin}${location.pathname}`).toBe(RETURN_URI)
  return location.searchParams
}

describe('OSP backend against the in-process sandbox (MSW)', () => {
  it('logs a resident in: getQR → code → getToken → profile', async () => {
    const { url, state } = backend.loginUrl()
    expect(url.startsWith(`${BASE_URL}/auth/getQR?clientID=${credentials.clientID}&responseType=code`)).toBe(
      true,
    )
    const query = await browse(url)
    expect(query.get('state')).toBe(state)
    const login = await backend.handleReturn(query)
    expect(login).toEqual({
      ok: true,
      session: {
        accessToken: expect.stringMatching(/^[0-9a-f]{32}$/),
        openID: expect.stringMatching(/^[0-9a-f]{64}$/),
        name: 'CHAN, Tai Man',
      },
    })
  })

  it('receives a profile by callback, decrypted and matched to its request', async () => {
    const login = await backend.handleReturn(await browse(backend.loginUrl().url))
    if (!login.ok) throw new Error(login.reason)
    const sent = await backend.requestProfile(login.session)
    if ('error' in sent) throw new Error(sent.error)
    await iam.sandbox.settle()
    expect(backend.profileResult(sent.businessID)).toEqual({
      code: 'D00000',
      fields: { enName: { UnstructuredName: 'CHAN, Tai Man' }, birthDate: '19850315', gender: 'M' },
    })
    const [callback] = await iam.sandbox.requests(credentials.clientID, { operation: 'callback', limit: 1 })
    expect(callback).toMatchObject({ url: CALLBACK_URI, state: 'delivered', attempts: [{ status: 200 }] })
  })

  it('reports a resident who rejects the login', async () => {
    iam.sandbox.autopilot(credentials.clientID, { decision: 'reject' })
    expect(await backend.handleReturn(await browse(backend.loginUrl().url))).toEqual({
      ok: false,
      reason: 'iAM Smart answered D40001',
    })
  })

  it('copes with a forced failure, and the inspector explains it', async () => {
    const forced = iam.sandbox.scenario(credentials.clientID, { operationId: 'getToken', dcode: 'D40004' })
    expect(await backend.handleReturn(await browse(backend.loginUrl().url))).toEqual({
      ok: false,
      reason: 'getToken failed: D40004',
    })
    const [call] = await iam.sandbox.requests(credentials.clientID, { operation: 'getToken', limit: 1 })
    expect(call!.diagnosis[0]!.title).toBe(`Forced by scenario ${forced.id}: answered D40004`)
  })
})
