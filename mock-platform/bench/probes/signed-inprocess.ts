/**
 * Probe: server CPU of the signed + encrypted /profiles call in process (no HTTP), with the work split by step.
 * `node --import tsx mock-platform/bench/probes/signed-inprocess.ts [calls]` (add --cpu-prof for a profile).
 */
import { harness } from '../../test/harness'
import { aesEncrypt, signatureHeader } from '../../test/reference-client'

const n = Number(process.argv[2] ?? 20_000)
const h = await harness({
  config: { rateLimitPerMinute: 1e9, orgRateLimitPerMinute: 1e9, noncesPerApp: 1e7 },
})
const t = await h.token({ scope: 'eidapi_auth eidapi_profiles' })
await h.client.getKey()
const content = JSON.stringify({
  accessToken: t.accessToken,
  openID: t.openID,
  profileFields: ['enName', 'gender'],
})
const sign = (i: number) => {
  const body = JSON.stringify({ content: aesEncrypt(h.client.cek!, content) })
  const timestamp = String(h.clock.now())
  const nonce = `n${i}-${Math.random().toString(36).slice(2)}`
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      clientID: h.clientID,
      signatureMethod: 'HmacSHA256',
      timestamp,
      nonce,
      signature: signatureHeader(h.clientID, h.clientSecret, timestamp, nonce, body),
    },
    body,
  }
}
const run = async (count: number) => {
  const reqs = Array.from({ length: count }, (_, i) => sign(i))
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  for (let i = 0; i < count; i += 50) {
    const batch = reqs.slice(i, i + 50).map((r) => h.request('/api/v1/profiles', r).then((x) => x.text()))
    const out = await Promise.all(batch)
    if (!out[0]!.includes('"D00000"')) throw new Error(out[0])
  }
  await h.platform.services.inspector.settle()
  const cpu = process.cpuUsage(c0)
  return { usPerCall: (cpu.user + cpu.system) / count, ms: performance.now() - t0 }
}
await run(2_000)
const r = await run(n)
console.log(`${n} calls in process: ${r.usPerCall.toFixed(1)} µs CPU per call (${Math.round(r.ms)} ms)`)
process.exit(0)
