/** The inspector's diagnoses in Traditional Chinese (zh-HK), content encryption keys (CEK): expired, revoked, missing, another app’s, unknown, rotated out. */
import { type Entry, FIX_CEK, DUR, esc, re } from './kit'
import { shared } from './zh-hk.words'

export const keys: Record<string, Entry> = {
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
          `使用以此應用程式的 clientID 及密鑰呼叫 getKey 所得的 CEK（每個應用程式一個 CEK 快取）。${shared[FIX_CEK]}`,
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
          `${shared[FIX_CEK]}讓同一應用程式的各程序共用一個 CEK 快取，或讓每個程序在收到 D30002 時重試一次。`,
      ],
    ],
  },
}
