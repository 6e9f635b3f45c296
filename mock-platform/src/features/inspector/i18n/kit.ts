/** What the inspector's Chinese tables are made of, and the English pieces their rules match. */
import type { Both } from '../../../chinese'

export type { Both } from '../../../chinese'
/** Writes one English sentence (already matched by the rule's pattern) in Chinese, with that language's words. */
export type Write = (m: RegExpExecArray, w: Words) => string
export type Rule = readonly [RegExp, Both<Write>]
/** Sentences of one diagnosis id: exact ones, and patterns with facts; each in both languages. */
export interface Entry {
  exact?: Record<string, Both<string>>
  rules?: Rule[]
}
/** Recurring pieces: durations, directions, near-miss reasons, signature variants, "seen at". */
export interface Words {
  duration(english: string): string
  aheadBehind(english: string): string
  seen(english: string): string
  nearMiss(english: string): string
  variant(english: string): string
  clock(english: string): string
}

export const FIX_TIMESTAMP =
  'Send Date.now() (milliseconds since the epoch) and keep the server clock in sync with NTP. The window is ±300 s.'
export const RESTART = 'Start a new login (getQR) and exchange the new code at once, exactly once.'
export const RELOGIN =
  'Log the resident in again (getQR, getToken) and use the new accessToken with its openID.'
export const OTHERS = 'Other apps are not affected, and nothing of yours was dropped to make room.'
export const FIX_CEK =
  'Call security/getKey, cache the CEK until issueAt + expiresIn, and when a call answers D30002 or D30004 fetch a new CEK and retry once (the typed client does this for you).'
export const FIX_SIGN_EXACT =
  'Serialise the body once, sign that exact string, and send that same string: const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body }).'
export const FIX_SIGN_FORM = 'Send encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign))).'
export const FIX_ACK =
  'Answer any 2xx as soon as you have stored the callback (decrypt and process it afterwards); the platform retries up to 5 times with back-off.'
/** The English pieces the rules below match inside a sentence. */
export const DUR = String.raw`(\d+ (?:ms|s|minutes|hours|days))`
export const SEEN = String.raw`(\S+ \(request \S+, \w+\))`
export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
export const re = (source: string) => new RegExp(`^${source}$`, 's')

/** "The nonce "…" was already used at …" (nonce-reused) and its businessID twin: `what` stays in English in Chinese too. */
export const alreadyUsed = (what: string): Rule => [
  re(`The ${what} "(.*)" was already used(?: at (\\S+))?`),
  {
    'zh-HK': (m) => `${what}「${m[1]}」已被使用${m[2] ? `（於 ${m[2]}）` : ''}`,
    'zh-CN': (m) => `${what}“${m[1]}”已被使用${m[2] ? `（于 ${m[2]}）` : ''}`,
  },
]
