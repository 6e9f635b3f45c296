// The real server end to end (design §3, §7; security checklist G #48): `tsx mock-platform/src/server.ts` on lowdb,
// the demo app's files, a full journey over HTTP with the independent reference client, and the single-writer lock.
import { createPrivateKey } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { magicResidents } from '../src/personas'
import { freePort, isAlive, spawnServer, type Started, within } from './real-server'
import { ReferenceClient } from './reference-client'

const ADMIN_TOKEN = 'server-test-admin-token-0123456789'

const startServer = (port: number, dataDir: string): Started =>
  spawnServer(dataDir, { PORT: String(port), SANDBOX_ADMIN_TOKEN: ADMIN_TOKEN })

let port: number
let dataDir: string
let server: Started
let base: string
let serverPid: number | undefined

beforeAll(async () => {
  port = await freePort()
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-server-'))
  base = `http://127.0.0.1:${port}`
  server = startServer(port, dataDir)
  const deadline = Date.now() + 15_000
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`server exited ${server.child.exitCode}: ${server.stderr()}`)
    try {
      const res = await fetch(`${base}/healthz`)
      if (res.ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`no /healthz within 15 s; stderr: ${server.stderr()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  serverPid = (JSON.parse(readFileSync(join(dataDir, 'LOCK'), 'utf8')) as { pid: number }).pid
}, 30_000)

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM')
    if ((await within(server.exited, 5_000)) === 'timeout') server.child.kill('SIGKILL')
  }
  // tsx runs the server in a child of its own: make sure that one is gone too.
  if (serverPid && isAlive(serverPid)) process.kill(serverPid, 'SIGKILL')
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 20_000)

describe('the real server (tsx mock-platform/src/server.ts, lowdb storage)', () => {
  it('serves /healthz, writes the demo app files, runs a full journey, and refuses a second process on its data dir', async () => {
    // /healthz
    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(200)
    expect(health.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await health.json()).toEqual({ status: 'ok', residents: magicResidents().length + 200, apps: 1 })
    expect(server.stdout()).toContain(`listening on http://127.0.0.1:${port}`)
    // The admin token came from the environment and is not echoed.
    expect(server.stdout()).not.toContain(ADMIN_TOKEN)
    expect(server.stdout()).toContain('(from SANDBOX_ADMIN_TOKEN)')

    // The demo app's files, the lock and the lowdb collections.
    const credsPath = join(dataDir, 'demo-app.json')
    const pemPath = join(dataDir, 'demo-kek-private.pem')
    expect(existsSync(credsPath)).toBe(true)
    expect(existsSync(pemPath)).toBe(true)
    const creds = JSON.parse(readFileSync(credsPath, 'utf8')) as {
      clientID: string
      clientSecret: string
      kekPublicKey: string
    }
    expect(creds.clientID).toMatch(/^[0-9a-f]{32}$/)
    expect(creds.clientSecret).toMatch(/^[0-9a-f]{48}$/)
    expect(creds.kekPublicKey).toContain('BEGIN PUBLIC KEY')
    expect(serverPid).toBeGreaterThan(0)
    expect(isAlive(serverPid!)).toBe(true)
    const apps = JSON.parse(readFileSync(join(dataDir, 'apps.json'), 'utf8')) as {
      items: Array<{ clientID: string }>
    }
    expect(apps.items.map((a) => a.clientID)).toEqual([creds.clientID])

    const client = new ReferenceClient({
      baseUrl: `${base}/api/v1`,
      clientID: creds.clientID,
      clientSecret: creds.clientSecret,
      privateKey: createPrivateKey(readFileSync(pemPath)),
    })

    // getKey
    const key = await client.getKey()
    expect(key.code).toBe('D00000')
    expect(client.cek).toHaveLength(32)

    // Headless login through getQR.
    const redirectURI = `${base}/demo/callback`
    const q = new URLSearchParams({
      clientID: creds.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI,
      scope: 'eidapi_auth eidapi_profiles',
      state: 'server-state 香港',
      lang: 'en-US',
    })
    const login = await fetch(`${base}/api/v1/auth/getQR?${q}`, {
      redirect: 'manual',
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    })
    expect(login.status).toBe(302)
    const location = login.headers.get('location')!
    expect(location.startsWith(`${redirectURI}?code=`)).toBe(true)
    const back = new URL(location).searchParams
    expect(back.get('state')).toBe('server-state 香港')
    const code = back.get('code')!
    expect(code).toMatch(/^[0-9a-f]{32}$/)
    // The sample e-Service page shows the code.
    const landing = await fetch(location)
    expect(landing.status).toBe(200)
    expect(await landing.text()).toContain(code)

    // getToken
    const token = await client.call<{
      accessToken: string
      openID: string
      scope: string
      tokenType: string
    }>('/auth/getToken', { code, grantType: 'authorization_code' })
    expect(token.code).toBe('D00000')
    expect(token.content).toMatchObject({ tokenType: 'Bearer', scope: 'eidapi_auth eidapi_profiles' })
    expect(token.content!.accessToken).toMatch(/^[0-9a-f]{32}$/)
    expect(token.content!.openID).toMatch(/^[0-9a-f]{64}$/)

    // A profile request whose callback goes to the demo app's registered callback, decided through the admin API.
    const init = await client.call<{ ticketID: string; authByQR: boolean }>(
      '/account/auth/profile/initiateRequest',
      {
        businessID: `server-${Date.now()}`,
        accessToken: token.content!.accessToken,
        openID: token.content!.openID,
        source: 'PC_Browser',
        redirectURI,
        state: 'cb-state',
        profileFields: ['enName', 'birthDate'],
      },
    )
    expect(init.code).toBe('D00000')
    expect(init.content!.ticketID).toMatch(/^[0-9a-f]{32}$/)
    expect(init.content!.authByQR).toBe(true)
    const decisionUrl = `${base}/sandbox/v1/tickets/${init.content!.ticketID}/decision`
    const noToken = await fetch(decisionUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    })
    expect(noToken.status).toBe(401)
    const decided = await fetch(decisionUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ decision: 'approve' }),
    })
    expect(decided.status).toBe(200)
    expect(await decided.json()).toEqual({
      ticketID: init.content!.ticketID,
      status: 'approved',
      code: 'D00000',
      location: null,
    })
    // Decided once only.
    const again = await fetch(decisionUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ decision: 'approve' }),
    })
    expect(again.status).toBe(409)

    // A second server on the same data directory refuses to start, naming the directory.
    const second = startServer(await freePort(), dataDir)
    const code2 = await within(second.exited, 15_000)
    if (code2 === 'timeout') {
      second.child.kill('SIGKILL')
      throw new Error('the second server did not exit')
    }
    expect(code2).not.toBe(0)
    expect(code2).not.toBeNull()
    expect(second.stderr()).toContain(dataDir)
    expect(second.stderr()).toContain(`in use by process ${serverPid}`)
    // …and the first one is unharmed.
    expect(JSON.parse(readFileSync(join(dataDir, 'LOCK'), 'utf8')).pid).toBe(serverPid)
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
  }, 60_000)

  it('stops on SIGTERM, releasing the data-directory lock', async () => {
    server.child.kill('SIGTERM')
    expect(await within(server.exited, 10_000)).toBe(0)
    expect(existsSync(join(dataDir, 'LOCK'))).toBe(false)
    expect(isAlive(serverPid!)).toBe(false)
  }, 20_000)
})
