/** Category suggestion: a small rules table over the attached requests' D-codes and operations and the enquiry's words. */
import { CATEGORIES, type Category } from './support.types'

/** What an attached request tells about the problem. */
export interface RequestEvidence {
  txID: string
  code: string
  operationId: string
}

/** D-code → category (weight 4): the strongest evidence, the platform's own verdict. */
export const DCODE_RULES: Array<{ codes: string[]; category: Category; why: string }> = [
  { codes: ['D20004', 'D20005', 'D20006'], category: 'keys', why: 'request signature or replay check' },
  {
    codes: ['D20022', 'D30001', 'D30002', 'D30003', 'D30004'],
    category: 'keys',
    why: 'key or content encryption',
  },
  { codes: ['D20008', 'D20012'], category: 'onboarding', why: 'app registration (redirect URI or scope)' },
  {
    codes: ['D20007', 'D20009', 'D20010', 'D40000', 'D40001', 'D40002', 'D40003', 'D40004', 'D40035'],
    category: 'login',
    why: 'login, code or token',
  },
  { codes: ['D80001', 'D80002', 'D80003'], category: 'login', why: 'step-up authentication' },
  {
    codes: ['D50001', 'D50002', 'D50003', 'D60000', 'D60001', 'D60002', 'D60003'],
    category: 'e-ME',
    why: 'profile or e-ME form filling',
  },
  {
    codes: ['D70000', 'D70001', 'D70002', 'D70003', 'D70004', 'D70005', 'D70006'],
    category: 'signing',
    why: 'digital signing',
  },
]

/** operationId → category (weight 2), only for a request whose D-code has no rule (success, parameter errors…). */
export const OPERATION_RULES: Array<[RegExp, Category]> = [
  [/^(getKey|revokeKey)$/, 'keys'],
  [/Signing|^ackSigningResult$/, 'signing'],
  [/DataExchange|Consent/, 'consent'],
  [/Eme|Profile/, 'e-ME'],
  [/^(getQr|getToken|initiateStepUpRequest)$/, 'login'],
]

/** Words and phrases (weight 1 each). "signature" alone is left out: request signature or digital signing? */
export const KEYWORD_RULES: Array<[Category, string[]]> = [
  [
    'keys',
    [
      'hmac',
      'sign check',
      'cek',
      'kek',
      'encrypt',
      'encryption',
      'decrypt',
      'getkey',
      'private key',
      'public key',
      'secretkey',
      'aes',
      'rsa',
      'pkcs',
    ],
  ],
  [
    'login',
    [
      'login',
      'log in',
      'sign in',
      'getqr',
      'qr',
      'qr code',
      'auth code',
      'authorisation code',
      'authorization code',
      'access token',
      'gettoken',
      'step-up',
      'openid',
    ],
  ],
  ['e-ME', ['e-me', 'eme', 'form filling', 'form-filling', 'profile', 'address', 'mobile number']],
  [
    'signing',
    ['signing', 'digital signature', 'pdf', 'hashcode', 'hash code', 'signcode', 'smart-cert', 'docdigest'],
  ],
  ['consent', ['consent', 'data exchange', 'department records']],
  [
    'onboarding',
    [
      'onboarding',
      'ite',
      'integrated testing',
      'programme',
      'register',
      'registration',
      'client id',
      'client secret',
      'redirect uri',
      'scope',
      'domain',
      'approver',
      'creator',
    ],
  ],
]

const KEYWORD_RES = KEYWORD_RULES.map(
  ([category, words]) =>
    [
      category,
      words.map(
        (w) => [w, new RegExp(`(?<![\\w-])${w.replace(/[-\s]/g, '[-\\s]?')}(?![\\w-])`, 'i')] as const,
      ),
    ] as const,
)

export interface CategorySuggestion {
  category: Category
  /** Why, strongest first, e.g. `D20006 on getKey: request signature or replay check`. */
  reasons: string[]
  scores: Partial<Record<Category, number>>
}

/** The best-scoring category; `other` when nothing matches; ties go to the earlier category in CATEGORIES. */
export function suggestCategory(text: string, requests: RequestEvidence[]): CategorySuggestion {
  const scores: Partial<Record<Category, number>> = {}
  const reasons: Array<[number, string]> = []
  const add = (c: Category, weight: number, why: string) => {
    scores[c] = (scores[c] ?? 0) + weight
    reasons.push([weight, why])
  }
  for (const r of requests) {
    const rule = DCODE_RULES.find((x) => x.codes.includes(r.code))
    const op = OPERATION_RULES.find(([re]) => re.test(r.operationId))
    if (rule) add(rule.category, 4, `${r.code} on ${r.operationId}: ${rule.why} → ${rule.category}`)
    else if (op) add(op[1], 2, `${r.code} on ${r.operationId} → ${op[1]}`)
  }
  for (const [category, words] of KEYWORD_RES)
    for (const [word, re] of words)
      if (re.test(text)) add(category, 1, `the text mentions "${word}" → ${category}`)
  let best: Category = 'other'
  for (const c of CATEGORIES) if ((scores[c] ?? 0) > (scores[best] ?? 0)) best = c
  return {
    category: best,
    reasons: reasons.sort((a, b) => b[0] - a[0]).map(([, why]) => why),
    scores,
  }
}
