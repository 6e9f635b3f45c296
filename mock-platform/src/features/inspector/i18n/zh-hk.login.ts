/** The inspector's diagnoses in Traditional Chinese (zh-HK), login and tokens: authorisation codes, access tokens, redirect URIs, scopes, the getQR state. */
import { type Entry, RESTART, SEEN, esc, re } from './kit'
import { shared } from './zh-hk.words'

export const login: Record<string, Entry> = {
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
        () => `每個授權碼只交換一次；絕不以同一授權碼重試 getToken。${shared[RESTART]}`,
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
  'get-qr-state-missing': {
    exact: {
      'getQR was called without state': '呼叫 getQR 時沒有 state',
      'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).':
        '沙盒接受這種呼叫（合約中 state 為選填；有一個公開客戶端省略它），重新導向時便不帶 state。沒有它，你的回調頁面便無法核實授權碼屬於發起登入的瀏覽器工作階段（登入 CSRF）。',
      'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.':
        '每次登入產生一個隨機的 state（至少 128 位元），保存在工作階段中，傳送給 getQR，並在瀏覽器返回時比較。',
    },
  },
}
