/**
 * Hosted mode (issue 14): two instances on one PostgreSQL behave as one sandbox. Each instance is a whole platform in
 * this process with its own memory, sharing nothing but the database — as two processes would.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_APP_FILE } from '@iamsmart-sandbox/openapi/demo'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createApp, type Platform } from '../src/app'
import { ManualClock } from '../src/clock'
import { type Config, defaultConfig } from '../src/config'
import { openDemoApp } from '../src/features/demo'
import { createLogger } from '../src/logger'
import { backendDeps } from '../src/compose/backend-deps'
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

/** Callbacks POSTed by either instance (each instance's fetch records its name). */
const callbacks: Array<{ by: string; url: string; body: Record<string, unknown> }> = []

interface StartOptions {
  /** The callbacks' fetch (default: recorded in `callbacks`, answered 204). */
  fetch?: typeof fetch
  config?: Partial<Config>
  /** A data directory: the instance opens the demo app there, as server.ts does (openDemoApp). */
  demoDir?: string
}

async function start(name: string, o: StartOptions = {}): Promise<Instance> {
  const cfg = { ...config, ...o.config }
  const backends = await openBackends({ ...cfg, instanceId: name }, () => clock.now())
  const demo = o.demoDir && (await openDemoApp(o.demoDir, cfg.publicBaseUrl, backends.hosted!.shared))
  const platform = await createApp(cfg, {
    clock,
    logger: createLogger(process.env.HOSTED_TEST_LOG ? 'debug' : 'silent'),
    ...backendDeps(backends, cfg),
    callbackJobs: { leaseMs: 1_000, pollMs: 50 },
    callbackBackoffMs: () => 10,
    fetch:
      o.fetch ??
      ((async (url: string, init: RequestInit) => {
        callbacks.push({ by: name, url, body: JSON.parse(String(init.body)) as Record<string, unknown> })
        return new Response(null, { status: 204 })
      }) as unknown as typeof fetch),
    apps: [
      {
        name: 'Hosted e-Service',
        clientID: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectURIs: [OSP.returnURI, OSP.callbackURI],
        scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_sign'],
        kekPublicKeys: { A: kek(0).publicPem },
      },
      ...(demo ? [demo.app] : []),
    ],
    ...(demo && {
      demo: {
        clientID: demo.credentials.clientID,
        clientSecret: demo.credentials.clientSecret,
        kekPrivateKeyPem: readFileSync(demo.credentials.kekPrivateKeyPath, 'utf8'),
      },
    }),
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

/** Headless login on `on` (the test app's, unless `params` say otherwise): the resident approves at once; the redirect. */
async function approvedLogin(on: Instance, params: Record<string, string> = {}): Promise<URL> {
  const q = new URLSearchParams({
    clientID: CLIENT_ID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: OSP.returnURI,
    scope: 'eidapi_auth eidapi_profiles eidapi_sign',
    state: 's',
    lang: 'en-US',
    ...params,
  })
  const res = await on.request(`/api/v1/auth/getQR?${q}`, {
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  expect(res.status, await res.clone().text()).toBe(302)
  return new URL(res.headers.get('Location')!)
}

/** The code of a headless login on `on`. */
async function code(on: Instance): Promise<string> {
  return (await approvedLogin(on)).searchParams.get('code')!
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

  it('every instance serves the one mock CA', async () => {
    const [a, b] = running.length >= 2 ? running : [await start('A'), await start('B')]
    const root = async (on: Instance) =>
      new Uint8Array(await (await on.request('/pki/root.crt')).arrayBuffer())
    const fromA = await root(a!)
    expect(fromA.length).toBeGreaterThan(100)
    expect(await root(b!)).toEqual(fromA)
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

describe.skipIf(!clusterUrl)('two instances on one PostgreSQL: tickets and callbacks', () => {
  /** A fresh pair (or one): the instances of the tests above are stopped first. */
  async function fresh(...names: string[]): Promise<Instance[]> {
    for (const i of [...running]) await i.stop()
    callbacks.length = 0
    return Promise.all(names.map((n) => start(n)))
  }

  /** A profile request pushed to magic-approve's app (a mobile source), initiated on `on`. */
  async function profileRequest(on: Instance, token: Instance = on): Promise<string> {
    const exchanged = await token.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: await code(token),
      grantType: 'authorization_code',
    })
    const init = await on.client.call<{ ticketID: string; authByQR: boolean }>(
      '/account/auth/profile/initiateRequest',
      {
        businessID: `biz-${randomBytes(6).toString('hex')}`,
        accessToken: exchanged.content!.accessToken,
        openID: exchanged.content!.openID,
        source: 'iOS_Safari',
        redirectURI: OSP.callbackURI,
        state: 'cb-state',
        lang: 'en-US',
        profileFields: ['enName'],
      },
    )
    expect(init.code, JSON.stringify(init)).toBe('D00000')
    expect(init.content!.authByQR).toBe(false)
    return init.content!.ticketID
  }

  /** The virtual app as magic-approve's browser on `on`. */
  const app = (on: Instance) => {
    const headers = { Cookie: 'vapp_resident=magic-approve', Origin: 'http://localhost' }
    return {
      get: (path: string) => on.request(path, { headers }),
      decide: (ticketID: string, decision: string) =>
        on.request(`/app/requests/${ticketID}/decision`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ decision }),
          redirect: 'manual',
        }),
    }
  }

  it('a profile request initiated on A shows in the inbox on B, is approved there and its callback delivered once', async () => {
    const [a, b] = await fresh('A', 'B')
    const ticketID = await profileRequest(a!)
    // B's virtual app lists the request A opened, and shows it.
    expect(await (await app(b!).get('/app')).text()).toContain(ticketID)
    expect((await app(b!).get(`/app/requests/${ticketID}`)).status).toBe(200)
    expect((await app(b!).decide(ticketID, 'approve')).status).toBe(303)
    // A reads the decision B made.
    expect((await a!.platform.services.tickets.lookup(ticketID))?.status).toBe('approved')
    expect(await (await app(a!).get('/app')).text()).not.toContain(ticketID)
    await eventually(async () => callbacks.length > 0, 'the callback is delivered')
    // Both instances keep polling: nobody delivers it again.
    await new Promise((r) => setTimeout(r, 400))
    expect(callbacks).toHaveLength(1)
    expect(callbacks[0]!.url).toBe(OSP.callbackURI)
    expect(callbacks[0]!.body.code).toBe('D00000')
    const content = a!.client.decryptCallback<Record<string, unknown>>(callbacks[0]!.body as never)
    expect(content).toMatchObject({ type: 'profile', state: 'cb-state', businessID: expect.any(String) })
    expect(await a!.backends.hosted!.jobs.pending('callback')).toBe(0)
  })

  it('a hash-signing request initiated on A is decided through B: its signature called back once, acknowledged once', async () => {
    const [a, b] = await fresh('A', 'B')
    const exchanged = await a!.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: await code(a!),
      grantType: 'authorization_code',
    })
    const businessID = `sig-${randomBytes(6).toString('hex')}`
    const hashCode = createHash('sha256').update('a document signed across instances').digest('hex')
    const init = await a!.client.call<{ ticketID: string; authByQR: boolean; signCode: string }>(
      '/account/signing/initiateRequest',
      {
        businessID,
        accessToken: exchanged.content!.accessToken,
        openID: exchanged.content!.openID,
        source: 'iOS_Safari',
        redirectURI: OSP.callbackURI,
        state: 'sign-state',
        department: 'Sandbox Permits Office',
        serviceName: 'Synthetic permit application',
        documentName: 'Application OSP-2026-000123',
        hashCode,
      },
    )
    expect(init.code, JSON.stringify(init)).toBe('D00000')
    const { ticketID } = init.content!
    const ack = (on: Instance) =>
      on.client.call('/account/signing/ackResult', { businessID, signingResult: 'SUCCESS' })
    // Not decided yet: nothing to acknowledge, on either instance.
    expect((await ack(b!)).code).toBe('D70006')
    // B's virtual app lists the request A opened; the resident signs there.
    expect(await (await app(b!).get('/app')).text()).toContain(ticketID)
    expect((await app(b!).decide(ticketID, 'approve')).status).toBe(303)
    expect((await a!.platform.services.tickets.lookup(ticketID))?.status).toBe('approved')
    await eventually(async () => callbacks.length > 0, 'the callback is delivered')
    await new Promise((r) => setTimeout(r, 400))
    expect(callbacks).toHaveLength(1)
    expect(callbacks[0]!.body.code).toBe('D00000')
    const content = a!.client.decryptCallback<Record<string, unknown>>(callbacks[0]!.body as never)
    expect(content).toMatchObject({
      businessID,
      hashCode,
      state: 'sign-state',
      signature: expect.any(String),
    })
    // The OSP acknowledges on B (the request was initiated on A); once, on every instance.
    const first = await ack(b!)
    expect(first.code, JSON.stringify(first)).toBe('D00000')
    const again = await ack(a!)
    expect(again.code).toBe('D70006')
    // A reads the acknowledgement B wrote (that is why it refuses).
    const signed = (await a!.platform.services.tickets.lookup(ticketID)) as { signing?: { ack?: unknown } }
    expect(signed.signing?.ack).toEqual({ signingResult: 'SUCCESS', at: clock.now() })
    expect((await ack(b!)).code).toBe('D70006')
    expect(await a!.backends.hosted!.jobs.pending('callback')).toBe(0)
  })

  it('an anonymous signing request initiated on A is handed over, exchanged and its result fetched on B; acknowledged once', async () => {
    const [a, b] = await fresh('A', 'B')
    const businessID = `anon-${randomBytes(6).toString('hex')}`
    const hashCode = createHash('sha256')
      .update('a document signed anonymously across instances')
      .digest('base64')
    const init = await a!.client.call<{ ticketID: string; signCode: string }>(
      '/anonymous/signing/initiateRequest',
      {
        businessID,
        source: 'PC_Browser',
        redirectURI: OSP.returnURI,
        state: 'anon-state',
        documentName: 'Permit OSP-2026-000123.pdf',
        hashCode,
      },
    )
    expect(init.code, JSON.stringify(init)).toBe('D00000')
    // The hand-over (getQR with the ticket) on B: the resident signs; the code comes back on the redirect.
    const back = await approvedLogin(b!, { scope: '', state: 'anon-state', ticketID: init.content!.ticketID })
    const signed = back.searchParams.get('code')!
    // The code exchanged on A, the result fetched on B, then again on A: the same signature.
    const token = await a!.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: signed,
      grantType: 'authorization_code',
    })
    expect(token.code, JSON.stringify(token)).toBe('D00000')
    const result = (on: Instance) =>
      on.client.call<Record<string, unknown>>('/anonymous/signing/getResult', token.content!)
    const fromB = await result(b!)
    expect(fromB.code, JSON.stringify(fromB)).toBe('D00000')
    expect(fromB.content).toMatchObject({ hashCode, signature: expect.any(String), cert: expect.any(String) })
    expect((await result(a!)).content).toEqual(fromB.content)
    // Handed out: acknowledged once, on either instance.
    const ack = (on: Instance) =>
      on.client.call('/account/signing/ackResult', { businessID, signingResult: 'SUCCESS' })
    expect((await ack(a!)).code).toBe('D00000')
    expect((await ack(b!)).code).toBe('D70006')
  })

  it('a ticket decided on A and on B at once is decided once; the other is told it is decided', async () => {
    const [a, b] = await fresh('A', 'B')
    const ticketID = await profileRequest(b!, a!)
    const headers = { Authorization: `Bearer ${config.adminToken}`, 'Content-Type': 'application/json' }
    const decide = (on: Instance, decision: string) =>
      on.request(`/sandbox/v1/tickets/${ticketID}/decision`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ decision, residentId: 'magic-approve' }),
      })
    const statuses = (await Promise.all([decide(a!, 'approve'), decide(b!, 'reject')])).map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    await eventually(async () => callbacks.length > 0, 'the callback is delivered')
    await new Promise((r) => setTimeout(r, 300))
    expect(callbacks).toHaveLength(1)
    const status = (await a!.platform.services.tickets.lookup(ticketID))?.status
    expect(callbacks[0]!.body.code).toBe(status === 'approved' ? 'D00000' : 'D50001')
  })

  it('a businessID used on A is refused on B (D20011); of two instances claiming one at once, one wins', async () => {
    const [a, b] = await fresh('A', 'B')
    const exchanged = await a!.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: await code(a!),
      grantType: 'authorization_code',
    })
    const initiate = (on: Instance, businessID: string) =>
      on.client.call('/account/auth/profile/initiateRequest', {
        businessID,
        accessToken: exchanged.content!.accessToken,
        openID: exchanged.content!.openID,
        source: 'PC_Browser',
        redirectURI: OSP.callbackURI,
        state: 'cb-state',
        lang: 'en-US',
        profileFields: ['enName'],
      })
    const once = `biz-${randomBytes(6).toString('hex')}`
    const first = await initiate(a!, once)
    expect(first.code, JSON.stringify(first)).toBe('D00000')
    expect((await initiate(b!, once)).code).toBe('D20011')
    const raced = `biz-${randomBytes(6).toString('hex')}`
    const codes = (await Promise.all([initiate(a!, raced), initiate(b!, raced)])).map((r) => r.code).sort()
    expect(codes).toEqual(['D00000', 'D20011'])
  })

  it('a ticket past its time is timed out once, by whichever instance sweeps first', async () => {
    const [a, b] = await fresh('A', 'B')
    const ticketID = await profileRequest(a!)
    clock.advance(config.ticketTtlMs + 1)
    // Both instances' timers fire (server.ts: every second on each): the decision takes the ticket once.
    for (let i = 0; i < 3; i++) {
      a!.platform.services.tickets.sweep()
      b!.platform.services.tickets.sweep()
      await new Promise((r) => setTimeout(r, 30))
    }
    await eventually(async () => callbacks.length > 0, 'the timeout callback is delivered')
    await new Promise((r) => setTimeout(r, 300))
    // Every pending ticket of this database timed out (earlier tests' too): each one callback, none twice.
    expect(callbacks.every((c) => c.body.code === 'D50003')).toBe(true)
    const businessIDs = callbacks.map(
      (c) => a!.client.decryptCallback<{ businessID: string }>(c.body as never)!.businessID,
    )
    expect(new Set(businessIDs).size).toBe(callbacks.length)
    expect((await b!.platform.services.tickets.lookup(ticketID))?.status).toBe('timeout')
    await eventually(async () => (await b!.backends.hosted!.jobs.pending('callback')) === 0, 'all delivered')
  })

  it('an instance that dies holding a callback loses it when its lease ends; the other delivers it', async () => {
    await fresh()
    let tried = 0
    // A's callback POST never answers (and ignores its timeout): A holds the job until it "dies".
    const a = await start('A', {
      fetch: (() => (tried++, new Promise(() => {}))) as unknown as typeof fetch,
      // A's lease: the callback timeout and 1 s more.
      config: { callbackTimeoutMs: 300 },
    })
    const ticketID = await profileRequest(a)
    expect((await app(a).decide(ticketID, 'approve')).status).toBe(303)
    await eventually(async () => tried > 0, 'A tries the callback')
    // A dies: it stops polling and never completes nor releases the job; its connections close.
    a.platform.services.outbox.halt()
    running.splice(running.indexOf(a), 1)
    await a.backends.close()
    const b = await start('B')
    expect(await b.backends.hosted!.jobs.pending('callback')).toBe(1)
    await eventually(async () => callbacks.length > 0, 'B delivers after the lease')
    expect(callbacks.map((c) => c.by)).toEqual(['B'])
    expect(callbacks[0]!.body.code).toBe('D00000')
    await eventually(async () => (await b.backends.hosted!.jobs.pending('callback')) === 0, 'the job is done')
  })

  it('a graceful stop releases the callback it holds at once', async () => {
    await fresh()
    const a = await start('A', { fetch: (() => new Promise(() => {})) as unknown as typeof fetch })
    const ticketID = await profileRequest(a)
    expect((await app(a).decide(ticketID, 'approve')).status).toBe(303)
    await eventually(async () => a.platform.services.outbox.pending() > 0, 'A holds the callback')
    await new Promise((r) => setTimeout(r, 100))
    running.splice(running.indexOf(a), 1)
    await a.platform.close(0)
    await a.backends.close()
    const started = Date.now()
    const b = await start('B', { config: { callbackTimeoutMs: 60_000 } })
    await eventually(async () => callbacks.length > 0, 'B delivers it')
    // Not after a lease (at least a minute here): released.
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(callbacks.map((c) => c.by)).toEqual(['B'])
    void b
  })
})

describe.skipIf(!clusterUrl)('two instances on one PostgreSQL: no state in a process', () => {
  const admin = (on: Instance, path: string, method = 'GET', body?: unknown) =>
    on.request(`/sandbox/v1/apps/${CLIENT_ID}${path}`, {
      method,
      headers: { Authorization: `Bearer ${config.adminToken}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })

  async function pair(): Promise<[Instance, Instance]> {
    for (const i of [...running]) await i.stop()
    callbacks.length = 0
    return [await start('A'), await start('B')]
  }

  it('a scenario armed on A fires for a call B serves, once across instances; its callback fault too', async () => {
    const [a, b] = await pair()
    const armed = await admin(a, '/scenarios', 'POST', { operationId: 'getKey', dcode: 'D20026' })
    expect(armed.status).toBe(201)
    const { id } = (await armed.json()) as { id: string }
    // B lists it (read through the store) and its calls see it once the notice arrived (about a millisecond).
    expect(await (await admin(b, '/scenarios')).json()).toMatchObject({ items: [{ id, remaining: 1 }] })
    await eventually(async () => b.platform.services.scenarios.list(CLIENT_ID).length === 1, 'B mirrors it')
    const forced = await b.client.getKey()
    expect(forced.code).toBe('D20026')
    expect((await a.client.getKey()).code).toBe('D00000')
    expect((await b.client.getKey()).code).toBe('D00000')
    expect(await (await admin(a, '/scenarios')).json()).toEqual({ items: [] })
    // getQR's (a use taken by compare-and-set, as a signed call's).
    await admin(a, '/scenarios', 'POST', { operationId: 'getQr', dcode: 'D40035' })
    await eventually(async () => b.platform.services.scenarios.list(CLIENT_ID).length === 1, 'B mirrors it')
    const login = async (on: Instance) => (await approvedLogin(on, { scope: 'eidapi_auth' })).searchParams
    expect((await login(b)).get('error_code')).toBe('D40035')
    await eventually(async () => a.platform.services.scenarios.list(CLIENT_ID).length === 0, 'A sees it used')
    expect((await login(a)).get('code')).toMatch(/^[0-9a-f]{32}$/)
    // Three uses, six calls at once on both instances: exactly three are forced.
    await admin(b, '/scenarios', 'POST', { operationId: 'getKey', times: 3, dcode: 'D20026' })
    await eventually(async () => a.platform.services.scenarios.list(CLIENT_ID).length === 1, 'A mirrors it')
    const codes = await Promise.all([a, b, a, b, a, b].map(async (on) => (await on.client.getKey()).code))
    expect(codes.filter((c) => c === 'D20026')).toHaveLength(3)
    expect(codes.filter((c) => c === 'D00000')).toHaveLength(3)
    // A failing callback armed on B: the profile request decided on A has its callback answered 500, forced.
    await admin(b, '/scenarios', 'POST', { operationId: 'initiateProfileRequest', callback: 'error' })
    await eventually(async () => a.platform.services.scenarios.list(CLIENT_ID).length === 1, 'A mirrors it')
    // The racing getKeys above rotated the app's CEKs: each client takes a current one (profileRequest does).
    const ticketID = await profileRequest(b, { source: 'PC_Browser', tokenOn: a })
    const decided = await a.request(`/sandbox/v1/tickets/${ticketID}/decision`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${config.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'approve', residentId: 'magic-approve' }),
    })
    expect(decided.status).toBe(200)
    const outboxes = [a, b].map((i) => i.platform.services.outbox)
    await eventually(
      async () => outboxes.some((o) => o.list(CLIENT_ID).some((r) => r.forced !== undefined)),
      'the forced callback is recorded',
    )
    expect(callbacks).toEqual([])
    expect(await (await admin(b, '/scenarios')).json()).toEqual({ items: [] })
  })

  /**
   * A profile request for magic-approve initiated on `on` with a token from `tokenOn` (each takes a current CEK first);
   * from a mobile source (the default) it is pushed to the resident's app.
   */
  async function profileRequest(
    on: Instance,
    { source = 'iOS_Safari', tokenOn = on }: { source?: string; tokenOn?: Instance } = {},
  ): Promise<string> {
    for (const i of new Set([tokenOn, on])) await i.client.getKey()
    const t = await tokenOn.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: await code(tokenOn),
      grantType: 'authorization_code',
    })
    const init = await on.client.call<{ ticketID: string }>('/account/auth/profile/initiateRequest', {
      businessID: `biz-${randomBytes(6).toString('hex')}`,
      accessToken: t.content!.accessToken,
      openID: t.content!.openID,
      source,
      redirectURI: OSP.callbackURI,
      state: 's',
      lang: 'en-US',
      profileFields: ['enName'],
    })
    expect(init.code, JSON.stringify(init)).toBe('D00000')
    return init.content!.ticketID
  }

  it("the virtual app's history on B shows the decisions made on A", async () => {
    const [a, b] = await pair()
    const headers = { Cookie: 'vapp_resident=magic-approve', Origin: 'http://localhost' }
    const history = async (on: Instance) => {
      const html = await (await on.request('/app', { headers })).text()
      const list = html.slice(html.indexOf('data-testid="history"'))
      return list.slice(0, list.indexOf('</ul>'))
    }
    const before = (await history(b)).split('Hosted e-Service').length
    for (const decision of ['approve', 'reject']) {
      const ticketID = await profileRequest(a)
      const decided = await a.request(`/app/requests/${ticketID}/decision`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision }),
        redirect: 'manual',
      })
      expect(decided.status).toBe(303)
    }
    const shown = await history(b)
    expect(shown.split('Hosted e-Service').length - before).toBe(2)
    expect(shown).toMatch(/Hosted e-Service · [^<]+ · Rejected/)
  })

  it("the demo app is one for every instance: a demo login through A is exchanged on B's return page", async () => {
    for (const i of [...running]) await i.stop()
    // Each instance its own data directory, as on two hosts: B adopts the demo app A created.
    const dirs = [
      mkdtempSync(join(tmpdir(), 'hosted-demo-a-')),
      mkdtempSync(join(tmpdir(), 'hosted-demo-b-')),
    ]
    // The demo's back end signs with the real time (the typed client): the platform's clock follows it here.
    const saved = clock.now()
    clock.set(Date.now())
    try {
      const a = await start('A', { demoDir: dirs[0] })
      const b = await start('B', { demoDir: dirs[1] })
      const files = dirs.map(
        (d) => JSON.parse(readFileSync(join(d, DEMO_APP_FILE), 'utf8')) as { clientID: string },
      )
      expect(files[1]!.clientID).toBe(files[0]!.clientID)
      // The demo login as the demo page starts it on A; its return page and the exchange served by B.
      const back = await approvedLogin(a, {
        clientID: files[0]!.clientID,
        redirectURI: `${config.publicBaseUrl}/demo/callback`,
        scope: 'eidapi_auth',
        state: 'demo',
      })
      const code = back.searchParams.get('code')!
      expect(await (await b.request(`${back.pathname}${back.search}`)).text()).toContain(
        'demo-exchange-button',
      )
      const exchanged = await b.request('/demo/exchange', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
        body: new URLSearchParams({ code }),
      })
      const html = await exchanged.text()
      expect(html).toContain('Code exchanged: the resident is logged in')
    } finally {
      for (const i of [...running]) await i.stop()
      for (const d of dirs) rmSync(d, { recursive: true, force: true })
      clock.set(saved)
    }
  })

  it("an app's test clock advanced on A is seen on B: its token expires there (D20009)", async () => {
    const [a, b] = await pair()
    const t = await b.client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
      code: await code(b),
      grantType: 'authorization_code',
    })
    const profiles = () =>
      b.client.call('/profiles', {
        accessToken: t.content!.accessToken,
        openID: t.content!.openID,
        profileFields: ['enName'],
      })
    expect((await profiles()).code).toBe('D00000')
    expect((await admin(a, '/clock/advance', 'POST', { ms: 600_000 })).status).toBe(200)
    // B's clock route reads through the store; its calls follow the notice (about a millisecond).
    expect(await (await admin(b, '/clock')).json()).toMatchObject({ offsetMs: 600_000 })
    await eventually(async () => b.platform.services.appClock.offset(CLIENT_ID) === 600_000, 'B moved')
    expect((await profiles()).code).toBe('D20009')
    // Reset on B: A is back to real time.
    expect((await admin(b, '/clock', 'DELETE')).status).toBe(200)
    await eventually(async () => a.platform.services.appClock.offset(CLIENT_ID) === 0, 'A reset')
  })
})
