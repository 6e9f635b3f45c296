/** Portal pages the desk links to (canned answers, suggestions); a test checks each page and anchor exists in portal/docs. */
import type { Category } from './support.types'

export const PAGES: Record<string, string> = {
  '/docs/troubleshooting#request-signing': 'Request signing (D20006)',
  '/docs/troubleshooting#signature-mismatch': 'The signature does not match (D20006)',
  '/docs/troubleshooting#timestamp-and-nonce': 'Timestamp and nonce (D20004)',
  '/docs/troubleshooting#timestamp-window': 'The timestamp is outside the window (D20004)',
  '/docs/troubleshooting#nonce-reused': 'The nonce was already used (D20004)',
  '/docs/troubleshooting#content-keys': 'Content keys (D30002, D30004)',
  '/docs/troubleshooting#cek-expired': 'The content key expired (D30002)',
  '/docs/troubleshooting#redirect-uri-not-registered': 'The redirect URI is not registered (D20008)',
  '/docs/troubleshooting#scope-not-granted': 'A scope is not granted to the app (D20012)',
  '/docs/troubleshooting#codes-and-tokens': 'Authorisation codes and access tokens (D40004, D20009)',
  '/docs/troubleshooting#code-reused': 'The authorisation code was already used (D40004)',
  '/docs/troubleshooting#token-expired': 'The access token expired (D20009)',
  '/docs/troubleshooting#businessid-reused': 'The businessID was already used (D20011)',
  '/docs/troubleshooting#source-unsupported': 'The source is not supported (D20007)',
  '/docs/troubleshooting#callbacks': 'Callbacks that fail',
  '/docs/troubleshooting#node-20-rsa-pkcs1': 'Node 20 refuses RSA PKCS#1 v1.5 decryption',
  '/docs/troubleshooting#pdfsig-ocsp': 'pdfsig does not trust the signature, or never finishes',
  '/docs/troubleshooting#still-stuck': 'Still stuck?',
  '/docs/concepts/request-signing': 'Request signing',
  '/docs/concepts/encryption': 'Content encryption',
  '/docs/concepts/callbacks': 'Callbacks',
  '/docs/concepts/journeys': 'The journeys',
  '/docs/guides/login': 'Login',
  '/docs/guides/profile': 'Profile',
  '/docs/guides/eme-form-filling': 'e-ME form filling',
  '/docs/guides/hash-signing': 'Hash signing',
  '/docs/guides/pdf-signing': 'PDF signing',
  '/docs/guides/consent': 'Consent',
  '/docs/getting-started': 'Getting started',
  '/docs/testing/headless': 'Headless control',
  '/docs/testing/magic-residents': 'Magic residents',
}

/** The troubleshooting section for a D-code. */
export const DCODE_PAGES: Record<string, string[]> = {
  D20004: ['/docs/troubleshooting#timestamp-and-nonce'],
  D20006: ['/docs/troubleshooting#signature-mismatch', '/docs/concepts/request-signing'],
  D20007: ['/docs/troubleshooting#source-unsupported'],
  D20008: ['/docs/troubleshooting#redirect-uri-not-registered'],
  D20009: ['/docs/troubleshooting#token-expired'],
  D20011: ['/docs/troubleshooting#businessid-reused'],
  D20012: ['/docs/troubleshooting#scope-not-granted'],
  D30002: ['/docs/troubleshooting#cek-expired', '/docs/concepts/encryption'],
  D30004: ['/docs/troubleshooting#content-keys', '/docs/concepts/encryption'],
  D40004: ['/docs/troubleshooting#codes-and-tokens'],
}

/** The guide of each category. */
export const CATEGORY_PAGES: Record<Category, string[]> = {
  login: ['/docs/guides/login', '/docs/concepts/journeys'],
  'e-ME': ['/docs/guides/eme-form-filling', '/docs/guides/profile'],
  signing: ['/docs/guides/hash-signing', '/docs/guides/pdf-signing'],
  consent: ['/docs/guides/consent'],
  keys: ['/docs/concepts/encryption', '/docs/concepts/request-signing'],
  onboarding: ['/docs/getting-started'],
  other: ['/docs/getting-started'],
}

/** Words in the text that point at one page. */
export const KEYWORD_PAGES: Array<[RegExp, string]> = [
  [/\b(node ?20|pkcs ?#?1|privatedecrypt)\b/i, '/docs/troubleshooting#node-20-rsa-pkcs1'],
  [/\bpdfsig\b|\bocsp\b/i, '/docs/troubleshooting#pdfsig-ocsp'],
  [/\bcallbacks?\b/i, '/docs/troubleshooting#callbacks'],
  [/\b(headless|autopilot|playwright|ci)\b/i, '/docs/testing/headless'],
  [/\bmagic[- ]residents?\b/i, '/docs/testing/magic-residents'],
  [/\bnonce\b/i, '/docs/troubleshooting#nonce-reused'],
  [/\bredirect ?uri\b/i, '/docs/troubleshooting#redirect-uri-not-registered'],
]

export interface PageSuggestion {
  path: string
  title: string
  reason: string
}

/**
 * Pages for an enquiry (at most 6): what the inspector diagnosed in its attached requests, then its D-codes, then words
 * in its text, then its category's guide.
 */
export function suggestPages(
  category: Category,
  codes: string[],
  text: string,
  diagnoses: Array<{ link: string; title: string }> = [],
): PageSuggestion[] {
  const out = new Map<string, PageSuggestion>()
  const add = (path: string, reason: string, title = PAGES[path] ?? path) => {
    if (!out.has(path)) out.set(path, { path, title, reason })
  }
  for (const d of diagnoses)
    if (d.link.startsWith('/docs/'))
      add(d.link, `the inspector diagnosed: ${d.title}`, PAGES[d.link] ?? d.title)
  for (const code of codes)
    for (const p of DCODE_PAGES[code] ?? []) add(p, `attached request answered ${code}`)
  for (const [re, p] of KEYWORD_PAGES) {
    const m = re.exec(text)
    if (m) add(p, `the text mentions "${m[0]}"`)
  }
  for (const p of CATEGORY_PAGES[category]) add(p, `category ${category}`)
  return [...out.values()].slice(0, 6)
}
