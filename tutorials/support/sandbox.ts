/**
 * The sandbox every tutorial test runs against: the mock platform (`createApp`) in this process, served on a
 * loopback port like `npm start` would, with one registered e-Service app and its KEK key pair.
 */
import { generateKeyPairSync } from 'node:crypto'
import { type AppDeps, createApp, type Platform } from '@iamsmart-sandbox/mock-platform'
import { type Config, defaultConfig } from '../../mock-platform/src/config'
import { createLogger } from '../../mock-platform/src/logger'
import { serveDeferred } from './serve'

export const ADMIN_TOKEN = 'tutorial-admin-token-0123456789'

/** What the self-service portal gives an e-Service: credentials, its KEK private key and its registered URIs. */
export interface SandboxApp {
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
  redirectURIs: string[]
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>`: the platform, the virtual app (`/app`), the sandbox API and the mock PKI. */
  url: string
  /** `${url}/api/v1`, the typed client's `baseUrl`. */
  apiBaseUrl: string
  app: SandboxApp
  /** The in-process platform (its callback outbox, keys and tickets), for assertions. */
  platform: Platform
  /** Moves the platform's clock forward (tokens, codes, tickets and CEKs expire); `now()` reads it. */
  advanceClock(ms: number): void
  now(): number
  /** A call to the sandbox API with the admin token. */
  admin(path: string, method?: string, body?: unknown): Promise<Response>
  close(): Promise<void>
}

let kek: { publicPem: string; privatePem: string } | undefined
function kekPair() {
  if (!kek) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    kek = {
      publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    }
  }
  return kek
}

export async function startSandbox(o: {
  redirectURIs: string[]
  scopes?: string[]
  config?: Partial<Config>
  deps?: AppDeps
}): Promise<Sandbox> {
  const served = await serveDeferred()
  let offset = 0
  const keys = kekPair()
  const config: Config = {
    ...defaultConfig,
    publicBaseUrl: served.url,
    storage: 'memory',
    residentCount: 10,
    adminToken: ADMIN_TOKEN,
    logLevel: 'silent',
    ...o.config,
  }
  const platform = await createApp(config, {
    clock: { now: () => Date.now() + offset },
    logger: createLogger('silent'),
    // The real platform waits 1 s, 2 s, 4 s, 8 s between callback tries; tutorials do not.
    callbackBackoffMs: () => 20,
    apps: [
      {
        name: 'Tutorial e-Service',
        redirectURIs: o.redirectURIs,
        scopes: o.scopes ?? ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign'],
        kekPublicKeys: { A: keys.publicPem },
      },
    ],
    ...o.deps,
  })
  const p = platform
  served.attach(p.app.fetch)
  const registered = p.seededApps[0]!
  // server.ts times out expired tickets every second; so does this sandbox.
  const sweeper = setInterval(() => p.services.tickets.sweep(), 100)
  return {
    url: served.url,
    apiBaseUrl: `${served.url}/api/v1`,
    app: {
      clientID: registered.clientID,
      clientSecret: registered.clientSecret,
      kekPrivateKeyPem: keys.privatePem,
      redirectURIs: o.redirectURIs,
    },
    platform: p,
    advanceClock: (ms) => {
      offset += ms
    },
    now: () => Date.now() + offset,
    admin: (path, method = 'GET', body) =>
      fetch(`${served.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async close() {
      clearInterval(sweeper)
      await served.close()
      await p.close()
    },
  }
}
