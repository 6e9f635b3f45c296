// Body parsing (http/body.ts): JSON and forms answer 400/415 problem+json, never 500; nesting depth is bounded on every
// surface, the platform's decrypted content included, and a too-deep platform call is still in the request inspector.
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness } from '../../test/harness'
import { aesEncrypt, signatureHeader } from '../../test/reference-client'
import { ProblemError } from '../errors'
import { type Browser, signUp } from '../../test/session.fixtures'
import { staff } from '../features/support/support.fixtures'
import { MAX_JSON_DEPTH, nestedTooDeep, readForm, readJson } from './body'

const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
const deepObject = (n: number) => `${'{"a":'.repeat(n)}null${'}'.repeat(n)}`

/** A tiny app answering what readJson / readForm returned, with app.ts's mapping of ProblemError. */
function echo() {
  const app = new Hono()
  app.post('/json', async (c) => c.json({ body: await readJson(c) }))
  app.post('/form', async (c) => c.json({ body: await readForm(c) }))
  app.post('/form-all', async (c) => c.json({ body: await readForm(c, { all: true }) }))
  app.onError((e, c) =>
    e instanceof ProblemError
      ? c.json({ title: e.title, status: e.status, detail: e.detail }, e.status)
      : c.json({ error: String(e) }, 500),
  )
  return (path: string, body: BodyInit | undefined, type?: string) =>
    Promise.resolve(
      app.request(path, { method: 'POST', body, headers: type ? { 'content-type': type } : {} }),
    )
}

describe('nestedTooDeep', () => {
  it(`allows ${MAX_JSON_DEPTH} levels, refuses ${MAX_JSON_DEPTH + 1}, and walks 10,000 levels without recursion`, () => {
    expect(nestedTooDeep(JSON.parse(deepArray(MAX_JSON_DEPTH)))).toBe(false)
    expect(nestedTooDeep(JSON.parse(deepArray(MAX_JSON_DEPTH + 1)))).toBe(true)
    expect(nestedTooDeep(JSON.parse(deepObject(MAX_JSON_DEPTH)))).toBe(false)
    expect(nestedTooDeep(JSON.parse(deepObject(MAX_JSON_DEPTH + 1)))).toBe(true)
    expect(nestedTooDeep(JSON.parse(deepArray(10_000)))).toBe(true)
    expect(nestedTooDeep(JSON.parse(deepObject(10_000)))).toBe(true)
    expect(nestedTooDeep(JSON.parse(deepArray(1_000_000)))).toBe(true)
    expect([null, 0, 'x', true, {}, [], { a: [1, { b: 2 }] }].map((v) => nestedTooDeep(v))).toEqual(
      Array(7).fill(false),
    )
    // Wide is not deep.
    expect(nestedTooDeep(Array.from({ length: 50_000 }, () => ({ a: [1] })))).toBe(false)
  })
})

describe('readJson', () => {
  const send = echo()
  it('parses application/json (any charset parameter, any case)', async () => {
    const res = await send('/json', '{"a":[1,2]}', 'Application/JSON; charset=utf-8')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ body: { a: [1, 2] } })
  })

  it.each([
    ['malformed', '{"a":', 'application/json', 400, /not valid JSON \(.+\)/],
    ['empty', '', 'application/json', 400, /empty/],
    ['10,000-deep array', deepArray(10_000), 'application/json', 400, /at most 64 levels/],
    ['10,000-deep object', deepObject(10_000), 'application/json', 400, /at most 64 levels/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'application/json', 400, /UTF-8/],
    ['text/plain', '{}', 'text/plain', 415, /application\/json/],
    ['no content type', '{}', undefined, 415, /application\/json/],
    ['application/jsonx', '{}', 'application/jsonx', 415, /application\/json/],
    ['a form', 'a=1', 'application/x-www-form-urlencoded', 415, /application\/json/],
  ] as const)('%s → 400/415 with a helpful detail', async (_, body, type, status, detail) => {
    const res = await send('/json', body as BodyInit, type)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { detail: string }).detail).toMatch(detail)
  })
})

describe('readForm', () => {
  const send = echo()
  it('urlencoded and multipart forms parse as hono parseBody does (repeated fields with all)', async () => {
    const form = new FormData()
    form.append('residentId', 'magic-approve')
    form.append('fields', 'enName')
    form.append('fields', 'birthDate')
    expect(await (await send('/form-all', form)).json()).toEqual({
      body: { residentId: 'magic-approve', fields: ['enName', 'birthDate'] },
    })
    const urlencoded = await send(
      '/form',
      'next=%2Fapp&residentId=a+b%20c',
      'application/x-www-form-urlencoded',
    )
    expect(await urlencoded.json()).toEqual({ body: { next: '/app', residentId: 'a b c' } })
    // No body and no content type: an empty form (a button with no fields).
    expect(await (await send('/form', undefined)).json()).toEqual({ body: {} })
  })

  it.each([
    ['multipart without a boundary', '--x\r\n', 'multipart/form-data', 400, /boundary/],
    ['multipart with no parts', 'garbage', 'multipart/form-data; boundary=x', 400, /multipart/],
    [
      'an unterminated multipart part',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue',
      'multipart/form-data; boundary=x',
      400,
      /multipart/,
    ],
    ['a bad percent-escape', 'residentId=%zz', 'application/x-www-form-urlencoded', 400, /percent-escape/],
    ['a truncated escape', 'a=%E0%A4%A', 'application/x-www-form-urlencoded', 400, /percent-escape/],
    [
      'raw invalid UTF-8',
      new Uint8Array([0x61, 0x3d, 0xff]),
      'application/x-www-form-urlencoded',
      400,
      /UTF-8/,
    ],
    ['JSON', '{"residentId":"x"}', 'application/json', 415, /x-www-form-urlencoded/],
    ['text with no content type', 'residentId=x', undefined, 415, /x-www-form-urlencoded/],
  ] as const)('%s → 400/415', async (_, body, type, status, detail) => {
    const res = await send('/form', body as BodyInit, type)
    expect(res.status).toBe(status)
    expect(((await res.json()) as { detail: string }).detail).toMatch(detail)
  })
})

// ---------- every route of the app ----------

let h: Harness
let dev: Browser
let lead: Browser
let ids: Record<string, string>

beforeAll(async () => {
  // 256 KB: room for 10,000-deep objects once encrypted (the limits themselves: body-limits.server.test.ts).
  h = await harness({ config: { rateLimitPerMinute: 100_000_000, bodyLimitBytes: 256 * 1024 } })
  dev = await signUp(h, 'dev@body.example', { orgName: 'Body Org' })
  lead = await staff(h, 'lead@body.example', 'lead')
  const app = await dev.json('/sandbox/v1/apps', 'POST', { name: 'Body e-Service' })
  const enquiry = await dev.json('/support/v1/enquiries', 'POST', {
    category: 'keys',
    subject: 'Body limits',
    description: 'A question about body limits.',
  })
  const q = new URLSearchParams({
    clientID: h.clientID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: 'https://osp.example/return',
    scope: 'eidapi_auth',
    state: 's',
  })
  expect((await h.request(`/api/v1/auth/getQR?${q}`)).status).toBe(200)
  const ticketID = h.platform.services.tickets.pending().at(-1)!.ticketID
  const resident = (await h.platform.services.residents.list())[0]!.id
  ids = {
    clientID: app.clientID,
    id: resident,
    ticketID,
    enquiryId: enquiry.id ?? enquiry.reference ?? 'none',
    orgId: dev.orgId ?? 'none',
  }
})

afterAll(() => h.platform.close())

/** Every route that may take a body, outside the platform API (which has its own envelope tests). */
function bodyRoutes(): Array<{ method: string; path: string }> {
  const seen = new Map<string, { method: string; path: string }>()
  for (const r of h.platform.app.routes) {
    if (['GET', 'HEAD', 'ALL', 'OPTIONS'].includes(r.method) || r.path.startsWith('/api/v1')) continue
    const path = r.path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `zz-${name}`)
    seen.set(`${r.method} ${path}`, { method: r.method, path })
  }
  return [...seen.values()]
}

/** Routes whose answer does not depend on any body (they read none): a malformed body is ignored, never a 5xx. */
const NO_BODY = new RegExp(
  [
    'DELETE .*',
    'POST /sandbox/v1/residents/reset',
    'POST /sandbox/v1/residents/[^/]+/reset',
    'POST /sandbox/v1/apps/[^/]+/secret',
    'POST /sandbox/v1/apps/[^/]+/scenarios/expire-cek',
    'POST /support/v1/enquiries/[^/]+/(resolve|close|reopen)',
  ]
    .map((r) => `^${r}$`)
    .join('|'),
)

const MALFORMED: Array<[string, BodyInit, string | undefined]> = [
  ['malformed JSON', '{"a": [1, }', 'application/json'],
  ['10,000-deep array', deepArray(10_000), 'application/json'],
  ['10,000-deep object', deepObject(10_000), 'application/json'],
  [
    'multipart without boundary',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
    'multipart/form-data',
  ],
  [
    'broken multipart',
    '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
    'multipart/form-data; boundary=x',
  ],
  ['malformed urlencoded', 'residentId=%zz&decision=%', 'application/x-www-form-urlencoded'],
  ['text/plain', 'hello', 'text/plain'],
  ['no content type', 'hello', undefined],
  ['XML', '<a/>', 'application/xml'],
]

describe('malformed bodies on every route of every surface → 4xx, never 5xx', () => {
  it('finds the routes of the sandbox, support, virtual app, demo and PKI surfaces', () => {
    const paths = bodyRoutes().map((r) => `${r.method} ${r.path}`)
    for (const p of [
      'POST /app/resident',
      'POST /demo/callback',
      'POST /sandbox/v1/residents',
      'POST /support/v1/enquiries',
    ])
      expect(paths).toContain(p)
    expect(paths.some((p) => p.startsWith('POST /app/requests/'))).toBe(true)
    expect(paths.length).toBeGreaterThan(40)
  })

  it.each(MALFORMED)('%s', async (_, body, type) => {
    const creds: Array<Record<string, string>> = [
      { Authorization: `Bearer ${h.adminToken}` },
      { Cookie: dev.cookie, 'X-CSRF-Token': dev.csrfToken },
      { Cookie: lead.cookie, 'X-CSRF-Token': lead.csrfToken },
      {},
    ]
    const answers: string[] = []
    const accepted: string[] = []
    for (const { method, path } of bodyRoutes()) {
      // Signing out would end the sessions the next routes use.
      if (method === 'DELETE' && path === '/sandbox/v1/session') continue
      for (const cred of creds) {
        const res = await h.request(path, {
          method,
          body,
          headers: { Origin: 'http://localhost', ...cred, ...(type ? { 'Content-Type': type } : {}) },
        })
        const text = await res.text()
        const line = `${method} ${path} [${Object.keys(cred).join('+') || 'anonymous'}] → ${res.status}`
        expect(res.status, `${line}: ${text.slice(0, 200)}`).toBeLessThan(500)
        if (!NO_BODY.test(`${method} ${path}`) && res.status < 400) accepted.push(line)
        if (res.headers.get('content-type')?.startsWith('application/problem+json')) {
          const p = JSON.parse(text) as Record<string, unknown>
          expect(p).toMatchObject({ type: 'about:blank', status: res.status })
          expect(p.requestId).toMatch(/^[0-9a-f]{32}$/)
        }
        answers.push(line)
      }
    }
    expect(accepted).toEqual([])
    // The parsers themselves were reached (not only access checks): 400 or 415 on the body-reading routes.
    const parsed = answers.filter((a) => / → (400|415)$/.test(a))
    expect(parsed.length).toBeGreaterThan(20)
  })

  it('a malformed multipart body to the virtual app answers 400 (was 500: "Failed to parse body as FormData")', async () => {
    for (const path of ['/app/resident', `/app/requests/${ids.ticketID}/decision`]) {
      const res = await h.request(path, {
        method: 'POST',
        headers: { Origin: 'http://localhost', 'Content-Type': 'multipart/form-data; boundary=zz' },
        body: 'not multipart at all',
      })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { title: string }).title).toBe('Malformed form')
    }
  })

  it('the demo callback sink takes JSON only and keeps at most 100 bodies', async () => {
    const before = h.platform.demoCallbacks.length
    const bad = await h.request('/demo/callback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: deepArray(10_000),
    })
    expect(bad.status).toBe(400)
    expect(h.platform.demoCallbacks.length).toBe(before)
    for (let i = 0; i < 120; i++)
      await h.request('/demo/callback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"i":${i}}`,
      })
    expect(h.platform.demoCallbacks.length).toBe(100)
    expect(h.platform.demoCallbacks.at(-1)!.body).toEqual({ i: 119 })
  })
})

describe('nesting depth on the platform API (D20003) and in the request inspector', () => {
  const post = async (route: string, body: string, secret = h.clientSecret) => {
    const timestamp = String(h.clock.now())
    const nonce = crypto.randomUUID().replace(/-/g, '')
    const res = await h.request(`/api/v1${route}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        clientID: h.clientID,
        signatureMethod: 'HmacSHA256',
        timestamp,
        nonce,
        signature: signatureHeader(h.clientID, secret, timestamp, nonce, body),
      },
      body,
    })
    return { res, env: (await res.json()) as { code: string; txID: string } }
  }

  it('a 10,000-deep body, or 10,000-deep decrypted content, answers D20003; every call is recorded with its reason', async () => {
    await h.client.getKey()
    const cek = h.client.cek!
    const calls = [
      await post('/security/getKey', deepObject(10_000)),
      await post('/security/getKey', `{"a":${deepArray(10_000)}}`),
      await post(
        '/auth/getToken',
        JSON.stringify({ content: aesEncrypt(cek, `{"code":${deepArray(10_000)}}`) }),
      ),
      await post('/profiles', JSON.stringify({ content: aesEncrypt(cek, deepObject(10_000)) })),
    ]
    for (const { res, env } of calls) {
      expect(res.status).toBe(200)
      expect(env.code).toBe('D20003')
    }
    // A bad signature over a deep body: the inspector's diagnosis (which re-serialises bodies) must not overflow.
    const forged = await post('/security/getKey', deepArray(10_000), 'not-the-secret')
    expect(forged.env.code).toBe('D20006')
    // Exactly 64 levels are still fine.
    const ok = await post('/profiles', JSON.stringify({ content: aesEncrypt(cek, `{"x":${deepArray(63)}}`) }))
    expect(ok.env.code).not.toBe('D20003')

    await h.platform.services.inspector.settle()
    const items = await h.platform.services.inspector.list(h.clientID)
    for (const { env } of [...calls, forged]) {
      const item = items.find((i) => i.txID === env.txID)
      expect(item, env.txID).toBeDefined()
      expect(item!.code).toBe(env.code)
    }
    const detail = (txID: string) => (items.find((i) => i.txID === txID) as { detail?: string }).detail
    expect(detail(calls[0]!.env.txID)).toMatch(/nests deeper than 64 levels/)
    expect(detail(calls[2]!.env.txID)).toMatch(/decrypted content nests deeper than 64 levels/)
  })
})
