/** Lesson 10: the sandbox inside your test process (MSW handlers), registered with your test app's credentials. */
import { generateKeyPairSync } from 'node:crypto'
import { createIamSmartHandlers, type IamSmartMsw } from '@iamsmart-sandbox/mock-platform/msw'

// #region credentials
/** Test credentials of your own choosing: the in-process sandbox registers them, nothing is shared or secret. */
export const BASE_URL = 'http://127.0.0.1:8080/api/v1' // what `npm start` serves; MSW answers it in-process
export const RETURN_URI = 'https://osp.example/iamsmart/return'
export const CALLBACK_URI = 'https://osp.example/iamsmart/callback'
const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
export const TEST_APP = {
  clientID: '0123456789abcdef0123456789abcdef',
  clientSecret: 'ci-only-client-secret-0123456789',
  kekPrivateKeyPem: kek.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
}
// #endregion credentials

// #region handlers
export function sandboxHandlers(): Promise<IamSmartMsw> {
  return createIamSmartHandlers({
    baseUrl: BASE_URL,
    apps: [
      {
        name: 'My e-Service (CI)',
        clientID: TEST_APP.clientID,
        clientSecret: TEST_APP.clientSecret,
        redirectURIs: [RETURN_URI, CALLBACK_URI],
        scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling'],
        kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      },
    ],
    autopilot: false, // every decision is made by the test, explicitly
  })
}
// #endregion handlers
