/** The inspector's diagnoses in Simplified Chinese (zh-CN): the recurring pieces (durations, directions, near misses, signature variants) and the sentences several ids share. */
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
      (_, d: string) => `应用程序的测试时钟快了 ${words.duration(d)}。`,
    ),
}

export const shared: Record<string, string> = {
  [FIX_CEK]:
    '调用 security/getKey，把 CEK 缓存至 issueAt + expiresIn；当调用响应 D30002 或 D30004 时，取得新的 CEK 并重试一次（类型化客户端会替你处理）。',
  [FIX_SIGN_EXACT]:
    '消息体只序列化一次，对该确切字符串签名，再传送同一字符串：const body = JSON.stringify(request); sign(clientID + "HmacSHA256" + timestamp + nonce + body); fetch(url, { body })。',
  [FIX_SIGN_FORM]: '传送 encodeURIComponent(Base64(HMAC-SHA256(secret, stringToSign)))。',
  [FIX_ACK]: '一存储好回调便响应任何 2xx（之后才解密及处理）；平台会以退避方式最多重试 5 次。',
  [FIX_TIMESTAMP]: '传送 Date.now()（自纪元起计的毫秒数），并以 NTP 校准服务器时钟。时间窗口为 ±300 秒。',
  [RESTART]: '重新开始登录（getQR），并立即交换新的授权码，只交换一次。',
  [RELOGIN]: '让市民再次登录（getQR、getToken），并使用新的 accessToken 及其 openID。',
}
