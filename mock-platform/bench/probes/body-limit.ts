/** Probe: server CPU per POST with and without hono's bodyLimit in front of c.req.text() (`tsx bench/probes/body-limit.ts`). */
import { CpuMeter } from '../lib/cpu-time'
import { HttpClient } from '../lib/http'
import { type ServerChild, startChild } from '../lib/processes'

// Both variants (servers/probe-app.ts) run in a child (servers/child.ts probe-body-limit / probe-plain), so the
// server's CPU is measured alone.
async function measure(kind: 'probe-body-limit' | 'probe-plain', n: number): Promise<number> {
  const child: ServerChild<{ port: number }> = await startChild(kind)
  const http = new HttpClient(child.info.port, 50)
  const body = JSON.stringify({ content: 'x'.repeat(300) })
  const headers = { 'Content-Type': 'application/json' }
  try {
    let i = 0
    const run = () =>
      Promise.all(
        Array.from({ length: 50 }, async () => {
          while (i++ < n) await http.send('POST', '/echo', headers, body)
        }),
      )
    await run() // warm-up
    i = 0
    const meter = new CpuMeter(child.pid)
    meter.start()
    await run()
    return meter.stop(n).serverUsPerOp
  } finally {
    http.close()
    await child.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 20_000)
  for (let round = 1; round <= 2; round++) {
    const plain = await measure('probe-plain', n)
    const limited = await measure('probe-body-limit', n)
    console.log(
      `round ${round}: c.req.text() alone ${plain.toFixed(0)} µs CPU/request; behind bodyLimit ${limited.toFixed(0)} µs ` +
        `(+${(limited - plain).toFixed(0)} µs)`,
    )
  }
}
