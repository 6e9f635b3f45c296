// The language tabs of the guides and concept pages cannot drift: every Java and Python block is a region of a
// sample that npm test runs against the sandbox, every HTTP block is generated from the contract's examples and
// signed with the known-answer vectors' client, and every tab group is the same four languages under one groupId.
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadContext, processPage, tabPages, tabsOf, type TabsContext } from './code-tabs'

let ctx: TabsContext
beforeAll(async () => {
  ctx = await loadContext()
}, 60_000)

const LANGUAGES = ['ts', 'java', 'python', 'http']

describe('language tabs (TypeScript, Java, Python, HTTP)', () => {
  it('cover the four journey guides and three concept pages in English, and the guides in both Chinese locales', () => {
    const pages = tabPages().map((p) => `${p.locale}:${p.page}`)
    for (const page of ['login', 'profile', 'eme-form-filling', 'hash-signing'])
      for (const locale of ['en', 'zh-Hant', 'zh-Hans'])
        expect(pages).toContain(`${locale}:guides/${page}.mdx`)
    for (const page of ['request-signing', 'encryption', 'callbacks'])
      expect(pages).toContain(`en:concepts/${page}.mdx`)
  })

  it('every block is its sample region or its generated wire view, up to date (refresh: npx tsx portal/scripts/code-tabs.ts --write)', () => {
    let includes = 0
    let http = 0
    for (const { file, locale } of tabPages()) {
      const r = processPage(readFileSync(file, 'utf8'), file, locale, ctx)
      expect(r.problems, file).toEqual([])
      includes += r.includes
      http += r.http
    }
    expect(includes).toBeGreaterThanOrEqual(50)
    expect(http).toBeGreaterThanOrEqual(25)
  })

  it('every tab group remembers the choice across pages and in the URL, and offers the four languages with code', () => {
    for (const { file } of tabPages()) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).toContain("import Tabs from '@theme/Tabs'")
      expect(text, file).toContain("import TabItem from '@theme/TabItem'")
      const groups = tabsOf(text).filter((t) => t.open.includes('groupId="language"'))
      expect(groups.length, file).toBeGreaterThanOrEqual(1)
      for (const g of groups) {
        expect(g.open).toBe('<Tabs groupId="language" queryString>')
        expect(g.items, file).toEqual(LANGUAGES)
        const [, , java, python, wire] = g.body.split(/<TabItem value="/)
        expect(java, file).toContain('{/* include: sdk-samples/java/')
        expect(python, file).toContain('{/* include: sdk-samples/python/')
        expect(wire, file).toContain('{/* http: ')
      }
    }
  })

  it('a stale block is reported and refreshed; an unknown region is reported', () => {
    const page = [
      '{/* include: sdk-samples/python/journey.py#login */}',
      '```python',
      'old',
      '```',
      '{/* /include */}',
      '{/* include: sdk-samples/python/journey.py#nowhere */}',
      '{/* /include */}',
    ].join('\n')
    const r = processPage(page, 'x.mdx', 'en', ctx)
    expect(r.problems.map((p) => [p.message, p.fixable])).toEqual([
      ['the block of include sdk-samples/python/journey.py#login is stale', true],
      ['sdk-samples/python/journey.py#nowhere does not resolve (file or #region)', false],
    ])
    expect(r.output).toContain('def login(client: IamSmartClient, return_uri: str) -> GetTokenResult:')
    expect(processPage(r.output, 'x.mdx', 'en', ctx).problems).toHaveLength(1)
  })

  it('the wire view carries a signature that verifies over the body shown (vector client secret)', () => {
    const lines = processPage('{/* http: getToken */}\n{/* /http */}', 'x.mdx', 'en', ctx).output.split('\n')
    const header = (name: string) => lines.find((l) => l.startsWith(`${name}: `))!.slice(name.length + 2)
    const body = lines[lines.indexOf('signature: ' + header('signature')) + 2]!
    expect(JSON.parse(body)).toEqual({ content: expect.stringMatching(/^AAAAD/) })
    const v = ctx.vectors.requestSignature
    const mac = createHmac('sha256', v.clientSecret)
      .update(
        `${header('clientID')}${header('signatureMethod')}${header('timestamp')}${header('nonce')}${body}`,
      )
      .digest('base64')
    expect(decodeURIComponent(header('signature'))).toBe(mac)
    expect(lines).toContain('POST /api/v1/auth/getToken HTTP/1.1')
  })
})
