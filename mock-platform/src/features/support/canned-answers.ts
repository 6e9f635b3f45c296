/** Canned answers staff reply with: short, each linking the portal page that explains the fix. */
import type { Category } from './support.types'

export interface CannedAnswer {
  id: string
  title: string
  category: Category
  /** D-codes it answers (the console offers it first for enquiries attaching them). */
  codes: string[]
  body: string
  links: string[]
}

export const CANNED_ANSWERS: CannedAnswer[] = [
  {
    id: 'signature-mismatch',
    title: 'Signature does not match (D20006)',
    category: 'keys',
    codes: ['D20006'],
    body: 'The platform computed a different HMAC over the bytes it received. Sign the exact string you send (serialise the body once), as clientID + "HmacSHA256" + timestamp + nonce + body, with the client secret as UTF-8 text, and URL-encode the Base64 signature. The request inspector shows the string the sandbox signed next to your headers.',
    links: ['/docs/troubleshooting#signature-mismatch', '/docs/concepts/request-signing'],
  },
  {
    id: 'timestamp-window',
    title: 'Timestamp outside the window or nonce reused (D20004)',
    category: 'keys',
    codes: ['D20004'],
    body: 'The timestamp must be the current time in milliseconds, within ±300 s of the platform, and every request (retries too) needs a new random nonce and therefore a new signature.',
    links: ['/docs/troubleshooting#timestamp-window', '/docs/troubleshooting#nonce-reused'],
  },
  {
    id: 'cek-expired',
    title: 'Content key expired or unknown (D30002)',
    category: 'keys',
    codes: ['D30002', 'D30004'],
    body: 'Call getKey again and encrypt with the new CEK: it lives 24 hours, and revokeKey drops it at once. If the platform cannot decrypt your content, check the layout (IV length, IV, ciphertext, tag) described in the encryption guide.',
    links: [
      '/docs/troubleshooting#cek-expired',
      '/docs/troubleshooting#content-keys',
      '/docs/concepts/encryption',
    ],
  },
  {
    id: 'node-20-rsa',
    title: 'Node 20 refuses RSA PKCS#1 v1.5 decryption',
    category: 'keys',
    codes: [],
    body: 'Node 20 refuses privateDecrypt with PKCS#1 v1.5 padding (CVE-2023-46809), which unwrapping the CEK needs. Unwrap it with a pure-JS RSA implementation as the troubleshooting page shows; you will meet the same on the real platform.',
    links: ['/docs/troubleshooting#node-20-rsa-pkcs1'],
  },
  {
    id: 'redirect-uri',
    title: 'Redirect URI not registered (D20008)',
    category: 'onboarding',
    codes: ['D20008'],
    body: 'The redirectURI must be registered for the app exactly as sent (scheme, host, port, path; no fragment). Add it in the console under the app’s redirect URIs; a creator’s change waits for an approver.',
    links: ['/docs/troubleshooting#redirect-uri-not-registered'],
  },
  {
    id: 'scope-not-granted',
    title: 'Scope not granted (D20012)',
    category: 'onboarding',
    codes: ['D20012'],
    body: 'The app asked for a scope it is not enrolled for. Add the scope to the app in the console, or remove it from the request.',
    links: ['/docs/troubleshooting#scope-not-granted'],
  },
  {
    id: 'code-already-used',
    title: 'Authorisation code used twice or expired (D40004)',
    category: 'login',
    codes: ['D40004'],
    body: 'An authorisation code is single use and lives 120 s. Exchange it once, straight after the redirect; a browser refresh or a retry of getToken with the same code answers D40004.',
    links: ['/docs/troubleshooting#code-reused', '/docs/guides/login'],
  },
  {
    id: 'more-information',
    title: 'Ask for the request id and steps',
    category: 'other',
    codes: [],
    body: 'Could you attach the request id (txID) of a failing call from the request inspector and the steps that lead to it? With the request id we see exactly what the sandbox received, with secrets masked.',
    links: ['/docs/troubleshooting#still-stuck'],
  },
]

export const cannedAnswer = (id: string): CannedAnswer | undefined => CANNED_ANSWERS.find((a) => a.id === id)

/** The reply text of a canned answer: its body and its links as full portal addresses. */
export function cannedText(a: CannedAnswer, baseUrl: string): string {
  return `${a.body}\n\n${a.links.map((l) => `${baseUrl}${l}`).join('\n')}`
}
