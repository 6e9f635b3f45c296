/** Starts the sandbox on HOST:PORT (127.0.0.1:8080): config read once, data directory locked, demo app printed. */
import { existsSync, readFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getHeapStatistics } from 'node:v8'
import { serve } from '@hono/node-server'
import { createApp } from './app'
import { backendDeps } from './compose/backend-deps'
import { ConfigError, loadConfig } from './config'
import { followPort, openDemoApp } from './features/demo'
import { portalSite, withPortal } from './features/portal'
import { randomHex } from './ids'
import { createLogger } from './logger'
import { DataDirLockedError, lockDataDir } from './store/lock'
import { openBackends } from './store/backends'
import { StoreFileError } from './store/lowdb'

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref())

async function main(): Promise<void> {
  const started = performance.now()
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig(process.env)
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(2)
    }
    throw e
  }
  const logger = createLogger(config.logLevel)
  const release = config.storage === 'lowdb' ? lockDataDir(config.dataDir) : () => {}
  process.once('exit', release) // also when start fails (a damaged store file): release only removes our own LOCK
  const generatedToken = config.adminToken === undefined
  if (generatedToken) config.adminToken = randomHex(24)

  // The engines of SANDBOX_STORAGE: files under the data directory, memory, or PostgreSQL shared by every instance.
  const backends = await openBackends(config)
  // Hosted: one demo app for every instance (the first start's, written over the others' files).
  const demo = await openDemoApp(config.dataDir, config.publicBaseUrl, backends.hosted?.shared)
  const platform = await createApp(config, {
    logger,
    // Load shedding before the heap runs out (HEAP_LIMIT_PERCENT of V8's limit, e.g. set by --max-old-space-size).
    heap: () => {
      const h = getHeapStatistics()
      return { used: h.used_heap_size, limit: h.heap_size_limit }
    },
    ...backendDeps(backends, config),
    apps: [demo.app],
    // The demo return page's "Exchange this code" runs getToken as the demo app's back end.
    demo: {
      clientID: demo.credentials.clientID,
      clientSecret: demo.credentials.clientSecret,
      kekPrivateKeyPem: readFileSync(demo.credentials.kekPrivateKeyPath, 'utf8'),
      kekPrivateKeyPath: demo.credentials.kekPrivateKeyPath,
    },
  })
  // The stored demo app keeps the redirect URIs of its first start: follow this start's port.
  const stored = await platform.services.apps.get(demo.credentials.clientID)
  const moved = stored && followPort(stored, demo.credentials.redirectURIs)
  if (moved) await platform.services.apps.replace(moved)
  const sweeper = setInterval(() => platform.services.tickets.sweep(), 1000)
  sweeper.unref()

  // The developer portal is served from the same port, beside the platform: prebuilt inside the package
  // (@iamsmart-sandbox/server: dist/server.js + portal/), or `npm run build` → build/ in the repository.
  const sites = [new URL('../portal', import.meta.url), new URL('../../build', import.meta.url)].map((u) =>
    fileURLToPath(u),
  )
  const portal = portalSite(sites.find((dir) => existsSync(join(dir, 'index.html'))) ?? sites[1]!)
  const served = withPortal(platform.app.fetch, portal)
  // Requests being answered: a graceful stop waits for them before it closes the logs.
  let inFlight = 0
  let stopping = false
  const fetch: typeof served = async (request, env) => {
    inFlight++
    try {
      return await served(request, env)
    } finally {
      inFlight--
      // Stopping: the answer closes its connection (written after this returns), so that a keep-alive client — a load
      // balancer — sends its next request elsewhere instead of on a connection that is cut when the grace ends.
      const out = (env as { outgoing?: ServerResponse } | undefined)?.outgoing
      if (stopping && out && !out.headersSent) out.setHeader('Connection', 'close')
    }
  }
  const server = serve({ fetch, hostname: config.host, port: config.port }, (info) => {
    const base = config.publicBaseUrl
    console.log(
      [
        '',
        `  iAM Smart Developer Sandbox (mock) listening on http://${info.address}:${info.port}  (ready in ${Math.round(performance.now() - started)} ms)`,
        '',
        portal.available()
          ? `  Developer portal   ${base}/  (docs, guides, API reference; 繁體中文 ${base}/zh-Hant/, 简体中文 ${base}/zh-Hans/)`
          : '  Developer portal   not built: `npm run build` (or `npm start`, which builds it when missing)',
        `  Portal             ${base}/  (docs, API reference, console, support desk)`,
        `  Platform API       ${base}/api/v1`,
        `  Virtual app        ${base}/app`,
        `  Sandbox API        ${base}/sandbox/v1  (residents, apps, inspector, scenarios, clock; admin token or console session)`,
        `  Support API        ${base}/support/v1   Mail viewer ${base}/mail`,
        `  Mock PKI           ${base}/pki/root.crt  (TEST root; keys in ${platform.services.pki.location})`,
        `  Admin token        ${generatedToken ? `${config.adminToken}  (generated; set SANDBOX_ADMIN_TOKEN to fix it)` : '(from SANDBOX_ADMIN_TOKEN)'}`,
        '',
        '  Demo app',
        `    clientID         ${demo.credentials.clientID}`,
        `    clientSecret     ${demo.credentials.clientSecret}`,
        `    KEK private key  ${demo.credentials.kekPrivateKeyPath}`,
        `    redirectURIs     ${demo.credentials.redirectURIs.join(' ')}`,
        `    try a login      ${base}/api/v1/auth/getQR?clientID=${demo.credentials.clientID}&responseType=code&source=PC_Browser&redirectURI=${encodeURIComponent(`${base}/demo/callback`)}&scope=eidapi_auth%20eidapi_profiles&state=demo&lang=en-US`,
        '',
      ].join('\n'),
    )
  })

  // Graceful stop: refuse new connections, let calls in flight answer, then drain the callback outbox and write every
  // queued record, all within SHUTDOWN_GRACE_MS; exit 0. A second signal stops at once (records already queued are
  // still written: the logs' queues are small and local).
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn('second signal: stopping without waiting for callbacks', { signal })
      await platform.close(0)
      await backends.close()
      release()
      process.exit(0)
    }
    stopping = true
    const started = performance.now()
    logger.info('stopping', { signal, graceMs: config.shutdownGraceMs })
    clearInterval(sweeper)
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    const http = server as unknown as { closeIdleConnections?(): void; closeAllConnections?(): void }
    http.closeIdleConnections?.()
    // Keep-alive clients get at most half the grace period to finish; then their connections are closed.
    await Promise.race([closed, sleep(config.shutdownGraceMs / 2)])
    http.closeAllConnections?.()
    // Handlers already running finish (their records are queued) before the logs close.
    while (inFlight > 0 && performance.now() - started < config.shutdownGraceMs) await sleep(10)
    const left = Math.max(0, config.shutdownGraceMs - (performance.now() - started))
    const report = await platform.close(left)
    await backends.close()
    logger.info('stopped', { ...report, ms: Math.round(performance.now() - started) })
    release()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((e) => {
  // A damaged store file or a held data directory: the message names the file and the fix; no stack trace.
  if (e instanceof StoreFileError || e instanceof DataDirLockedError) console.error(e.message)
  else console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
