/**
 * The request inspector's diagnoses in Traditional (zh-HK) and Simplified (zh-CN) Chinese, keyed by diagnosis id.
 * The diagnoses are written in English with the facts of the call woven in (diagnose-*.ts); each rule here matches
 * one English sentence of an id and writes it in Chinese with the same facts (the rules: i18n/, in files by area, each
 * sentence in both languages side by side; this module answers with them). The inspector's routes apply it at the
 * edge when a language is asked for (`?lang=zh-Hant` / `zh-Hans`, or Accept-Language): the English answer is
 * unchanged, and a sentence without a rule stays English (diagnosis.i18n.test.ts keeps that from happening).
 * Terms: portal/i18n/glossary.md.
 */
import type { DCode } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { type ChineseLang, dcodeText } from '../../dcodes.i18n'
import { entries, shared, words } from './i18n/tables'
import type { Both } from './i18n/kit'
import type { Diagnosis, InspectedItem } from './inspector.types'

export type DiagnosisLang = ChineseLang

/**
 * The language asked for: `?lang=` first (zh-Hant, zh-HK, zh-TW, zh-Hans, zh-CN, zh-SG, zh; en or anything else
 * means English), then the first Chinese or English tag of Accept-Language. undefined: English, as before.
 */
export function diagnosisLang(
  query?: string | null,
  acceptLanguage?: string | null,
): DiagnosisLang | undefined {
  const of = (tag: string): DiagnosisLang | 'en' | undefined => {
    const t = tag.trim().toLowerCase()
    if (/^zh-(hans|cn|sg)\b/.test(t)) return 'zh-CN'
    if (/^zh\b/.test(t)) return 'zh-HK'
    if (/^en\b/.test(t)) return 'en'
    return undefined
  }
  if (query) {
    const l = of(query)
    return l === 'en' ? undefined : l
  }
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';')
      const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1)
      return { tag, q: Number.isNaN(q) ? 0 : q, i }
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  for (const { tag } of tags) {
    const l = of(tag)
    if (l) return l === 'en' ? undefined : l
  }
  return undefined
}

/** The sentences several ids share, by their English. */
const SHARED: Record<string, Both<string> | undefined> = shared

/** One sentence in Chinese, or undefined when no rule of the id (or shared) matches it. */
function translate(lang: DiagnosisLang, id: string, english: string): string | undefined {
  const entry = entries[id]
  const exact = entry?.exact?.[english] ?? SHARED[english]
  if (exact !== undefined) return exact[lang]
  for (const [re, write] of entry?.rules ?? []) {
    const m = re.exec(english)
    if (m) return write[lang](m, words[lang])
  }
  return undefined
}

/** The id of the generic diagnosis of a D-code without a specific one (diagnosis.ts `generic`): `code-d20003`. */
const GENERIC = /^code-d\d{5}$/

/** The generic diagnosis of a D-code without a specific one (diagnosis.ts `generic`). */
function generic(lang: DiagnosisLang, d: Diagnosis): Diagnosis | undefined {
  const code = d.id.slice('code-'.length).toUpperCase() as DCode
  const en = dCodes[code]
  if (!en) return undefined
  const zh = dcodeText(code, lang)
  const head = `${code} ${en.message}`
  if (!d.title.startsWith(head)) return undefined
  const rest = d.title.slice(head.length)
  const found = /^The platform found: ([\s\S]*)\.$/.exec(d.detail)?.[1]
  const colon = lang === 'zh-CN' ? '平台发现' : '平台發現'
  return {
    ...d,
    title: `${code} ${zh.message}${rest.startsWith(': ') ? `：${rest.slice(2)}` : rest}`,
    detail:
      found !== undefined ? `${colon}：${found}。` : d.detail === en.description ? zh.description : d.detail,
    fix: d.fix === en.description ? zh.description : d.fix,
  }
}

/** Sentences of a diagnosis that have no Chinese rule (empty when fully translated). For the tests. */
export function untranslated(d: Diagnosis, lang: DiagnosisLang): string[] {
  if (GENERIC.test(d.id)) return generic(lang, d) ? [] : [d.title]
  return [d.title, d.detail, d.fix].filter((s) => translate(lang, d.id, s) === undefined)
}

/** The diagnosis in Chinese; a sentence without a rule stays English. Same shape, same id and link. */
export function localiseDiagnosis(d: Diagnosis, lang: DiagnosisLang): Diagnosis {
  if (GENERIC.test(d.id)) return generic(lang, d) ?? d
  const t = (s: string) => translate(lang, d.id, s) ?? s
  return { ...d, title: t(d.title), detail: t(d.detail), fix: t(d.fix) }
}

/** An inspector item (call or callback) with its diagnoses in `lang`; the item itself is not changed. */
export function localiseItem<T extends InspectedItem>(item: T, lang: DiagnosisLang | undefined): T {
  if (!lang || item.diagnosis.length === 0) return item
  return { ...item, diagnosis: item.diagnosis.map((d) => localiseDiagnosis(d, lang)) }
}

/** Every diagnosis id that has Chinese sentences, in both languages (the generic `code-…` ones come from dcodes.i18n.ts). */
export const translatedIds = (): string[] => Object.keys(entries)
