/** Probe: live heap retained per completed journey, in-process via app.request (`node --expose-gc --import tsx bench/probes/retained-per-journey.ts`). */
import { generateKeyPairSync } from 'node:crypto'
import { createApp } from '../../src/app'
import { defaultConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { ReferenceClient } from '../../test/reference-client'
import { BENCH_RETURN_URI, BENCH_SCOPES } from '../servers/platform'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc --import tsx')

const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
const platform = await createApp(
  { ...defaultConfig, storage: 'memory', logLevel: 'silent', rateLimitPerMinute: 1_000_000_000 },
  {
    logger: createLogger('silent'),
    apps: [
      {
        name: 'Probe',
        redirectURIs: [BENCH_RETURN_URI],
        scopes: BENCH_SCOPES,
        kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
      },
    ],
  },
)
const app = platform.seededApps[0]!
const request = (path: string, init?: RequestInit) => Promise.resolve(platform.app.request(path, init))
const client = new ReferenceClient({
  baseUrl: '/api/v1',
  clientID: app.clientID,
  clientSecret: app.clientSecret,
  privateKey: kek.privateKey,
  fetch: request,
})
await client.getKey()

async function journey(i: number): Promise<void> {
  const q = new URLSearchParams({
    clientID: app.clientID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: BENCH_RETURN_URI,
    scope: 'eidapi_auth eidapi_profiles',
    state: `s${i}`,
    lang: 'en-US',
  })
  const res = await request(`/api/v1/auth/getQR?${q}`, {
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  const code = new URL(res.headers.get('Location')!).searchParams.get('code')
  const t = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
    code,
    grantType: 'authorization_code',
  })
  const p = await client.call('/profiles', {
    accessToken: t.content!.accessToken,
    openID: t.content!.openID,
    profileFields: ['enName'],
  })
  if (p.code !== 'D00000') throw new Error(p.code)
}

const heapMb = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}
for (let i = 0; i < 500; i++) await journey(i)
const before = heapMb()
const n = Number(process.argv[2] ?? 20_000)
for (let i = 0; i < n; i++) await journey(1000 + i)
const after = heapMb()
console.log(
  `${n} journeys: live heap ${before.toFixed(1)} → ${after.toFixed(1)} MB after GC = ${(((after - before) * 1024 * 1024) / n).toFixed(0)} bytes retained per journey`,
)

// Attribution: empty each short-lived map in turn and see how much heap it held (private fields, read for the probe only).
type Sized = { size?: number; entries: Map<string, unknown>; slots?: Map<string, unknown>; seen?: unknown }
const s = platform.services as unknown as Record<string, Record<string, unknown>>
const replay = (s.signed!.replay as { apps?: Map<string, unknown>; seen?: Sized }) ?? {}
const maps: Array<[string, Sized | undefined]> = [
  ['tickets', s.tickets!.tickets as Sized],
  ['QR tokens', s.tickets!.qrTokens as Sized],
  ['access tokens', s.tokens!.tokens as Sized],
  ['redeemed codes', s.tokens!.redeemed as Sized],
  ['auth codes', s.tokens!.codes as Sized],
  [
    'request nonces',
    (replay.seen as Sized | undefined) ??
      ({ entries: (replay as { apps?: Map<string, unknown> }).apps ?? new Map() } as Sized),
  ],
]
let last = after
for (const [label, m] of maps) {
  if (!m) continue
  const entries = m.entries.size
  m.entries.clear()
  m.slots?.clear()
  const now = heapMb()
  console.log(
    `  ${label.padEnd(44)} ${String(entries).padStart(7)} entries, ${(((last - now) * 1024 * 1024) / n).toFixed(0).padStart(5)} bytes per journey`,
  )
  last = now
}
console.log(`  everything else: ${(((last - before) * 1024 * 1024) / n).toFixed(0)} bytes per journey`)
await platform.close()
