/**
 * The D-codes' messages and descriptions in Traditional (zh-HK) and Simplified (zh-CN) Chinese, for the pages and
 * tools a person reads (the getQR error page, the request inspector). The platform's envelopes keep the English
 * `message` of the contract (openapi/generated/dcodes.ts): this is a translation of it, not a change of the wire.
 * The texts: dcodes.zh-hk.ts and dcodes.zh-cn.ts. Terms: portal/i18n/glossary.md.
 */
import type { DCode } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { zhCN } from './dcodes.zh-cn'
import { zhHK } from './dcodes.zh-hk'

export type ChineseLang = 'zh-HK' | 'zh-CN'

type Texts = Record<DCode, readonly [message: string, description: string]>
const TABLES: Record<ChineseLang, Texts> = { 'zh-HK': zhHK, 'zh-CN': zhCN }

/** The D-code's message and description in `lang` (English for en-US, or for a code without a translation). */
export function dcodeText(code: DCode, lang: string): { message: string; description: string } {
  const zh = (TABLES as Record<string, Texts | undefined>)[lang]?.[code]
  return zh ? { message: zh[0], description: zh[1] } : dCodes[code]
}
