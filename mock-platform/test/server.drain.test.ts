// The real server's graceful stop under a keep-alive client (issue 14: rolling restarts behind a load balancer). A
// client that keeps one connection busy must be told to close it (`Connection: close` on the answers after SIGTERM):
// otherwise the connection never goes idle, the stop waits half its grace for it and then cuts it — with a request in
// flight whose answer is lost although the server processed it.
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { freePort, spawnServer, type Started, within } from './real-server'

let server: Started | undefined
let dataDir: string | undefined

afterAll(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGKILL')
    await within(server.exited, 5_000)
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

it('answers with Connection: close once stopping, so a busy keep-alive connection ends and the stop does not wait for it', async () => {
  const port = await freePort()
  dataDir = mkdtempSync(join(tmpdir(), 'sandbox-drain-'))
  server = spawnServer(dataDir, { PORT: String(port), SHUTDOWN_GRACE_MS: '20000' })
  const deadline = Date.now() + 30_000
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.stderr()}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`no /healthz within 30 s: ${server.stderr()}`)
    await new Promise((r) => setTimeout(r, 100))
  }

  // One kept-alive connection, as a load balancer's pool keeps it busy: each request's body arrives in two parts,
  // 200 ms apart, so that the signal finds a request in flight on it.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const body = JSON.stringify({ pad: 'x'.repeat(64) })
  const post = (onHalf: () => void) =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/security/getKey',
          agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }))
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, 10))
      onHalf()
      setTimeout(() => req.end(body.slice(10)), 200)
    })
  const answers: Array<string | undefined> = []
  let stoppedAt = 0
  let ended: string | undefined
  for (let i = 0; performance.now() - (stoppedAt || performance.now()) < 15_000; i++) {
    try {
      const a = await post(() => {
        if (i !== 3) return
        server!.child.kill('SIGTERM')
        stoppedAt = performance.now()
      })
      answers.push(a.connection)
    } catch (e) {
      ended = (e as NodeJS.ErrnoException).code
      break
    }
  }
  agent.destroy()
  const code = await within(server.exited, 20_000)
  const stopMs = performance.now() - stoppedAt

  expect(code).toBe(0)
  // The answers before the signal kept the connection; the one in flight then said close, and the next request
  // found no listener (it never reached the stopping server).
  expect(answers).toEqual(['keep-alive', 'keep-alive', 'keep-alive', 'close'])
  expect(ended).toBe('ECONNREFUSED')
  // Without the header the stop waited SHUTDOWN_GRACE_MS / 2 (10 s) for the busy connection, then cut it.
  expect(stopMs).toBeLessThan(5_000)
}, 60_000)
