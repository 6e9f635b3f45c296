/** Probe: live heap retained per completed journey, in-process via app.request (`[PROBE_DATA_DIR=dir] node --expose-gc --import tsx bench/probes/retained-per-journey.ts [n]`). */
import { generateKeyPairSync } from 'node:crypto'
import { writeHeapSnapshot } from 'node:v8'
import { createApp } from '../../src/app'
import { defaultConfig } from '../../src/config'
import { createLogger } from '../../src/logger'
import { lowdbStorage } from '../../src/store/lowdb'
import { ReferenceClient } from '../../test/reference-client'
import { BENCH_RETURN_URI, BENCH_SCOPES } from '../servers/platform'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc --import tsx')

const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
// PROBE_DATA_DIR=<dir>: disk storage as `npm start` keeps it (the request log and the ledger in segment files).
const dataDir = process.env.PROBE_DATA_DIR
const platform = await createApp(
  {
    ...defaultConfig,
    storage: dataDir ? 'lowdb' : 'memory',
    dataDir: dataDir ?? defaultConfig.dataDir,
    logLevel: 'silent',
    rateLimitPerMinute: 1_000_000_000,
    orgRateLimitPerMinute: 1_000_000_000,
  },
  {
    logger: createLogger('silent'),
    ...(dataDir ? { storage: lowdbStorage(dataDir) } : {}),
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
  // Typed arrays (tokens, codes, nonces) live outside the JavaScript heap: count them too.
  const m = process.memoryUsage()
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024
}
for (let i = 0; i < 500; i++) await journey(i)
const before = heapMb()
const n = Number(process.argv[2] ?? 20_000)
for (let i = 0; i < n; i++) await journey(1000 + i)
const after = heapMb()
console.log(
  `${n} journeys: live heap + array buffers ${before.toFixed(1)} → ${after.toFixed(1)} MB after GC = ${(((after - before) * 1024 * 1024) / n).toFixed(0)} bytes retained per journey`,
)

// Attribution: empty each short-lived structure in turn and see how much heap it held (private fields, probe only).
type Ttl = { entries: Map<string, unknown>; slots: Map<string, unknown> }
const s = platform.services as unknown as {
  tickets: { tickets: Ttl; decidedLogins: Ttl; decidedTasks: Ttl }
  tokens: { tokens: { tables: { clear(): void } }; redeemed: { tables: { clear(): void } }; codes: Ttl }
  signed: { replay: { nonces: { clear(): void } } }
  consents: {
    recent: Map<string, unknown>
    byResident: Map<string, unknown>
    byBusiness: Map<string, unknown>
  }
}
const ttl = (m: Ttl) => () => {
  m.entries.clear()
  m.slots.clear()
}
const steps: Array<[string, () => void]> = [
  [
    'pending and decided tickets',
    () => [s.tickets.tickets, s.tickets.decidedLogins, s.tickets.decidedTasks].forEach((m) => ttl(m)()),
  ],
  ['access tokens (600 s + 60 s)', () => s.tokens.tokens.tables.clear()],
  ['redeemed codes (180 s)', () => s.tokens.redeemed.tables.clear()],
  ['auth codes (taken on redeem)', ttl(s.tokens.codes)],
  ['request nonces (until ts + 300 s)', () => s.signed.replay.nonces.clear()],
  [
    'recent consents index (capped 20 000)',
    () => [s.consents.recent, s.consents.byResident, s.consents.byBusiness].forEach((m) => m.clear()),
  ],
]
let last = after
for (const [label, clear] of steps) {
  clear()
  const now = heapMb()
  console.log(
    `  ${label.padEnd(40)} ${(((last - now) * 1024 * 1024) / n).toFixed(0).padStart(5)} bytes per journey`,
  )
  last = now
}
console.log(
  `  everything else (in memory mode: the request log and ledger's memory engines): ${(((last - before) * 1024 * 1024) / n).toFixed(0)} bytes per journey`,
)
// PROBE_SNAPSHOT=<file>: a heap snapshot of what is left, for a retainer search (Chrome DevTools, Memory tab).
if (process.env.PROBE_SNAPSHOT) {
  gc()
  writeHeapSnapshot(process.env.PROBE_SNAPSHOT)
}
await platform.close()
