/** osp-web's backend beside the in-process sandbox: MSW answers both hosts, nothing listens on a port. */
import { generateKeyPairSync } from 'node:crypto'
import { createIamSmartHandlers, type IamSmartMsw } from '@iamsmart-sandbox/mock-platform/msw'
import { http } from 'msw'
import { type SetupServer, setupServer } from 'msw/node'
import { createOspApp, type Osp, type OspOptions } from '../osp-web/src/app'

export const SANDBOX = 'http://127.0.0.1:8080'
export const OSP = 'http://127.0.0.1:3000'
export const CLIENT_ID = 'a5b5c5d5e5f5a5b5c5d5e5f5a5b5c5d5'

export interface Rig {
  iam: IamSmartMsw
  osp: Osp
  server: SetupServer
  /** Moves osp-web's own clock (its access-token expiry check). */
  shiftOspClock(ms: number): void
  close(): Promise<void>
}

export async function startRig(o: Partial<OspOptions> = {}): Promise<Rig> {
  const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const clientSecret = 'osp-web-test-secret-0123456789'
  const iam = await createIamSmartHandlers({
    baseUrl: SANDBOX,
    apps: [
      {
        name: 'osp-web (test)',
        clientID: CLIENT_ID,
        clientSecret,
        // Like the sandbox's demo app: the one URL serves the browser's return (GET) and the callbacks (POST).
        redirectURIs: [`${OSP}/callback`],
        scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign'],
        kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      },
    ],
  })
  let offset = 0
  // osp-web's client calls the global fetch at call time, so MSW intercepts it whenever the server listens.
  const osp = createOspApp({
    iamsmartBaseUrl: SANDBOX,
    clientID: CLIENT_ID,
    clientSecret,
    kekPrivateKeyPem: kek.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicUrl: OSP,
    sessionSecret: 'test-session-secret',
    now: () => Date.now() + offset,
    ...o,
  })
  const server = setupServer(
    ...iam.handlers,
    http.all(`${OSP}/*`, ({ request }) => osp.app.fetch(request)),
  )
  server.listen({ onUnhandledRequest: 'error' })
  return {
    iam,
    osp,
    server,
    shiftOspClock: (ms) => {
      offset += ms
    },
    async close() {
      server.close()
      await iam.platform.close()
    },
  }
}
