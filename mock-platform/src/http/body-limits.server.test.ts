// Body limits through a real listening server (issue 12): a 32 MB body to every surface answers 413 in that surface's
// error model before it is read, whether announced by Content-Length or streamed chunked, and the process does not grow.
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness } from '../../test/harness'

const MB = 1024 * 1024
const BIG = 32 * MB
const CHUNK = Buffer.alloc(64 * 1024, 0x20)

/** A full garbage collection before each reading, so that RSS shows what is retained, not garbage not yet collected. */
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const rssAfterGc = () => {
  gc()
  gc()
  return process.memoryUsage().rss
}

let h: Harness
let server: ReturnType<typeof serve>
let port: number

beforeAll(async () => {
  h = await harness()
  server = serve({ fetch: h.platform.app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await h.platform.close()
})

interface Answer {
  status: number
  type: string
  body: string
  /** Bytes the client had written when the answer arrived. */
  sentBeforeAnswer: number
}

/**
 * POSTs `size` bytes, with a Content-Length or chunked, writing one reused 64 KB buffer under backpressure (the client
 * holds no copy). It keeps sending after the answer, as a careless client would, so the server must discard the rest.
 */
function post(
  path: string,
  size: number,
  mode: 'length' | 'chunked',
  type = 'application/json',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answer: Answer | undefined
    let finished = false
    const done = () => answer && finished && resolve(answer)
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      // A connection per request: the server may close one whose body it refused.
      agent: false,
      headers: {
        'Content-Type': type,
        Origin: `http://127.0.0.1:${port}`,
        ...(mode === 'length' ? { 'Content-Length': String(size) } : {}),
      },
    })
    req.on('response', (res) => {
      const parts: Buffer[] = []
      res.on('data', (b: Buffer) => parts.push(b))
      res.on('end', () => {
        answer = {
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(parts).toString('utf8'),
          sentBeforeAnswer: sent,
        }
        done()
      })
    })
    // The server may close the connection once it has answered: what matters is the answer.
    req.on('error', (e) =>
      answer
        ? ((finished = true), done())
        : reject(new Error(`${path} (${mode}, ${sent} bytes sent): ${e.message}`)),
    )
    req.on('finish', () => ((finished = true), done()))
    req.on('close', () => ((finished = true), done()))
    const pump = () => {
      while (sent < size) {
        const n = Math.min(CHUNK.length, size - sent)
        sent += n
        if (!req.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

/** One path per surface; the platform answers its envelope, every other surface problem+json. */
const SURFACES: Array<{ surface: string; path: string; type?: string; platform?: boolean }> = [
  { surface: 'platform API', path: '/api/v1/security/getKey', platform: true },
  { surface: 'platform API (encrypted route)', path: '/api/v1/profiles', platform: true },
  { surface: 'sandbox API', path: '/sandbox/v1/residents' },
  { surface: 'sandbox API (sign-in, no session needed)', path: '/sandbox/v1/session' },
  { surface: 'support API', path: '/support/v1/enquiries/nope/notes' },
  { surface: 'virtual app (form post)', path: '/app/resident', type: 'application/x-www-form-urlencoded' },
  {
    surface: 'virtual app (multipart)',
    path: '/app/requests/nope/decision',
    type: 'multipart/form-data; boundary=x',
  },
  { surface: 'demo callback sink', path: '/demo/callback' },
  { surface: 'mail viewer', path: '/mail' },
  { surface: 'PKI (OCSP)', path: '/pki/ocsp', type: 'application/ocsp-request' },
  { surface: 'an unknown path of a surface', path: '/sandbox/v1/nowhere' },
]

function expect413(a: Answer, s: (typeof SURFACES)[number], mode: string): void {
  const what = `${s.surface} (${mode}): ${a.body.slice(0, 200)}`
  expect(a.status, what).toBe(413)
  const body = JSON.parse(a.body) as Record<string, unknown>
  if (s.platform) {
    expect(a.type, what).toMatch(/^application\/json/)
    expect(body, what).toMatchObject({ code: 'D20003', content: null })
  } else {
    expect(a.type, what).toMatch(/^application\/problem\+json/)
    expect(body, what).toMatchObject({ type: 'about:blank', title: 'Body too large', status: 413 })
    expect(body.detail, what).toMatch(/at most \d+ bytes/)
    expect(body.requestId, what).toMatch(/^[0-9a-f]{32}$/)
  }
}

describe('32 MB bodies through a listening server', () => {
  it('every surface answers 413 before reading the body, with Content-Length and chunked, and RSS stays flat', async () => {
    // Warm up every path once (code loaded, buffers allocated), so that what follows measures only the bodies.
    for (const s of SURFACES) {
      expect413(await post(s.path, MB, 'length', s.type), s, 'warm-up, length')
      expect413(await post(s.path, MB, 'chunked', s.type), s, 'warm-up, chunked')
    }
    const before = rssAfterGc()
    for (const s of SURFACES) {
      for (const mode of ['length', 'chunked'] as const) {
        const a = await post(s.path, BIG, mode, s.type)
        expect413(a, s, mode)
        // Answered long before the whole body was sent: it was refused, not read.
        expect(a.sentBeforeAnswer, `${s.surface} (${mode})`).toBeLessThan(BIG)
      }
    }
    const grown = rssAfterGc() - before
    // 22 bodies of 32 MB went through: buffering even one of them would add at least 32 MB.
    expect(grown, `RSS grew by ${(grown / MB).toFixed(1)} MB`).toBeLessThan(16 * MB)
    // The demo sink kept nothing of them.
    expect(h.platform.demoCallbacks).toEqual([])
  })

  it('support attachments keep their larger limit: 413 above it, and a body inside the default limit still works', async () => {
    const enquiries = await post('/support/v1/enquiries', BIG, 'length')
    expect413(enquiries, { surface: 'support attachments', path: '/support/v1/enquiries' }, 'length')
    expect(JSON.parse(enquiries.body).detail).not.toContain(`${64 * 1024} bytes`)
    // Just above the default limit is not refused for size on the attachments route (401: no session).
    const medium = await post('/support/v1/enquiries', 100 * 1024, 'chunked')
    expect(medium.status).toBe(401)
  })

  it('a body exactly at the limit passes to the route (which then judges it), one byte more is refused', async () => {
    const limit = h.platform.services.config.bodyLimitBytes
    expect((await post('/demo/callback', limit, 'length')).status).toBe(400) // spaces only: not JSON
    expect((await post('/demo/callback', limit + 1, 'length')).status).toBe(413)
    expect((await post('/demo/callback', limit, 'chunked')).status).toBe(400)
    expect((await post('/demo/callback', limit + 1, 'chunked')).status).toBe(413)
  })
})
