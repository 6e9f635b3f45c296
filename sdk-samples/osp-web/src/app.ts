/** createOspApp: the sample e-Service as a Hono app (never listens: server.ts does, tests call app.request). */
import { createIamSmartClient, type FetchLike, type IamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { Hono } from 'hono'
import { csrf } from 'hono/csrf'
import type { Ctx } from './context'
import { authRoutes } from './routes/auth'
import { callbackRoutes } from './routes/callback'
import { formRoutes } from './routes/form'
import { pageRoutes } from './routes/pages'
import { signingRoutes } from './routes/signing'
import { type OspEnv, type Session, sessionMiddleware } from './session'
import { OspStore } from './store'
import { recordingFetch } from './timeline'

export interface OspOptions {
  /** The sandbox (or ITE) root, e.g. http://127.0.0.1:8080. */
  iamsmartBaseUrl: string
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
  /** Where browsers reach this service, e.g. http://127.0.0.1:3000. */
  publicUrl: string
  sessionSecret: string
  /** How the client reaches iAM Smart (tests pass the in-process platform); the global fetch by default. */
  fetch?: FetchLike
  now?: () => number
}

export interface Osp {
  app: Hono<OspEnv>
  client: IamSmartClient
  store: OspStore
  sessions: Map<string, Session>
}

export function createOspApp(o: OspOptions): Osp {
  const store = new OspStore()
  const sessions = new Map<string, Session>()
  const client = createIamSmartClient({
    baseUrl: `${o.iamsmartBaseUrl}/api/v1`,
    clientID: o.clientID,
    clientSecret: o.clientSecret,
    kekPrivateKeys: [o.kekPrivateKeyPem],
    fetch: recordingFetch(store, o.fetch),
  })
  const x: Ctx = {
    client,
    store,
    sessions,
    callbackUrl: `${o.publicUrl}/callback`,
    iamsmartBaseUrl: o.iamsmartBaseUrl,
    now: o.now ?? Date.now,
  }
  const app = new Hono<OspEnv>()
  app.use('*', async (c, next) => {
    await next()
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    // The return URL carries a one-time code: never leak it in a Referer header.
    c.res.headers.set('Referrer-Policy', 'no-referrer')
  })
  // Server-to-server first: the platform's POST has no session and no browser origin.
  app.route('/', callbackRoutes(x))
  app.get('/healthz', (c) => c.json({ status: 'ok', accounts: store.accounts.size }))
  app.use('*', csrf({ origin: o.publicUrl }))
  app.use('*', sessionMiddleware(sessions, o.sessionSecret))
  app.route('/', pageRoutes(x))
  app.route('/', authRoutes(x))
  app.route('/', formRoutes(x))
  app.route('/', signingRoutes(x))
  app.get('/favicon.ico', (c) => c.body(null, 204))
  return { app, client, store, sessions }
}
