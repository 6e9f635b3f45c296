/** The mock platform as the bench serves it: createApp with memory storage, silent logs, no practical rate limit, one app. */
import { createApp } from '../../src/app'
import { defaultConfig } from '../../src/config'
import { randomHex } from '../../src/ids'
import { createLogger } from '../../src/logger'
import { memoryStorage } from '../../src/store/memory'
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
  const config = {
    ...defaultConfig,
    storage: 'memory' as const,
    logLevel: 'silent' as const,
    rateLimitPerMinute: 1_000_000_000,
    adminToken: randomHex(24),
  }
  const platform = await createApp(config, {
    logger: createLogger('silent'),
    storage: memoryStorage(),
    apps: [
      {
        name: 'Bench e-Service',
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
    },
  }
}
