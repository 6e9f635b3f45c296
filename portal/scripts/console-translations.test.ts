// Every UI string of the portal's pages (the console, the API reference's try-it panel, the support desk, the staff
// console, the home page) is translated into Traditional and Simplified Chinese: each `translate({ id })` /
// `<Translate id>` of portal/src has an entry in the locale's code.json, in Chinese.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from './generate-tables'

const SRC = join(REPO_ROOT, 'portal/src')
const CJK = /[\u3400-\u9fff]/

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** The translation ids used in portal/src, with their English message where it is a plain string. */
function translationIds(): Set<string> {
  const ids = new Set<string>()
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/\bid[=:]\s*["']((?:console|home|support|portal)\.[\w.]+)["']/g))
      ids.add(m[1]!)
  }
  return ids
}

/** English messages written as one string literal: `translate({ id: '…', message: '…' })` and `<Translate id="…">{'…'}`. */
function englishMessages(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(
      /\bid: '((?:console|home|support|portal)\.[\w.]+)',\s*message:\s*(?:'([^']*)'|"([^"]*)")/g,
    ))
      out[m[1]!] = (m[2] ?? m[3])!
    for (const m of text.matchAll(/\bid="((?:console|home|support|portal)\.[\w.]+)"[^>]*>\s*\{'([^']*)'\}/g))
      out[m[1]!] = m[2]!
  }
  return out
}

describe.each(['zh-Hant', 'zh-Hans'])('portal strings in %s', (locale) => {
  const code = JSON.parse(
    readFileSync(join(REPO_ROOT, 'portal/i18n', locale, 'code.json'), 'utf8'),
  ) as Record<string, { message: string }>

  it('has a Chinese message for every id of the console, the support pages and the home page', () => {
    const ids = [...translationIds()]
    expect(ids.filter((id) => id.startsWith('console.')).length).toBeGreaterThan(200)
    expect(ids.filter((id) => id.startsWith('support.')).length).toBeGreaterThan(150)
    const missing = ids.filter((id) => !code[id])
    expect(missing, 'run `docusaurus write-translations --locale …` and translate').toEqual([])
    // Messages made only of placeholders and punctuation need no Chinese.
    const untranslated = ids.filter(
      (id) => !CJK.test(code[id]!.message) && code[id]!.message.replace(/\{\w+\}|[\s·:]/g, '') !== '',
    )
    expect(untranslated).toEqual([])
  })

  it('keeps the placeholders of the English message', () => {
    const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort()
    const english = englishMessages()
    expect(Object.keys(english).length).toBeGreaterThan(50)
    expect(Object.keys(english).filter((id) => id.startsWith('support.')).length).toBeGreaterThan(100)
    for (const [id, message] of Object.entries(english))
      if (code[id]) expect(placeholders(code[id]!.message), id).toEqual(placeholders(message))
  })
})
