/** Where the e2e mock platform listens and keeps its files; shared by playwright.config.ts and the specs. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const PORT = 8787
export const BASE_URL = `http://127.0.0.1:${PORT}`
/** <repo>/.data/e2e (git-ignored). */
export const DATA_DIR = fileURLToPath(new URL('../../.data/e2e', import.meta.url))

/** The demo app's clientID, written by the server to <dataDir>/demo-app.json when it starts. */
export function demoClientID(): string {
  const saved = JSON.parse(readFileSync(`${DATA_DIR}/demo-app.json`, 'utf8')) as { clientID: string }
  return saved.clientID
}

export const DEMO_REDIRECT_URI = `${BASE_URL}/demo/callback`

/** The browser GET of auth/getQR for the demo app (a login with eidapi_auth + eidapi_profiles). */
export function getQrUrl(o: { state: string; lang?: string; source?: string; brokerPage?: boolean }): string {
  const q = [
    `clientID=${demoClientID()}`,
    'responseType=code',
    `source=${o.source ?? 'PC_Browser'}`,
    `redirectURI=${encodeURIComponent(DEMO_REDIRECT_URI)}`,
    'scope=eidapi_auth%20eidapi_profiles',
    `state=${encodeURIComponent(o.state)}`,
    `lang=${o.lang ?? 'en-US'}`,
  ]
  if (o.brokerPage !== undefined) q.push(`brokerPage=${o.brokerPage}`)
  return `/api/v1/auth/getQR?${q.join('&')}`
}

/** The admin token playwright.config.ts gives the server (SANDBOX_ADMIN_TOKEN), for the sandbox API. */
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789'

/** The demo app's credentials and KEK private key (PEM), as the server wrote them to the data directory. */
export function demoCredentials(): { clientID: string; clientSecret: string; kekPrivateKeyPem: string } {
  const saved = JSON.parse(readFileSync(`${DATA_DIR}/demo-app.json`, 'utf8')) as {
    clientID: string
    clientSecret: string
  }
  return {
    clientID: saved.clientID,
    clientSecret: saved.clientSecret,
    kekPrivateKeyPem: readFileSync(`${DATA_DIR}/demo-kek-private.pem`, 'utf8'),
  }
}

/** The browser GET of auth/getQR for the demo app with any scope, e.g. for a headless (X-Sandbox-*) login. */
export function getQrUrlWithScope(o: { state: string; scope: string; source?: string }): string {
  const q = new URLSearchParams({
    clientID: demoClientID(),
    responseType: 'code',
    source: o.source ?? 'PC_Browser',
    redirectURI: DEMO_REDIRECT_URI,
    scope: o.scope,
    state: o.state,
    lang: 'en-US',
  })
  return `/api/v1/auth/getQR?${q}`
}
