// Fuzzing every platform route (security checklist G #40–#43, C #23/#25, design §5 statuses): malformed headers,
// bodies and decrypted envelopes never produce a 5xx and always answer the {txID, code, message, content} envelope.
// Then every route of the other surfaces (sandbox, support, virtual app, demo, mail viewer, PKI): never a 5xx.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../test/harness'
import { aesDecrypt, aesEncrypt, signatureHeader } from '../../test/reference-client'
import { type Browser, signUp } from '../../test/session.fixtures'
import { staff } from '../features/support/support.fixtures'
import { EME_FIELDS, PROFILE_FIELDS } from '../features/tasks/fields'
import { nestedTooDeep } from '../http/json-depth'

const API = '/api/v1'
const BODY_LIMIT = 64 * 1024
const ALLOWED_STATUSES = [200, 404, 405, 413, 415, 429]
/** The D-code each non-200 status must carry (design §5). */
const CODE_OF_STATUS: Record<number, string> = {
  404: 'D20027',
  405: 'D20027',
  413: 'D20003',
  415: 'D20003',
  429: 'D20026',
}

/** The POST routes this file knows; any other POST route found on the app is fuzzed with the invariants only. */
const KNOWN_ROUTES: Record<string, { encrypted: boolean }> = {
  '/security/getKey': { encrypted: false },
  '/security/revokeKey': { encrypted: false },
  '/auth/getToken': { encrypted: true },
  '/account/auth/profile/initiateRequest': { encrypted: true },
  '/account/eme/initiateRequest': { encrypted: true },
  '/account/stepup/initiateRequest': { encrypted: true },
  '/anonymous/eme/initiateRequest': { encrypted: true },
  '/anonymous/eme/getResult': { encrypted: true },
  '/profiles': { encrypted: true },
}

let h: Harness
let routes: string[]
let token: { accessToken: string; openID: string }

beforeAll(async () => {
  h = await harness({ config: { rateLimitPerMinute: 100_000_000 } })
  token = await h.token()
  routes = [
    ...new Set(
      h.platform.app.routes
        .filter((r) => r.method === 'POST' && r.path.startsWith(`${API}/`) && !/[:*]/.test(r.path))
        .map((r) => r.path.slice(API.length)),
    ),
  ].sort()
})

// ---------- helpers ----------

const utf8 = new TextEncoder()
const utf8Decode = (b: Uint8Array) => new TextDecoder().decode(b)
/** What a server receives for a non-Latin-1 header value: its UTF-8 bytes, read as Latin-1 (CR, LF, NUL cannot be sent). */
const asHeaderBytes = (s: string) =>
  Buffer.from(s, 'utf8')
    .toString('latin1')
    .replace(/[\0\r\n]/g, '')
/** Headers drop leading and trailing HTTP whitespace. */
const trimHttp = (s: string) => s.replace(/^[\t ]+|[\t ]+$/g, '')
const nonce = () => crypto.randomUUID().replace(/-/g, '')

type Env = { txID: string; code: string; message: string; content: unknown }

/** The envelope invariants every platform answer must satisfy; returns the parsed envelope. */
async function expectEnvelope(res: Response): Promise<Env> {
  expect(ALLOWED_STATUSES).toContain(res.status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('cache-control')).toBe('no-store')
  const text = await res.text()
  expect(text).not.toMatch(/\bat [^\n]*\(|node:internal|\/work\/|\.tsx?:\d+/)
  const env = JSON.parse(text) as Env
  expect(Object.keys(env).sort()).toEqual(['code', 'content', 'message', 'txID'])
  expect(env.code).toMatch(/^D\d{5}$/)
  // D20000 is the last-resort "unknown exception": client input must never reach it.
  expect(env.code).not.toBe('D20000')
  expect(env.txID).toMatch(/^[0-9a-f]{32}$/)
  expect(typeof env.message).toBe('string')
  expect(env.message.length).toBeGreaterThan(0)
  if (env.code !== 'D00000') expect(env.content).toBeNull()
  if (res.status !== 200) {
    expect(env.code).toBe(CODE_OF_STATUS[res.status])
    if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
  }
  return env
}

function signedHeaders(body: string, o: { clientID?: string; secret?: string } = {}): Record<string, string> {
  const clientID = o.clientID ?? h.clientID
  const timestamp = String(h.clock.now())
  const n = nonce()
  return {
    'content-type': 'application/json',
    clientID,
    signatureMethod: 'HmacSHA256',
    timestamp,
    nonce: n,
    signature: signatureHeader(clientID, o.secret ?? h.clientSecret, timestamp, n, body),
  }
}

const post = (route: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string>) =>
  h.request(`${API}${route}`, {
    method: 'POST',
    headers,
    // Bytes, so that Request adds no Content-Type of its own.
    body: typeof body === 'string' ? utf8.encode(body) : body,
  })

// ---------- generators ----------

const routeArb = () => fc.constantFrom(...routes)
const garbageArb = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }).map(asHeaderBytes),
  fc.string({ unit: 'grapheme', maxLength: 32 }).map(asHeaderBytes),
  fc.integer({ min: 2_000, max: 12_000 }).map((n) => 'A'.repeat(n)),
  fc.integer({ min: 1_000, max: 6_000 }).map((n) => asHeaderBytes('香'.repeat(n))),
  fc.constantFrom(
    ' ',
    '%',
    '%zz',
    '%E0%A4%A',
    '-1',
    '1e3',
    'NaN',
    'Infinity',
    '9'.repeat(16),
    '9'.repeat(15),
    '0',
    '0x1F',
    'hmacsha256',
    'HMACSHA256',
    'HmacSHA1',
    'HmacSHA512',
    'null',
    'undefined',
    '{}',
    '[object Object]',
    '__proto__',
    'constructor',
  ),
)
type HeaderChoice = { kind: 'missing' } | { kind: 'valid' } | { kind: 'garbage'; value: string }
const headerChoice: fc.Arbitrary<HeaderChoice> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'missing' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'valid' as const }) },
  { weight: 3, arbitrary: garbageArb.map((value) => ({ kind: 'garbage' as const, value })) },
)
const contentTypeArb = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json;charset=latin1',
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/problem+json',
      'json',
      '*/*',
    ),
    garbageArb,
  ),
  { nil: undefined },
)
const smallBodyArb = fc.oneof(
  fc.constantFrom('', '{}', ' {} ', '{"content":"AAAA"}', 'null', '[]'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
)

/** Request bodies: random bytes and text, any JSON, deep nesting, huge strings within and beyond the limit. */
const bodyArb: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array(b)),
  fc.string({ unit: 'binary', maxLength: 256 }).map((s) => utf8.encode(s)),
  fc.jsonValue().map((v) => utf8.encode(JSON.stringify(v))),
  fc
    .constantFrom(
      '',
      '{}',
      'null',
      '0',
      '-1',
      'true',
      '"x"',
      '[]',
      '[{}]',
      '{"content":null}',
      '{"content":""}',
    )
    .map((s) => utf8.encode(s)),
  fc
    .record({ content: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] })
    .map((v) => utf8.encode(JSON.stringify(v))),
  fc.integer({ min: 1, max: 30_000 }).map((n) => utf8.encode(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc
    .integer({ min: 1, max: 10_000 })
    .map((n) => utf8.encode(`${'{"content":'.repeat(n)}null${'}'.repeat(n)}`)),
  fc
    .integer({ min: 1_000, max: BODY_LIMIT - 20 })
    .map((n) => utf8.encode(JSON.stringify({ content: 'A'.repeat(n) }))),
  fc
    .integer({ min: 1_000, max: 20_000 })
    .map((n) => utf8.encode(JSON.stringify({ content: '香'.repeat(n) }))),
  fc.integer({ min: BODY_LIMIT + 1, max: 4 * BODY_LIMIT }).map((n) => utf8.encode('x'.repeat(n))),
  fc
    .integer({ min: BODY_LIMIT, max: 2 * BODY_LIMIT })
    .map((n) => utf8.encode(JSON.stringify({ content: 'A'.repeat(n) }))),
)

/** What the platform must answer for a validly signed body on a known route (signed-route.ts order of checks). */
function expectedBodyCode(route: string, text: string): string | undefined {
  const known = KNOWN_ROUTES[route]
  if (!known) return undefined
  let parsed: unknown
  let parses = true
  try {
    parsed = JSON.parse(text)
  } catch {
    parses = false
  }
  // Nesting deeper than 64 levels is refused before anything else looks at the body (http/json-depth.ts).
  if (parses && nestedTooDeep(parsed)) return 'D20003'
  if (!known.encrypted) {
    if (text.length === 0 || text.trim() === '{}') return 'D00000'
    if (!parses || !parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'D20003'
    // getKey and revokeKey take no parameters: a body with members is D20001.
    return Object.keys(parsed).length > 0 ? 'D20001' : 'D00000'
  }
  if (!parses || !parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'D20003'
  const content = (parsed as Record<string, unknown>).content
  if (content === undefined || content === null || content === '') return 'D20002'
  if (typeof content !== 'string') return 'D20003'
  return 'D30004' // random text never decrypts under the CEK
}

/** A value for any request field, as JSON text: wrong types, nulls, empties, deep nesting, and the right values. */
const fieldValueArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<unknown>(
        null,
        '',
        0,
        -1,
        1.5,
        true,
        false,
        [],
        {},
        [null],
        [''],
        [1],
        [[]],
        [{}],
        '\u0000',
        'x'.repeat(5_000),
      )
      .map((v) => JSON.stringify(v)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 12_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 4_000 }).map((n) => `${'{"a":'.repeat(n)}null${'}'.repeat(n)}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }).map((v) => JSON.stringify(v)) },
  {
    weight: 2,
    arbitrary: fc.subarray([...PROFILE_FIELDS, 'shoeSize', '__proto__']).map((v) => JSON.stringify(v)),
  },
  { weight: 2, arbitrary: fc.subarray([...EME_FIELDS, 'toString']).map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: fc.constant('VALID') },
)

const validValue = (field: string): string =>
  JSON.stringify(
    {
      businessID: `b-${nonce()}`,
      accessToken: token.accessToken,
      openID: token.openID,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 'st',
      lang: 'en-US',
      profileFields: ['enName'],
      eMEFields: [EME_FIELDS[0]],
      code: nonce(),
      grantType: 'authorization_code',
      ticketID: nonce(),
    }[field],
  )

const FIELDS = [
  'businessID',
  'accessToken',
  'openID',
  'source',
  'redirectURI',
  'state',
  'lang',
  'profileFields',
  'eMEFields',
  'code',
  'grantType',
  'ticketID',
] as const

/** Decrypted request plaintexts: objects with wrong-typed, null, extra fields; non-objects; odd JSON. */
const plaintextArb: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.record(
          Object.fromEntries(FIELDS.map((f) => [f, fieldValueArb])) as Record<
            (typeof FIELDS)[number],
            fc.Arbitrary<string>
          >,
          {
            requiredKeys: [],
          },
        ),
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      )
      .map(([fields, extra]) => {
        const members = Object.entries(extra).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        for (const [k, v] of Object.entries(fields))
          members.push(`${JSON.stringify(k)}:${v === 'VALID' ? validValue(k) : v}`)
        return `{${members.join(',')}}`
      }),
  },
  {
    // Mostly valid: every field right except one or two, so the later checks of each handler are reached.
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.subarray([...FIELDS], { minLength: 1, maxLength: 2 }),
        fc.array(fieldValueArb, { minLength: 2, maxLength: 2 }),
      )
      .map(([broken, values]) => {
        const members = FIELDS.map((k) => {
          const i = broken.indexOf(k)
          return `${JSON.stringify(k)}:${i >= 0 ? (values[i] === 'VALID' ? validValue(k) : values[i]) : validValue(k)}`
        })
        return `{${members.join(',')}}`
      }),
  },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'null',
      '[]',
      '""',
      '0',
      'true',
      '{}',
      '{"__proto__":{"isAdmin":true},"code":"x","grantType":"authorization_code"}',
      '{"constructor":{"prototype":{"x":1}},"profileFields":["enName"]}',
      '{"code":"a","code":"b","grantType":"authorization_code"}',
      '{"accessToken":{"toString":"x"},"openID":[]}',
    ),
  },
)

// ---------- properties ----------

describe('platform fuzzing', () => {
  it('enumerates every POST route of the platform API, including the nine documented ones', () => {
    expect(routes).toEqual(expect.arrayContaining(Object.keys(KNOWN_ROUTES)))
  })

  it('malformed headers (missing, garbage, huge, unicode, bogus content type) → an envelope, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb(),
        fc.record({
          clientID: fc.oneof(headerChoice, fc.constant({ kind: 'garbage' as const, value: 'f'.repeat(32) })),
          signatureMethod: headerChoice,
          timestamp: headerChoice,
          nonce: headerChoice,
          signature: fc.oneof(headerChoice, fc.constant({ kind: 'raw' as const })),
        }),
        contentTypeArb,
        smallBodyArb,
        async (route, choice, contentType, body) => {
          const valid = {
            clientID: h.clientID,
            signatureMethod: 'HmacSHA256',
            timestamp: String(h.clock.now()),
            nonce: nonce(),
          }
          const hd: Record<string, string> = {}
          for (const name of ['clientID', 'signatureMethod', 'timestamp', 'nonce'] as const) {
            const c = choice[name]
            if (c.kind === 'valid') hd[name] = valid[name]
            else if (c.kind === 'garbage') hd[name] = c.value
          }
          // The signature is the HMAC over whatever the other headers became (so deeper checks are reached), or garbage.
          const sig = signatureHeader(
            hd.clientID ?? '',
            h.clientSecret,
            hd.timestamp ?? '',
            hd.nonce ?? '',
            body,
          )
          if (choice.signature.kind === 'valid') hd.signature = sig
          else if (choice.signature.kind === 'raw') hd.signature = decodeURIComponent(sig)
          else if (choice.signature.kind === 'garbage') hd.signature = choice.signature.value
          if (contentType !== undefined) hd['content-type'] = contentType
          const res = await post(route, body, hd)
          const env = await expectEnvelope(res)
          // Anything short of five good headers never succeeds.
          const allValid = Object.values(choice).every((c) => c.kind === 'valid' || c.kind === 'raw')
          if (!allValid && env.code === 'D00000') {
            // Garbage that happens to be valid (e.g. a garbage nonce) may pass; the signature must still match.
            expect(hd.signatureMethod).toBe('HmacSHA256')
            expect([sig, decodeURIComponent(sig)]).toContain(hd.signature)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('a missing header is D20002, a wrong signatureMethod D20005, a non-numeric timestamp D20003 (exact codes)', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb(),
        fc.constantFrom('clientID', 'signatureMethod', 'timestamp', 'nonce', 'signature'),
        garbageArb,
        async (route, name, garbage) => {
          const hd = signedHeaders('{}')
          delete hd[name]
          expect((await expectEnvelope(await post(route, '{}', hd))).code).toBe('D20002')
          const bad = signedHeaders('{}')
          const value = trimHttp(garbage)
          if (value !== 'HmacSHA256' && value !== '') {
            bad.signatureMethod = garbage
            expect((await expectEnvelope(await post(route, '{}', bad))).code).toBe('D20005')
          }
          if (!/^\d{1,15}$/.test(value) && value !== '') {
            const ts = signedHeaders('{}')
            ts.timestamp = garbage
            expect((await expectEnvelope(await post(route, '{}', ts))).code).toBe('D20003')
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it('validly signed bodies (random bytes, any JSON, deep nesting, huge strings) → the exact code, 413 above 64 KB', async () => {
    await h.client.getKey()
    await fc.assert(
      fc.asyncProperty(routeArb(), bodyArb, async (route, bytes) => {
        if (
          routes.includes('/security/revokeKey') &&
          (await h.platform.services.keys.candidates(h.clientID)).length === 0
        ) {
          await h.client.getKey()
        }
        const text = utf8Decode(bytes)
        const res = await post(route, bytes, signedHeaders(text))
        const env = await expectEnvelope(res)
        if (bytes.length > BODY_LIMIT) {
          expect(res.status).toBe(413)
          expect(env.code).toBe('D20003')
          return
        }
        expect(res.status).toBe(200)
        const expected = expectedBodyCode(route, text)
        if (expected) expect(env.code).toBe(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('validly signed envelopes with a valid CEK but malformed decrypted JSON → 200 and a D-code, never a 5xx', async () => {
    const encryptedRoutes = routes.filter((r) => KNOWN_ROUTES[r]?.encrypted ?? true)
    let successes = 0
    // Earlier properties rotated the CEK through fuzzed getKey calls: take a fresh one (encrypted routes never rotate it).
    await h.client.getKey()
    const cek = h.client.cek!
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...encryptedRoutes), plaintextArb, async (route, plaintext) => {
        const body = JSON.stringify({ content: aesEncrypt(cek, plaintext) })
        if (body.length > BODY_LIMIT) return
        const res = await post(route, body, signedHeaders(body))
        const env = await expectEnvelope(res)
        expect(res.status).toBe(200)
        const parsed = JSON.parse(plaintext) as unknown
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) expect(env.code).toBe('D20003')
        if (env.code === 'D00000') {
          successes++
          expect(typeof env.content).toBe('string')
          const content = JSON.parse(aesDecrypt(cek, env.content as string)) as unknown
          expect(content).toBeTypeOf('object')
          expect(Array.isArray(content)).toBe(false)
        }
      }),
      { numRuns: 200 },
    )
    // The generator reaches the handlers' success paths too (valid token, source, redirect URI, field lists).
    expect(successes).toBeGreaterThan(0)
  })

  it('deep nesting (arrays up to 12 000 levels, objects up to 4 000) in any field of any encrypted route → a 2000x code', async () => {
    await h.client.getKey()
    const cek = h.client.cek!
    const encryptedRoutes = routes.filter((r) => KNOWN_ROUTES[r]?.encrypted ?? true)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...encryptedRoutes),
        fc.constantFrom(...FIELDS),
        fc.integer({ min: 2_000, max: 12_000 }),
        fc.boolean(),
        async (route, field, depth, asArray) => {
          // Objects cost 6 bytes a level, arrays 2: both stay well inside the 64 KB body once encrypted.
          const deep = asArray
            ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}`
            : `${'{"a":'.repeat(depth / 3)}"x"${'}'.repeat(depth / 3)}`
          const members = FIELDS.map((k) => `${JSON.stringify(k)}:${k === field ? deep : validValue(k)}`)
          const body = JSON.stringify({ content: aesEncrypt(cek, `{${members.join(',')}}`) })
          const res = await post(route, body, signedHeaders(body))
          const env = await expectEnvelope(res)
          expect(res.status).toBe(200)
          expect(env.code).toMatch(/^D(0|2|4)\d{4}$/)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('undeclared methods on every POST route → 405 D20027 with Allow: POST; unknown paths → 404 D20027', async () => {
    await fc.assert(
      fc.asyncProperty(
        routeArb(),
        fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
        fc.webPath(),
        async (route, method, path) => {
          const res = await h.request(`${API}${route}`, { method })
          expect(res.status).toBe(405)
          expect(res.headers.get('allow')).toBe('POST')
          expect((await expectEnvelope(res)).code).toBe('D20027')
          const unknown = `${API}/zz-unknown${path}`
          const nf = await h.request(unknown, { method: 'POST', headers: signedHeaders('{}'), body: '{}' })
          expect(nf.status).toBe(404)
          expect((await expectEnvelope(nf)).code).toBe('D20027')
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('getQR fuzzing', () => {
  const QUERY_KEYS = [
    'clientID',
    'responseType',
    'source',
    'redirectURI',
    'scope',
    'state',
    'lang',
    'brokerPage',
    'ticketID',
  ]
  const queryValue = (key: string) =>
    fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        '',
        '%',
        '%zz',
        'true',
        'false',
        'PC_Browser',
        'iOS_Safari',
        'Android_Chrome',
        'App_Link',
        'iOS_IMS_InAppBrowser',
        'code',
        'token',
        'eidapi_auth',
        'eidapi_auth eidapi_profiles',
        'openid',
        'zh-HK',
        'xx-XX',
        OSP.returnURI,
        `${OSP.returnURI}/`,
        'myosp://callback',
        'https://evil.example/',
        'javascript:alert(1)',
        key === 'clientID' ? 'VALID_CLIENT' : 'f'.repeat(32),
      ),
    )
  const queryArb = fc.oneof(
    // Structured: known keys with random or plausible values, plus random keys.
    fc
      .tuple(
        fc.record(Object.fromEntries(QUERY_KEYS.map((k) => [k, queryValue(k)])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        fc.boolean(),
      )
      .map(([known, extra, mostlyValid]) => {
        const q = new URLSearchParams(extra)
        if (mostlyValid) {
          q.set('clientID', h.clientID)
          q.set('responseType', 'code')
          q.set('source', 'PC_Browser')
          q.set('redirectURI', OSP.returnURI)
          q.set('scope', 'eidapi_auth')
        }
        for (const [k, v] of Object.entries(known)) q.set(k, v === 'VALID_CLIENT' ? h.clientID : String(v))
        return q.toString()
      }),
    // Raw: anything, including malformed percent-escapes and separators.
    fc.string({
      unit: fc.constantFrom('a', '=', '&', '%', '+', '2', 'F', 'z', ';', '?', '/', 'é', '香', ' '),
      maxLength: 60,
    }),
  )
  const sandboxHeadersArb = fc.record(
    {
      'X-Sandbox-Resident': fc.oneof(
        fc.constantFrom('magic-approve', 'magic-reject', 'nobody', '', '../../etc/passwd'),
        garbageArb,
      ),
      'X-Sandbox-Decision': fc.oneof(
        fc.constantFrom('approve', 'reject', 'cancel', 'timeout', 'APPROVE', ''),
        garbageArb,
      ),
      'X-Sandbox-Anything': garbageArb,
    },
    { requiredKeys: [] },
  )

  it('random query strings and X-Sandbox-* headers → never a 5xx; redirects only to a registered URI or the virtual app', async () => {
    const registered = (await h.platform.services.apps.get(h.clientID))!.redirectURIs
    await fc.assert(
      fc.asyncProperty(queryArb, sandboxHeadersArb, async (query, headers) => {
        const res = await h.request(`${API}/auth/getQR?${query}`, { headers })
        expect([200, 302, 400, 429]).toContain(res.status)
        const location = res.headers.get('location')
        if (res.status === 302) {
          expect(location).not.toBeNull()
          const ok =
            registered.some((u) => location!.startsWith(`${u}?`) || location!.startsWith(`${u}&`)) ||
            location!.startsWith(`${h.platform.services.config.publicBaseUrl}/app/scan?qr=`)
          expect(ok, `unexpected redirect to ${location}`).toBe(true)
        } else {
          expect(location).toBeNull()
        }
        expect(await res.text()).not.toMatch(/\bat [^\n]*\(|node:internal|\/work\//)
      }),
      { numRuns: 200 },
    )
  })
})

describe('fuzzing the other surfaces: sandbox, support, virtual app, demo, mail viewer, PKI', () => {
  let g: Harness
  let dev: Browser
  let lead: Browser
  /** Real values for route parameters, so that fuzzed requests also get past the lookups. */
  let ids: Record<string, string[]>
  let writes: Array<{ method: string; path: string }>
  let reads: string[]

  beforeAll(async () => {
    g = await harness({ config: { rateLimitPerMinute: 100_000_000 } })
    dev = await signUp(g, 'dev@fuzz.example', { orgName: 'Fuzz Org' })
    lead = await staff(g, 'lead@fuzz.example', 'lead')
    const app = await dev.json('/sandbox/v1/apps', 'POST', { name: 'Fuzz e-Service' })
    const enquiry = await dev.json('/support/v1/enquiries', 'POST', {
      category: 'keys',
      subject: 'Fuzzing',
      description: 'Random bodies everywhere.',
    })
    await g.login()
    const q = new URLSearchParams({
      clientID: g.clientID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      scope: 'eidapi_auth',
      state: 's',
    })
    await g.request(`${API}/auth/getQR?${q}`)
    const residents = await g.platform.services.residents.list()
    ids = {
      clientID: [app.clientID, g.clientID],
      id: [residents[0]!.id, 'magic-approve'],
      ticketID: [g.platform.services.tickets.pending().at(-1)!.ticketID],
      enquiryId: [enquiry.id],
      orgId: [dev.orgId!],
      memberId: [dev.accountId],
      serial: ['01', 'ff'],
      slot: ['A', 'B'],
    }
    const all = g.platform.app.routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith(API))
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`
    writes = [...new Map(all.filter((r) => r.method !== 'GET').map((r) => [key(r), r])).values()]
    // The live tail never ends: it has its own tests (inspector.stream.test.ts).
    reads = [
      ...new Set(all.filter((r) => r.method === 'GET' && !r.path.endsWith('/stream')).map((r) => r.path)),
    ]
  })

  afterAll(() => g.platform.close())

  it('enumerates the routes of every surface', () => {
    for (const prefix of ['/sandbox/v1/', '/support/v1/', '/app/', '/demo/', '/mail', '/pki/'])
      expect(
        reads.some((p) => p.startsWith(prefix)) || writes.some((r) => r.path.startsWith(prefix)),
        prefix,
      ).toBe(true)
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /app/resident',
        'POST /app/requests/:ticketID/decision',
        'POST /demo/callback',
        'POST /pki/ocsp',
      ]),
    )
  })

  const segmentArb = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(`VALID:${name}`) },
      { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((v) => encodeURIComponent(v) || 'x') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('..', '%00', '%zz', '0', '-1', 'null', '__proto__', 'x'.repeat(300)),
      },
    )
  const fill = (path: string, picks: Record<string, string>) =>
    path.replace(/:(\w+)/g, (_, name: string) => {
      const v = picks[name] ?? 'x'
      if (!v.startsWith('VALID:')) return v
      const options = ids[name] ?? ['x']
      return options[v.length % options.length]!
    })
  const picksArb = fc.record(
    Object.fromEntries(
      ['clientID', 'id', 'ticketID', 'enquiryId', 'orgId', 'memberId', 'serial', 'slot', 'ref', 'txID'].map(
        (n) => [n, segmentArb(n)],
      ),
    ),
  )
  type Cred = 'admin' | 'dev' | 'lead' | 'none'
  const credArb = fc.constantFrom<Cred>('admin', 'dev', 'lead', 'none')
  const headersOf = (cred: Cred, origin: string | undefined): Record<string, string> => ({
    ...(origin ? { Origin: origin } : {}),
    ...(cred === 'admin' ? { Authorization: `Bearer ${g.adminToken}` } : {}),
    ...(cred === 'dev' ? { Cookie: dev.cookie, 'X-CSRF-Token': dev.csrfToken } : {}),
    ...(cred === 'lead' ? { Cookie: lead.cookie, 'X-CSRF-Token': lead.csrfToken } : {}),
  })
  const originArb = fc.constantFrom('http://localhost', 'http://localhost', 'https://evil.example', undefined)

  /** Bodies and the content type they claim: JSON of every shape, deep nesting, forms, multipart, bytes, lies. */
  const formBodyArb = fc
    .dictionary(
      fc.constantFrom('residentId', 'next', 'decision', 'fields', 'fieldsShown', 'x', '__proto__'),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          'approve',
          'reject',
          'cancel',
          'timeout',
          'magic-approve',
          '/app',
          '//evil.example',
          '%zz',
        ),
      ),
    )
    .map((d) => new URLSearchParams(d).toString())
  const requestBodyArb: fc.Arbitrary<{ body: Uint8Array<ArrayBuffer> | string; type: string | undefined }> =
    fc.oneof(
      fc.record({
        body: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        type: fc.constant('application/json'),
      }),
      fc.record({
        body: fc
          .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
          .map((v) => JSON.stringify(v)),
        type: fc.constant('application/json'),
      }),
      fc.record({
        body: fc
          .integer({ min: 60, max: 10_000 })
          .chain((n) =>
            fc.constantFrom(`${'['.repeat(n)}${']'.repeat(n)}`, `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
          ),
        type: fc.constant('application/json'),
      }),
      fc.record({ body: formBodyArb, type: fc.constant('application/x-www-form-urlencoded') }),
      fc.record({
        body: fc.constantFrom('a=%zz', 'residentId=%E0%A4%A', '%', '&&==&', 'a=1&a=2&fields=x&fields=y'),
        type: fc.constant('application/x-www-form-urlencoded'),
      }),
      fc.record({
        body: fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.constantFrom(
            '--x\r\nContent-Disposition: form-data; name="decision"\r\n\r\napprove\r\n--x--\r\n',
            '--x\r\nContent-Disposition: form-data; name="residentId"\r\n\r\nmagic-approve',
            '--x--',
            '',
          ),
        ),
        type: fc.constantFrom(
          'multipart/form-data; boundary=x',
          'multipart/form-data',
          'multipart/form-data; boundary=',
        ),
      }),
      fc.record({
        body: fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array(b)),
        type: fc.option(
          fc.oneof(
            contentTypeArb.map((t) => t ?? 'application/octet-stream'),
            garbageArb,
          ),
          { nil: undefined },
        ),
      }),
      fc.record({
        body: fc.constantFrom('', '{}', 'null', '[]', '{"a":', '\u0000', '\uFEFF{}'),
        type: fc.option(fc.constantFrom('application/json', 'text/plain', 'application/ocsp-request'), {
          nil: undefined,
        }),
      }),
    )

  async function expectNo5xx(res: Response, what: string): Promise<void> {
    const type = res.headers.get('content-type') ?? ''
    if (type.startsWith('text/event-stream')) {
      await res.body?.cancel()
      return
    }
    const text = await res.text()
    expect(res.status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500)
    expect(text).not.toMatch(/\bat [^\n]*\([^)\n]*:\d+:\d+\)|node:internal|\/work\//)
    if (res.status >= 400 && type.startsWith('application/')) {
      // JSON errors of these surfaces are problem+json with a request id (app.ts onError / notFound).
      expect(type, what).toMatch(/^application\/problem\+json/)
      const p = JSON.parse(text) as Record<string, unknown>
      expect(p, what).toMatchObject({ type: 'about:blank', status: res.status })
      expect(p.requestId, what).toMatch(/^[0-9a-f]{32}$/)
    }
  }

  it('random bodies, content types, parameters and credentials on every write route → never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        picksArb,
        requestBodyArb,
        credArb,
        originArb,
        async (i, picks, { body, type }, cred, origin) => {
          const route = writes[i % writes.length]!
          // Signing out would end the sessions the next runs use.
          if (route.method === 'DELETE' && route.path === '/sandbox/v1/session') cred = 'admin'
          const path = fill(route.path, picks)
          const res = await g.request(path, {
            method: route.method,
            headers: { ...headersOf(cred, origin), ...(type !== undefined ? { 'Content-Type': type } : {}) },
            body: typeof body === 'string' ? utf8.encode(body) : body,
          })
          await expectNo5xx(res, `${route.method} ${path} as ${cred}`)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('every write route, with each malformed body kind (JSON, 10,000-deep, multipart, urlencoded) and each credential → never a 5xx (exact 4xx: http/body.test.ts)', async () => {
    const kinds: Array<[string, string]> = [
      ['{"a": [1, }', 'application/json'],
      [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'application/json'],
      ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1', 'multipart/form-data; boundary=x'],
      ['decision=%zz', 'application/x-www-form-urlencoded'],
    ]
    for (const route of writes)
      for (const [body, type] of kinds)
        for (const cred of ['admin', 'dev', 'lead', 'none'] as const) {
          if (route.method === 'DELETE' && route.path === '/sandbox/v1/session' && cred !== 'admin') continue
          const path = fill(route.path, Object.fromEntries(Object.keys(ids).map((k) => [k, `VALID:${k}`])))
          const res = await g.request(path, {
            method: route.method,
            headers: { ...headersOf(cred, 'http://localhost'), 'Content-Type': type },
            body,
          })
          await expectNo5xx(res, `${route.method} ${path} as ${cred}`)
        }
  })

  it('random parameters and query strings on every page and read route (virtual app, demo, mail viewer, sandbox, support, PKI) → never a 5xx', async () => {
    const queryKeys = [
      'q',
      'lang',
      'qr',
      'code',
      'error_code',
      'state',
      'to',
      'kind',
      'limit',
      'since',
      'operation',
    ]
    const queryArb = fc.oneof(
      fc
        .dictionary(
          fc.constantFrom(...queryKeys, 'status', 'category', 'page', 'format', 'until'),
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.constantFrom('', '-1', '0', '501', '1e9', 'NaN', 'en-US', 'zh-HK', 'error', 'D20006', '%zz'),
          ),
          { maxKeys: 4 },
        )
        .map((d) => new URLSearchParams(d).toString()),
      fc.string({
        unit: fc.constantFrom('a', '=', '&', '%', '+', '2', 'F', 'z', ';', '?', '/', 'é', '香', ' '),
        maxLength: 40,
      }),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        picksArb,
        queryArb,
        credArb,
        async (i, picks, query, cred) => {
          const path = `${fill(reads[i % reads.length]!, picks)}?${query}`
          const res = await g.request(path, { headers: headersOf(cred, undefined) })
          await expectNo5xx(res, `GET ${path} as ${cred}`)
        },
      ),
      { numRuns: 400 },
    )
  })
})
