/** Test harness: an in-process platform with memory storage, a manual clock, a registered app and captured callbacks. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { createApp, type AppDeps, type Platform } from '../src/app'
import { ManualClock } from '../src/clock'
import { type Config, defaultConfig } from '../src/config'
import { createLogger } from '../src/logger'
import { type Envelope, ReferenceClient } from './reference-client'

export const OSP = {
  returnURI: 'https://osp.example/return',
  callbackURI: 'https://osp.example/api/callback',
}

const keyPairs: Array<{ publicKey: KeyObject; privateKey: KeyObject }> = []
/** RSA-2048 key pairs, generated once per test file. */
export function kek(i = 0): { publicKey: KeyObject; privateKey: KeyObject; publicPem: string } {
  while (keyPairs.length <= i) keyPairs.push(generateKeyPairSync('rsa', { modulusLength: 2048 }))
  const k = keyPairs[i]!
  return { ...k, publicPem: k.publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

export interface CapturedCallback {
  url: string
  body: Envelope<string | null> & { secretKey: string }
}

export interface Harness {
  platform: Platform
  clock: ManualClock
  client: ReferenceClient
  clientID: string
  clientSecret: string
  callbacks: CapturedCallback[]
  /** What the fake e-Service answers to callbacks (default 200). */
  callbackStatus: number[]
  request: (path: string, init?: RequestInit) => Promise<Response>
  adminToken: string
  admin: (path: string, method: string, body?: unknown) => Promise<Response>
  /** Headless login: returns the parsed redirect. */
  login: (o?: {
    decision?: string
    resident?: string
    scope?: string
    state?: string
    source?: string
    ticketID?: string
  }) => Promise<URLSearchParams>
  /** Headless login + getToken. */
  token: (o?: {
    resident?: string
    scope?: string
  }) => Promise<{ accessToken: string; openID: string; [k: string]: unknown }>
  settle: () => Promise<void>
}

export async function harness(
  o: {
    config?: Partial<Config>
    deps?: AppDeps
    app?: Partial<Parameters<Platform['services']['apps']['create']>[0]>
  } = {},
): Promise<Harness> {
  const clock = new ManualClock(Date.UTC(2026, 10, 22, 2, 0, 0))
  const callbacks: CapturedCallback[] = []
  const callbackStatus: number[] = []
  const adminToken = 'test-admin-token-0123456789'
  const config: Config = {
    ...defaultConfig,
    storage: 'memory',
    residentCount: 20,
    adminToken,
    logLevel: 'silent',
    ...o.config,
  }
  const platform = await createApp(config, {
    clock,
    logger: createLogger('silent'),
    callbackBackoffMs: () => 1,
    fetch: (async (url: string, init: RequestInit) => {
      callbacks.push({ url, body: JSON.parse(String(init.body)) })
      return new Response(null, { status: callbackStatus.shift() ?? 200 })
    }) as unknown as typeof fetch,
    apps: [
      {
        name: 'Test e-Service',
        redirectURIs: [OSP.returnURI, OSP.callbackURI, 'myosp://callback'],
        scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign'],
        kekPublicKeys: { A: kek(0).publicPem },
        ...o.app,
      },
    ],
    ...o.deps,
  })
  const registered = platform.seededApps[0]!
  const request = (path: string, init?: RequestInit) => Promise.resolve(platform.app.request(path, init))
  const client = new ReferenceClient({
    baseUrl: '/api/v1',
    clientID: registered.clientID,
    clientSecret: registered.clientSecret,
    privateKey: kek(0).privateKey,
    fetch: (url, init) => request(url, init),
    now: () => clock.now(),
  })
  const h: Harness = {
    platform,
    clock,
    client,
    clientID: registered.clientID,
    clientSecret: registered.clientSecret,
    callbacks,
    callbackStatus,
    request,
    adminToken,
    admin: (path, method, body) =>
      request(path, {
        method,
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async login(l = {}) {
      const q = new URLSearchParams({
        clientID: registered.clientID,
        responseType: 'code',
        source: l.source ?? 'PC_Browser',
        redirectURI: OSP.returnURI,
        scope: l.scope ?? 'eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign',
        state: l.state ?? 'state-123',
        lang: 'en-US',
      })
      if (l.ticketID) q.set('ticketID', l.ticketID)
      const res = await request(`/api/v1/auth/getQR?${q}`, {
        headers: {
          'X-Sandbox-Resident': l.resident ?? 'magic-approve',
          'X-Sandbox-Decision': l.decision ?? 'approve',
        },
      })
      if (res.status !== 302) throw new Error(`getQR answered ${res.status}: ${await res.text()}`)
      const location = res.headers.get('Location')!
      if (!location.startsWith(OSP.returnURI)) throw new Error(`unexpected redirect ${location}`)
      return new URL(location).searchParams
    },
    async token(t = {}) {
      const p = await h.login({ resident: t.resident, scope: t.scope })
      const env = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
        code: p.get('code'),
        grantType: 'authorization_code',
      })
      if (env.code !== 'D00000') throw new Error(`getToken ${env.code}`)
      return env.content!
    },
    settle: () => platform.services.outbox.drain(),
  }
  return h
}
