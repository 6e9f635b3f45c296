/**
 * Probe: the SQL statements one journey (getQR → getToken → /profiles) costs in hosted mode, by kind.
 * `PROBE_DATABASE_URL=postgres://… node --import tsx mock-platform/bench/probes/hosted-queries.ts` (a superuser URL:
 * a scratch database is created and dropped).
 */
import pg from 'pg'
import { harness } from '../../test/harness'
import { backendDeps } from '../../src/compose/backend-deps'
import { openBackends } from '../../src/store/backends'
import { createTestDatabase } from '../../src/store/postgres/test-database'
import { defaultConfig } from '../../src/config'

const url = process.env.PROBE_DATABASE_URL
if (!url) throw new Error('PROBE_DATABASE_URL is not set')
const db = await createTestDatabase(url)
const counts = new Map<string, number>()
const original = pg.Pool.prototype.query
let counting = false
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  if (counting) {
    const text = String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text)
    const k = text.replace(/\s+/g, ' ').trim().slice(0, 60)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return (original as (...a: unknown[]) => unknown).apply(this, args)
} as typeof original
const config = { ...defaultConfig, storage: 'postgres' as const, databaseUrl: db.url, residentCount: 5 }
const backends = await openBackends(config)
const h = await harness({
  config,
  deps: {
    ...backendDeps(backends, config),
  },
})
await h.client.getKey()
await h.token()
const n = Number(process.env.PROBE_JOURNEYS ?? 20)
counting = true
const c0 = process.cpuUsage()
const t0 = performance.now()
const journey = async () => {
  const t = await h.token({ scope: 'eidapi_auth eidapi_profiles' })
  const r = await h.client.call('/profiles', {
    accessToken: t.accessToken,
    openID: t.openID,
    profileFields: ['enName'],
  })
  if (r.code !== 'D00000') throw new Error(r.code)
}
const inFlight = 10
for (let i = 0; i < n; i += inFlight)
  await Promise.all(Array.from({ length: Math.min(inFlight, n - i) }, journey))
await h.platform.services.inspector.settle()
counting = false
const cpu = process.cpuUsage(c0)
console.log(
  `${n} journeys, ${inFlight} in flight: ${Math.round((cpu.user + cpu.system) / n)} µs CPU per journey in this process ` +
    `(client and server together), ${Math.round(((performance.now() - t0) / n) * 1000) / 1000} ms wall each`,
)
const total = [...counts.values()].reduce((a, b) => a + b, 0)
console.log(
  `${(total / n).toFixed(1)} statements per journey (pool.query; transactions count their statements)`,
)
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
  console.log(`${(v / n).toFixed(2).padStart(6)}  ${k}`)
await h.platform.close()
await backends.close()
await db.drop()
process.exit(0)
