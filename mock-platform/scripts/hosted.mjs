/**
 * `npm run start:hosted`: the hosted mode on one machine, for a demonstration or a test — a private PostgreSQL from
 * the machine's packages, two sandbox instances sharing it, and a round-robin proxy in front at PORT (8080).
 * Ctrl-C stops the proxy, drains both instances and stops PostgreSQL. Real deployments run their own database and
 * load balancer: see the portal's operator guide (docs/operate/hosted.md).
 *
 * Environment: PORT (8080), INSTANCES (2), SANDBOX_PG_DIR (.iamsmart-sandbox-hosted/postgres); every other sandbox
 * variable is passed to the instances as it is.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { setTimeout } from 'node:timers'
import { fileURLToPath, URL } from 'node:url'
import { compile, NODE_FLAGS } from './compile.mjs'
import { freePort, startCluster, stopCluster } from './postgres.mjs'
import { roundRobin } from './round-robin.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../..')
const state = join(root, '.iamsmart-sandbox-hosted')
const pgDir = process.env.SANDBOX_PG_DIR ?? join(state, 'postgres')
const port = Number(process.env.PORT ?? 8080)
const count = Number(process.env.INSTANCES ?? 2)
const say = (m) => console.error(`[hosted] ${m}`)

mkdirSync(state, { recursive: true })
// One admin token for all instances, kept across restarts (mode 0600).
const tokenFile = join(state, 'admin-token')
if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(24).toString('base64url'), { mode: 0o600 })
const adminToken = process.env.SANDBOX_ADMIN_TOKEN ?? readFileSync(tokenFile, 'utf8').trim()

say(`PostgreSQL in ${pgDir}`)
const admin = await startCluster(pgDir)
const databaseUrl = new URL(admin)
databaseUrl.pathname = '/sandbox'
await ensureDatabase(admin, 'sandbox')

const server = join(here, '../dist/server.mjs')
await compile(join(here, '../src/server.ts'), server)

const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`
const instances = []
for (let i = 0; i < count; i++) instances.push(await startInstance(i, await freePort()))

const proxy = roundRobin(instances.map((x) => `http://127.0.0.1:${x.port}`))
proxy.listen(port, '127.0.0.1', () =>
  say(`ready: ${publicBaseUrl} → ${instances.map((x) => x.port).join(', ')} (admin token in ${tokenFile})`),
)

async function startInstance(i, instancePort) {
  const env = {
    ...process.env,
    SANDBOX_MODE: process.env.SANDBOX_MODE ?? 'hosted',
    SANDBOX_STORAGE: 'postgres',
    DATABASE_URL: databaseUrl.href,
    SANDBOX_ADMIN_TOKEN: adminToken,
    SANDBOX_INSTANCE_ID: `instance-${i + 1}`,
    TRUSTED_PROXIES: '127.0.0.1',
    HOST: '127.0.0.1',
    PORT: String(instancePort),
    PUBLIC_BASE_URL: publicBaseUrl,
  }
  const child = spawn(process.execPath, [...NODE_FLAGS, server], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitHealthy(instancePort, child)
  say(`instance-${i + 1} on 127.0.0.1:${instancePort} (pid ${child.pid})`)
  return { port: instancePort, child }
}

async function waitHealthy(p, child) {
  for (let t = 0; t < 600; t++) {
    if (child.exitCode !== null) throw new Error(`an instance exited with ${child.exitCode} while starting`)
    try {
      if ((await globalThis.fetch(`http://127.0.0.1:${p}/healthz`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`instance on ${p} did not become healthy in 60 s`)
}

async function ensureDatabase(url, name) {
  const { default: pg } = await import('pg')
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  const has = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
  if (has.rowCount === 0) await c.query(`CREATE DATABASE ${name}`)
  await c.end()
}

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  say('stopping: proxy, instances (draining), PostgreSQL')
  proxy.close()
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise((r) => {
          if (child.exitCode !== null) return r()
          child.once('exit', r)
          child.kill('SIGTERM')
        }),
    ),
  )
  stopCluster(pgDir)
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
