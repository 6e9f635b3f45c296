/**
 * Hosted mode (issue 14) with real processes: two compiled servers on one PostgreSQL. Instance A claims a callback,
 * is killed with SIGKILL while its POST is unanswered; B delivers the same callback (same txID) once A's lease ends.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { compile } from '../scripts/compile.mjs'
import { createTestDatabase, type TestDatabase } from '../src/store/postgres/test-database'
import { kek } from './harness'
import { freePort, headlessToken, ROOT } from './real-server'
import { ReferenceClient } from './reference-client'

const clusterUrl = inject('databaseUrl')
const ADMIN = 'hosted-kill-admin-token-0123456789'
const CLIENT_ID = 'f'.repeat(32)
const CLIENT_SECRET = 'e'.repeat(48)
/** Its own bundle (next to dist/server.mjs, so that its package imports resolve alike), not npm start's. */
const SERVER = join(ROOT, 'mock-platform', 'dist', 'hosted-kill.server.mjs')

let db: TestDatabase
const children: ChildProcess[] = []
const dirs: string[] = []
let hook: Server
/** The callback POSTs received: the first is never answered (A "hangs" in it), the others get 204. */
const received: Array<{ txID: string; res: ServerResponse }> = []

beforeAll(async () => {
  if (!clusterUrl) return
  db = await createTestDatabase(clusterUrl)
  await compile(join(ROOT, 'mock-platform', 'src', 'server.ts'), SERVER)
  hook = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      received.push({ txID: (JSON.parse(body) as { txID: string }).txID, res })
      if (received.length > 1) res.writeHead(204).end()
    })
  })
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
}, 120_000)

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL')
  for (const r of received) r.res.destroy()
  await new Promise<void>((r) => (hook ? hook.close(() => r()) : r()))
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  await db?.drop()
})

async function start(name: string): Promise<{ child: ChildProcess; base: string; log: () => string }> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `hosted-kill-${name}-`))
  dirs.push(dataDir)
  const child = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_STORAGE: 'postgres',
      DATABASE_URL: db.url,
      SANDBOX_DATA_DIR: dataDir,
      SANDBOX_INSTANCE_ID: name,
      SANDBOX_ADMIN_TOKEN: ADMIN,
      SANDBOX_RESIDENTS: '5',
      // A's POST stays unanswered until the kill (within seconds); the lease is then 30 s (at least 21 s).
      CALLBACK_TIMEOUT_MS: '20000',
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let log = ''
  child.stdout!.on('data', (d) => (log += String(d)))
  child.stderr!.on('data', (d) => (log += String(d)))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}: ${log}`)
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    if (i > 300) throw new Error(`${name}: no /healthz: ${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { child, base, log: () => log }
}

async function until(probe: () => boolean, what: string, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (probe()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`never: ${what}`)
}

describe.skipIf(!clusterUrl)('two server processes on one PostgreSQL', () => {
  it('a callback held by an instance killed with SIGKILL is delivered by the other after the lease', async () => {
    const a = await start('A')
    const cb = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/callback`
    const admin = { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' }
    const created = await fetch(`${a.base}/sandbox/v1/apps`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        name: 'Kill test',
        clientID: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectURIs: [cb],
        scopes: ['eidapi_auth', 'eidapi_profiles'],
        kekPublicKeys: { A: kek(0).publicPem },
      }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const client = new ReferenceClient({
      baseUrl: `${a.base}/api/v1`,
      clientID: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      privateKey: kek(0).privateKey,
    })
    const token = await headlessToken(a.base, client, { clientID: CLIENT_ID, redirectURI: cb, state: 's' })
    const init = await client.call<{ ticketID: string }>('/account/auth/profile/initiateRequest', {
      businessID: 'kill-1',
      ...token,
      source: 'PC_Browser',
      redirectURI: cb,
      state: 'cb-state',
      lang: 'en-US',
      profileFields: ['enName'],
    })
    expect(init.code, JSON.stringify(init)).toBe('D00000')
    const decided = await fetch(`${a.base}/sandbox/v1/tickets/${init.content!.ticketID}/decision`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ decision: 'approve', residentId: 'magic-approve' }),
    })
    expect(decided.status).toBe(200)
    await until(() => received.length === 1, 'A posts the callback', 10_000)
    a.child.kill('SIGKILL')
    await new Promise((r) => a.child.once('exit', r))
    const b = await start('B')
    // The default lease (30 s) ends, B claims the callback and delivers the same transaction.
    await until(() => received.length === 2, `B delivers it: ${b.log()}`, 60_000)
    expect(received[1]!.txID).toBe(received[0]!.txID)
    await new Promise((r) => setTimeout(r, 1500))
    expect(received).toHaveLength(2)
  }, 120_000)
})
