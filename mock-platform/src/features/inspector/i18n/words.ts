/** The inspector's diagnoses in Chinese: the recurring pieces (durations, directions, near misses, signature variants) and the sentences several ids share, each in zh-HK and zh-CN side by side. */
import type { ChineseLang } from '../../../chinese'
import {
  type Both,
  type Words,
  FIX_TIMESTAMP,
  RESTART,
  RELOGIN,
  FIX_CEK,
  FIX_SIGN_EXACT,
  FIX_SIGN_FORM,
  FIX_ACK,
} from './kit'

const UNITS: Record<'ms' | 's' | 'minutes' | 'hours' | 'days', Both<string>> = {
  ms: { 'zh-HK': '毫秒', 'zh-CN': '毫秒' },
  s: { 'zh-HK': '秒', 'zh-CN': '秒' },
  minutes: { 'zh-HK': '分鐘', 'zh-CN': '分钟' },
  hours: { 'zh-HK': '小時', 'zh-CN': '小时' },
  days: { 'zh-HK': '日', 'zh-CN': '天' },
}

/** A redirect URI on another port than the registered one: the port used, the port registered. */
const PORT: Both<(used: string, registered: string) => string> = {
  'zh-HK': (used, registered) =>
    `使用連接埠 ${used === 'default' ? '（預設）' : used}，而登記的是 ${registered === 'the default port' ? '預設連接埠' : registered}`,
  'zh-CN': (used, registered) =>
    `使用端口 ${used === 'default' ? '（默认）' : used}，而注册的是 ${registered === 'the default port' ? '默认端口' : registered}`,
}

/** A redirect URI on http where https is registered, or the reverse. */
const SCHEME: Both<(used: string, registered: string) => string> = {
  'zh-HK': (used, registered) => `使用 ${used}，而登記的是 ${registered}`,
  'zh-CN': (used, registered) => `使用 ${used}，而注册的是 ${registered}`,
}

/** Why a redirect URI is near the registered one (diagnose-uri.ts). */
const NEAR_MISSES: Record<string, Both<string>> = {
  'has a trailing slash': { 'zh-HK': '多了結尾斜線', 'zh-CN': '多了结尾斜线' },
  'lacks the trailing slash': { 'zh-HK': '缺少結尾斜線', 'zh-CN': '缺少结尾斜线' },
  'differs in the path’s case or trailing slash': {
    'zh-HK': '路徑的大小寫或結尾斜線不同',
    'zh-CN': '路径的大小写或结尾斜线不同',
  },
  'differs only in upper/lower case': { 'zh-HK': '只有大小寫不同', 'zh-CN': '只有大小写不同' },
  'is URL-encoded twice': { 'zh-HK': '經過兩次 URL 編碼', 'zh-CN': '经过两次 URL 编码' },
  'differs only in the query string': { 'zh-HK': '只有查詢字串不同', 'zh-CN': '只有查询字符串不同' },
  'differs only by "www."': { 'zh-HK': '只差「www.」', 'zh-CN': '只差“www.”' },
}

/** How a slip signed the request (signature-variants.ts). */
const VARIANTS: Record<string, Both<string>> = {
  compact: { 'zh-HK': '緊湊', 'zh-CN': '紧凑' },
  'pretty (2 spaces)': { 'zh-HK': '美化排版（2 個空格）', 'zh-CN': '美化排版（2 个空格）' },
  'pretty (4 spaces)': { 'zh-HK': '美化排版（4 個空格）', 'zh-CN': '美化排版（4 个空格）' },
  'keys sorted': { 'zh-HK': '鍵值排序', 'zh-CN': '键值排序' },
  spaced: { 'zh-HK': '加了空格', 'zh-CN': '加了空格' },
  'trailing newline': { 'zh-HK': '結尾多了換行', 'zh-CN': '结尾多了换行' },
  'trailing CRLF': { 'zh-HK': '結尾多了 CRLF', 'zh-CN': '结尾多了 CRLF' },
  trimmed: { 'zh-HK': '刪去了前後空白', 'zh-CN': '删去了前后空白' },
  'empty body signed': { 'zh-HK': '對空的內容主體簽名', 'zh-CN': '对空的消息体签名' },
  '{} signed': { 'zh-HK': '對 {} 簽名', 'zh-CN': '对 {} 签名' },
  'without signatureMethod': { 'zh-HK': '不含 signatureMethod', 'zh-CN': '不含 signatureMethod' },
  'without clientID': { 'zh-HK': '不含 clientID', 'zh-CN': '不含 clientID' },
  'body only': { 'zh-HK': '只有內容主體', 'zh-CN': '只有消息体' },
  'nonce before timestamp': { 'zh-HK': 'nonce 在 timestamp 之前', 'zh-CN': 'nonce 在 timestamp 之前' },
}

const REQUEST: Both<string> = { 'zh-HK': '請求', 'zh-CN': '请求' }
const CLOCK_AHEAD: Both<string> = { 'zh-HK': '應用程式的測試時鐘快了', 'zh-CN': '应用程序的测试时钟快了' }

/** The recurring pieces in one language. */
function wordsIn(lang: ChineseLang): Words {
  const w: Words = {
    duration: (e) =>
      e.replace(
        /^(\d+) (ms|s|minutes|hours|days)$/,
        (_, n: string, u: keyof typeof UNITS) => `${n} ${UNITS[u][lang]}`,
      ),
    aheadBehind: (e) => (e === 'ahead of' ? '快' : '慢'),
    seen: (e) => e.replace(/^(\S+) \(request (\S+), (\w+)\)$/, `$1（${REQUEST[lang]} $2，$3）`),
    nearMiss: (e) => {
      const port = /^uses port (.+) where (.+) is registered$/.exec(e)
      if (port) return PORT[lang](port[1]!, port[2]!)
      const scheme = /^uses (https?) where (https?) is registered$/.exec(e)
      if (scheme) return SCHEME[lang](scheme[1]!, scheme[2]!)
      return NEAR_MISSES[e]?.[lang] ?? e
    },
    variant: (e) => VARIANTS[e]?.[lang] ?? e.replace(/^separated by (.*)$/, '以 $1 分隔'),
    clock: (e) =>
      e.replace(
        /^ The app's test clock is (.+) ahead\.$/,
        (_, d: string) => `${CLOCK_AHEAD[lang]} ${w.duration(d)}。`,
      ),
  }
  return w
}

export const words: Both<Words> = { 'zh-HK': wordsIn('zh-HK'), 'zh-CN': wordsIn('zh-CN') }

/** The sentences several ids share, keyed by their English (kit.ts). */
export const shared = {
  [FIX_CEK]: {
    'zh-HK':
      '呼叫 security/getKey，把 CEK 快取至 issueAt + expiresIn；當呼叫回應 D30002 或 D30004 時，取得新的 CEK 並重試一次（型別化客戶端會替你處理）。',
    'zh-CN':
      '调用 security/getKey，把 CEK 缓存至 issueAt + expiresIn；当调用响应 D30002 或 D30004 时，取得新的 CEK 并重试一次（类型化客户端会替你处理）。',
  },
  [FIX_SIGN_EXACT]: {
    'zh-HK':
      '內容主體只序列化一次，對該確切字串簽名，再傳送同一字串：const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body })。',
    'zh-CN':
      '消息体只序列化一次，对该确切字符串签名，再传送同一字符串：const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body })。',
  },
  [FIX_SIGN_FORM]: {
    'zh-HK': '傳送 encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign)))。',
    'zh-CN': '传送 encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign)))。',
  },
  [FIX_ACK]: {
    'zh-HK': '一儲存好回調便回應任何 2xx（之後才解密及處理）；平台會以退避方式最多重試 5 次。',
    'zh-CN': '一存储好回调便响应任何 2xx（之后才解密及处理）；平台会以退避方式最多重试 5 次。',
  },
  [FIX_TIMESTAMP]: {
    'zh-HK': '傳送 Date.now()（自紀元起計的毫秒數），並以 NTP 校準伺服器時鐘。時限為 ±300 秒。',
    'zh-CN': '传送 Date.now()（自纪元起计的毫秒数），并以 NTP 校准服务器时钟。时间窗口为 ±300 秒。',
  },
  [RESTART]: {
    'zh-HK': '重新開始登入（getQR），並立即交換新的授權碼，只交換一次。',
    'zh-CN': '重新开始登录（getQR），并立即交换新的授权码，只交换一次。',
  },
  [RELOGIN]: {
    'zh-HK': '讓市民再次登入（getQR、getToken），並使用新的 accessToken 及其 openID。',
    'zh-CN': '让市民再次登录（getQR、getToken），并使用新的 accessToken 及其 openID。',
  },
} satisfies Record<string, Both<string>>
