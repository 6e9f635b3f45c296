/**
 * The D-codes' messages and descriptions in Traditional (zh-HK) and Simplified (zh-CN) Chinese, for the pages and
 * tools a person reads (the getQR error page, the request inspector). The platform's envelopes keep the English
 * `message` of the contract (openapi/generated/dcodes.ts): this is a translation of it, not a change of the wire.
 * The texts, both languages side by side: dcodes.checks.zh.ts and dcodes.requests.zh.ts. Terms: portal/i18n/glossary.md.
 */
import type { DCode } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import type { Both, ChineseLang } from './chinese'
import { checks } from './dcodes.checks.zh'
import { requests } from './dcodes.requests.zh'

export type { ChineseLang } from './chinese'

type ZhText = Record<'message' | 'description', Both<string>>
const TEXTS: Record<DCode, ZhText> = { ...checks, ...requests }

/** The D-code's message and description in `lang` (English for en-US, or for a code without a translation). */
export function dcodeText(code: DCode, lang: string): { message: string; description: string } {
  const zh: ZhText | undefined = TEXTS[code]
  return zh && isChinese(lang)
    ? { message: zh.message[lang], description: zh.description[lang] }
    : dCodes[code]
}

const isChinese = (lang: string): lang is ChineseLang => lang === 'zh-HK' || lang === 'zh-CN'
