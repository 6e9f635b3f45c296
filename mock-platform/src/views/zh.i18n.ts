/** The platform pages' UI strings in Traditional (zh-HK) and Simplified (zh-CN) Chinese: the English ones are in i18n.ts. */
// Typed where they are used: i18n.ts's table is a Record<Lang, Strings> (a key missing here fails to compile there).
// The texts, both languages side by side: zh.pages.i18n.ts (the pages) and zh.consent.i18n.ts (requests, consents).
import type { Both, ChineseLang } from '../chinese'
import { requests } from './zh.consent.i18n'
import { pages } from './zh.pages.i18n'

const zh = { ...pages, ...requests }

/** The tree with each side-by-side text replaced by its text in `lang`. */
type In<T> = T extends Both<infer U> ? U : { [K in keyof T]: In<T[K]> }
function inLang<T extends object>(tree: T, lang: ChineseLang): In<T> {
  const pick = (v: object) => ('zh-HK' in v ? (v as Both<unknown>)[lang] : inLang(v, lang))
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, pick(v as object)])) as In<T>
}

export const zhHK = inLang(zh, 'zh-HK')
export const zhCN = inLang(zh, 'zh-CN')
