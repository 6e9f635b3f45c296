/**
 * createApp(config, deps): the mock platform's services (compose/services.ts) and the list of its routes' mounts.
 * Never listens (see server.ts), so tests, MSW handlers and the Node server share one implementation.
 */
import { Hono } from 'hono'
import { type AppDeps, composeServices } from './compose/services'
import { notFound, onError } from './compose/errors'
import { platformApi } from './compose/platform-api'
import { defaultConfig, type Config } from './config'
import { accountsRoutes } from './features/accounts/accounts.routes'
import type { RegisteredApp } from './features/apps'
import { appSettingsRoutes } from './features/apps/app-settings.routes'
import { appsRoutes } from './features/apps/apps.routes'
import { demoRoutes, type ReceivedCallback } from './features/demo/demo.routes'
import { departmentRecordsRoutes } from './features/departments/records.routes'
import { inspectorRoutes } from './features/inspector/inspector.routes'
import { mailApiRoutes, mailPageRoutes } from './features/notifications/mail.routes'
import { orgsRoutes } from './features/orgs/orgs.routes'
import { residentsRoutes } from './features/residents/residents.routes'
import { headlessRoutes } from './features/sandbox/sandbox.routes'
import { scenarioRoutes } from './features/scenarios/scenarios.routes'
import { supportRoutes } from './features/support/support.routes'
import { tryItRoutes } from './features/try-it/try-it.routes'
import type { HistoryEntry } from './features/virtual-app'
import { virtualAppRoutes } from './features/virtual-app/virtual-app.routes'
import { problemBodyLimit } from './http/body'
import { frameGuard } from './http/frame-guard'
import { trustProxies } from './http/client-ip'
import { pkiAdminRoutes, pkiRoutes } from './pki/pki.routes'
import type { Services } from './services'

export type { AppDeps } from './compose/services'

export interface Platform {
  app: Hono
  services: Services
  /** Apps registered from deps.apps, in order. */
  seededApps: RegisteredApp[]
  /** Callbacks received by the sample e-Service at /demo/callback. */
  demoCallbacks: ReceivedCallback[]
  /**
   * Drains the callback outbox (deliveries and their retries) for at most `graceMs` (unbounded when omitted), then
   * writes every queued record and closes the logs. Returns what was left undelivered.
   */
  close(graceMs?: number): Promise<{ callbacksAbandoned: number }>
}

export async function createApp(config: Config = defaultConfig, deps: AppDeps = {}): Promise<Platform> {
  const { services, seededApps, close } = await composeServices(config, deps)
  const { apps, residents, clock } = services

  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    c.res.headers.delete('X-Powered-By')
  })
  // HTML refuses framing; bodies limited before they are read, 413 problem+json (platform: api below; support: per route).
  app.use('*', frameGuard())
  // Behind a load balancer (TRUSTED_PROXIES): rate limits and audit lines see the caller, not the proxy.
  app.use('*', trustProxies(config.trustedProxies))
  for (const prefix of ['/sandbox/v1/*', '/app/*', '/demo/*', '/mail/*', '/pki/*'])
    app.use(prefix, problemBodyLimit(config.bodyLimitBytes))
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'max-age=86400' }))
  // Hosted mode: the database first (counting needs it); 503 when it cannot be reached, so a balancer drops the instance.
  app.get('/healthz', async (c) => {
    const health = deps.health && (await deps.health())
    if (health?.database && !health.database.ok)
      return c.json({ status: 'unavailable', ...health }, 503, { 'Cache-Control': 'no-store' })
    return c.json({
      status: 'ok',
      residents: await residents.countShared(),
      apps: await apps.count(),
      ...health,
    })
  })

  // The platform API: signed POSTs plus the browser GET of getQR.
  app.route('/api/v1', platformApi(services))

  app.route('/pki', pkiRoutes(services))
  app.route('/sandbox/v1', pkiAdminRoutes(services))
  const history: HistoryEntry[] = []
  app.route('/app', virtualAppRoutes(services, history))
  // The sandbox API: accounts, organisations, apps, residents, headless decisions, records, inspector, scenarios.
  app.route('/sandbox/v1', accountsRoutes(services))
  app.route('/sandbox/v1', orgsRoutes(services))
  app.route('/sandbox/v1', appsRoutes(services))
  app.route('/sandbox/v1', appSettingsRoutes(services))
  app.route('/sandbox/v1', residentsRoutes(services))
  app.route('/sandbox/v1', headlessRoutes(services))
  app.route('/sandbox/v1', departmentRecordsRoutes(services))
  app.route('/sandbox/v1', inspectorRoutes(services, deps.inspector?.heartbeatMs))
  app.route('/sandbox/v1', scenarioRoutes(services))
  // The API reference's "try it": a platform operation called as the app, through this very app (in-process).
  app.route(
    '/sandbox/v1',
    tryItRoutes(services, async (req) => app.fetch(req)),
  )
  app.route('/support/v1', supportRoutes(services, mailApiRoutes(services)))
  app.route('/mail', mailPageRoutes(services))
  const demoCallbacks: ReceivedCallback[] = []
  app.route(
    '/demo',
    demoRoutes(demoCallbacks, () => clock.now(), {
      secrets: deps.demo,
      baseUrl: () => config.publicBaseUrl,
      send: async (req) => app.fetch(req),
    }),
  )

  app.notFound(notFound(services))
  app.onError(onError(services.logger))

  return { app, services, seededApps, demoCallbacks, close }
}
