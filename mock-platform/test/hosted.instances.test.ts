/**
 * Hosted mode (issue 14): two instances on one PostgreSQL behave as one sandbox. Each instance is a whole platform in
 * this process with its own memory, sharing nothing but the database — as two processes would.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp, type Platform } from '../src/app'
import { ManualClock } from '../src/clock'
import { type Config, defaultConfig } from '../src/config'
import { createLogger } from '../src/logger'
import { type Backends, openBackends } from '../src/store/backends'
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database'
import { kek, OSP } from './harness'
import { aesEncrypt, ReferenceClient, signatureHeader } from './reference-client'
import { ORIGIN, PASSWORD } from './session.fixtures'

const clusterUrl = inject('databaseUrl')
const clock = new ManualClock(Date.UTC(2026, 10, 22, 2, 0, 0))
const CLIENT_ID = randomBytes(16).toString('hex')
const CLIENT_SECRET = randomBytes(24).toString('hex')

interface Instance {
  name: string
  platform: Platform
  backends: Backends
  request: (path: string, init?: RequestInit) => Promise<Response>
  client: ReferenceClient
  stop: () => Promise<void>
}

let db: TestDatabase
let config: Config
const running: Instance[] = []

async function start(name: string): Promise<Instance> {
  const backends = await openBackends({ ...config, instanceId: name }, () => clock.now())
  const platform = await createApp(config, {
    clock,
    logger: createLogger(process.env.HOSTED_TEST_LOG ? 'debug' : 'silent'),
    storage: backends.collections,
    documents: backends.documents,
    records: backends.records,
    shared: backends.hosted!.shared,
    events: backends.events,
    instanceId: name,
    health: () => backends.health(),
    apps: [
      {
        name: 'Hosted e-Service',
        clientID: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectURIs: [OSP.returnURI],
        scopes: ['eidapi_auth', 'eidapi_profiles'],
        kekPublicKeys: { A: kek(0).publicPem },
      },
    ],
  })
  const request = (path: string, init?: RequestInit) => Promise.resolve(platform.app.request(path, init))
  const client = new ReferenceClient({
    baseUrl: '/api/v1',
    clientID: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    privateKey: kek(0).privateKey,
    fetch: (url, init) => request(url, init),
    now: () => clock.now(),
  })
  const instance: Instance = {
    name,
    platform,
    backends,
    request,
    client,
    async stop() {
      running.splice(running.indexOf(instance), 1)
      await platform.close()
      await backends.close()
    },
  }
  running.push(instance)
  return instance
}

beforeAll(async () => {
  if (!clusterUrl) return
  db = await createTestDatabase(clusterUrl)
  config = {
    ...defaultConfig,
    storage: 'postgres',
    databaseUrl: db.url,
    databasePoolMax: 4,
    residentCount: 5,
    adminToken: 'test-admin-token-0123456789',
    logLevel: 'silent',
  }
})
afterAll(async () => {
  for (const i of [...running]) await i.stop()
  await db?.drop()
})

/** Headless login on `on`: the resident approves at once; the code from the redirect. */
async function code(on: Instance): Promise<string> {
  const q = new URLSearchParams({
    clientID: CLIENT_ID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: OSP.returnURI,
    scope: 'eidapi_auth eidapi_profiles',
    state: 's',
    lang: 'en-US',
  })
  const res = await on.request(`/api/v1/auth/getQR?${q}`, {
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  expect(res.status, await res.clone().text()).toBe(302)
  return new URL(res.headers.get('Location')!).searchParams.get('code')!
}

/** Polls `probe` until it holds (events between instances arrive in milliseconds; the bound only ends a failure). */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`never: ${what}`)
}

describe.skipIf(!clusterUrl)('two instances on one PostgreSQL', () => {
  it('a code issued through A is exchanged on B; reused on A it is refused with D40004', async () => {
    const [a, b] = [await start('A'), await start('B')]
    const issued = await code(a)
    const exchanged = await b.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: issued,
      grantType: 'authorization_code',
    })
    expect(exchanged.code).toBe('D00000')
    expect(exchanged.content!.accessToken).toMatch(/^[0-9a-f]{32}$/)
    // The token works on either instance.
    const profiles = (on: Instance) =>
      on.client.call<{ enName: unknown }>('/profiles', {
        accessToken: exchanged.content!.accessToken,
        openID: exchanged.content!.openID,
        profileFields: ['enName'],
      })
    expect((await profiles(a)).code).toBe('D00000')
    const reused = await a.client.call('/auth/getToken', { code: issued, grantType: 'authorization_code' })
    expect(reused.code).toBe('D40004')
    // A replayed code revokes what it gave, on every instance.
    expect((await profiles(b)).code).toBe('D20009')
  })

  it('a nonce used on A and replayed on B is refused with D20004', async () => {
    const [a, b] = running.length >= 2 ? running : [await start('A'), await start('B')]
    await a!.client.getKey()
    const body = JSON.stringify({ content: aesEncrypt(a!.client.cek!, '{}') })
    const timestamp = String(clock.now())
    const nonce = randomBytes(16).toString('hex')
    const send = (on: Instance) =>
      on.request('/api/v1/security/getKey', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          clientID: CLIENT_ID,
          signatureMethod: 'HmacSHA256',
          timestamp,
          nonce,
          signature: signatureHeader(CLIENT_ID, CLIENT_SECRET, timestamp, nonce, '{}'),
        },
        body: '{}',
      })
    void body
    expect(((await (await send(a!)).json()) as { code: string }).code).toBe('D00000')
    expect(((await (await send(b!)).json()) as { code: string }).code).toBe('D20004')
  })

  it('a portal session created on A is valid on B and survives restarting both', async () => {
    let [a, b] = running.length >= 2 ? running : [await start('A'), await start('B')]
    const email = `dev-${randomBytes(4).toString('hex')}@osp.example`
    const res = await a!.request('/sandbox/v1/accounts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    expect(res.status).toBe(201)
    const cookie = /(?:__Host-)?sandbox_session=[0-9a-f]{32}/.exec(res.headers.get('set-cookie') ?? '')![0]
    const me = (on: Instance) =>
      on.request('/sandbox/v1/session', { headers: { Cookie: cookie, Origin: ORIGIN } })
    expect((await me(b!)).status).toBe(200)
    await a!.stop()
    await b!.stop()
    ;[a, b] = [await start('A'), await start('B')]
    const again = await me(b!)
    expect(again.status).toBe(200)
    expect(((await again.json()) as { account: { email: string } }).account.email).toBe(email)
    expect((await me(a!)).status).toBe(200)
  })

  it('a CEK from getKey on A opens a request on B: /profiles encrypted with it succeeds there', async () => {
    const [a, b] = running.length >= 2 ? running : [await start('A'), await start('B')]
    const exchanged = await a!.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: await code(a!),
      grantType: 'authorization_code',
    })
    expect(exchanged.code).toBe('D00000')
    expect((await a!.client.getKey()).code).toBe('D00000')
    // B's client never calls getKey: it encrypts with the CEK A issued.
    b!.client.cek = a!.client.cek
    const profiles = await b!.client.call<{ enName: unknown }>('/profiles', {
      accessToken: exchanged.content!.accessToken,
      openID: exchanged.content!.openID,
      profileFields: ['enName'],
    })
    expect(profiles.code, JSON.stringify(profiles)).toBe('D00000')
    expect(profiles.content!.enName).toBeDefined()
  })

  it('/healthz on an instance reports the database', async () => {
    const [a] = running.length >= 1 ? running : [await start('A')]
    const res = await a!.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      status: 'ok',
      storage: 'postgres',
      database: { ok: true, ms: expect.any(Number) },
    })
  })

  it('the inspector tail opened on B shows the calls A served', async () => {
    const [a, b] = running.length >= 2 ? running : [await start('A'), await start('B')]
    const headers = { Authorization: `Bearer ${config.adminToken}` }
    const list = async () =>
      (await (await b!.request(`/sandbox/v1/apps/${CLIENT_ID}/requests?limit=500`, { headers })).json()) as {
        items: Array<{ txID: string }>
      }
    await list() // B holds the app's tail from here
    const env = await a!.client.getKey()
    expect(env.code).toBe('D00000')
    await a!.platform.services.inspector.settle()
    await eventually(
      async () => (await list()).items.some((i) => i.txID === env.txID),
      `B lists A's ${env.txID}`,
    )
  })
})
