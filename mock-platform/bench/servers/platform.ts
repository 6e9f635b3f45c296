/**
 * The mock platform as the bench serves it: createApp with silent logs, no practical rate or tenant limits, one app.
 * Memory storage; with BENCH_DATA_DIR (the soak), lowdb documents and the append-only logs on disk, as `npm start`;
 * with BENCH_DATABASE_URL (the hosted scenario), PostgreSQL, as SANDBOX_STORAGE=postgres — BENCH_CLIENT_ID and
 * BENCH_CLIENT_SECRET then name the one app every instance serves.
 */
import { createApp } from '../../src/app'
import { defaultConfig } from '../../src/config'
import { randomHex } from '../../src/ids'
import { createLogger } from '../../src/logger'
import { backendDeps } from '../../src/compose/backend-deps'
import { openBackends } from '../../src/store/backends'
import { type Listening, listen } from './listen'

/** The bench app's browser return URI. getQR answers a 302 to it; the bench never follows the redirect. */
export const BENCH_RETURN_URI = 'https://osp.bench.invalid/return'
export const BENCH_SCOPES = ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign']

export interface PlatformInfo {
  port: number
  clientID: string
  clientSecret: string
}

export async function startPlatform(kekPublicPem: string): Promise<PlatformInfo & Listening> {
  const dataDir = process.env.BENCH_DATA_DIR
  const databaseUrl = process.env.BENCH_DATABASE_URL
  const config = {
    ...defaultConfig,
    storage: databaseUrl ? ('postgres' as const) : dataDir ? ('lowdb' as const) : ('memory' as const),
    dataDir: dataDir ?? defaultConfig.dataDir,
    databaseUrl,
    instanceId: process.env.BENCH_INSTANCE_ID,
    residentCount: 200,
    logLevel: 'silent' as const,
    // One app carries the whole load here: the per-app and per-organisation bounds are set out of its way.
    rateLimitPerMinute: 1_000_000_000,
    orgRateLimitPerMinute: 1_000_000_000,
    noncesPerApp: 10_000_000,
    liveStatePerApp: 10_000_000,
    // The soak counts every record against what was acknowledged: nothing may leave by retention during it.
    recordsPerApp: 100_000_000,
    adminToken: randomHex(24),
  }
  const backends = await openBackends(config)
  const platform = await createApp(config, {
    logger: createLogger('silent'),
    ...backendDeps(backends, config),
    apps: [
      {
        name: 'Bench e-Service',
        clientID: process.env.BENCH_CLIENT_ID,
        clientSecret: process.env.BENCH_CLIENT_SECRET,
        redirectURIs: [BENCH_RETURN_URI],
        scopes: BENCH_SCOPES,
        kekPublicKeys: { A: kekPublicPem },
      },
    ],
  })
  const app = platform.seededApps[0]!
  // As in server.ts: pending tickets are timed out by a one-second sweep.
  const sweeper = setInterval(() => platform.services.tickets.sweep(), 1000)
  sweeper.unref()
  const server = await listen(platform.app.fetch)
  return {
    port: server.port,
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    async close() {
      clearInterval(sweeper)
      await server.close()
      await platform.close()
      await backends.close()
    },
  }
}
