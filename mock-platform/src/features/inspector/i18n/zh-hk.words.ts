/** The inspector's diagnoses in Traditional Chinese (zh-HK): the recurring pieces (durations, directions, near misses, signature variants) and the sentences several ids share. */
import {
  type Words,
  FIX_TIMESTAMP,
  RESTART,
  RELOGIN,
  FIX_CEK,
  FIX_SIGN_EXACT,
  FIX_SIGN_FORM,
  FIX_ACK,
} from './kit'

export const words: Words = {
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
      (_, d: string) => `應用程式的測試時鐘快了 ${words.duration(d)}。`,
    ),
}

export const shared: Record<string, string> = {
  [FIX_CEK]:
    '呼叫 security/getKey，把 CEK 快取至 issueAt + expiresIn；當呼叫回應 D30002 或 D30004 時，取得新的 CEK 並重試一次（型別化客戶端會替你處理）。',
  [FIX_SIGN_EXACT]:
    '內容主體只序列化一次，對該確切字串簽名，再傳送同一字串：const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body })。',
  [FIX_SIGN_FORM]: '傳送 encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign)))。',
  [FIX_ACK]: '一儲存好回調便回應任何 2xx（之後才解密及處理）；平台會以退避方式最多重試 5 次。',
  [FIX_TIMESTAMP]: '傳送 Date.now()（自紀元起計的毫秒數），並以 NTP 校準伺服器時鐘。時限為 ±300 秒。',
  [RESTART]: '重新開始登入（getQR），並立即交換新的授權碼，只交換一次。',
  [RELOGIN]: '讓市民再次登入（getQR、getToken），並使用新的 accessToken 及其 openID。',
}
