/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), login and tokens: authorisation codes, access tokens, redirect URIs, scopes, the getQR state. */
import { type Entry, RESTART, SEEN, esc, re } from './kit'
import { shared } from './words'

/** The near misses of a redirect URI ("\"sent\" why compared with the registered \"r\"; …"), each written by `compared`. */
const nearMisses = (list: string, compared: (sent: string, why: string, registered: string) => string) =>
  list
    .split('; ')
    .map((p) =>
      p.replace(
        /^"(.*)" (.+) compared with the registered "(.*)"$/s,
        (_, sent: string, why: string, registered: string) => compared(sent, why, registered),
      ),
    )
    .join('；') + '。'

export const login: Record<string, Entry> = {
  'code-reused': {
    rules: [
      [
        re(
          `The authorisation code was already used(?: at (\\S+))?, and the token it produced is now revoked`,
        ),
        {
          'zh-HK': (m) => `授權碼已被使用${m[1] ? `（於 ${m[1]}）` : ''}，由它產生的權杖現已被撤銷`,
          'zh-CN': (m) => `授权码已被使用${m[1] ? `（于 ${m[1]}）` : ''}，由它产生的令牌现已被撤销`,
        },
      ],
      [
        re(
          `(?:It was exchanged at ${SEEN}\\. )?Codes are single use: a second exchange revokes the access token of the first, so that token now answers D20009\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `${m[1] ? `它已於 ${w.seen(m[1])} 交換。` : ''}授權碼只可使用一次：第二次交換會撤銷第一次所得的存取權杖，因此該權杖現在回應 D20009。`,
          'zh-CN': (m, w) =>
            `${m[1] ? `它已于 ${w.seen(m[1])} 交换。` : ''}授权码只可使用一次：第二次交换会撤销第一次所得的访问令牌，因此该令牌现在响应 D20009。`,
        },
      ],
      [
        re(`Exchange each code once; never retry getToken with the same code\\. ${esc(RESTART)}`),
        {
          'zh-HK': () => `每個授權碼只交換一次；絕不以同一授權碼重試 getToken。${shared[RESTART]['zh-HK']}`,
          'zh-CN': () => `每个授权码只交换一次；绝不以同一授权码重试 getToken。${shared[RESTART]['zh-CN']}`,
        },
      ],
    ],
  },
  'code-expired': {
    rules: [
      [
        re(`The authorisation code expired at (.+)`),
        { 'zh-HK': (m) => `授權碼已於 ${m[1]} 過期`, 'zh-CN': (m) => `授权码已于 ${m[1]} 过期` },
      ],
      [
        re(`Codes live 120 s from the redirect\\.( The app's test clock is .+ ahead\\.)?`),
        {
          'zh-HK': (m, w) => `授權碼自重新導向起有效 120 秒。${m[1] ? w.clock(m[1]) : ''}`,
          'zh-CN': (m, w) => `授权码自重定向起有效 120 秒。${m[1] ? w.clock(m[1]) : ''}`,
        },
      ],
    ],
  },
  'code-other-app': {
    exact: {
      'The authorisation code was issued to another app': {
        'zh-HK': '授權碼是簽發給另一個應用程式的',
        'zh-CN': '授权码是签发给另一个应用程序的',
      },
      'The login that produced it used another clientID.': {
        'zh-HK': '產生它的登入使用了另一個 clientID。',
        'zh-CN': '产生它的登录使用了另一个 clientID。',
      },
      [`Exchange the code with the clientID that started the login. ${RESTART}`]: {
        'zh-HK': `以開始登入的 clientID 交換授權碼。重新開始登入（getQR），並立即交換新的授權碼，只交換一次。`,
        'zh-CN': `以开始登录的 clientID 交换授权码。重新开始登录（getQR），并立即交换新的授权码，只交换一次。`,
      },
    },
  },
  'code-unknown': {
    exact: {
      'The authorisation code is unknown': { 'zh-HK': '授權碼未知', 'zh-CN': '授权码未知' },
      'The sandbox never issued it, or it expired more than 5 minutes ago, or it comes from another environment (another sandbox, a restart, the real ITE).':
        {
          'zh-HK':
            '沙盒從未簽發它，或它已過期超過 5 分鐘，或它來自另一個環境（另一個沙盒、重新啟動前、真實的 ITE）。',
          'zh-CN':
            '沙盒从未签发它，或它已过期超过 5 分钟，或它来自另一个环境（另一个沙盒、重新启动前、真实的 ITE）。',
        },
    },
  },
  'token-expired': {
    rules: [
      [
        re(`The access token expired at (.+)`),
        { 'zh-HK': (m) => `存取權杖已於 ${m[1]} 過期`, 'zh-CN': (m) => `访问令牌已于 ${m[1]} 过期` },
      ],
      [
        re(
          `Access tokens live 600 000 ms \\(10 minutes\\) from getToken\\.( The app's test clock is .+ ahead\\.)?`,
        ),
        {
          'zh-HK': (m, w) =>
            `存取權杖自 getToken 起有效 600 000 毫秒（10 分鐘）。${m[1] ? w.clock(m[1]) : ''}`,
          'zh-CN': (m, w) =>
            `访问令牌自 getToken 起有效 600 000 毫秒（10 分钟）。${m[1] ? w.clock(m[1]) : ''}`,
        },
      ],
    ],
  },
  'token-revoked': {
    rules: [
      [
        re(`The access token was revoked at (\\S+): its code was used a second time`),
        {
          'zh-HK': (m) => `存取權杖已於 ${m[1]} 被撤銷：其授權碼被第二次使用`,
          'zh-CN': (m) => `访问令牌已于 ${m[1]} 被撤销：其授权码被第二次使用`,
        },
      ],
      [
        re(
          `Issued at ${SEEN}; the same code was exchanged again at ${SEEN}, which revokes the token \\(code replay protection\\)\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `簽發於 ${w.seen(m[1]!)}；同一授權碼於 ${w.seen(m[2]!)} 再次被交換，因而撤銷了該權杖（防止授權碼重放）。`,
          'zh-CN': (m, w) =>
            `签发于 ${w.seen(m[1]!)}；同一授权码于 ${w.seen(m[2]!)} 再次被交换，因而撤销了该令牌（防止授权码重放）。`,
        },
      ],
    ],
  },
  'token-unknown': {
    exact: {
      'The access token is unknown': { 'zh-HK': '存取權杖未知', 'zh-CN': '访问令牌未知' },
      'The sandbox never issued it to this app, or it expired more than 5 minutes ago, or it belongs to another app or environment.':
        {
          'zh-HK': '沙盒從未向此應用程式簽發它，或它已過期超過 5 分鐘，或它屬於另一個應用程式或環境。',
          'zh-CN': '沙盒从未向此应用程序签发它，或它已过期超过 5 分钟，或它属于另一个应用程序或环境。',
        },
    },
    rules: [
      [
        re(`It was issued at ${SEEN} and is no longer valid\\.`),
        {
          'zh-HK': (m, w) => `它簽發於 ${w.seen(m[1]!)}，現已失效。`,
          'zh-CN': (m, w) => `它签发于 ${w.seen(m[1]!)}，现已失效。`,
        },
      ],
    ],
  },
  'redirect-uri-not-registered': {
    rules: [
      [
        re(`The redirectURI "(.*?)" is not registered for this app(?: \\(near miss: it (.+)\\))?`),
        {
          'zh-HK': (m, w) =>
            `此應用程式沒有登記 redirectURI「${m[1]}」${m[2] ? `（相近但不符：它${w.nearMiss(m[2])}）` : ''}`,
          'zh-CN': (m, w) =>
            `此应用程序没有注册 redirectURI“${m[1]}”${m[2] ? `（相近但不符：它${w.nearMiss(m[2])}）` : ''}`,
        },
      ],
      [
        re(
          `Registered redirect URIs: (.*?)\\. They are matched exactly: scheme, host, port, path and query\\.(?: (.+)\\.)?`,
        ),
        {
          'zh-HK': (m, w) =>
            `已登記的重新導向 URI：${m[1] === '(none)' ? '（沒有）' : m[1]}。比對是完全相同的比對：協定、主機、連接埠、路徑及查詢字串。${
              m[2]
                ? nearMisses(m[2], (s, why, r) => `與已登記的「${r}」相比，「${s}」${w.nearMiss(why)}`)
                : ''
            }`,
          'zh-CN': (m, w) =>
            `已注册的重定向 URI：${m[1] === '(none)' ? '（没有）' : m[1]}。比对是完全相同的比对：协议、主机、端口、路径及查询字符串。${
              m[2] ? nearMisses(m[2], (s, why, r) => `与已注册的“${r}”相比，“${s}”${w.nearMiss(why)}`) : ''
            }`,
        },
      ],
      [
        re(`Send one of the registered URIs exactly, or register "(.*)" for the app in the console\\.`),
        {
          'zh-HK': (m) => `準確傳送其中一個已登記的 URI，或在控制台為應用程式登記「${m[1]}」。`,
          'zh-CN': (m) => `准确传送其中一个已注册的 URI，或在控制台为应用程序注册“${m[1]}”。`,
        },
      ],
    ],
  },
  'scope-not-requested': {
    rules: [
      [
        re(`The login did not ask for (\\S+)`),
        { 'zh-HK': (m) => `登入時沒有要求 ${m[1]}`, 'zh-CN': (m) => `登录时没有要求 ${m[1]}` },
      ],
      [
        re(
          `The app is granted (\\S+), but the access token comes from a getQR whose scope did not include it\\.`,
        ),
        {
          'zh-HK': (m) => `應用程式已獲授予 ${m[1]}，但存取權杖來自一次 scope 未包括它的 getQR。`,
          'zh-CN': (m) => `应用程序已获授予 ${m[1]}，但访问令牌来自一次 scope 未包括它的 getQR。`,
        },
      ],
      [
        re(`Add (\\S+) to the scope of the getQR URL \\(space-separated\\) and log in again\\.`),
        {
          'zh-HK': (m) => `把 ${m[1]} 加入 getQR URL 的 scope（以空格分隔），然後再次登入。`,
          'zh-CN': (m) => `把 ${m[1]} 加入 getQR URL 的 scope（以空格分隔），然后再次登录。`,
        },
      ],
    ],
  },
  'scope-not-granted': {
    exact: {
      'Use only the documented scopes: eidapi_auth, eidapi_profiles, eidapi_formFilling, eidapi_sign, eidapi_fr, eidapi_bulksign.':
        {
          'zh-HK':
            '只使用文件記載的權限範圍：eidapi_auth、eidapi_profiles、eidapi_formFilling、eidapi_sign、eidapi_fr、eidapi_bulksign。',
          'zh-CN':
            '只使用文件记载的权限范围：eidapi_auth、eidapi_profiles、eidapi_formFilling、eidapi_sign、eidapi_fr、eidapi_bulksign。',
        },
    },
    rules: [
      [
        re(`Unknown scope\\(s\\): (.*)`),
        { 'zh-HK': (m) => `未知的權限範圍：${m[1]}`, 'zh-CN': (m) => `未知的权限范围：${m[1]}` },
      ],
      [
        re(`The scope (.*) is not granted to this app`),
        {
          'zh-HK': (m) => `此應用程式未獲授予權限範圍 ${m[1]}`,
          'zh-CN': (m) => `此应用程序未获授予权限范围 ${m[1]}`,
        },
      ],
      [
        re(`This app is granted: (.*?)\\.( Scope names are case-sensitive and space-separated\\.)?`),
        {
          'zh-HK': (m) =>
            `此應用程式獲授予：${m[1] === '(none)' ? '（沒有）' : m[1]}。${m[2] ? '權限範圍名稱區分大小寫，並以空格分隔。' : ''}`,
          'zh-CN': (m) =>
            `此应用程序获授予：${m[1] === '(none)' ? '（没有）' : m[1]}。${m[2] ? '权限范围名称区分大小写，并以空格分隔。' : ''}`,
        },
      ],
      [
        re(`Ask for (.*) to be granted to the app in the console \\(or drop it from the request\\)\\.`),
        {
          'zh-HK': (m) => `在控制台申請為應用程式授予 ${m[1]}（或從請求中刪去它）。`,
          'zh-CN': (m) => `在控制台申请为应用程序授予 ${m[1]}（或从请求中删去它）。`,
        },
      ],
    ],
  },
  'get-qr-state-missing': {
    exact: {
      'getQR was called without state': {
        'zh-HK': '呼叫 getQR 時沒有 state',
        'zh-CN': '调用 getQR 时没有 state',
      },
      'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).':
        {
          'zh-HK':
            '沙盒接受這種呼叫（合約中 state 為選填；有一個公開客戶端省略它），重新導向時便不帶 state。沒有它，你的回調頁面便無法核實授權碼屬於發起登入的瀏覽器工作階段（登入 CSRF）。',
          'zh-CN':
            '沙盒接受这种调用（合约中 state 为选填；有一个公开客户端省略它），重定向时便不带 state。没有它，你的回调页面便无法核实授权码属于发起登录的浏览器会话（登录 CSRF）。',
        },
      'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.':
        {
          'zh-HK':
            '每次登入產生一個隨機的 state（至少 128 位元），保存在工作階段中，傳送給 getQR，並在瀏覽器返回時比較。',
          'zh-CN':
            '每次登录生成一个随机的 state（至少 128 位），保存在会话中，发送给 getQR，并在浏览器返回时比较。',
        },
    },
  },
}
