// The desk's rules: category from D-codes, operations and words; portal pages that exist; similarity by TF-IDF.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CANNED_ANSWERS } from './canned-answers'
import { DCODE_RULES, suggestCategory } from './categorise'
import { CATEGORY_PAGES, DCODE_PAGES, KEYWORD_PAGES, PAGES, suggestPages } from './portal-pages'
import { similar, tokens } from './similarity'

const DOCS = fileURLToPath(new URL('../../../../portal/docs/', import.meta.url))
const req = (code: string, operationId: string) => ({ txID: 'x', code, operationId })

describe('category suggestion', () => {
  it('weighs D-codes (4) over operations (2, when the D-code has no rule) over words (1 each)', () => {
    // A request signature failure while signing a PDF is a keys problem, whatever the words say.
    expect(suggestCategory('Signing a PDF fails', [req('D20006', 'initiatePdfSigningRequest')])).toEqual({
      category: 'keys',
      reasons: [
        'D20006 on initiatePdfSigningRequest: request signature or replay check → keys',
        'the text mentions "signing" → signing',
        'the text mentions "pdf" → signing',
      ],
      scores: { keys: 4, signing: 2 },
    })
    expect(
      suggestCategory('Signing a PDF fails', [req('D20003', 'initiatePdfSigningRequest')]),
    ).toMatchObject({
      category: 'signing',
      scores: { signing: 4 },
    })
    expect(suggestCategory('It fails', [req('D20006', 'getToken')]).category).toBe('keys')
    expect(suggestCategory('It fails', [req('D20008', 'getQr')]).category).toBe('onboarding')
    expect(suggestCategory('It fails', [req('D60003', 'initiateEmeRequest')]).category).toBe('e-ME')
    expect(suggestCategory('It fails', [req('D00000', 'getConsentStatus')]).category).toBe('consent')
    expect(suggestCategory('How do I revoke consent?', []).category).toBe('consent')
    expect(suggestCategory('We want to apply for the ITE', []).category).toBe('onboarding')
    expect(suggestCategory('Hello', [])).toEqual({ category: 'other', reasons: [], scores: {} })
  })

  it('every D-code of the rules exists in the generated D-code table', async () => {
    const { dCodes } = await import('@iamsmart-sandbox/openapi/generated/dcodes')
    for (const rule of DCODE_RULES) for (const code of rule.codes) expect(Object.keys(dCodes)).toContain(code)
  })
})

describe('portal pages', () => {
  it('every page the desk links exists in portal/docs, anchors included', () => {
    const linked = new Set([
      ...Object.keys(PAGES),
      ...Object.values(DCODE_PAGES).flat(),
      ...Object.values(CATEGORY_PAGES).flat(),
      ...KEYWORD_PAGES.map(([, p]) => p),
      ...CANNED_ANSWERS.flatMap((a) => a.links),
    ])
    const missing: string[] = []
    for (const link of linked) {
      if (!PAGES[link]) missing.push(`${link}: not in PAGES`)
      const [path, anchor] = link.replace(/^\/docs\//, '').split('#')
      const file = [`${DOCS}${path}.mdx`, `${DOCS}${path}.md`, `${DOCS}${path}/index.mdx`].find((f) =>
        existsSync(f),
      )
      if (!file) missing.push(`${link}: no page`)
      else if (anchor && !readFileSync(file, 'utf8').includes(`{/* #${anchor} */}`))
        missing.push(`${link}: no anchor`)
    }
    expect(missing).toEqual([])
  })

  it('suggests D-code sections first, then words, then the category guide', () => {
    expect(
      suggestPages('keys', ['D30002'], 'Node 20 cannot unwrap the CEK').map((p) => [p.path, p.reason]),
    ).toEqual([
      ['/docs/troubleshooting#cek-expired', 'attached request answered D30002'],
      ['/docs/concepts/encryption', 'attached request answered D30002'],
      ['/docs/troubleshooting#node-20-rsa-pkcs1', 'the text mentions "Node 20"'],
      ['/docs/concepts/request-signing', 'category keys'],
    ])
  })
})

describe('similarity', () => {
  it('tokenises without stop words and keeps D-codes whole', () => {
    expect(tokens('Why does getKey answer D20006 for my app?')).toEqual(['getkey', 'answer', 'd20006', 'app'])
  })

  it('ranks by TF-IDF cosine, drops weak matches, names the shared terms', () => {
    const matches = similar({ id: 't', text: 'getKey answers D20006 signature mismatch' }, [
      { id: 'a', text: 'D20006 signature mismatch on getToken' },
      { id: 'b', text: 'QR code login never completes' },
      { id: 'c', text: 'getKey D20006' },
    ])
    expect(matches.map((m) => m.id)).toEqual(['c', 'a'])
    expect(matches[1]!.shared).toEqual(expect.arrayContaining(['d20006', 'signature', 'mismatch']))
    expect(matches.every((m) => m.score >= 0.2 && m.score <= 1)).toBe(true)
  })
})
