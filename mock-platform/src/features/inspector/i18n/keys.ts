/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), content encryption keys (CEK): expired, revoked, missing, another app’s, unknown, rotated out. */
import { type Entry, FIX_CEK, DUR, esc, re } from './kit'
import { shared } from './words'

export const keys: Record<string, Entry> = {
  'cek-expired': {
    rules: [
      [
        re(`The CEK expired at (\\S+)( \\(forced by a scenario\\))?`),
        {
          'zh-HK': (m) => `CEK 已於 ${m[1]} 過期${m[2] ? '（由情境強制）' : ''}`,
          'zh-CN': (m) => `CEK 已于 ${m[1]} 过期${m[2] ? '（由场景强制）' : ''}`,
        },
      ],
      [
        re(
          `Your newest CEK was issued at (\\S+) and expired ${DUR} before this call\\.( A "force CEK expiry" scenario expired it\\.)?( The app's test clock is .+ ahead\\.)?`,
        ),
        {
          'zh-HK': (m, w) =>
            `你最新的 CEK 簽發於 ${m[1]}，在這次呼叫前 ${w.duration(m[2]!)} 已過期。${m[3] ? '「強制 CEK 到期」情境令它過期。' : ''}${m[4] ? w.clock(m[4]) : ''}`,
          'zh-CN': (m, w) =>
            `你最新的 CEK 签发于 ${m[1]}，在这次调用前 ${w.duration(m[2]!)} 已过期。${m[3] ? '“强制 CEK 到期”场景令它过期。' : ''}${m[4] ? w.clock(m[4]) : ''}`,
        },
      ],
      [
        re(`The content was encrypted with a CEK that expired at (\\S+)`),
        {
          'zh-HK': (m) => `內容以一個已於 ${m[1]} 過期的 CEK 加密`,
          'zh-CN': (m) => `内容以一个已于 ${m[1]} 过期的 CEK 加密`,
        },
      ],
      [
        re(
          `That CEK was issued at (\\S+); a newer one exists \\(from a later getKey\\), and expired CEKs are not tried\\.( The app's test clock is .+ ahead\\.)?`,
        ),
        {
          'zh-HK': (m, w) =>
            `該 CEK 簽發於 ${m[1]}；已有較新的 CEK（來自之後的 getKey），而已過期的 CEK 不會被嘗試。${m[2] ? w.clock(m[2]) : ''}`,
          'zh-CN': (m, w) =>
            `该 CEK 签发于 ${m[1]}；已有较新的 CEK（来自之后的 getKey），而已过期的 CEK 不会被尝试。${m[2] ? w.clock(m[2]) : ''}`,
        },
      ],
    ],
  },
  'cek-revoked': {
    exact: {
      'security/revokeKey dropped the current and previous CEK; every encrypted call answers D30002 until getKey is called again.':
        {
          'zh-HK':
            'security/revokeKey 撤銷了現用及上一個 CEK；在再次呼叫 getKey 之前，所有加密的呼叫都會回應 D30002。',
          'zh-CN':
            'security/revokeKey 撤销了现用及上一个 CEK；在再次调用 getKey 之前，所有加密的调用都会响应 D30002。',
        },
    },
    rules: [
      [
        re(`The CEKs were revoked at (\\S+)`),
        { 'zh-HK': (m) => `CEK 已於 ${m[1]} 被撤銷`, 'zh-CN': (m) => `CEK 已于 ${m[1]} 被撤销` },
      ],
    ],
  },
  'cek-missing': {
    exact: {
      'This app has no CEK: getKey was never called (since the sandbox started)': {
        'zh-HK': '此應用程式沒有 CEK：（自沙盒啟動以來）從未呼叫 getKey',
        'zh-CN': '此应用程序没有 CEK：（自沙盒启动以来）从未调用 getKey',
      },
      'Encrypted calls need a content encryption key from security/getKey first. The sandbox keeps CEKs in memory, so a restart drops them.':
        {
          'zh-HK':
            '加密的呼叫需要先從 security/getKey 取得內容加密密鑰。沙盒只在記憶體中保存 CEK，因此重新啟動會令它們消失。',
          'zh-CN':
            '加密的调用需要先从 security/getKey 取得内容加密密钥。沙盒只在内存中保存 CEK，因此重新启动会令它们消失。',
        },
    },
  },
  'cek-other-app': {
    exact: {
      'The content was encrypted with a CEK issued to another app': {
        'zh-HK': '內容以簽發給另一個應用程式的 CEK 加密',
        'zh-CN': '内容以签发给另一个应用程序的 CEK 加密',
      },
    },
    rules: [
      [
        re(
          `CEKs belong to one clientID\\. This call came as (\\S+), but its content opens only with a CEK another app received from getKey\\.`,
        ),
        {
          'zh-HK': (m) =>
            `每個 CEK 只屬於一個 clientID。這次呼叫以 ${m[1]} 的身份發出，但其內容只能以另一個應用程式從 getKey 取得的 CEK 解開。`,
          'zh-CN': (m) =>
            `每个 CEK 只属于一个 clientID。这次调用以 ${m[1]} 的身份发出，但其内容只能以另一个应用程序从 getKey 取得的 CEK 解开。`,
        },
      ],
      [
        re(
          `Use the CEK from getKey called with this app's clientID and secret \\(one CEK cache per app\\)\\. ${esc(FIX_CEK)}`,
        ),
        {
          'zh-HK': () =>
            `使用以此應用程式的 clientID 及密鑰呼叫 getKey 所得的 CEK（每個應用程式一個 CEK 快取）。${shared[FIX_CEK]['zh-HK']}`,
          'zh-CN': () =>
            `使用以此应用程序的 clientID 及密钥调用 getKey 所得的 CEK（每个应用程序一个 CEK 缓存）。${shared[FIX_CEK]['zh-CN']}`,
        },
      ],
    ],
  },
  'cek-unknown': {
    exact: {
      'The content was encrypted with a CEK this app was never issued (or one older than the previous)': {
        'zh-HK': '內容以此應用程式從未獲簽發的 CEK（或比上一個更舊的 CEK）加密',
        'zh-CN': '内容以此应用程序从未获签发的 CEK（或比上一个更旧的 CEK）加密',
      },
      'The content must be Base64 of: a 4-byte big-endian IV length (12), the 12-byte IV, the AES-256-GCM ciphertext and the 16-byte tag.':
        {
          'zh-HK':
            '內容必須是以下各項的 Base64：4 位元組大端序的 IV 長度（12）、12 位元組的 IV、AES-256-GCM 密文及 16 位元組的標籤。',
          'zh-CN':
            '内容必须是以下各项的 Base64：4 位组大端序的 IV 长度（12）、12 位组的 IV、AES-256-GCM 密文及 16 位组的标签。',
        },
      'It does not open with the current or previous CEK of this app, nor with any CEK the sandbox holds; it may also have been altered in transit.':
        {
          'zh-HK':
            '它既不能以此應用程式現用或上一個 CEK 解開，也不能以沙盒持有的任何 CEK 解開；它亦可能在途中被更改。',
          'zh-CN':
            '它既不能以此应用程序现用或上一个 CEK 解开，也不能以沙盒持有的任何 CEK 解开；它亦可能在途中被更改。',
        },
    },
    rules: [
      [
        re(`The content is not a valid encrypted envelope: (.*)`),
        {
          'zh-HK': (m) => `內容不是有效的加密信封：${m[1]}`,
          'zh-CN': (m) => `内容不是有效的加密信封：${m[1]}`,
        },
      ],
    ],
  },
  'cek-rotated-out': {
    exact: {
      'Two later getKey calls (or a revokeKey) replaced it: the platform keeps only the current CEK and the previous one. Several processes sharing one app, each calling getKey, rotate each other’s CEK out.':
        {
          'zh-HK':
            '之後兩次 getKey 呼叫（或一次 revokeKey）取代了它：平台只保留現用及上一個 CEK。共用同一應用程式的多個程序各自呼叫 getKey，會令彼此的 CEK 被輪換掉。',
          'zh-CN':
            '之后两次 getKey 调用（或一次 revokeKey）取代了它：平台只保留当前及上一个 CEK。共用同一应用的多个进程各自调用 getKey，会令彼此的 CEK 被轮换掉。',
        },
    },
    rules: [
      [
        re(`The content was encrypted with a CEK issued at (\\S+) that no longer exists`),
        {
          'zh-HK': (m) => `內容以一個簽發於 ${m[1]}、現已不存在的 CEK 加密`,
          'zh-CN': (m) => `内容以一个签发于 ${m[1]}、现已不存在的 CEK 加密`,
        },
      ],
      [
        re(
          `${esc(FIX_CEK)} Share one CEK cache between the processes of an app, or let each retry once on D30002\\.`,
        ),
        {
          'zh-HK': () =>
            `${shared[FIX_CEK]['zh-HK']}讓同一應用程式的各程序共用一個 CEK 快取，或讓每個程序在收到 D30002 時重試一次。`,
          'zh-CN': () =>
            `${shared[FIX_CEK]['zh-CN']}让同一应用的各进程共用一个 CEK 缓存，或让每个进程在收到 D30002 时重试一次。`,
        },
      ],
    ],
  },
}
