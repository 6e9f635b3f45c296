/**
 * `createIamSmartHandlers`: MSW request handlers that run the whole sandbox in-process (the same createApp, memory
 * storage), so an OSP's backend tests need no server. Mount it at the sandbox URL or at the real ITE host.
 */
import { http, type HttpHandler } from 'msw'
import { createApp, type Platform } from '../app'
import type { Clock } from '../clock'
import { type Config, defaultConfig } from '../config'
import {
  type NewApp,
  type RegisteredApp,
  COMPATIBILITY_PROFILES,
  type CompatibilityProfile,
} from '../features/apps'
import type { InspectedItem, InspectorFilter } from '../features/inspector'
import type { AutopilotSetting } from '../features/sandbox'
import type { NewScenario, Scenario } from '../features/scenarios'
import type { Decision, Ticket } from '../features/tickets'
import { randomHex } from '../ids'
import { createLogger } from '../logger'
import type { Resident } from '../personas/resident.types'
import { memoryStorage } from '../store/memory'

export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080'

/**
 * Matrix mode: every compatibility profile, the default (`evidence`) first. Run your suite once per profile
 * (`describe.each(COMPATIBILITY_PROFILES)` with `createIamSmartHandlers({ compatibilityProfile })`) to learn whether
 * your code depends on a detail the public sources disagree on; a profile that fails names that detail.
 */
export { COMPATIBILITY_PROFILES, type CompatibilityProfile }

export interface IamSmartHandlersOptions {
  /**
   * Where the sandbox answers: every request under `${baseUrl}/…` (the platform API at `/api/v1`, the sandbox API at
   * `/sandbox/v1`, the virtual app at `/app`) reaches it. Default `http://127.0.0.1:8080`. A trailing `/api/v1` is
   * ignored, so pass the same base URL your OSP client uses — even `https://apigw-isit.staging-eid.gov.hk/api/v1`.
   */
  baseUrl?: string | string[]
  /** Apps to register: give clientID, clientSecret and the KEK public key your code uses (PEM, certificate or SPKI). */
  apps?: NewApp[]
  /** Synthetic residents instead of the seeded ones (the magic residents are always useful: see the persona table). */
  residents?: Resident[] | (() => Resident[])
  /**
   * How every registered app's logins and tasks are decided without a browser (default: `magic-approve` approves at
   * once). `false` leaves them pending: decide with `sandbox.decide(ticketID, …)`.
   */
  autopilot?: Partial<AutopilotSetting> | false
  /** Configuration overrides (TTLs, rate limits, …); storage is always memory. */
  config?: Partial<Config>
  /** The platform clock (default the system clock). */
  clock?: Clock
  /** fetch for callbacks to your redirectURI (default: the global fetch, so your own MSW handlers receive them). */
  fetch?: typeof fetch
  /**
   * The compatibility profile of every app in `apps` that does not name its own (default `evidence`, the strongest
   * public evidence). See COMPATIBILITY_PROFILES for matrix mode.
   */
  compatibilityProfile?: CompatibilityProfile
}

export interface IamSmartMsw {
  /** Pass to `setupServer(...handlers)` (msw/node) or `setupWorker`. */
  handlers: HttpHandler[]
  /** The in-process platform: services, the Hono app, `close()`. */
  platform: Platform
  /** The apps registered from `options.apps`, with their client secrets. */
  apps: RegisteredApp[]
  /** Bearer token for the sandbox API (`/sandbox/v1`), if your test calls it over HTTP. */
  adminToken: string
  sandbox: SandboxControls
}

/** Headless control of the in-process sandbox, without HTTP. */
export interface SandboxControls {
  /** Sets (or with null, clears) how an app's new logins and tasks are decided (resolves once checked and set). */
  autopilot(clientID: string, setting: Partial<AutopilotSetting> | null): Promise<void>
  /** Pending tickets (logins and tasks waiting for a resident), optionally of one app. */
  pending(clientID?: string): Ticket[]
  /** Decides a pending ticket as a resident would in the virtual app. */
  decide(ticketID: string, decision: Decision, residentId?: string): Promise<Ticket>
  /** The request inspector's records of an app, newest first (secrets masked, failures diagnosed). */
  requests(clientID: string, filter?: InspectorFilter): Promise<InspectedItem[]>
  /** Queues a forced outcome (D-code, delay or callback fault) for the app's next calls of an operation. */
  scenario(clientID: string, scenario: NewScenario): Scenario
  /** Switches an app's compatibility profile (callbacks already queued keep their layout). */
  profile(clientID: string, profile: CompatibilityProfile): Promise<void>
  /**
   * Moves the app's test clock forward: its CEKs, codes, tokens and tasks come `ms` closer to expiry at once; resolves
   * once its stored consents have moved too.
   */
  advanceClock(clientID: string, ms: number): Promise<void>
  /** Waits until queued callbacks are delivered and the inspector has recorded everything. */
  settle(): Promise<void>
}

/** Builds the platform (async: residents, keys) and the handlers forwarding to it. */
export async function createIamSmartHandlers(options: IamSmartHandlersOptions = {}): Promise<IamSmartMsw> {
  const bases = mountPoints(options.baseUrl ?? DEFAULT_BASE_URL)
  const adminToken = options.config?.adminToken ?? randomHex(24)
  const config: Config = {
    ...defaultConfig,
    publicBaseUrl: bases[0]!,
    logLevel: 'silent',
    ...options.config,
    storage: 'memory',
    adminToken,
  }
  const platform = await createApp(config, {
    clock: options.clock,
    logger: createLogger(config.logLevel),
    storage: memoryStorage(),
    apps: options.apps?.map((a) => ({
      ...a,
      compatibilityProfile: a.compatibilityProfile ?? options.compatibilityProfile,
    })),
    residents: typeof options.residents === 'function' ? options.residents : residentsOf(options.residents),
    // The global fetch at call time (MSW patches it), not the platform's pinned node:http delivery.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    inspector: { log: null },
  })
  const s = platform.services
  /** Another organisation's private resident is unknown to an app (shared ones and its organisation's own are not). */
  const usable = async (clientID: string | undefined, residentId: string): Promise<string> => {
    const app = clientID === undefined ? undefined : await s.apps.get(clientID)
    if ((await s.residents.get(residentId)) && !(await s.residents.usableBy(residentId, app)))
      throw new Error(`Unknown resident "${residentId}"`)
    return residentId
  }
  /** In force at once (the next login is decided by it); undone, and rejected, when the resident is unknown. */
  const autopilot = (clientID: string, setting: Partial<AutopilotSetting> | null | false): Promise<void> => {
    const full = setting
      ? { residentId: 'magic-approve', decision: 'approve' as const, delayMs: 0, ...setting }
      : undefined
    const before = s.autopilot.get(clientID)
    s.autopilot.set(clientID, full)
    if (!full) return Promise.resolve()
    return usable(clientID, full.residentId).then(
      () => {},
      (e: unknown) => {
        if (s.autopilot.get(clientID) === full) s.autopilot.set(clientID, before)
        throw e
      },
    )
  }
  if (options.autopilot !== false)
    for (const a of platform.seededApps) await autopilot(a.clientID, options.autopilot ?? {})

  const handlers = bases.map((base) =>
    http.all(`${base}/*`, async ({ request }) => platform.app.fetch(await rebase(request, base))),
  )
  return {
    handlers,
    platform,
    apps: platform.seededApps,
    adminToken,
    sandbox: {
      autopilot,
      pending: (clientID) => s.tickets.pending((t) => clientID === undefined || t.clientID === clientID),
      decide: async (ticketID, decision, residentId = 'magic-approve') =>
        s.tickets.decide(ticketID, decision, await usable(s.tickets.get(ticketID)?.clientID, residentId)),
      requests: (clientID, filter) => s.inspector.list(clientID, filter),
      scenario: (clientID, scenario) => s.scenarios.add(clientID, scenario),
      profile: async (clientID, profile) => {
        const app = await s.apps.get(clientID)
        if (!app) throw new Error(`Unknown app "${clientID}"`)
        if (!COMPATIBILITY_PROFILES.includes(profile)) throw new Error(`Unknown profile "${profile}"`)
        await s.apps.replace({ ...app, compatibilityProfile: profile })
      },
      advanceClock: (clientID, ms) => s.appClock.advance(clientID, ms).then(() => {}),
      settle: async () => {
        await s.outbox.drain()
        await s.inspector.settle()
      },
    },
  }
}

/** Origins + path prefixes without a trailing slash or `/api/v1`. */
export function mountPoints(baseUrl: string | string[]): string[] {
  return (Array.isArray(baseUrl) ? baseUrl : [baseUrl]).map((b) => {
    const u = new URL(b)
    return `${u.origin}${u.pathname.replace(/\/+$/, '').replace(/\/api\/v1$/, '')}`
  })
}

/** The request as the platform app sees it: the path below the mount point, the same method, headers and body. */
async function rebase(request: Request, base: string): Promise<Request> {
  const url = new URL(request.url)
  const prefix = new URL(base).pathname
  const path = url.pathname.slice(prefix === '/' ? 0 : prefix.length) || '/'
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
  return new Request(`${new URL(base).origin}${path}${url.search}`, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
  })
}

function residentsOf(list: Resident[] | undefined): (() => Resident[]) | undefined {
  return list ? () => list : undefined
}
