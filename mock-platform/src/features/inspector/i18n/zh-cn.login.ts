/** The inspector's diagnoses in Simplified Chinese (zh-CN), login and tokens: authorisation codes, access tokens, redirect URIs, scopes, the getQR state. */
import { type Entry, RESTART, SEEN, esc, re } from './kit'
import { shared } from './zh-cn.words'

export const login: Record<string, Entry> = {
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
        () => `每个授权码只交换一次；绝不以同一授权码重试 getToken。${shared[RESTART]}`,
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
  'get-qr-state-missing': {
    exact: {
      'getQR was called without state': '调用 getQR 时没有 state',
      'The sandbox accepts it (state is optional in the contract; one public client omits it), and the redirect then carries no state. Without it your callback page cannot check that the code belongs to the browser session that started the login (login CSRF).':
        '沙盒接受这种调用（合约中 state 为选填；有一个公开客户端省略它），重定向时便不带 state。没有它，你的回调页面便无法核实授权码属于发起登录的浏览器会话（登录 CSRF）。',
      'Generate a random state per login (≥128 bits), keep it in the session, send it to getQR and compare it when the browser returns.':
        '每次登录生成一个随机的 state（至少 128 位），保存在会话中，发送给 getQR，并在浏览器返回时比较。',
    },
  },
}
