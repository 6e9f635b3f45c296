// Nothing acknowledged is lost (design §7, issue 12): the real server under a flood of /profiles, stopped by SIGTERM
// (exit 0, queues drained) or killed with SIGKILL (every release acknowledged before the kill is in the ledger).
import { createPrivateKey } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort, headlessToken, spawnServer, type Started } from './real-server'
import { ReferenceClient } from './reference-client'

interface Server extends Started {
  pid: number
  base: string
}

const dirs: string[] = []
const servers: Server[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) {
    try {
      process.kill(s.pid, 'SIGKILL')
    } catch {}
    s.child.kill('SIGKILL')
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function start(dataDir: string): Promise<Server> {
  const port = await freePort()
  const started = spawnServer(dataDir, {
    PORT: String(port),
    SANDBOX_ADMIN_TOKEN: 'durability-admin-token-0123456789',
    SANDBOX_RESIDENTS: '5',
    SHUTDOWN_GRACE_MS: '5000',
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    if (started.child.exitCode !== null)
      throw new Error(`server exited ${started.child.exitCode}: ${started.stderr()}`)
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break
    if (i > 300) throw new Error(`no /healthz: ${started.stderr()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const pid = (JSON.parse(readFileSync(join(dataDir, 'LOCK'), 'utf8')) as { pid: number }).pid
  const s = { ...started, pid, base }
  servers.push(s)
  return s
}

async function signedIn(s: Server, dataDir: string) {
  const creds = JSON.parse(readFileSync(join(dataDir, 'demo-app.json'), 'utf8')) as {
    clientID: string
    clientSecret: string
  }
  const client = new ReferenceClient({
    baseUrl: `${s.base}/api/v1`,
    clientID: creds.clientID,
    clientSecret: creds.clientSecret,
    privateKey: createPrivateKey(readFileSync(join(dataDir, 'demo-kek-private.pem'))),
  })
  const token = await headlessToken(s.base, client, {
    clientID: creds.clientID,
    redirectURI: `${s.base}/demo/callback`,
    state: 'durability',
  })
  return { clientID: creds.clientID, client, token }
}

/** `workers` loops of /profiles until `stop()` is true or a call fails; counts the acknowledged (D00000) ones. */
async function flood(
  c: Awaited<ReturnType<typeof signedIn>>,
  workers: number,
  max: number,
  onAck?: (n: number) => void,
): Promise<number> {
  let acked = 0
  let sent = 0
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (sent < max) {
        sent++
        try {
          const r = await c.client.call('/profiles', { ...c.token, profileFields: ['enName'] })
          if (r.code !== 'D00000') return
          acked++
          onAck?.(acked)
        } catch {
          return // the server went away
        }
      }
    }),
  )
  return acked
}

/** Lines of one kind in an append-only log's partition (every segment). */
function lines(
  dataDir: string,
  log: string,
  partition: string,
  match: (l: Record<string, unknown>) => boolean,
) {
  const dir = join(dataDir, 'records', log, partition)
  if (!existsSync(dir)) return 0
  let n = 0
  for (const f of readdirSync(dir)) {
    for (const l of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (l && match(JSON.parse(l) as Record<string, unknown>)) n++
    }
  }
  return n
}

const releases = (dataDir: string, clientID: string) =>
  lines(
    dataDir,
    'consents',
    clientID,
    (l) => l.type === 'granted' && (l.consent as { kind?: string } | undefined)?.kind === 'getProfiles',
  )
const profileCalls = (dataDir: string, clientID: string) =>
  lines(dataDir, 'requests', clientID, (l) => l.operationId === 'getProfiles' && l.code === 'D00000')

describe('durability of the real server', () => {
  it('SIGTERM under load: exits 0 with every acknowledged release in the ledger and every call in the request log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-term-'))
    dirs.push(dataDir)
    const s = await start(dataDir)
    const c = await signedIn(s, dataDir)
    let signalled = false
    const acked = await flood(c, 16, 3_000, (n) => {
      if (n === 400 && !signalled) {
        signalled = true
        process.kill(s.pid, 'SIGTERM')
      }
    })
    expect(signalled).toBe(true)
    const code = await Promise.race([s.exited, new Promise((r) => setTimeout(() => r('hung'), 30_000))])
    expect(code).toBe(0)
    expect(acked).toBeGreaterThanOrEqual(400)
    expect(releases(dataDir, c.clientID)).toBeGreaterThanOrEqual(acked)
    expect(profileCalls(dataDir, c.clientID)).toBeGreaterThanOrEqual(acked)
    // The lock is released: a new server starts on the same directory.
    expect(existsSync(join(dataDir, 'LOCK'))).toBe(false)
  }, 90_000)

  it('kill -9 during a flood of /profiles, then a restart: the ledger holds every acknowledged release', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-kill-'))
    dirs.push(dataDir)
    const s = await start(dataDir)
    const c = await signedIn(s, dataDir)
    let killed = false
    const acked = await flood(c, 16, 3_000, (n) => {
      if (n === 400 && !killed) {
        killed = true
        process.kill(s.pid, 'SIGKILL')
      }
    })
    expect(killed).toBe(true)
    await s.exited
    expect(releases(dataDir, c.clientID)).toBeGreaterThanOrEqual(acked)
    // A restart on the same directory takes over the stale lock and answers again.
    const again = await start(dataDir)
    const health = await fetch(`${again.base}/healthz`)
    expect(health.status).toBe(200)
    expect(releases(dataDir, c.clientID)).toBeGreaterThanOrEqual(acked)
  }, 90_000)
})
