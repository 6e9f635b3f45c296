// The inspector's diagnoses in Traditional and Simplified Chinese: every diagnosis id has Chinese sentences, each
// sentence the diagnoses write (with their facts) has a rule, the D-codes' messages are translated, and the API
// answers in Chinese only when asked (?lang= or Accept-Language), English otherwise, in the same shape.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { dcodeText } from '../../dcodes.i18n'
import { diagnoseCallback } from './diagnose-callback'
import { diagnosis } from './diagnosis.kit'
import {
  type DiagnosisLang,
  diagnosisLang,
  localiseDiagnosis,
  localiseItem,
  translatedIds,
  untranslated,
} from './diagnosis.i18n'
import { slip } from './inspector.fixtures'
import type { Diagnosis, InspectedItem } from './inspector.types'

const DIR = fileURLToPath(new URL('.', import.meta.url))
const LANGS: DiagnosisLang[] = ['zh-HK', 'zh-CN']
const CJK = /[\u3400-\u9fff]/
const HOW =
  'add Chinese sentences for it to mock-platform/src/features/inspector/i18n/ (zh-HK and zh-CN, side by side)'

/** The literal ids of every `diagnosis('…'` in the inspector's diagnos*.ts sources. */
function sourceIds(): string[] {
  const ids = new Set<string>()
  for (const f of readdirSync(DIR).filter((f) => /^diagnos.*\.ts$/.test(f) && !/\.(test|i18n)\.ts$/.test(f)))
    for (const m of readFileSync(join(DIR, f), 'utf8').matchAll(/\bdiagnosis\(\s*'([^']+)'/g)) ids.add(m[1]!)
  return [...ids].sort()
}

const d = (id: string, title: string, detail: string, fix: string): Diagnosis =>
  diagnosis(id, 'error', title, detail, fix)

/** Sentences as the diagnoses write them, facts included (the variants with and without their optional parts). */
const SAMPLES: Diagnosis[] = [
  d(
    'scenario-forced',
    'Forced by scenario sc-1: answered D30002 and delayed 2000 ms',
    'A scenario queued for getToken decided this outcome; your request itself was accepted.',
    'Delete the scenario (DELETE /sandbox/v1/apps/{clientID}/scenarios/sc-1) when you no longer want it.',
  ),
  d(
    'clock-skew',
    "Your clock is 2 minutes behind the platform's",
    'timestamp 1767225480000 (2026-01-01T00:58:00.000Z) vs platform time 2026-01-01T01:00:00.000Z; calls fail with D20004 beyond ±300 s.',
    'Keep the server clock in sync (NTP) and send Date.now() in milliseconds.',
  ),
  d(
    'code-expired',
    'The authorisation code expired at 2026-01-01T00:02:00.000Z',
    "Codes live 120 s from the redirect. The app's test clock is 3 minutes ahead.",
    'Start a new login (getQR) and exchange the new code at once, exactly once.',
  ),
  d(
    'token-revoked',
    'The access token was revoked at 2026-01-01T00:00:05.000Z: its code was used a second time',
    'Issued at 2026-01-01T00:00:00.000Z (request tx1, getToken); the same code was exchanged again at 2026-01-01T00:00:05.000Z (request tx2, getToken), which revokes the token (code replay protection).',
    'Log the resident in again (getQR, getToken) and use the new accessToken with its openID.',
  ),
  d(
    'redirect-uri-not-registered',
    'The redirectURI "https://osp.example/cb/" is not registered for this app (near miss: it has a trailing slash)',
    'Registered redirect URIs: https://osp.example/cb. They are matched exactly: scheme, host, port, path and query. "https://osp.example/cb/" has a trailing slash compared with the registered "https://osp.example/cb".',
    'Send one of the registered URIs exactly, or register "https://osp.example/cb/" for the app in the console.',
  ),
  d(
    'scope-not-granted',
    'Unknown scope(s): eidapi_Auth',
    'This app is granted: eidapi_auth, eidapi_profiles. Scope names are case-sensitive and space-separated.',
    'Use only the documented scopes: eidapi_auth, eidapi_profiles, eidapi_formFilling, eidapi_sign, eidapi_fr, eidapi_bulksign.',
  ),
  d(
    'cek-expired',
    'The CEK expired at 2026-01-02T00:00:00.000Z (forced by a scenario)',
    'Your newest CEK was issued at 2026-01-01T00:00:00.000Z and expired 5 s before this call. A "force CEK expiry" scenario expired it.',
    'Call security/getKey, cache the CEK until issueAt + expiresIn, and when a call answers D30002 or D30004 fetch a new CEK and retry once (the typed client does this for you).',
  ),
  d(
    'signature-body-length',
    'The body received (10 bytes) is not the body you sent: Content-Length says 12',
    'The body signed and the body received differ in length. It holds non-ASCII characters: 4 characters are 10 UTF-8 bytes.',
    'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.',
  ),
  d(
    'signature-string-format',
    'The string to sign is assembled differently: separated by "&"',
    'Your signature matches the parts joined separated by "&". The string to sign is the plain concatenation clientID + signatureMethod + timestamp + nonce + body, with no separators.',
    'Serialise the body once, sign that exact string, and send that same string: const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body }).',
  ),
  d(
    'cek-rotated-out',
    'The content was encrypted with a CEK issued at 2026-01-01T00:00:00.000Z that no longer exists',
    'Two later getKey calls (or a revokeKey) replaced it: the platform keeps only the current CEK and the previous one. Several processes sharing one app, each calling getKey, rotate each other’s CEK out.',
    'Call security/getKey, cache the CEK until issueAt + expiresIn, and when a call answers D30002 or D30004 fetch a new CEK and retry once (the typed client does this for you). Share one CEK cache between the processes of an app, or let each retry once on D30002.',
  ),
  d(
    'signature-empty-body',
    'The empty string was signed instead of the JSON body',
    'Your signature matches clientID + signatureMethod + timestamp + nonce with an empty body; the server received 52 bytes of JSON and signs them. Some clients sign "" for every call because getKey may be sent with no body.',
    'Sign the body you send: only a call posted with no body at all signs "". Serialise the body once, sign that exact string, and send that same string: const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body }).',
  ),
  d(
    'path-near-miss',
    'No operation at /api/v1/account/auth/eme/initiateRequest: did you mean /api/v1/account/eme/initiateRequest?',
    'The platform answers D20027 (HTTP 404) for a path it does not serve. /api/v1/account/auth/eme/initiateRequest is close to /api/v1/account/eme/initiateRequest (one public client calls e-ME under /account/auth/eme/; the official sample uses /account/eme/).',
    'Call POST /api/v1/account/eme/initiateRequest: paths are case-sensitive and have no trailing slash. The API reference lists every path.',
  ),
  d(
    'plain-json-body',
    'The request was sent as plain JSON; this operation needs encrypted content',
    'The body has "code", "grantType" at the top level and no "content". Encrypted operations take {"content": "<Base64 AES-GCM of the JSON request>"}.',
    'Encrypt the request with the CEK from getKey and send {"content": "…"} (the typed client does this). If you are testing the sample library’s unencrypted mode, choose the app’s "unencrypted" compatibility profile instead.',
  ),
  d(
    'get-qr-state-missing',
    'getQR was called without state',
    'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).',
    'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.',
  ),
]

describe('the inspector diagnoses in Chinese', () => {
  it('has zh-HK and zh-CN sentences for every diagnosis id of the inspector', () => {
    const ids = sourceIds()
    expect(ids.length).toBeGreaterThanOrEqual(38)
    expect(
      ids.filter((id) => !translatedIds().includes(id)),
      HOW,
    ).toEqual([])
  })

  it.each(LANGS)('writes every sample sentence in %s, facts kept', (lang) => {
    for (const s of SAMPLES) {
      expect(untranslated(s, lang), s.id).toEqual([])
      const zh = localiseDiagnosis(s, lang)
      for (const text of [zh.title, zh.detail, zh.fix]) expect(text, s.id).toMatch(CJK)
      expect({ id: zh.id, link: zh.link, severity: zh.severity }).toEqual({
        id: s.id,
        link: s.link,
        severity: s.severity,
      })
    }
    const skew = localiseDiagnosis(SAMPLES[1]!, lang)
    expect(skew.title).toContain('2 ')
    expect(skew.detail).toContain('1767225480000')
    const redirect = localiseDiagnosis(SAMPLES[4]!, lang)
    expect(redirect.detail).toContain('https://osp.example/cb/')
  })

  it.each(LANGS)('translates the callback diagnoses as they are produced, in %s', (lang) => {
    const base = { id: 'cb1', url: 'https://osp.example/cb', state: 'failed' } as const
    const records = [
      {
        ...base,
        attempts: [
          { at: 0, status: 500 },
          { at: 1000, status: 503 },
        ],
      },
      { ...base, attempts: [{ at: 0, error: 'The operation was aborted due to timeout' }] },
      { ...base, attempts: [{ at: 0, error: 'ECONNREFUSED' }] },
      { ...base, attempts: [{ at: 0 }] },
      { ...base, attempts: [{ at: 0, error: 'refused: 10.0.0.1 is a private address' }] },
      { ...base, attempts: [{ at: 0 }], forced: { scenarioId: 'sc-2', fault: 'timeout' } },
    ]
    for (const r of records)
      for (const dg of diagnoseCallback(r as never)) expect(untranslated(dg, lang), dg.title).toEqual([])
  })

  it.each(LANGS)('gives the generic D-code diagnosis and every D-code message in %s', (lang) => {
    for (const code of Object.keys(dCodes) as (keyof typeof dCodes)[]) {
      const t = dcodeText(code, lang)
      expect(t.message, code).toMatch(CJK)
      expect(t.description, code).toMatch(CJK)
      // Code spans and numbers of the description survive the translation.
      const spans = (s: string) => [...s.matchAll(/`[^`]+`|D\d{5}/g)].map((m) => m[0]).sort()
      expect(spans(t.description), code).toEqual(spans(dCodes[code].description))
    }
    const g = d(
      'code-d20003',
      'D20003 Parameter is illegal: businessID too long',
      'The platform found: businessID too long.',
      dCodes.D20003.description,
    )
    const zh = localiseDiagnosis(g, lang)
    expect(untranslated(g, lang)).toEqual([])
    expect(zh.title).toBe(`D20003 ${dcodeText('D20003', lang).message}：businessID too long`)
    expect(zh.detail).toMatch(/^平台[發发]現?[现]?：businessID too long。$/)
    expect(zh.fix).toBe(dcodeText('D20003', lang).description)
    expect(dcodeText('D20003', 'en-US')).toEqual(dCodes.D20003)
  })

  it('reads the language from ?lang= first, then Accept-Language; English (undefined) otherwise', () => {
    expect(diagnosisLang('zh-Hant')).toBe('zh-HK')
    expect(diagnosisLang('zh-HK')).toBe('zh-HK')
    expect(diagnosisLang('zh-Hans')).toBe('zh-CN')
    expect(diagnosisLang('zh-CN')).toBe('zh-CN')
    expect(diagnosisLang('en', 'zh-HK')).toBeUndefined()
    expect(diagnosisLang(undefined, 'zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN')
    expect(diagnosisLang(undefined, 'en-GB,zh-HK;q=0.5')).toBeUndefined()
    expect(diagnosisLang(undefined, 'fr, zh-Hant-HK;q=0.8')).toBe('zh-HK')
    expect(diagnosisLang(undefined, 'zh-TW;q=0, en;q=0.5')).toBeUndefined()
    expect(diagnosisLang()).toBeUndefined()
    const item = { kind: 'call', diagnosis: [] } as unknown as InspectedItem
    expect(localiseItem(item, 'zh-HK')).toBe(item)
  })

  it('answers in Chinese through the inspector API only when asked, in the same shape', async () => {
    const h = await harness()
    const r = await slip(h, '/security/getKey', { sent: '{}', timestamp: String(h.clock.now() + 7 * 60_000) })
    const get = async (query: string, headers: Record<string, string> = {}) => {
      const res = await h.request(`/sandbox/v1/apps/${h.clientID}/requests/${r.txID}${query}`, {
        headers: { Authorization: `Bearer ${h.adminToken}`, ...headers },
      })
      expect(res.status).toBe(200)
      return ((await res.json()) as InspectedItem).diagnosis[0]!
    }
    const en = await get('')
    expect(en.title).toBe("The timestamp is 7 minutes ahead of the platform's clock")
    expect(await get('?lang=en', { 'Accept-Language': 'zh-HK' })).toEqual(en)
    const hk = await get('?lang=zh-Hant')
    expect(hk.title).toBe('timestamp 比平台時鐘快了 7 分鐘')
    expect(Object.keys(hk)).toEqual(Object.keys(en))
    expect({ ...hk, title: '', detail: '', fix: '' }).toEqual({ ...en, title: '', detail: '', fix: '' })
    const cn = await get('', { 'Accept-Language': 'zh-CN,zh;q=0.9' })
    expect(cn.title).toBe('timestamp 比平台时钟快了 7 分钟')
    expect(untranslated(en, 'zh-CN')).toEqual([])
    const list = await h.request(`/sandbox/v1/apps/${h.clientID}/requests?lang=zh-Hans`, {
      headers: { Authorization: `Bearer ${h.adminToken}` },
    })
    const items = ((await list.json()) as { items: InspectedItem[] }).items
    expect(items.find((i) => i.txID === r.txID)!.diagnosis[0]!.title).toBe(cn.title)
  })
})
