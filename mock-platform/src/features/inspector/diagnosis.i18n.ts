/**
 * The request inspector's diagnoses in Traditional (zh-HK) and Simplified (zh-CN) Chinese, keyed by diagnosis id.
 * The diagnoses are written in English with the facts of the call woven in (diagnose-*.ts); each rule here matches
 * one English sentence of an id and writes it in Chinese with the same facts. The inspector's routes apply it at the
 * edge when a language is asked for (`?lang=zh-Hant` / `zh-Hans`, or Accept-Language): the English answer is
 * unchanged, and a sentence without a rule stays English (diagnosis.i18n.test.ts keeps that from happening).
 * Terms: portal/i18n/glossary.md.
 */
import type { DCode } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { type ChineseLang, dcodeText } from '../../dcodes.i18n'
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

/** Writes one English sentence (already matched by the rule's pattern) in Chinese. */
type Rule = readonly [RegExp, (m: RegExpExecArray, w: Words) => string]
/** Sentences of one diagnosis id: exact ones, and patterns with facts. */
interface Entry {
  exact?: Record<string, string>
  rules?: Rule[]
}
/** Recurring pieces: durations, directions, near-miss reasons, signature variants, "seen at". */
interface Words {
  duration(english: string): string
  aheadBehind(english: string): string
  seen(english: string): string
  nearMiss(english: string): string
  variant(english: string): string
  clock(english: string): string
}
interface Table {
  words: Words
  /** Sentences several ids share (the fixes of diagnose-keys, diagnose-signature, diagnose-callback …). */
  shared: Record<string, string>
  entries: Record<string, Entry>
}

/** One sentence in Chinese, or undefined when no rule of the id (or shared) matches it. */
function translate(table: Table, id: string, english: string): string | undefined {
  const entry = table.entries[id]
  const exact = entry?.exact?.[english] ?? table.shared[english]
  if (exact !== undefined) return exact
  for (const [re, write] of entry?.rules ?? []) {
    const m = re.exec(english)
    if (m) return write(m, table.words)
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
  const table = TABLES[lang]
  return [d.title, d.detail, d.fix].filter((s) => translate(table, d.id, s) === undefined)
}

/** The diagnosis in Chinese; a sentence without a rule stays English. Same shape, same id and link. */
export function localiseDiagnosis(d: Diagnosis, lang: DiagnosisLang): Diagnosis {
  if (GENERIC.test(d.id)) return generic(lang, d) ?? d
  const table = TABLES[lang]
  const t = (s: string) => translate(table, d.id, s) ?? s
  return { ...d, title: t(d.title), detail: t(d.detail), fix: t(d.fix) }
}

/** An inspector item (call or callback) with its diagnoses in `lang`; the item itself is not changed. */
export function localiseItem<T extends InspectedItem>(item: T, lang: DiagnosisLang | undefined): T {
  if (!lang || item.diagnosis.length === 0) return item
  return { ...item, diagnosis: item.diagnosis.map((d) => localiseDiagnosis(d, lang)) }
}

/** Every diagnosis id that has Chinese sentences (the generic `code-…` ones come from dcodes.i18n.ts). */
export const translatedIds = (lang: DiagnosisLang): string[] => Object.keys(TABLES[lang].entries)

const FIX_TIMESTAMP =
  'Send Date.now() (milliseconds since the epoch) and keep the server clock in sync with NTP. The window is ±300 s.'
const RESTART = 'Start a new login (getQR) and exchange the new code at once, exactly once.'
const RELOGIN = 'Log the resident in again (getQR, getToken) and use the new accessToken with its openID.'
const OTHERS = 'Other apps are not affected, and nothing of yours was dropped to make room.'
const FIX_CEK =
  'Call security/getKey, cache the CEK until issueAt + expiresIn, and when a call answers D30002 or D30004 fetch a new CEK and retry once (the typed client does this for you).'
const FIX_SIGN_EXACT =
  'Serialise the body once, sign that exact string, and send that same string: const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body }).'
const FIX_SIGN_FORM = 'Send encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign))).'
const FIX_ACK =
  'Answer any 2xx as soon as you have stored the callback (decrypt and process it afterwards); the platform retries up to 5 times with back-off.'
/** The English pieces the rules below match inside a sentence. */
const DUR = String.raw`(\d+ (?:ms|s|minutes|hours|days))`
const SEEN = String.raw`(\S+ \(request \S+, \w+\))`
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const re = (source: string) => new RegExp(`^${source}$`, 's')

const zhHK: Table = {
  words: {
    duration: (e) =>
      e.replace(
        /^(\d+) (ms|s|minutes|hours|days)$/,
        (_, n: string, u: string) =>
          `${n} ${{ ms: '毫秒', s: '秒', minutes: '分鐘', hours: '小時', days: '日' }[u]}`,
      ),
    aheadBehind: (e) => (e === 'ahead of' ? '快' : '慢'),
    seen: (e) => e.replace(/^(\S+) \(request (\S+), (\w+)\)$/, '$1（請求 $2，$3）'),
    nearMiss: (e) => {
      const port = /^uses port (.+) where (.+) is registered$/.exec(e)
      if (port)
        return `使用連接埠 ${port[1] === 'default' ? '（預設）' : port[1]}，而登記的是 ${port[2] === 'the default port' ? '預設連接埠' : port[2]}`
      return (
        {
          'has a trailing slash': '多了結尾斜線',
          'lacks the trailing slash': '缺少結尾斜線',
          'differs only in upper/lower case': '只有大小寫不同',
          'uses https where http is registered': '使用 https，而登記的是 http',
          'uses http where https is registered': '使用 http，而登記的是 https',
          'is URL-encoded twice': '經過兩次 URL 編碼',
          'differs only in the query string': '只有查詢字串不同',
          'differs only by "www."': '只差「www.」',
          'differs in the path’s case or trailing slash': '路徑的大小寫或結尾斜線不同',
        }[e] ?? e
      )
    },
    variant: (e) =>
      ({
        compact: '緊湊',
        'pretty (2 spaces)': '美化排版（2 個空格）',
        'pretty (4 spaces)': '美化排版（4 個空格）',
        'keys sorted': '鍵值排序',
        spaced: '加了空格',
        'trailing newline': '結尾多了換行',
        'trailing CRLF': '結尾多了 CRLF',
        trimmed: '刪去了前後空白',
        'empty body signed': '對空的內容主體簽名',
        '{} signed': '對 {} 簽名',
        'without signatureMethod': '不含 signatureMethod',
        'without clientID': '不含 clientID',
        'body only': '只有內容主體',
        'nonce before timestamp': 'nonce 在 timestamp 之前',
      })[e] ?? e.replace(/^separated by (.*)$/, '以 $1 分隔'),
    clock: (e) =>
      e.replace(
        /^ The app's test clock is (.+) ahead\.$/,
        (_, d: string) => `應用程式的測試時鐘快了 ${zhHK.words.duration(d)}。`,
      ),
  },
  shared: {
    [FIX_CEK]:
      '呼叫 security/getKey，把 CEK 快取至 issueAt + expiresIn；當呼叫回應 D30002 或 D30004 時，取得新的 CEK 並重試一次（型別化客戶端會替你處理）。',
    [FIX_SIGN_EXACT]:
      '內容主體只序列化一次，對該確切字串簽名，再傳送同一字串：const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body })。',
    [FIX_SIGN_FORM]: '傳送 encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign)))。',
    [FIX_ACK]: '一儲存好回調便回應任何 2xx（之後才解密及處理）；平台會以退避方式最多重試 5 次。',
    [FIX_TIMESTAMP]: '傳送 Date.now()（自紀元起計的毫秒數），並以 NTP 校準伺服器時鐘。時限為 ±300 秒。',
    [RESTART]: '重新開始登入（getQR），並立即交換新的授權碼，只交換一次。',
    [RELOGIN]: '讓市民再次登入（getQR、getToken），並使用新的 accessToken 及其 openID。',
  },
  entries: {
    'scenario-forced': {
      exact: {
        'Poll or re-initiate on your side; replay the callback from the inspector once your endpoint is ready.':
          '在你的一方輪詢或重新發起請求；你的端點準備好後，從檢查器重新發送回調。',
      },
      rules: [
        [
          re(`Forced by scenario (\\S+): callback (answered with HTTP 500|never answered)`),
          (m) => `由情境 ${m[1]} 強制：回調${m[2] === 'never answered' ? '永不回應' : '以 HTTP 500 回應'}`,
        ],
        [
          re(`Forced by scenario (\\S+): (.*)`),
          (m) =>
            `由情境 ${m[1]} 強制：${m[2]!
              .split(' and ')
              .map((p) =>
                p.replace(/^answered (\S+)$/, '回應 $1').replace(/^delayed (\d+) ms$/, '延遲 $1 毫秒'),
              )
              .join('及')}`,
        ],
        [
          re(`A scenario queued for (\\w+) decided this outcome; your request itself was accepted\\.`),
          (m) => `為 ${m[1]} 排定的情境決定了這個結果；你的請求本身已被接受。`,
        ],
        [
          re(`Delete the scenario \\(DELETE (\\S+)\\) when you no longer want it\\.`),
          (m) => `不再需要時，請刪除該情境（DELETE ${m[1]}）。`,
        ],
        [
          re(
            `No request was sent to (\\S+); all (\\d+) tries were marked (failed|timed out) so you can test how your system copes\\.`,
          ),
          (m) =>
            `沒有請求發送到 ${m[1]}；全部 ${m[2]} 次嘗試都標記為${m[3] === 'failed' ? '失敗' : '逾時'}，讓你測試系統的應變能力。`,
        ],
      ],
    },
    'signature-not-url-encoded': {
      exact: {
        'The signature header is raw Base64, not URL-encoded': '簽名標頭是原始 Base64，未經 URL 編碼',
        'The sandbox accepted it because this app is in lenient mode; in strict mode (and possibly on the real platform) this call fails with D20006.':
          '由於此應用程式處於寬鬆模式，沙盒接受了它；在嚴格模式下（真實平台亦可能如此），這次呼叫會以 D20006 失敗。',
        'URL-encode the Base64 signature before sending it: encodeURIComponent(base64), so + / = become %2B %2F %3D.':
          '傳送前把 Base64 簽名進行 URL 編碼：encodeURIComponent(base64)，讓 + / = 變成 %2B %2F %3D。',
        'Strict mode: the signature header is raw Base64, not URL-encoded':
          '嚴格模式：簽名標頭是原始 Base64，未經 URL 編碼',
        'The MAC itself is right, but this app is in strict mode, which accepts only the URL-encoded form.':
          'MAC 本身正確，但此應用程式處於嚴格模式，只接受經 URL 編碼的形式。',
        'URL-encode the Base64 signature: encodeURIComponent(base64), so + / = become %2B %2F %3D (or switch the app to lenient mode).':
          '把 Base64 簽名進行 URL 編碼：encodeURIComponent(base64)，讓 + / = 變成 %2B %2F %3D（或把應用程式切換為寬鬆模式）。',
      },
    },
    'clock-skew': {
      exact: {
        'Keep the server clock in sync (NTP) and send Date.now() in milliseconds.':
          '以 NTP 校準伺服器時鐘，並傳送以毫秒表示的 Date.now()。',
      },
      rules: [
        [
          re(`Your clock is ${DUR} (ahead of|behind) the platform's`),
          (m, w) => `你的時鐘比平台${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
        ],
        [
          re(
            `timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+); calls fail with D20004 beyond ±300 s\\.`,
          ),
          (m) => `timestamp ${m[1]}（${m[2]}），平台時間為 ${m[3]}；相差超過 ±300 秒的呼叫會以 D20004 失敗。`,
        ],
      ],
    },
    'timestamp-units': {
      rules: [
        [
          re(`The timestamp looks like (seconds|microseconds) since the epoch, not milliseconds`),
          (m) => `timestamp 看來是自紀元起計的${m[1] === 'seconds' ? '秒數' : '微秒數'}，而非毫秒數`,
        ],
        [
          re(
            `timestamp (\\S+) read as milliseconds is (\\S+); (times 1000|divided by 1000) it is (\\S+), close to the platform time (\\S+)\\.`,
          ),
          (m) =>
            `timestamp ${m[1]} 當作毫秒讀取是 ${m[2]}；${m[3] === 'times 1000' ? '乘以 1000' : '除以 1000'}則是 ${m[4]}，接近平台時間 ${m[5]}。`,
        ],
      ],
    },
    'timestamp-window': {
      rules: [
        [
          re(`The timestamp is ${DUR} (ahead of|behind) the platform's clock`),
          (m, w) => `timestamp 比平台時鐘${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
        ],
        [
          re(
            `timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+): off by ${DUR}, outside the ±300 s window\\. The app's test clock does not move this window\\.`,
          ),
          (m, w) =>
            `timestamp ${m[1]}（${m[2]}），平台時間為 ${m[3]}：相差 ${w.duration(m[4]!)}，超出 ±300 秒的時限。應用程式的測試時鐘不會移動這個時限。`,
        ],
      ],
    },
    'nonce-reused': {
      exact: {
        'It was used by this app within the last 10 minutes (that call is no longer in the inspector tail).':
          '此應用程式在過去 10 分鐘內使用過它（該次呼叫已不在檢查器的紀錄中）。',
        'Generate a fresh random nonce for every call, retries included (e.g. 16 random bytes as hex), together with a fresh timestamp.':
          '每次呼叫（包括重試）都生成新的隨機 nonce（例如 16 個隨機位元組的十六進位表示），並配合新的 timestamp。',
      },
      rules: [
        [
          re(`The nonce "(.*)" was already used(?: at (\\S+))?`),
          (m) => `nonce「${m[1]}」已被使用${m[2] ? `（於 ${m[2]}）` : ''}`,
        ],
        [
          re(
            `First used at ${SEEN}\\. The platform remembers every nonce of an app for 10 minutes, across all endpoints\\.`,
          ),
          (m, w) => `首次使用於 ${w.seen(m[1]!)}。平台會跨所有端點記住應用程式的每個 nonce 10 分鐘。`,
        ],
      ],
    },
    'code-reused': {
      rules: [
        [
          re(
            `The authorisation code was already used(?: at (\\S+))?, and the token it produced is now revoked`,
          ),
          (m) => `授權碼已被使用${m[1] ? `（於 ${m[1]}）` : ''}，由它產生的權杖現已被撤銷`,
        ],
        [
          re(
            `(?:It was exchanged at ${SEEN}\\. )?Codes are single use: a second exchange revokes the access token of the first, so that token now answers D20009\\.`,
          ),
          (m, w) =>
            `${m[1] ? `它已於 ${w.seen(m[1])} 交換。` : ''}授權碼只可使用一次：第二次交換會撤銷第一次所得的存取權杖，因此該權杖現在回應 D20009。`,
        ],
        [
          re(`Exchange each code once; never retry getToken with the same code\\. ${esc(RESTART)}`),
          () => `每個授權碼只交換一次；絕不以同一授權碼重試 getToken。${zhHK.shared[RESTART]}`,
        ],
      ],
    },
    'code-expired': {
      rules: [
        [re(`The authorisation code expired at (.+)`), (m) => `授權碼已於 ${m[1]} 過期`],
        [
          re(`Codes live 120 s from the redirect\\.( The app's test clock is .+ ahead\\.)?`),
          (m, w) => `授權碼自重新導向起有效 120 秒。${m[1] ? w.clock(m[1]) : ''}`,
        ],
      ],
    },
    'code-other-app': {
      exact: {
        'The authorisation code was issued to another app': '授權碼是簽發給另一個應用程式的',
        'The login that produced it used another clientID.': '產生它的登入使用了另一個 clientID。',
        [`Exchange the code with the clientID that started the login. ${RESTART}`]: `以開始登入的 clientID 交換授權碼。重新開始登入（getQR），並立即交換新的授權碼，只交換一次。`,
      },
    },
    'code-unknown': {
      exact: {
        'The authorisation code is unknown': '授權碼未知',
        'The sandbox never issued it, or it expired more than 5 minutes ago, or it comes from another environment (another sandbox, a restart, the real ITE).':
          '沙盒從未簽發它，或它已過期超過 5 分鐘，或它來自另一個環境（另一個沙盒、重新啟動前、真實的 ITE）。',
      },
    },
    'token-expired': {
      rules: [
        [re(`The access token expired at (.+)`), (m) => `存取權杖已於 ${m[1]} 過期`],
        [
          re(
            `Access tokens live 600 000 ms \\(10 minutes\\) from getToken\\.( The app's test clock is .+ ahead\\.)?`,
          ),
          (m, w) => `存取權杖自 getToken 起有效 600 000 毫秒（10 分鐘）。${m[1] ? w.clock(m[1]) : ''}`,
        ],
      ],
    },
    'token-revoked': {
      rules: [
        [
          re(`The access token was revoked at (\\S+): its code was used a second time`),
          (m) => `存取權杖已於 ${m[1]} 被撤銷：其授權碼被第二次使用`,
        ],
        [
          re(
            `Issued at ${SEEN}; the same code was exchanged again at ${SEEN}, which revokes the token \\(code replay protection\\)\\.`,
          ),
          (m, w) =>
            `簽發於 ${w.seen(m[1]!)}；同一授權碼於 ${w.seen(m[2]!)} 再次被交換，因而撤銷了該權杖（防止授權碼重放）。`,
        ],
      ],
    },
    'token-unknown': {
      exact: {
        'The access token is unknown': '存取權杖未知',
        'The sandbox never issued it to this app, or it expired more than 5 minutes ago, or it belongs to another app or environment.':
          '沙盒從未向此應用程式簽發它，或它已過期超過 5 分鐘，或它屬於另一個應用程式或環境。',
      },
      rules: [
        [
          re(`It was issued at ${SEEN} and is no longer valid\\.`),
          (m, w) => `它簽發於 ${w.seen(m[1]!)}，現已失效。`,
        ],
      ],
    },
    'businessid-reused': {
      exact: {
        'Generate a new businessID for every request (1–36 printable ASCII characters, e.g. crypto.randomUUID()) and keep it to match the callback.':
          '每個請求都生成新的 businessID（1–36 個可列印的 ASCII 字元，例如 crypto.randomUUID()），並保留它以配對回調。',
      },
      rules: [
        [
          re(`The businessID "(.*)" was already used(?: at (\\S+))?`),
          (m) => `businessID「${m[1]}」已被使用${m[2] ? `（於 ${m[2]}）` : ''}`,
        ],
        [
          re(
            `(?:First used at ${SEEN}\\. )?A businessID must be unique per app across profile, e-ME and signing requests \\(remembered for 24 hours\\)\\.`,
          ),
          (m, w) =>
            `${m[1] ? `首次使用於 ${w.seen(m[1])}。` : ''}businessID 在每個應用程式的個人資料、e-ME 及簽署請求之間必須唯一（會被記住 24 小時）。`,
        ],
      ],
    },
    'source-unsupported': {
      exact: {
        'Send the source that describes where the resident is: PC_Browser on a desktop, the mobile browser name (e.g. iOS_Safari), or App_Link/App_Scheme from an app.':
          '傳送描述市民所在位置的 source：桌面電腦用 PC_Browser，手機用瀏覽器名稱（例如 iOS_Safari），應用程式則用 App_Link／App_Scheme。',
      },
      rules: [
        [
          re(`The source "(.*)" is not supported(?:; did you mean (.+)\\?)?`),
          (m) => `不支援 source「${m[1]}」${m[2] ? `；你是否指 ${m[2].split(' or ').join(' 或 ')}？` : ''}`,
        ],
        [
          re(`Supported sources \\(case-sensitive\\): (.*)\\.`),
          (m) => `支援的 source（區分大小寫）：${m[1]}。`,
        ],
      ],
    },
    'nonce-limit': {
      exact: {
        'This app holds as many nonces as it may inside the replay window (NONCES_PER_APP)':
          '此應用程式在重放時限內持有的 nonce 已達上限（NONCES_PER_APP）',
        'Wait the Retry-After seconds, then spread your calls: at most NONCES_PER_APP signed calls per 10 minutes per app. A load test can use several apps; on your own sandbox, raise NONCES_PER_APP.':
          '等候 Retry-After 秒，然後分散你的呼叫：每個應用程式每 10 分鐘最多 NONCES_PER_APP 次經簽名的呼叫。負載測試可使用多個應用程式；在你自己的沙盒上，可提高 NONCES_PER_APP。',
      },
      rules: [
        [
          re(
            `(.*)\\. The platform remembers every nonce of an app for 10 minutes and never forgets one early, so at the bound the app's new signed calls answer HTTP 429 with Retry-After until its oldest nonce leaves the window\\. ${esc(OTHERS)}`,
          ),
          (m) =>
            `${m[1]}。平台會記住應用程式的每個 nonce 10 分鐘，不會提早忘記，因此達到上限時，應用程式新的經簽名呼叫會回應 HTTP 429 及 Retry-After，直至其最舊的 nonce 離開時限。其他應用程式不受影響，你的任何資料亦沒有為騰出空間而被丟棄。`,
        ],
      ],
    },
    'live-state-limit': {
      exact: {
        'This app holds as many live codes, tokens, requests or businessIDs as it may (LIVE_STATE_PER_APP)':
          '此應用程式持有的有效授權碼、權杖、請求或 businessID 已達上限（LIVE_STATE_PER_APP）',
        'Wait the Retry-After seconds; exchange codes and finish requests rather than leaving them pending; reuse an access token until it expires instead of logging in for every call. On your own sandbox, raise LIVE_STATE_PER_APP.':
          '等候 Retry-After 秒；交換授權碼並完成請求，不要讓它們一直待處理；在存取權杖到期前重用它，不要每次呼叫都登入。在你自己的沙盒上，可提高 LIVE_STATE_PER_APP。',
      },
      rules: [
        [
          re(
            `(.*)\\. Nothing live is dropped to make room: the app's new ones answer HTTP 429 with Retry-After until its oldest expires \\(codes 120 s, tokens 10 minutes, requests 240 s, businessIDs 24 hours\\)\\. ${esc(OTHERS)}`,
          ),
          (m) =>
            `${m[1]}。仍然有效的項目不會為騰出空間而被丟棄：應用程式的新項目會回應 HTTP 429 及 Retry-After，直至其最舊的一項到期（授權碼 120 秒、權杖 10 分鐘、請求 240 秒、businessID 24 小時）。其他應用程式不受影響，你的任何資料亦沒有為騰出空間而被丟棄。`,
        ],
      ],
    },
    'rate-limit': {
      exact: {
        "Your organisation's apps made more signed calls this minute than it may (ORG_RATE_LIMIT_PER_MINUTE)":
          '你的機構的應用程式在這一分鐘內經簽名的呼叫超出上限（ORG_RATE_LIMIT_PER_MINUTE）',
        'This app made more signed calls this minute than it may (RATE_LIMIT_PER_MINUTE)':
          '此應用程式在這一分鐘內經簽名的呼叫超出上限（RATE_LIMIT_PER_MINUTE）',
        'The limit counts the signed calls of all the apps of your organisation together; apps of the sandbox organisation count alone. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
          '此限制合併計算你的機構所有應用程式經簽名的呼叫；沙盒機構的應用程式各自獨立計算。超出時，呼叫會回應 HTTP 429 及 Retry-After，即距離該分鐘結束的秒數。',
        'The limit counts the signed calls of this app. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
          '此限制計算此應用程式經簽名的呼叫。超出時，呼叫會回應 HTTP 429 及 Retry-After，即距離該分鐘結束的秒數。',
      },
      rules: [
        [
          re(
            `Wait the Retry-After seconds and retry with a new nonce and timestamp; keep a steady rate below the limit \\(retry with back-off\\)\\. On your own sandbox, raise (\\w+)\\.`,
          ),
          (m) =>
            `等候 Retry-After 秒，然後以新的 nonce 及 timestamp 重試；把速率穩定地保持在上限以下（以退避方式重試）。在你自己的沙盒上，可提高 ${m[1]}。`,
        ],
      ],
    },
    'push-limit': {
      exact: {
        'This app pushed too many requests to this resident in a minute (PUSHES_PER_RESIDENT_PER_MINUTE)':
          '此應用程式在一分鐘內向這位市民推送了太多請求（PUSHES_PER_RESIDENT_PER_MINUTE）',
        'Do not re-send a request the resident has not answered yet; wait for its callback or timeout. Tests that push many requests can use several test residents, PC_Browser (QR, not limited) or, on your own sandbox, a higher PUSHES_PER_RESIDENT_PER_MINUTE.':
          '市民尚未回應的請求，不要重新發送；請等候其回調或逾時。需要推送大量請求的測試，可使用多位測試市民、PC_Browser（QR 碼，不受限制），或在你自己的沙盒上提高 PUSHES_PER_RESIDENT_PER_MINUTE。',
      },
      rules: [
        [
          re(
            `(.*)\\. Profile, e-ME, step-up, signing and data-exchange requests pushed to the resident's app \\(authByQR false\\) count together, per app: another app's pushes to the same resident do not count\\.`,
          ),
          (m) =>
            `${m[1]}。推送到市民應用程式的個人資料、e-ME、重新認證、簽署及資料交換請求（authByQR 為 false）按應用程式合併計算：其他應用程式向同一市民的推送不計算在內。`,
        ],
      ],
    },
    'redirect-uri-not-registered': {
      rules: [
        [
          re(`The redirectURI "(.*?)" is not registered for this app(?: \\(near miss: it (.+)\\))?`),
          (m, w) =>
            `此應用程式沒有登記 redirectURI「${m[1]}」${m[2] ? `（相近但不符：它${w.nearMiss(m[2])}）` : ''}`,
        ],
        [
          re(
            `Registered redirect URIs: (.*?)\\. They are matched exactly: scheme, host, port, path and query\\.(?: (.+)\\.)?`,
          ),
          (m, w) =>
            `已登記的重新導向 URI：${m[1] === '(none)' ? '（沒有）' : m[1]}。比對是完全相同的比對：協定、主機、連接埠、路徑及查詢字串。${
              m[2]
                ? m[2]
                    .split('; ')
                    .map((p) =>
                      p.replace(
                        /^"(.*)" (.+) compared with the registered "(.*)"$/s,
                        (_, s: string, why: string, r: string) =>
                          `與已登記的「${r}」相比，「${s}」${w.nearMiss(why)}`,
                      ),
                    )
                    .join('；') + '。'
                : ''
            }`,
        ],
        [
          re(`Send one of the registered URIs exactly, or register "(.*)" for the app in the console\\.`),
          (m) => `準確傳送其中一個已登記的 URI，或在控制台為應用程式登記「${m[1]}」。`,
        ],
      ],
    },
    'scope-not-requested': {
      rules: [
        [re(`The login did not ask for (\\S+)`), (m) => `登入時沒有要求 ${m[1]}`],
        [
          re(
            `The app is granted (\\S+), but the access token comes from a getQR whose scope did not include it\\.`,
          ),
          (m) => `應用程式已獲授予 ${m[1]}，但存取權杖來自一次 scope 未包括它的 getQR。`,
        ],
        [
          re(`Add (\\S+) to the scope of the getQR URL \\(space-separated\\) and log in again\\.`),
          (m) => `把 ${m[1]} 加入 getQR URL 的 scope（以空格分隔），然後再次登入。`,
        ],
      ],
    },
    'scope-not-granted': {
      exact: {
        'Use only the documented scopes: eidapi_auth, eidapi_profiles, eidapi_formFilling, eidapi_sign, eidapi_fr, eidapi_bulksign.':
          '只使用文件記載的權限範圍：eidapi_auth、eidapi_profiles、eidapi_formFilling、eidapi_sign、eidapi_fr、eidapi_bulksign。',
      },
      rules: [
        [re(`Unknown scope\\(s\\): (.*)`), (m) => `未知的權限範圍：${m[1]}`],
        [re(`The scope (.*) is not granted to this app`), (m) => `此應用程式未獲授予權限範圍 ${m[1]}`],
        [
          re(`This app is granted: (.*?)\\.( Scope names are case-sensitive and space-separated\\.)?`),
          (m) =>
            `此應用程式獲授予：${m[1] === '(none)' ? '（沒有）' : m[1]}。${m[2] ? '權限範圍名稱區分大小寫，並以空格分隔。' : ''}`,
        ],
        [
          re(`Ask for (.*) to be granted to the app in the console \\(or drop it from the request\\)\\.`),
          (m) => `在控制台申請為應用程式授予 ${m[1]}（或從請求中刪去它）。`,
        ],
      ],
    },
    'callback-refused': {
      exact: {
        'Register a publicly reachable https URL, or run the sandbox locally to call localhost.':
          '登記一個可公開連接的 https URL，或在本機運行沙盒以呼叫 localhost。',
      },
      rules: [
        [re(`The callback URL may not be called: (.*)`), (m) => `不可呼叫該回調 URL：${m[1]}`],
        [
          re(
            `The sandbox refuses (\\S+): it never calls link-local, metadata, unspecified, multicast or broadcast addresses, and a hosted sandbox never calls loopback, private or its own addresses either \\(names are resolved once and every address they resolve to is checked\\)\\.`,
          ),
          (m) =>
            `沙盒拒絕 ${m[1]}：它永不呼叫鏈路本地、中繼資料、未指定、多點傳送或廣播位址，託管的沙盒亦永不呼叫本機迴路、私人或其自身的位址（名稱只解析一次，解析所得的每個位址都會被檢查）。`,
        ],
      ],
    },
    'callback-http-error': {
      rules: [
        [
          re(`Your callback endpoint answered HTTP (.+) on all (\\d+) tries`),
          (m) => `你的回調端點在全部 ${m[2]} 次嘗試都回應 HTTP ${m[1]}`,
        ],
        [
          re(`Tries at (.+) to (\\S+); only a 2xx counts as received \\(redirects are not followed\\)\\.`),
          (m) => `於 ${m[1]} 嘗試發送到 ${m[2]}；只有 2xx 才算已收到（不會跟隨重新導向）。`,
        ],
      ],
    },
    'callback-timeout': {
      rules: [
        [
          re(`Your callback endpoint did not answer in time \\((\\d+) tries\\)`),
          (m) => `你的回調端點沒有及時回應（${m[1]} 次嘗試）`,
        ],
        [re(`The last try to (\\S+) gave: (.*)\\.`), (m) => `最後一次嘗試發送到 ${m[1]} 的結果：${m[2]}。`],
      ],
    },
    'callback-unreachable': {
      exact: {
        'Check that the URL is reachable from the sandbox (DNS, TLS certificate, firewall) and that your server is running.':
          '確認從沙盒可以連接該 URL（DNS、TLS 證書、防火牆），而且你的伺服器正在運行。',
      },
      rules: [
        [
          re(`Your callback endpoint could not be reached \\((\\d+) tries\\)`),
          (m) => `無法連接你的回調端點（${m[1]} 次嘗試）`,
        ],
        [
          re(`The last try to (\\S+) failed with: (.*)\\.`),
          (m) => `最後一次嘗試發送到 ${m[1]} 失敗：${m[2] === 'no answer' ? '沒有回應' : m[2]}。`,
        ],
      ],
    },
    'cek-expired': {
      rules: [
        [
          re(`The CEK expired at (\\S+)( \\(forced by a scenario\\))?`),
          (m) => `CEK 已於 ${m[1]} 過期${m[2] ? '（由情境強制）' : ''}`,
        ],
        [
          re(
            `Your newest CEK was issued at (\\S+) and expired ${DUR} before this call\\.( A "force CEK expiry" scenario expired it\\.)?( The app's test clock is .+ ahead\\.)?`,
          ),
          (m, w) =>
            `你最新的 CEK 簽發於 ${m[1]}，在這次呼叫前 ${w.duration(m[2]!)} 已過期。${m[3] ? '「強制 CEK 到期」情境令它過期。' : ''}${m[4] ? w.clock(m[4]) : ''}`,
        ],
        [
          re(`The content was encrypted with a CEK that expired at (\\S+)`),
          (m) => `內容以一個已於 ${m[1]} 過期的 CEK 加密`,
        ],
        [
          re(
            `That CEK was issued at (\\S+); a newer one exists \\(from a later getKey\\), and expired CEKs are not tried\\.( The app's test clock is .+ ahead\\.)?`,
          ),
          (m, w) =>
            `該 CEK 簽發於 ${m[1]}；已有較新的 CEK（來自之後的 getKey），而已過期的 CEK 不會被嘗試。${m[2] ? w.clock(m[2]) : ''}`,
        ],
      ],
    },
    'cek-revoked': {
      exact: {
        'security/revokeKey dropped the current and previous CEK; every encrypted call answers D30002 until getKey is called again.':
          'security/revokeKey 撤銷了現用及上一個 CEK；在再次呼叫 getKey 之前，所有加密的呼叫都會回應 D30002。',
      },
      rules: [[re(`The CEKs were revoked at (\\S+)`), (m) => `CEK 已於 ${m[1]} 被撤銷`]],
    },
    'cek-missing': {
      exact: {
        'This app has no CEK: getKey was never called (since the sandbox started)':
          '此應用程式沒有 CEK：（自沙盒啟動以來）從未呼叫 getKey',
        'Encrypted calls need a content encryption key from security/getKey first. The sandbox keeps CEKs in memory, so a restart drops them.':
          '加密的呼叫需要先從 security/getKey 取得內容加密密鑰。沙盒只在記憶體中保存 CEK，因此重新啟動會令它們消失。',
      },
    },
    'cek-other-app': {
      exact: {
        'The content was encrypted with a CEK issued to another app': '內容以簽發給另一個應用程式的 CEK 加密',
      },
      rules: [
        [
          re(
            `CEKs belong to one clientID\\. This call came as (\\S+), but its content opens only with a CEK another app received from getKey\\.`,
          ),
          (m) =>
            `每個 CEK 只屬於一個 clientID。這次呼叫以 ${m[1]} 的身份發出，但其內容只能以另一個應用程式從 getKey 取得的 CEK 解開。`,
        ],
        [
          re(
            `Use the CEK from getKey called with this app's clientID and secret \\(one CEK cache per app\\)\\. ${esc(FIX_CEK)}`,
          ),
          () =>
            `使用以此應用程式的 clientID 及密鑰呼叫 getKey 所得的 CEK（每個應用程式一個 CEK 快取）。${zhHK.shared[FIX_CEK]}`,
        ],
      ],
    },
    'cek-unknown': {
      exact: {
        'The content was encrypted with a CEK this app was never issued (or one older than the previous)':
          '內容以此應用程式從未獲簽發的 CEK（或比上一個更舊的 CEK）加密',
        'The content must be Base64 of: a 4-byte big-endian IV length (12), the 12-byte IV, the AES-256-GCM ciphertext and the 16-byte tag.':
          '內容必須是以下各項的 Base64：4 位元組大端序的 IV 長度（12）、12 位元組的 IV、AES-256-GCM 密文及 16 位元組的標籤。',
        'It does not open with the current or previous CEK of this app, nor with any CEK the sandbox holds; it may also have been altered in transit.':
          '它既不能以此應用程式現用或上一個 CEK 解開，也不能以沙盒持有的任何 CEK 解開；它亦可能在途中被更改。',
      },
      rules: [
        [re(`The content is not a valid encrypted envelope: (.*)`), (m) => `內容不是有效的加密信封：${m[1]}`],
      ],
    },
    'signature-mismatch': {
      exact: {
        'The signature was computed with a different client secret, or over different bytes than those received':
          '簽名是以另一個客戶端密鑰計算，或計算的位元組與收到的不同',
      },
      rules: [
        [
          re(
            `The server received a body of (\\d+) bytes and signed a string of (\\d+) characters \\(its SHA-256 is shown with the string to sign\\)\\. None of the usual slips \\(re-serialised JSON, URL-encoded body, trailing newline, plaintext signed before encryption, separators, hex or Base64url\\) reproduces your signature\\.`,
          ),
          (m) =>
            `伺服器收到 ${m[1]} 位元組的內容主體，並對 ${m[2]} 個字元的字串簽名（其 SHA-256 與待簽字串一同顯示）。常見的錯誤（重新序列化的 JSON、經 URL 編碼的內容主體、結尾換行、加密前對明文簽名、分隔符、十六進位或 Base64url）都無法重現你的簽名。`,
        ],
        [
          re(
            `Check that you use the client secret of this app \\(clientID (\\S+); it is shown once at creation and after rotation\\) and compare the SHA-256 of your string to sign with the one shown here\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          (m) =>
            `確認你使用此應用程式的客戶端密鑰（clientID ${m[1]}；只在建立時及輪換後顯示一次），並把你的待簽字串的 SHA-256 與此處顯示的比較。${zhHK.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'signature-hex': {
      exact: { 'The signature is hex-encoded, not Base64': '簽名以十六進位編碼，而非 Base64' },
      rules: [
        [
          re(`The header holds the right MAC as (\\d+) hex digits\\.`),
          (m) => `標頭以 ${m[1]} 個十六進位數字載有正確的 MAC。`,
        ],
      ],
    },
    'signature-base64url': {
      exact: {
        'The signature is Base64url (- and _), not standard Base64':
          '簽名是 Base64url（- 及 _），而非標準 Base64',
        'The header holds the right MAC in the URL-safe alphabet.': '標頭以 URL 安全字母表載有正確的 MAC。',
      },
    },
    'signature-plus-as-space': {
      exact: {
        'The + signs of the signature arrived as spaces': '簽名中的 + 號變成了空格',
        'The header was form-decoded somewhere: + became a space, so it was not URL-encoded as %2B.':
          '標頭在途中某處被當作表單解碼：+ 變成了空格，因此它並未經 URL 編碼為 %2B。',
      },
    },
    'signature-double-encoded': {
      exact: {
        'The signature header is URL-encoded twice': '簽名標頭經過兩次 URL 編碼',
        'After one URL-decoding the header still holds %2B/%2F/%3D escapes; after two it is the right MAC.':
          '經一次 URL 解碼後，標頭仍含有 %2B/%2F/%3D；經兩次解碼後才是正確的 MAC。',
        'URL-encode the Base64 signature exactly once.': '只對 Base64 簽名進行一次 URL 編碼。',
      },
    },
    'signature-body-reserialised': {
      exact: {
        'The body signed is the same JSON as the body received, but different bytes (re-serialised)':
          '簽名的內容主體與收到的是同一 JSON，但位元組不同（經重新序列化）',
      },
      rules: [
        [
          re(
            `Your signature matches the body written as (.+) JSON \\((\\d+) bytes\\); the server received (\\d+) bytes: the JSON was serialised again after signing\\.`,
          ),
          (m, w) =>
            `你的簽名與寫成${w.variant(m[1]!)} JSON 的內容主體相符（${m[2]} 位元組）；伺服器收到的是 ${m[3]} 位元組：JSON 在簽名後被再次序列化。`,
        ],
      ],
    },
    'signature-body-url-encoding': {
      rules: [
        [
          re(`The body was URL-(encoded|decoded) between signing and sending`),
          (m) => `內容主體在簽名與傳送之間經過 URL ${m[1] === 'encoded' ? '編碼' : '解碼'}`,
        ],
        [
          re(
            `Your signature matches the body URL-(encoded|decoded) \\((\\d+) bytes\\); the server received (\\d+) bytes as they were sent\\.`,
          ),
          (m) =>
            `你的簽名與經 URL ${m[1] === 'encoded' ? '編碼' : '解碼'}的內容主體相符（${m[2]} 位元組）；伺服器按傳送時的原樣收到 ${m[3]} 位元組。`,
        ],
        [
          re(
            `Sign the body exactly as it goes on the wire; a JSON body is not URL-encoded\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          () =>
            `按內容主體在線上傳送時的確切形式簽名；JSON 內容主體不會經 URL 編碼。${zhHK.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'signature-body-length': {
      exact: {
        'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.':
          '讓 HTTP 客戶端設定 Content-Length，或計算 UTF-8 位元組數（Buffer.byteLength(body)），而非字元數。',
      },
      rules: [
        [
          re(`The body signed has a different length than the body received \\((\\S+) vs (\\d+) bytes\\)`),
          (m) => `簽名的內容主體與收到的長度不同（${m[1]} 對 ${m[2]} 位元組）`,
        ],
        [
          re(`Your signature matches the body with (.+): (\\S+) bytes signed, (\\d+) bytes received\\.`),
          (m, w) => `你的簽名與${w.variant(m[1]!)}的內容主體相符：簽名 ${m[2]} 位元組，收到 ${m[3]} 位元組。`,
        ],
        [
          re(
            `The body received \\((\\d+) bytes\\) is not the body you sent: (?:Content-Length says (\\S+)|it is not complete JSON)`,
          ),
          (m) =>
            `收到的內容主體（${m[1]} 位元組）不是你所傳送的：${m[2] !== undefined ? `Content-Length 為 ${m[2]}` : '它不是完整的 JSON'}`,
        ],
        [
          re(
            `The body signed and the body received differ in length\\.(?: It holds non-ASCII characters: (\\d+) characters are (\\d+) UTF-8 bytes\\.)?`,
          ),
          (m) =>
            `簽名的內容主體與收到的長度不同。${m[1] ? `它含有非 ASCII 字元：${m[1]} 個字元是 ${m[2]} 個 UTF-8 位元組。` : ''}`,
        ],
      ],
    },
    'signature-content-only': {
      exact: {
        'Only the content value was signed, not the whole body': '只對 content 的值簽名，而非整個內容主體',
      },
      rules: [
        [
          re(
            `Your signature matches the Base64 content string alone \\((\\S+) bytes\\); the signature covers the whole raw body \\{"content":"…"\\} \\((\\d+) bytes\\)\\.`,
          ),
          (m) =>
            `你的簽名只與 Base64 的 content 字串相符（${m[1]} 位元組）；簽名涵蓋整個原始內容主體 {"content":"…"}（${m[2]} 位元組）。`,
        ],
      ],
    },
    'cek-rotated-out': {
      exact: {
        'Two later getKey calls (or a revokeKey) replaced it: the platform keeps only the current CEK and the previous one. Several processes sharing one app, each calling getKey, rotate each other’s CEK out.':
          '之後兩次 getKey 呼叫（或一次 revokeKey）取代了它：平台只保留現用及上一個 CEK。共用同一應用程式的多個程序各自呼叫 getKey，會令彼此的 CEK 被輪換掉。',
      },
      rules: [
        [
          re(`The content was encrypted with a CEK issued at (\\S+) that no longer exists`),
          (m) => `內容以一個簽發於 ${m[1]}、現已不存在的 CEK 加密`,
        ],
        [
          re(
            `${esc(FIX_CEK)} Share one CEK cache between the processes of an app, or let each retry once on D30002\\.`,
          ),
          () =>
            `${zhHK.shared[FIX_CEK]}讓同一應用程式的各程序共用一個 CEK 快取，或讓每個程序在收到 D30002 時重試一次。`,
        ],
      ],
    },
    'signature-empty-body': {
      exact: {
        'The empty string was signed instead of the JSON body': '簽名的是空字串，而非 JSON 內容主體',
      },
      rules: [
        [
          re(
            `Your signature matches clientID \\+ signatureMethod \\+ timestamp \\+ nonce with an empty body; the server received (\\d+) bytes of JSON and signs them\\. Some clients sign "" for every call because getKey may be sent with no body\\.`,
          ),
          (m) =>
            `你的簽名與以空內容主體組成的 clientID + signatureMethod + timestamp + nonce 相符；伺服器收到 ${m[1]} 位元組的 JSON 並對其簽名。有些客戶端因為 getKey 可以不帶內容主體傳送，便對每個呼叫都以 "" 簽名。`,
        ],
        [
          re(
            `Sign the body you send: only a call posted with no body at all signs ""\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          () =>
            `對你傳送的內容主體簽名：只有完全不帶內容主體的呼叫才以 "" 簽名。${zhHK.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'path-near-miss': {
      rules: [
        [
          re(`No operation at (\\S+): did you mean (\\S+)\\?`),
          (m) => `${m[1]} 沒有任何操作：你是否想呼叫 ${m[2]}？`,
        ],
        [
          re(
            `The platform answers D20027 \\(HTTP 404\\) for a path it does not serve\\. (\\S+) is close to (\\S+?)( \\(one public client calls e-ME under /account/auth/eme/; the official sample uses /account/eme/\\))?\\.`,
          ),
          (m) =>
            `平台對不提供服務的路徑回應 D20027（HTTP 404）。${m[1]} 與 ${m[2]} 相近${m[3] ? '（有一個公開客戶端在 /account/auth/eme/ 下呼叫 e-ME；官方範例使用 /account/eme/）' : ''}。`,
        ],
        [
          re(
            `Call POST (\\S+): paths are case-sensitive and have no trailing slash\\. The API reference lists every path\\.`,
          ),
          (m) => `呼叫 POST ${m[1]}：路徑區分大小寫，結尾沒有斜線。API 參考列出所有路徑。`,
        ],
      ],
    },
    'plain-json-body': {
      exact: {
        'The request was sent as plain JSON; this operation needs encrypted content':
          '請求以純 JSON 傳送；此操作需要加密的內容',
        'Encrypt the request with the CEK from getKey and send {"content": "…"} (the typed client does this). If you are testing the sample library’s unencrypted mode, choose the app’s "unencrypted" compatibility profile instead.':
          '以 getKey 取得的 CEK 加密請求，並傳送 {"content": "…"}（型別化客戶端會替你處理）。如果你在測試範例程式庫的不加密模式，請改為選擇應用程式的「unencrypted」相容性設定檔。',
      },
      rules: [
        [
          re(
            `The body has (.+) at the top level and no "content"\\. Encrypted operations take \\{"content": "<Base64 AES-GCM of the JSON request>"\\}\\.`,
          ),
          (m) =>
            `內容主體在頂層有 ${m[1]}，但沒有 "content"。加密的操作接受 {"content": "<JSON 請求的 Base64 AES-GCM>"}。`,
        ],
      ],
    },
    'get-qr-state-missing': {
      exact: {
        'getQR was called without state': '呼叫 getQR 時沒有 state',
        'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).':
          '沙盒接受這種呼叫（合約中 state 為選填；有一個公開客戶端省略它），重新導向時便不帶 state。沒有它，你的回調頁面便無法核實授權碼屬於發起登入的瀏覽器工作階段（登入 CSRF）。',
        'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.':
          '每次登入產生一個隨機的 state（至少 128 位元），保存在工作階段中，傳送給 getQR，並在瀏覽器返回時比較。',
      },
    },
    'signature-plaintext-signed': {
      exact: {
        'The plaintext request was signed, not the encrypted body sent':
          '簽名的是明文請求，而非所傳送的加密內容主體',
      },
      rules: [
        [
          re(
            `Your signature matches the request before encryption \\((\\S+) bytes\\); the server received and signed the encrypted body \\((\\d+) bytes\\)\\.`,
          ),
          (m) =>
            `你的簽名與加密前的請求相符（${m[1]} 位元組）；伺服器收到並簽名的是加密後的內容主體（${m[2]} 位元組）。`,
        ],
        [
          re(
            `Encrypt first, then sign the body you send \\(\\{"content":"<Base64>"\\}\\)\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          () => `先加密，再對你傳送的內容主體（{"content":"<Base64>"}）簽名。${zhHK.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'signature-string-format': {
      rules: [
        [
          re(`The string to sign is assembled differently: (.*)`),
          (m, w) => `待簽字串的組合方式不同：${w.variant(m[1]!)}`,
        ],
        [
          re(
            `Your signature matches the parts joined (.*)\\. The string to sign is the plain concatenation clientID \\+ signatureMethod \\+ timestamp \\+ nonce \\+ body, with no separators\\.`,
          ),
          (m, w) =>
            `你的簽名與以這種方式組合的各部分相符：${w.variant(m[1]!)}。待簽字串是不加分隔符的直接串接 clientID + signatureMethod + timestamp + nonce + body。`,
        ],
      ],
    },
  },
}

const zhCN: Table = {
  words: {
    duration: (e) =>
      e.replace(
        /^(\d+) (ms|s|minutes|hours|days)$/,
        (_, n: string, u: string) =>
          `${n} ${{ ms: '毫秒', s: '秒', minutes: '分钟', hours: '小时', days: '天' }[u]}`,
      ),
    aheadBehind: (e) => (e === 'ahead of' ? '快' : '慢'),
    seen: (e) => e.replace(/^(\S+) \(request (\S+), (\w+)\)$/, '$1（请求 $2，$3）'),
    nearMiss: (e) => {
      const port = /^uses port (.+) where (.+) is registered$/.exec(e)
      if (port)
        return `使用端口 ${port[1] === 'default' ? '（默认）' : port[1]}，而注册的是 ${port[2] === 'the default port' ? '默认端口' : port[2]}`
      return (
        {
          'has a trailing slash': '多了结尾斜线',
          'lacks the trailing slash': '缺少结尾斜线',
          'differs only in upper/lower case': '只有大小写不同',
          'uses https where http is registered': '使用 https，而注册的是 http',
          'uses http where https is registered': '使用 http，而注册的是 https',
          'is URL-encoded twice': '经过两次 URL 编码',
          'differs only in the query string': '只有查询字符串不同',
          'differs only by "www."': '只差“www.”',
          'differs in the path’s case or trailing slash': '路径的大小写或结尾斜线不同',
        }[e] ?? e
      )
    },
    variant: (e) =>
      ({
        compact: '紧凑',
        'pretty (2 spaces)': '美化排版（2 个空格）',
        'pretty (4 spaces)': '美化排版（4 个空格）',
        'keys sorted': '键值排序',
        spaced: '加了空格',
        'trailing newline': '结尾多了换行',
        'trailing CRLF': '结尾多了 CRLF',
        trimmed: '删去了前后空白',
        'empty body signed': '对空的消息体签名',
        '{} signed': '对 {} 签名',
        'without signatureMethod': '不含 signatureMethod',
        'without clientID': '不含 clientID',
        'body only': '只有消息体',
        'nonce before timestamp': 'nonce 在 timestamp 之前',
      })[e] ?? e.replace(/^separated by (.*)$/, '以 $1 分隔'),
    clock: (e) =>
      e.replace(
        /^ The app's test clock is (.+) ahead\.$/,
        (_, d: string) => `应用程序的测试时钟快了 ${zhCN.words.duration(d)}。`,
      ),
  },
  shared: {
    [FIX_CEK]:
      '调用 security/getKey，把 CEK 缓存至 issueAt + expiresIn；当调用响应 D30002 或 D30004 时，取得新的 CEK 并重试一次（类型化客户端会替你处理）。',
    [FIX_SIGN_EXACT]:
      '消息体只序列化一次，对该确切字符串签名，再传送同一字符串：const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body })。',
    [FIX_SIGN_FORM]: '传送 encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign)))。',
    [FIX_ACK]: '一存储好回调便响应任何 2xx（之后才解密及处理）；平台会以退避方式最多重试 5 次。',
    [FIX_TIMESTAMP]: '传送 Date.now()（自纪元起计的毫秒数），并以 NTP 校准服务器时钟。时间窗口为 ±300 秒。',
    [RESTART]: '重新开始登录（getQR），并立即交换新的授权码，只交换一次。',
    [RELOGIN]: '让市民再次登录（getQR、getToken），并使用新的 accessToken 及其 openID。',
  },
  entries: {
    'scenario-forced': {
      exact: {
        'Poll or re-initiate on your side; replay the callback from the inspector once your endpoint is ready.':
          '在你的一方轮询或重新发起请求；你的端点准备好后，从检查器重新发送回调。',
      },
      rules: [
        [
          re(`Forced by scenario (\\S+): callback (answered with HTTP 500|never answered)`),
          (m) => `由场景 ${m[1]} 强制：回调${m[2] === 'never answered' ? '永不响应' : '以 HTTP 500 响应'}`,
        ],
        [
          re(`Forced by scenario (\\S+): (.*)`),
          (m) =>
            `由场景 ${m[1]} 强制：${m[2]!
              .split(' and ')
              .map((p) =>
                p.replace(/^answered (\S+)$/, '响应 $1').replace(/^delayed (\d+) ms$/, '延迟 $1 毫秒'),
              )
              .join('及')}`,
        ],
        [
          re(`A scenario queued for (\\w+) decided this outcome; your request itself was accepted\\.`),
          (m) => `为 ${m[1]} 排定的场景决定了这个结果；你的请求本身已被接受。`,
        ],
        [
          re(`Delete the scenario \\(DELETE (\\S+)\\) when you no longer want it\\.`),
          (m) => `不再需要时，请删除该场景（DELETE ${m[1]}）。`,
        ],
        [
          re(
            `No request was sent to (\\S+); all (\\d+) tries were marked (failed|timed out) so you can test how your system copes\\.`,
          ),
          (m) =>
            `没有请求发送到 ${m[1]}；全部 ${m[2]} 次尝试都标记为${m[3] === 'failed' ? '失败' : '超时'}，让你测试系统的应变能力。`,
        ],
      ],
    },
    'signature-not-url-encoded': {
      exact: {
        'The signature header is raw Base64, not URL-encoded': '签名请求头是原始 Base64，未经 URL 编码',
        'The sandbox accepted it because this app is in lenient mode; in strict mode (and possibly on the real platform) this call fails with D20006.':
          '由于此应用程序处于宽松模式，沙盒接受了它；在严格模式下（真实平台亦可能如此），这次调用会以 D20006 失败。',
        'URL-encode the Base64 signature before sending it: encodeURIComponent(base64), so + / = become %2B %2F %3D.':
          '传送前把 Base64 签名进行 URL 编码：encodeURIComponent(base64)，让 + / = 变成 %2B %2F %3D。',
        'Strict mode: the signature header is raw Base64, not URL-encoded':
          '严格模式：签名请求头是原始 Base64，未经 URL 编码',
        'The MAC itself is right, but this app is in strict mode, which accepts only the URL-encoded form.':
          'MAC 本身正确，但此应用程序处于严格模式，只接受经 URL 编码的形式。',
        'URL-encode the Base64 signature: encodeURIComponent(base64), so + / = become %2B %2F %3D (or switch the app to lenient mode).':
          '把 Base64 签名进行 URL 编码：encodeURIComponent(base64)，让 + / = 变成 %2B %2F %3D（或把应用程序切换为宽松模式）。',
      },
    },
    'clock-skew': {
      exact: {
        'Keep the server clock in sync (NTP) and send Date.now() in milliseconds.':
          '以 NTP 校准服务器时钟，并传送以毫秒表示的 Date.now()。',
      },
      rules: [
        [
          re(`Your clock is ${DUR} (ahead of|behind) the platform's`),
          (m, w) => `你的时钟比平台${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
        ],
        [
          re(
            `timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+); calls fail with D20004 beyond ±300 s\\.`,
          ),
          (m) => `timestamp ${m[1]}（${m[2]}），平台时间为 ${m[3]}；相差超过 ±300 秒的调用会以 D20004 失败。`,
        ],
      ],
    },
    'timestamp-units': {
      rules: [
        [
          re(`The timestamp looks like (seconds|microseconds) since the epoch, not milliseconds`),
          (m) => `timestamp 看来是自纪元起计的${m[1] === 'seconds' ? '秒数' : '微秒数'}，而非毫秒数`,
        ],
        [
          re(
            `timestamp (\\S+) read as milliseconds is (\\S+); (times 1000|divided by 1000) it is (\\S+), close to the platform time (\\S+)\\.`,
          ),
          (m) =>
            `timestamp ${m[1]} 当作毫秒读取是 ${m[2]}；${m[3] === 'times 1000' ? '乘以 1000' : '除以 1000'}则是 ${m[4]}，接近平台时间 ${m[5]}。`,
        ],
      ],
    },
    'timestamp-window': {
      rules: [
        [
          re(`The timestamp is ${DUR} (ahead of|behind) the platform's clock`),
          (m, w) => `timestamp 比平台时钟${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
        ],
        [
          re(
            `timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+): off by ${DUR}, outside the ±300 s window\\. The app's test clock does not move this window\\.`,
          ),
          (m, w) =>
            `timestamp ${m[1]}（${m[2]}），平台时间为 ${m[3]}：相差 ${w.duration(m[4]!)}，超出 ±300 秒的时间窗口。应用程序的测试时钟不会移动这个时间窗口。`,
        ],
      ],
    },
    'nonce-reused': {
      exact: {
        'It was used by this app within the last 10 minutes (that call is no longer in the inspector tail).':
          '此应用程序在过去 10 分钟内使用过它（该次调用已不在检查器的记录中）。',
        'Generate a fresh random nonce for every call, retries included (e.g. 16 random bytes as hex), together with a fresh timestamp.':
          '每次调用（包括重试）都生成新的随机 nonce（例如 16 个随机位组的十六进制表示），并配合新的 timestamp。',
      },
      rules: [
        [
          re(`The nonce "(.*)" was already used(?: at (\\S+))?`),
          (m) => `nonce“${m[1]}”已被使用${m[2] ? `（于 ${m[2]}）` : ''}`,
        ],
        [
          re(
            `First used at ${SEEN}\\. The platform remembers every nonce of an app for 10 minutes, across all endpoints\\.`,
          ),
          (m, w) => `首次使用于 ${w.seen(m[1]!)}。平台会跨所有端点记住应用程序的每个 nonce 10 分钟。`,
        ],
      ],
    },
    'code-reused': {
      rules: [
        [
          re(
            `The authorisation code was already used(?: at (\\S+))?, and the token it produced is now revoked`,
          ),
          (m) => `授权码已被使用${m[1] ? `（于 ${m[1]}）` : ''}，由它产生的令牌现已被撤销`,
        ],
        [
          re(
            `(?:It was exchanged at ${SEEN}\\. )?Codes are single use: a second exchange revokes the access token of the first, so that token now answers D20009\\.`,
          ),
          (m, w) =>
            `${m[1] ? `它已于 ${w.seen(m[1])} 交换。` : ''}授权码只可使用一次：第二次交换会撤销第一次所得的访问令牌，因此该令牌现在响应 D20009。`,
        ],
        [
          re(`Exchange each code once; never retry getToken with the same code\\. ${esc(RESTART)}`),
          () => `每个授权码只交换一次；绝不以同一授权码重试 getToken。${zhCN.shared[RESTART]}`,
        ],
      ],
    },
    'code-expired': {
      rules: [
        [re(`The authorisation code expired at (.+)`), (m) => `授权码已于 ${m[1]} 过期`],
        [
          re(`Codes live 120 s from the redirect\\.( The app's test clock is .+ ahead\\.)?`),
          (m, w) => `授权码自重定向起有效 120 秒。${m[1] ? w.clock(m[1]) : ''}`,
        ],
      ],
    },
    'code-other-app': {
      exact: {
        'The authorisation code was issued to another app': '授权码是签发给另一个应用程序的',
        'The login that produced it used another clientID.': '产生它的登录使用了另一个 clientID。',
        [`Exchange the code with the clientID that started the login. ${RESTART}`]: `以开始登录的 clientID 交换授权码。重新开始登录（getQR），并立即交换新的授权码，只交换一次。`,
      },
    },
    'code-unknown': {
      exact: {
        'The authorisation code is unknown': '授权码未知',
        'The sandbox never issued it, or it expired more than 5 minutes ago, or it comes from another environment (another sandbox, a restart, the real ITE).':
          '沙盒从未签发它，或它已过期超过 5 分钟，或它来自另一个环境（另一个沙盒、重新启动前、真实的 ITE）。',
      },
    },
    'token-expired': {
      rules: [
        [re(`The access token expired at (.+)`), (m) => `访问令牌已于 ${m[1]} 过期`],
        [
          re(
            `Access tokens live 600 000 ms \\(10 minutes\\) from getToken\\.( The app's test clock is .+ ahead\\.)?`,
          ),
          (m, w) => `访问令牌自 getToken 起有效 600 000 毫秒（10 分钟）。${m[1] ? w.clock(m[1]) : ''}`,
        ],
      ],
    },
    'token-revoked': {
      rules: [
        [
          re(`The access token was revoked at (\\S+): its code was used a second time`),
          (m) => `访问令牌已于 ${m[1]} 被撤销：其授权码被第二次使用`,
        ],
        [
          re(
            `Issued at ${SEEN}; the same code was exchanged again at ${SEEN}, which revokes the token \\(code replay protection\\)\\.`,
          ),
          (m, w) =>
            `签发于 ${w.seen(m[1]!)}；同一授权码于 ${w.seen(m[2]!)} 再次被交换，因而撤销了该令牌（防止授权码重放）。`,
        ],
      ],
    },
    'token-unknown': {
      exact: {
        'The access token is unknown': '访问令牌未知',
        'The sandbox never issued it to this app, or it expired more than 5 minutes ago, or it belongs to another app or environment.':
          '沙盒从未向此应用程序签发它，或它已过期超过 5 分钟，或它属于另一个应用程序或环境。',
      },
      rules: [
        [
          re(`It was issued at ${SEEN} and is no longer valid\\.`),
          (m, w) => `它签发于 ${w.seen(m[1]!)}，现已失效。`,
        ],
      ],
    },
    'businessid-reused': {
      exact: {
        'Generate a new businessID for every request (1–36 printable ASCII characters, e.g. crypto.randomUUID()) and keep it to match the callback.':
          '每个请求都生成新的 businessID（1–36 个可打印的 ASCII 字符，例如 crypto.randomUUID()），并保留它以配对回调。',
      },
      rules: [
        [
          re(`The businessID "(.*)" was already used(?: at (\\S+))?`),
          (m) => `businessID“${m[1]}”已被使用${m[2] ? `（于 ${m[2]}）` : ''}`,
        ],
        [
          re(
            `(?:First used at ${SEEN}\\. )?A businessID must be unique per app across profile, e-ME and signing requests \\(remembered for 24 hours\\)\\.`,
          ),
          (m, w) =>
            `${m[1] ? `首次使用于 ${w.seen(m[1])}。` : ''}businessID 在每个应用程序的个人资料、e-ME 及签署请求之间必须唯一（会被记住 24 小时）。`,
        ],
      ],
    },
    'source-unsupported': {
      exact: {
        'Send the source that describes where the resident is: PC_Browser on a desktop, the mobile browser name (e.g. iOS_Safari), or App_Link/App_Scheme from an app.':
          '传送描述市民所在位置的 source：桌面电脑用 PC_Browser，手机用浏览器名称（例如 iOS_Safari），应用程序则用 App_Link／App_Scheme。',
      },
      rules: [
        [
          re(`The source "(.*)" is not supported(?:; did you mean (.+)\\?)?`),
          (m) => `不支持 source“${m[1]}”${m[2] ? `；你是否指 ${m[2].split(' or ').join(' 或 ')}？` : ''}`,
        ],
        [
          re(`Supported sources \\(case-sensitive\\): (.*)\\.`),
          (m) => `支持的 source（区分大小写）：${m[1]}。`,
        ],
      ],
    },
    'nonce-limit': {
      exact: {
        'This app holds as many nonces as it may inside the replay window (NONCES_PER_APP)':
          '此应用程序在重放时间窗口内持有的 nonce 已达上限（NONCES_PER_APP）',
        'Wait the Retry-After seconds, then spread your calls: at most NONCES_PER_APP signed calls per 10 minutes per app. A load test can use several apps; on your own sandbox, raise NONCES_PER_APP.':
          '等候 Retry-After 秒，然后分散你的调用：每个应用程序每 10 分钟最多 NONCES_PER_APP 次经签名的调用。负载测试可使用多个应用程序；在你自己的沙盒上，可提高 NONCES_PER_APP。',
      },
      rules: [
        [
          re(
            `(.*)\\. The platform remembers every nonce of an app for 10 minutes and never forgets one early, so at the bound the app's new signed calls answer HTTP 429 with Retry-After until its oldest nonce leaves the window\\. ${esc(OTHERS)}`,
          ),
          (m) =>
            `${m[1]}。平台会记住应用程序的每个 nonce 10 分钟，不会提早忘记，因此达到上限时，应用程序新的经签名调用会响应 HTTP 429 及 Retry-After，直至其最旧的 nonce 离开时间窗口。其他应用程序不受影响，你的任何资料亦没有为腾出空间而被丢弃。`,
        ],
      ],
    },
    'live-state-limit': {
      exact: {
        'This app holds as many live codes, tokens, requests or businessIDs as it may (LIVE_STATE_PER_APP)':
          '此应用程序持有的有效授权码、令牌、请求或 businessID 已达上限（LIVE_STATE_PER_APP）',
        'Wait the Retry-After seconds; exchange codes and finish requests rather than leaving them pending; reuse an access token until it expires instead of logging in for every call. On your own sandbox, raise LIVE_STATE_PER_APP.':
          '等候 Retry-After 秒；交换授权码并完成请求，不要让它们一直待处理；在访问令牌到期前重用它，不要每次调用都登录。在你自己的沙盒上，可提高 LIVE_STATE_PER_APP。',
      },
      rules: [
        [
          re(
            `(.*)\\. Nothing live is dropped to make room: the app's new ones answer HTTP 429 with Retry-After until its oldest expires \\(codes 120 s, tokens 10 minutes, requests 240 s, businessIDs 24 hours\\)\\. ${esc(OTHERS)}`,
          ),
          (m) =>
            `${m[1]}。仍然有效的项目不会为腾出空间而被丢弃：应用程序的新项目会响应 HTTP 429 及 Retry-After，直至其最旧的一项到期（授权码 120 秒、令牌 10 分钟、请求 240 秒、businessID 24 小时）。其他应用程序不受影响，你的任何资料亦没有为腾出空间而被丢弃。`,
        ],
      ],
    },
    'rate-limit': {
      exact: {
        "Your organisation's apps made more signed calls this minute than it may (ORG_RATE_LIMIT_PER_MINUTE)":
          '你的机构的应用程序在这一分钟内经签名的调用超出上限（ORG_RATE_LIMIT_PER_MINUTE）',
        'This app made more signed calls this minute than it may (RATE_LIMIT_PER_MINUTE)':
          '此应用程序在这一分钟内经签名的调用超出上限（RATE_LIMIT_PER_MINUTE）',
        'The limit counts the signed calls of all the apps of your organisation together; apps of the sandbox organisation count alone. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
          '此限制合并计算你的机构所有应用程序经签名的调用；沙盒机构的应用程序各自独立计算。超出时，调用会响应 HTTP 429 及 Retry-After，即距离该分钟结束的秒数。',
        'The limit counts the signed calls of this app. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
          '此限制计算此应用程序经签名的调用。超出时，调用会响应 HTTP 429 及 Retry-After，即距离该分钟结束的秒数。',
      },
      rules: [
        [
          re(
            `Wait the Retry-After seconds and retry with a new nonce and timestamp; keep a steady rate below the limit \\(retry with back-off\\)\\. On your own sandbox, raise (\\w+)\\.`,
          ),
          (m) =>
            `等候 Retry-After 秒，然后以新的 nonce 及 timestamp 重试；把速率稳定地保持在上限以下（以退避方式重试）。在你自己的沙盒上，可提高 ${m[1]}。`,
        ],
      ],
    },
    'push-limit': {
      exact: {
        'This app pushed too many requests to this resident in a minute (PUSHES_PER_RESIDENT_PER_MINUTE)':
          '此应用程序在一分钟内向这位市民推送了太多请求（PUSHES_PER_RESIDENT_PER_MINUTE）',
        'Do not re-send a request the resident has not answered yet; wait for its callback or timeout. Tests that push many requests can use several test residents, PC_Browser (QR, not limited) or, on your own sandbox, a higher PUSHES_PER_RESIDENT_PER_MINUTE.':
          '市民尚未响应的请求，不要重新发送；请等候其回调或超时。需要推送大量请求的测试，可使用多位测试市民、PC_Browser（QR 码，不受限制），或在你自己的沙盒上提高 PUSHES_PER_RESIDENT_PER_MINUTE。',
      },
      rules: [
        [
          re(
            `(.*)\\. Profile, e-ME, step-up, signing and data-exchange requests pushed to the resident's app \\(authByQR false\\) count together, per app: another app's pushes to the same resident do not count\\.`,
          ),
          (m) =>
            `${m[1]}。推送到市民应用程序的个人资料、e-ME、重新认证、签署及数据交换请求（authByQR 为 false）按应用程序合并计算：其他应用程序向同一市民的推送不计算在内。`,
        ],
      ],
    },
    'redirect-uri-not-registered': {
      rules: [
        [
          re(`The redirectURI "(.*?)" is not registered for this app(?: \\(near miss: it (.+)\\))?`),
          (m, w) =>
            `此应用程序没有注册 redirectURI“${m[1]}”${m[2] ? `（相近但不符：它${w.nearMiss(m[2])}）` : ''}`,
        ],
        [
          re(
            `Registered redirect URIs: (.*?)\\. They are matched exactly: scheme, host, port, path and query\\.(?: (.+)\\.)?`,
          ),
          (m, w) =>
            `已注册的重定向 URI：${m[1] === '(none)' ? '（没有）' : m[1]}。比对是完全相同的比对：协议、主机、端口、路径及查询字符串。${
              m[2]
                ? m[2]
                    .split('; ')
                    .map((p) =>
                      p.replace(
                        /^"(.*)" (.+) compared with the registered "(.*)"$/s,
                        (_, s: string, why: string, r: string) =>
                          `与已注册的“${r}”相比，“${s}”${w.nearMiss(why)}`,
                      ),
                    )
                    .join('；') + '。'
                : ''
            }`,
        ],
        [
          re(`Send one of the registered URIs exactly, or register "(.*)" for the app in the console\\.`),
          (m) => `准确传送其中一个已注册的 URI，或在控制台为应用程序注册“${m[1]}”。`,
        ],
      ],
    },
    'scope-not-requested': {
      rules: [
        [re(`The login did not ask for (\\S+)`), (m) => `登录时没有要求 ${m[1]}`],
        [
          re(
            `The app is granted (\\S+), but the access token comes from a getQR whose scope did not include it\\.`,
          ),
          (m) => `应用程序已获授予 ${m[1]}，但访问令牌来自一次 scope 未包括它的 getQR。`,
        ],
        [
          re(`Add (\\S+) to the scope of the getQR URL \\(space-separated\\) and log in again\\.`),
          (m) => `把 ${m[1]} 加入 getQR URL 的 scope（以空格分隔），然后再次登录。`,
        ],
      ],
    },
    'scope-not-granted': {
      exact: {
        'Use only the documented scopes: eidapi_auth, eidapi_profiles, eidapi_formFilling, eidapi_sign, eidapi_fr, eidapi_bulksign.':
          '只使用文件记载的权限范围：eidapi_auth、eidapi_profiles、eidapi_formFilling、eidapi_sign、eidapi_fr、eidapi_bulksign。',
      },
      rules: [
        [re(`Unknown scope\\(s\\): (.*)`), (m) => `未知的权限范围：${m[1]}`],
        [re(`The scope (.*) is not granted to this app`), (m) => `此应用程序未获授予权限范围 ${m[1]}`],
        [
          re(`This app is granted: (.*?)\\.( Scope names are case-sensitive and space-separated\\.)?`),
          (m) =>
            `此应用程序获授予：${m[1] === '(none)' ? '（没有）' : m[1]}。${m[2] ? '权限范围名称区分大小写，并以空格分隔。' : ''}`,
        ],
        [
          re(`Ask for (.*) to be granted to the app in the console \\(or drop it from the request\\)\\.`),
          (m) => `在控制台申请为应用程序授予 ${m[1]}（或从请求中删去它）。`,
        ],
      ],
    },
    'callback-refused': {
      exact: {
        'Register a publicly reachable https URL, or run the sandbox locally to call localhost.':
          '注册一个可公开连接的 https URL，或在本机运行沙盒以调用 localhost。',
      },
      rules: [
        [re(`The callback URL may not be called: (.*)`), (m) => `不可调用该回调 URL：${m[1]}`],
        [
          re(
            `The sandbox refuses (\\S+): it never calls link-local, metadata, unspecified, multicast or broadcast addresses, and a hosted sandbox never calls loopback, private or its own addresses either \\(names are resolved once and every address they resolve to is checked\\)\\.`,
          ),
          (m) =>
            `沙盒拒绝 ${m[1]}：它永不调用链路本地、元数据、未指定、组播或广播地址，托管的沙盒亦永不调用本地环回、私人或其自身的地址（名称只解析一次，解析所得的每个地址都会被检查）。`,
        ],
      ],
    },
    'callback-http-error': {
      rules: [
        [
          re(`Your callback endpoint answered HTTP (.+) on all (\\d+) tries`),
          (m) => `你的回调端点在全部 ${m[2]} 次尝试都响应 HTTP ${m[1]}`,
        ],
        [
          re(`Tries at (.+) to (\\S+); only a 2xx counts as received \\(redirects are not followed\\)\\.`),
          (m) => `于 ${m[1]} 尝试发送到 ${m[2]}；只有 2xx 才算已收到（不会跟随重定向）。`,
        ],
      ],
    },
    'callback-timeout': {
      rules: [
        [
          re(`Your callback endpoint did not answer in time \\((\\d+) tries\\)`),
          (m) => `你的回调端点没有及时响应（${m[1]} 次尝试）`,
        ],
        [re(`The last try to (\\S+) gave: (.*)\\.`), (m) => `最后一次尝试发送到 ${m[1]} 的结果：${m[2]}。`],
      ],
    },
    'callback-unreachable': {
      exact: {
        'Check that the URL is reachable from the sandbox (DNS, TLS certificate, firewall) and that your server is running.':
          '确认从沙盒可以连接该 URL（DNS、TLS 证书、防火墙），而且你的服务器正在运行。',
      },
      rules: [
        [
          re(`Your callback endpoint could not be reached \\((\\d+) tries\\)`),
          (m) => `无法连接你的回调端点（${m[1]} 次尝试）`,
        ],
        [
          re(`The last try to (\\S+) failed with: (.*)\\.`),
          (m) => `最后一次尝试发送到 ${m[1]} 失败：${m[2] === 'no answer' ? '没有响应' : m[2]}。`,
        ],
      ],
    },
    'cek-expired': {
      rules: [
        [
          re(`The CEK expired at (\\S+)( \\(forced by a scenario\\))?`),
          (m) => `CEK 已于 ${m[1]} 过期${m[2] ? '（由场景强制）' : ''}`,
        ],
        [
          re(
            `Your newest CEK was issued at (\\S+) and expired ${DUR} before this call\\.( A "force CEK expiry" scenario expired it\\.)?( The app's test clock is .+ ahead\\.)?`,
          ),
          (m, w) =>
            `你最新的 CEK 签发于 ${m[1]}，在这次调用前 ${w.duration(m[2]!)} 已过期。${m[3] ? '“强制 CEK 到期”场景令它过期。' : ''}${m[4] ? w.clock(m[4]) : ''}`,
        ],
        [
          re(`The content was encrypted with a CEK that expired at (\\S+)`),
          (m) => `内容以一个已于 ${m[1]} 过期的 CEK 加密`,
        ],
        [
          re(
            `That CEK was issued at (\\S+); a newer one exists \\(from a later getKey\\), and expired CEKs are not tried\\.( The app's test clock is .+ ahead\\.)?`,
          ),
          (m, w) =>
            `该 CEK 签发于 ${m[1]}；已有较新的 CEK（来自之后的 getKey），而已过期的 CEK 不会被尝试。${m[2] ? w.clock(m[2]) : ''}`,
        ],
      ],
    },
    'cek-revoked': {
      exact: {
        'security/revokeKey dropped the current and previous CEK; every encrypted call answers D30002 until getKey is called again.':
          'security/revokeKey 撤销了现用及上一个 CEK；在再次调用 getKey 之前，所有加密的调用都会响应 D30002。',
      },
      rules: [[re(`The CEKs were revoked at (\\S+)`), (m) => `CEK 已于 ${m[1]} 被撤销`]],
    },
    'cek-missing': {
      exact: {
        'This app has no CEK: getKey was never called (since the sandbox started)':
          '此应用程序没有 CEK：（自沙盒启动以来）从未调用 getKey',
        'Encrypted calls need a content encryption key from security/getKey first. The sandbox keeps CEKs in memory, so a restart drops them.':
          '加密的调用需要先从 security/getKey 取得内容加密密钥。沙盒只在内存中保存 CEK，因此重新启动会令它们消失。',
      },
    },
    'cek-other-app': {
      exact: {
        'The content was encrypted with a CEK issued to another app': '内容以签发给另一个应用程序的 CEK 加密',
      },
      rules: [
        [
          re(
            `CEKs belong to one clientID\\. This call came as (\\S+), but its content opens only with a CEK another app received from getKey\\.`,
          ),
          (m) =>
            `每个 CEK 只属于一个 clientID。这次调用以 ${m[1]} 的身份发出，但其内容只能以另一个应用程序从 getKey 取得的 CEK 解开。`,
        ],
        [
          re(
            `Use the CEK from getKey called with this app's clientID and secret \\(one CEK cache per app\\)\\. ${esc(FIX_CEK)}`,
          ),
          () =>
            `使用以此应用程序的 clientID 及密钥调用 getKey 所得的 CEK（每个应用程序一个 CEK 缓存）。${zhCN.shared[FIX_CEK]}`,
        ],
      ],
    },
    'cek-unknown': {
      exact: {
        'The content was encrypted with a CEK this app was never issued (or one older than the previous)':
          '内容以此应用程序从未获签发的 CEK（或比上一个更旧的 CEK）加密',
        'The content must be Base64 of: a 4-byte big-endian IV length (12), the 12-byte IV, the AES-256-GCM ciphertext and the 16-byte tag.':
          '内容必须是以下各项的 Base64：4 位组大端序的 IV 长度（12）、12 位组的 IV、AES-256-GCM 密文及 16 位组的标签。',
        'It does not open with the current or previous CEK of this app, nor with any CEK the sandbox holds; it may also have been altered in transit.':
          '它既不能以此应用程序现用或上一个 CEK 解开，也不能以沙盒持有的任何 CEK 解开；它亦可能在途中被更改。',
      },
      rules: [
        [re(`The content is not a valid encrypted envelope: (.*)`), (m) => `内容不是有效的加密信封：${m[1]}`],
      ],
    },
    'signature-mismatch': {
      exact: {
        'The signature was computed with a different client secret, or over different bytes than those received':
          '签名是以另一个客户端密钥计算，或计算的位组与收到的不同',
      },
      rules: [
        [
          re(
            `The server received a body of (\\d+) bytes and signed a string of (\\d+) characters \\(its SHA-256 is shown with the string to sign\\)\\. None of the usual slips \\(re-serialised JSON, URL-encoded body, trailing newline, plaintext signed before encryption, separators, hex or Base64url\\) reproduces your signature\\.`,
          ),
          (m) =>
            `服务器收到 ${m[1]} 位组的消息体，并对 ${m[2]} 个字符的字符串签名（其 SHA-256 与待签字符串一同显示）。常见的错误（重新序列化的 JSON、经 URL 编码的消息体、结尾换行、加密前对明文签名、分隔符、十六进制或 Base64url）都无法重现你的签名。`,
        ],
        [
          re(
            `Check that you use the client secret of this app \\(clientID (\\S+); it is shown once at creation and after rotation\\) and compare the SHA-256 of your string to sign with the one shown here\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          (m) =>
            `确认你使用此应用程序的客户端密钥（clientID ${m[1]}；只在创建时及轮换后显示一次），并把你的待签字符串的 SHA-256 与此处显示的比较。${zhCN.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'signature-hex': {
      exact: { 'The signature is hex-encoded, not Base64': '签名以十六进制编码，而非 Base64' },
      rules: [
        [
          re(`The header holds the right MAC as (\\d+) hex digits\\.`),
          (m) => `请求头以 ${m[1]} 个十六进制数字载有正确的 MAC。`,
        ],
      ],
    },
    'signature-base64url': {
      exact: {
        'The signature is Base64url (- and _), not standard Base64':
          '签名是 Base64url（- 及 _），而非标准 Base64',
        'The header holds the right MAC in the URL-safe alphabet.': '请求头以 URL 安全字母表载有正确的 MAC。',
      },
    },
    'signature-plus-as-space': {
      exact: {
        'The + signs of the signature arrived as spaces': '签名中的 + 号变成了空格',
        'The header was form-decoded somewhere: + became a space, so it was not URL-encoded as %2B.':
          '请求头在途中某处被当作表单解码：+ 变成了空格，因此它并未经 URL 编码为 %2B。',
      },
    },
    'signature-double-encoded': {
      exact: {
        'The signature header is URL-encoded twice': '签名请求头经过两次 URL 编码',
        'After one URL-decoding the header still holds %2B/%2F/%3D escapes; after two it is the right MAC.':
          '经一次 URL 解码后，请求头仍含有 %2B/%2F/%3D；经两次解码后才是正确的 MAC。',
        'URL-encode the Base64 signature exactly once.': '只对 Base64 签名进行一次 URL 编码。',
      },
    },
    'signature-body-reserialised': {
      exact: {
        'The body signed is the same JSON as the body received, but different bytes (re-serialised)':
          '签名的消息体与收到的是同一 JSON，但位组不同（经重新序列化）',
      },
      rules: [
        [
          re(
            `Your signature matches the body written as (.+) JSON \\((\\d+) bytes\\); the server received (\\d+) bytes: the JSON was serialised again after signing\\.`,
          ),
          (m, w) =>
            `你的签名与写成${w.variant(m[1]!)} JSON 的消息体相符（${m[2]} 位组）；服务器收到的是 ${m[3]} 位组：JSON 在签名后被再次序列化。`,
        ],
      ],
    },
    'signature-body-url-encoding': {
      rules: [
        [
          re(`The body was URL-(encoded|decoded) between signing and sending`),
          (m) => `消息体在签名与传送之间经过 URL ${m[1] === 'encoded' ? '编码' : '解码'}`,
        ],
        [
          re(
            `Your signature matches the body URL-(encoded|decoded) \\((\\d+) bytes\\); the server received (\\d+) bytes as they were sent\\.`,
          ),
          (m) =>
            `你的签名与经 URL ${m[1] === 'encoded' ? '编码' : '解码'}的消息体相符（${m[2]} 位组）；服务器按传送时的原样收到 ${m[3]} 位组。`,
        ],
        [
          re(
            `Sign the body exactly as it goes on the wire; a JSON body is not URL-encoded\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          () =>
            `按消息体在线上传送时的确切形式签名；JSON 消息体不会经 URL 编码。${zhCN.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'signature-body-length': {
      exact: {
        'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.':
          '让 HTTP 客户端设置 Content-Length，或计算 UTF-8 位组数（Buffer.byteLength(body)），而非字符数。',
      },
      rules: [
        [
          re(`The body signed has a different length than the body received \\((\\S+) vs (\\d+) bytes\\)`),
          (m) => `签名的消息体与收到的长度不同（${m[1]} 对 ${m[2]} 位组）`,
        ],
        [
          re(`Your signature matches the body with (.+): (\\S+) bytes signed, (\\d+) bytes received\\.`),
          (m, w) => `你的签名与${w.variant(m[1]!)}的消息体相符：签名 ${m[2]} 位组，收到 ${m[3]} 位组。`,
        ],
        [
          re(
            `The body received \\((\\d+) bytes\\) is not the body you sent: (?:Content-Length says (\\S+)|it is not complete JSON)`,
          ),
          (m) =>
            `收到的消息体（${m[1]} 位组）不是你所传送的：${m[2] !== undefined ? `Content-Length 为 ${m[2]}` : '它不是完整的 JSON'}`,
        ],
        [
          re(
            `The body signed and the body received differ in length\\.(?: It holds non-ASCII characters: (\\d+) characters are (\\d+) UTF-8 bytes\\.)?`,
          ),
          (m) =>
            `签名的消息体与收到的长度不同。${m[1] ? `它含有非 ASCII 字符：${m[1]} 个字符是 ${m[2]} 个 UTF-8 位组。` : ''}`,
        ],
      ],
    },
    'signature-content-only': {
      exact: {
        'Only the content value was signed, not the whole body': '只对 content 的值签名，而非整个消息体',
      },
      rules: [
        [
          re(
            `Your signature matches the Base64 content string alone \\((\\S+) bytes\\); the signature covers the whole raw body \\{"content":"…"\\} \\((\\d+) bytes\\)\\.`,
          ),
          (m) =>
            `你的签名只与 Base64 的 content 字符串相符（${m[1]} 位组）；签名涵盖整个原始消息体 {"content":"…"}（${m[2]} 位组）。`,
        ],
      ],
    },
    'cek-rotated-out': {
      exact: {
        'Two later getKey calls (or a revokeKey) replaced it: the platform keeps only the current CEK and the previous one. Several processes sharing one app, each calling getKey, rotate each other’s CEK out.':
          '之后两次 getKey 调用（或一次 revokeKey）取代了它：平台只保留当前及上一个 CEK。共用同一应用的多个进程各自调用 getKey，会令彼此的 CEK 被轮换掉。',
      },
      rules: [
        [
          re(`The content was encrypted with a CEK issued at (\\S+) that no longer exists`),
          (m) => `内容以一个签发于 ${m[1]}、现已不存在的 CEK 加密`,
        ],
        [
          re(
            `${esc(FIX_CEK)} Share one CEK cache between the processes of an app, or let each retry once on D30002\\.`,
          ),
          () =>
            `${zhCN.shared[FIX_CEK]}让同一应用的各进程共用一个 CEK 缓存，或让每个进程在收到 D30002 时重试一次。`,
        ],
      ],
    },
    'signature-empty-body': {
      exact: {
        'The empty string was signed instead of the JSON body': '签名的是空字符串，而非 JSON 消息体',
      },
      rules: [
        [
          re(
            `Your signature matches clientID \\+ signatureMethod \\+ timestamp \\+ nonce with an empty body; the server received (\\d+) bytes of JSON and signs them\\. Some clients sign "" for every call because getKey may be sent with no body\\.`,
          ),
          (m) =>
            `你的签名与以空消息体组成的 clientID + signatureMethod + timestamp + nonce 相符；服务器收到 ${m[1]} 字节的 JSON 并对其签名。有些客户端因为 getKey 可以不带消息体发送，便对每个调用都以 "" 签名。`,
        ],
        [
          re(
            `Sign the body you send: only a call posted with no body at all signs ""\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          () => `对你发送的消息体签名：只有完全不带消息体的调用才以 "" 签名。${zhCN.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'path-near-miss': {
      rules: [
        [
          re(`No operation at (\\S+): did you mean (\\S+)\\?`),
          (m) => `${m[1]} 没有任何操作：你是否想调用 ${m[2]}？`,
        ],
        [
          re(
            `The platform answers D20027 \\(HTTP 404\\) for a path it does not serve\\. (\\S+) is close to (\\S+?)( \\(one public client calls e-ME under /account/auth/eme/; the official sample uses /account/eme/\\))?\\.`,
          ),
          (m) =>
            `平台对不提供服务的路径返回 D20027（HTTP 404）。${m[1]} 与 ${m[2]} 相近${m[3] ? '（有一个公开客户端在 /account/auth/eme/ 下调用 e-ME；官方示例使用 /account/eme/）' : ''}。`,
        ],
        [
          re(
            `Call POST (\\S+): paths are case-sensitive and have no trailing slash\\. The API reference lists every path\\.`,
          ),
          (m) => `调用 POST ${m[1]}：路径区分大小写，结尾没有斜杠。API 参考列出所有路径。`,
        ],
      ],
    },
    'plain-json-body': {
      exact: {
        'The request was sent as plain JSON; this operation needs encrypted content':
          '请求以纯 JSON 发送；此操作需要加密的内容',
        'Encrypt the request with the CEK from getKey and send {"content": "…"} (the typed client does this). If you are testing the sample library’s unencrypted mode, choose the app’s "unencrypted" compatibility profile instead.':
          '以 getKey 取得的 CEK 加密请求，并发送 {"content": "…"}（类型化客户端会替你处理）。如果你在测试示例库的不加密模式，请改为选择应用的“unencrypted”兼容性配置。',
      },
      rules: [
        [
          re(
            `The body has (.+) at the top level and no "content"\\. Encrypted operations take \\{"content": "<Base64 AES-GCM of the JSON request>"\\}\\.`,
          ),
          (m) =>
            `消息体在顶层有 ${m[1]}，但没有 "content"。加密的操作接受 {"content": "<JSON 请求的 Base64 AES-GCM>"}。`,
        ],
      ],
    },
    'get-qr-state-missing': {
      exact: {
        'getQR was called without state': '调用 getQR 时没有 state',
        'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).':
          '沙盒接受这种调用（合约中 state 为选填；有一个公开客户端省略它），重定向时便不带 state。没有它，你的回调页面便无法核实授权码属于发起登录的浏览器会话（登录 CSRF）。',
        'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.':
          '每次登录生成一个随机的 state（至少 128 位），保存在会话中，发送给 getQR，并在浏览器返回时比较。',
      },
    },
    'signature-plaintext-signed': {
      exact: {
        'The plaintext request was signed, not the encrypted body sent':
          '签名的是明文请求，而非所传送的加密消息体',
      },
      rules: [
        [
          re(
            `Your signature matches the request before encryption \\((\\S+) bytes\\); the server received and signed the encrypted body \\((\\d+) bytes\\)\\.`,
          ),
          (m) =>
            `你的签名与加密前的请求相符（${m[1]} 位组）；服务器收到并签名的是加密后的消息体（${m[2]} 位组）。`,
        ],
        [
          re(
            `Encrypt first, then sign the body you send \\(\\{"content":"<Base64>"\\}\\)\\. ${esc(FIX_SIGN_EXACT)}`,
          ),
          () => `先加密，再对你传送的消息体（{"content":"<Base64>"}）签名。${zhCN.shared[FIX_SIGN_EXACT]}`,
        ],
      ],
    },
    'signature-string-format': {
      rules: [
        [
          re(`The string to sign is assembled differently: (.*)`),
          (m, w) => `待签字符串的组合方式不同：${w.variant(m[1]!)}`,
        ],
        [
          re(
            `Your signature matches the parts joined (.*)\\. The string to sign is the plain concatenation clientID \\+ signatureMethod \\+ timestamp \\+ nonce \\+ body, with no separators\\.`,
          ),
          (m, w) =>
            `你的签名与以这种方式组合的各部分相符：${w.variant(m[1]!)}。待签字符串是不加分隔符的直接串接 clientID + signatureMethod + timestamp + nonce + body。`,
        ],
      ],
    },
  },
}

const TABLES: Record<DiagnosisLang, Table> = { 'zh-HK': zhHK, 'zh-CN': zhCN }
