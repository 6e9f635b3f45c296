// getQR redirect safety (security checklist A #1, #2, #3): an unregistered redirectURI never gets a redirect, and the
// state comes back byte-for-byte whatever it contains.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, OSP } from '../../../test/harness'

let h: Harness
let registered: string[]

beforeAll(async () => {
  h = await harness({ config: { rateLimitPerMinute: 100_000_000 } })
  registered = (await h.platform.services.apps.get(h.clientID))!.redirectURIs
})

const getQrUrl = (o: { redirectURI: string; state?: string; scope?: string; source?: string }) =>
  `/api/v1/auth/getQR?${new URLSearchParams({
    clientID: h.clientID,
    responseType: 'code',
    source: o.source ?? 'PC_Browser',
    redirectURI: o.redirectURI,
    scope: o.scope ?? 'eidapi_auth',
    state: o.state ?? 'st',
    lang: 'en-US',
  })}`

const HEADLESS = { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' }

// ---------- checklist #1: mutations of a registered redirect URI ----------

/** Flips the case of the characters picked by `mask` (at least one letter changes, or the mutation is dropped). */
const flipCase = (s: string, mask: boolean[]) =>
  [...s]
    .map((ch, i) =>
      mask[i % mask.length] ? (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) : ch,
    )
    .join('')

const percentEncodeOne = (s: string, i: number, lower: boolean) => {
  const at = i % s.length
  const hex = s.charCodeAt(at).toString(16).padStart(2, '0')
  return `${s.slice(0, at)}%${lower ? hex : hex.toUpperCase()}${s.slice(at + 1)}`
}

type Mutation = (uri: string) => fc.Arbitrary<string>
const mutations: Record<string, Mutation> = {
  trailingSlash: (u) => fc.constantFrom(`${u}/`, `${u}//`, `${u}/.`),
  dropLastChar: (u) => fc.constant(u.slice(0, -1)),
  hostCase: (u) =>
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }).map((mask) => {
      const url = new URL(u)
      return u.replace(url.host || url.pathname, flipCase(url.host || url.pathname, mask))
    }),
  pathCase: (u) =>
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }).map((mask) => {
      const { pathname } = new URL(u)
      return u.replace(pathname, flipCase(pathname, mask))
    }),
  schemeCase: (u) => fc.constant(u.replace(/^[a-z]+/, (s) => s.toUpperCase())),
  httpVsHttps: (u) =>
    fc.constant(u.startsWith('https:') ? u.replace(/^https:/, 'http:') : u.replace(/^[a-z]+:/, 'https:')),
  extraQuery: (u) =>
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('?', '&', '?&', '?redirect=https://evil.example'),
      )
      .map(([q, sep]) => `${u}${sep}${encodeURIComponent(q)}`),
  fragment: (u) => fc.string({ maxLength: 20 }).map((f) => `${u}#${f}`),
  userinfo: (u) =>
    fc
      .constantFrom('user:pass@', 'evil.example@', 'osp.example@', '@', ':@')
      .map((ui) => u.replace(/^([a-z]+:\/\/)/, `$1${ui}`)),
  hostAtEvil: (u) => fc.constant(u.replace(/^([a-z]+:\/\/[^/]+)/, '$1@evil.example')),
  percentEncoding: (u) =>
    fc.tuple(fc.nat(), fc.boolean()).map(([i, lower]) => {
      const scheme = u.indexOf('://') + 3
      return u.slice(0, scheme) + percentEncodeOne(u.slice(scheme), i, lower)
    }),
  wholeUriEncoded: (u) => fc.constant(encodeURIComponent(u)),
  dotSegments: (u) =>
    fc.constantFrom('/x/../', '/./', '/../', '/x/%2e%2e/', '/%2E/', '/..%2f', '/.%2F').map((seg) => {
      const url = new URL(u)
      const i = u.lastIndexOf(url.pathname || '/callback')
      return `${u.slice(0, i)}${seg}${u.slice(i).replace(/^\//, '')}`
    }),
  suffixDomain: (u) =>
    fc
      .constantFrom('.evil.com', '.', 'x', '-evil.example', '.example.com', ':443', ':80', ':8443')
      .map((suffix) => u.replace(/^([a-z]+:\/\/[^/?#]+)/, `$1${suffix}`)),
  prefixDomain: (u) =>
    fc.constantFrom('evil.', 'www.', 'xn--').map((p) => u.replace(/^([a-z]+:\/\/)/, `$1${p}`)),
  whitespace: (u) => fc.constantFrom(` ${u}`, `${u} `, `${u}%20`, `${u}\t`, `${u}\u00a0`, `\u200b${u}`),
  backslash: (u) => fc.constant(u.replace(/^([a-z]+:)\/\//, '$1\\\\')),
  scriptInjection: (u) => fc.constantFrom(`${u}?"><script>alert(1)</script>`, `javascript:alert(1)//${u}`),
  randomEdit: (u) =>
    fc
      .tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([i, s]) => `${u.slice(0, i % (u.length + 1))}${s}${u.slice(i % (u.length + 1))}`),
}

const mutatedUriArb = fc
  .tuple(fc.constantFrom(...Object.keys(mutations)), fc.nat())
  .chain(([name, i]) => {
    const base = [OSP.returnURI, OSP.callbackURI, 'myosp://callback'][i % 3]!
    return mutations[name]!(base).map((uri) => ({ name, base, uri }))
  })
  .filter(({ uri }) => !registered.includes(uri))

async function expectErrorPage(res: Response): Promise<void> {
  expect(res.status).toBe(400)
  expect(res.headers.get('location')).toBeNull()
  expect(res.headers.get('set-cookie')).toBeNull()
  expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  const html = await res.text()
  expect(html).toContain('data-testid="error-code">D20008</strong>')
  expect(html).not.toContain('<script>alert')
}

describe('checklist #1: redirectURI is compared as an exact string', () => {
  it('every mutation of a registered URI gets the 400 error page with D20008 and no Location', async () => {
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(mutatedUriArb, fc.boolean(), async ({ name, uri }, headless) => {
        seen.add(name)
        const pendingBefore = h.platform.services.tickets.pending().length
        const res = await h.request(getQrUrl({ redirectURI: uri }), { headers: headless ? HEADLESS : {} })
        await expectErrorPage(res)
        // No ticket was created for an unvetted redirect.
        expect(h.platform.services.tickets.pending().length).toBe(pendingBefore)
      }),
      { numRuns: 200 },
    )
    // Every kind of mutation was exercised.
    expect([...seen].sort()).toEqual(Object.keys(mutations).sort())
  })

  it('random URLs (fc.webUrl) that are not registered get the error page, never a redirect', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.webUrl({
          withQueryParameters: true,
          withFragments: true,
          validSchemes: ['http', 'https', 'myosp'],
        }),
        fc.boolean(),
        async (uri, headless) => {
          fc.pre(!registered.includes(uri))
          await expectErrorPage(
            await h.request(getQrUrl({ redirectURI: uri }), { headers: headless ? HEADLESS : {} }),
          )
        },
      ),
      { numRuns: 150 },
    )
  })

  it('the registered URIs themselves are accepted (the property above is not vacuous)', async () => {
    for (const uri of registered) {
      const res = await h.request(getQrUrl({ redirectURI: uri }), { headers: HEADLESS })
      expect(res.status).toBe(302)
      expect(res.headers.get('location')!.startsWith(`${uri}?code=`)).toBe(true)
    }
  })

  it('checklist #2: an unknown clientID gets the page (D20003), a bad scope on a valid URI goes back with error_code', async () => {
    const q = new URLSearchParams({
      clientID: 'f'.repeat(32),
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: OSP.returnURI,
      scope: 'eidapi_auth',
      state: 's',
    })
    const bad = await h.request(`/api/v1/auth/getQR?${q}`, { headers: HEADLESS })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('location')).toBeNull()
    expect(await bad.text()).toContain('data-testid="error-code">D20003</strong>')
    const scope = await h.request(getQrUrl({ redirectURI: OSP.returnURI, scope: 'openid', state: 'keep me' }))
    expect(scope.status).toBe(302)
    expect(scope.headers.get('location')).toBe(`${OSP.returnURI}?error_code=D20012&state=keep%20me`)
  })
})

// ---------- checklist #3: state echoed byte-for-byte ----------

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** Any well-formed Unicode (a lone surrogate has no UTF-8 form, so no URL can carry it), short or up to 2000 chars. */
const stateArb = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.string({ unit: 'binary', minLength: 1000, maxLength: 2000 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ maxLength: 200 }),
    fc.constantFrom(
      '&state=evil',
      'a+b c%20d%2B',
      '%',
      '%zz%E0%A4',
      '#frag',
      '?x=1&y=2',
      '\u0000\u0001\n\r\t',
      '<script>alert(1)</script>',
      '"\'`',
      '😀👍🏽香港',
      ' leading and trailing ',
      '='.repeat(50),
    ),
  )
  .filter((s) => s.length > 0 && !LONE_SURROGATE.test(s))

function parseRedirect(res: Response, uri: string): URLSearchParams {
  expect(res.status).toBe(302)
  const location = res.headers.get('location')!
  expect(location.startsWith(`${uri}?`)).toBe(true)
  return new URLSearchParams(location.slice(uri.length + 1))
}

describe('checklist #3: state is echoed byte-for-byte', () => {
  it('approve (headless): the redirect carries a code and exactly the state sent', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, fc.constantFrom(...registered), async (state, uri) => {
        const p = parseRedirect(
          await h.request(getQrUrl({ redirectURI: uri, state }), { headers: HEADLESS }),
          uri,
        )
        expect(p.getAll('state')).toHaveLength(1)
        const echoed = p.get('state')!
        expect(Buffer.from(echoed, 'utf8').equals(Buffer.from(state, 'utf8'))).toBe(true)
        expect([...p.keys()].sort()).toEqual(['code', 'state'])
        expect(p.get('code')).toMatch(/^[0-9a-f]{32}$/)
      }),
      { numRuns: 200 },
    )
  })

  it('reject, cancel and a redirect-time fault (bad scope) echo the state just as exactly', async () => {
    await fc.assert(
      fc.asyncProperty(stateArb, fc.constantFrom('reject', 'cancel', 'bad-scope'), async (state, path) => {
        const res =
          path === 'bad-scope'
            ? await h.request(getQrUrl({ redirectURI: OSP.returnURI, state, scope: 'eidapi_nope' }))
            : await h.request(getQrUrl({ redirectURI: OSP.returnURI, state }), {
                headers: { ...HEADLESS, 'X-Sandbox-Decision': path },
              })
        const p = parseRedirect(res, OSP.returnURI)
        expect(p.getAll('state')).toEqual([state])
        expect(p.get('error_code')).toBe({ reject: 'D40001', cancel: 'D40000', 'bad-scope': 'D20012' }[path])
        expect(p.has('code')).toBe(false)
      }),
      { numRuns: 100 },
    )
  })
})
