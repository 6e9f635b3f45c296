/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), the limits: nonces, live state, calls per minute, pushes per resident. */
import { type Entry, OTHERS, esc, re } from './kit'

export const limits: Record<string, Entry> = {
  'nonce-limit': {
    exact: {
      'This app holds as many nonces as it may inside the replay window (NONCES_PER_APP)': {
        'zh-HK': '此應用程式在重放時限內持有的 nonce 已達上限（NONCES_PER_APP）',
        'zh-CN': '此应用程序在重放时间窗口内持有的 nonce 已达上限（NONCES_PER_APP）',
      },
      'Wait the Retry-After seconds, then spread your calls: at most NONCES_PER_APP signed calls per 10 minutes per app. A load test can use several apps; on your own sandbox, raise NONCES_PER_APP.':
        {
          'zh-HK':
            '等候 Retry-After 秒，然後分散你的呼叫：每個應用程式每 10 分鐘最多 NONCES_PER_APP 次經簽名的呼叫。負載測試可使用多個應用程式；在你自己的沙盒上，可提高 NONCES_PER_APP。',
          'zh-CN':
            '等候 Retry-After 秒，然后分散你的调用：每个应用程序每 10 分钟最多 NONCES_PER_APP 次经签名的调用。负载测试可使用多个应用程序；在你自己的沙盒上，可提高 NONCES_PER_APP。',
        },
    },
    rules: [
      [
        re(
          `(.*)\\. The platform remembers every nonce of an app for 10 minutes and never forgets one early, so at the bound the app's new signed calls answer HTTP 429 with Retry-After until its oldest nonce leaves the window\\. ${esc(OTHERS)}`,
        ),
        {
          'zh-HK': (m) =>
            `${m[1]}。平台會記住應用程式的每個 nonce 10 分鐘，不會提早忘記，因此達到上限時，應用程式新的經簽名呼叫會回應 HTTP 429 及 Retry-After，直至其最舊的 nonce 離開時限。其他應用程式不受影響，你的任何資料亦沒有為騰出空間而被丟棄。`,
          'zh-CN': (m) =>
            `${m[1]}。平台会记住应用程序的每个 nonce 10 分钟，不会提早忘记，因此达到上限时，应用程序新的经签名调用会响应 HTTP 429 及 Retry-After，直至其最旧的 nonce 离开时间窗口。其他应用程序不受影响，你的任何资料亦没有为腾出空间而被丢弃。`,
        },
      ],
    ],
  },
  'live-state-limit': {
    exact: {
      'This app holds as many live codes, tokens, requests or businessIDs as it may (LIVE_STATE_PER_APP)': {
        'zh-HK': '此應用程式持有的有效授權碼、權杖、請求或 businessID 已達上限（LIVE_STATE_PER_APP）',
        'zh-CN': '此应用程序持有的有效授权码、令牌、请求或 businessID 已达上限（LIVE_STATE_PER_APP）',
      },
      'Wait the Retry-After seconds; exchange codes and finish requests rather than leaving them pending; reuse an access token until it expires instead of logging in for every call. On your own sandbox, raise LIVE_STATE_PER_APP.':
        {
          'zh-HK':
            '等候 Retry-After 秒；交換授權碼並完成請求，不要讓它們一直待處理；在存取權杖到期前重用它，不要每次呼叫都登入。在你自己的沙盒上，可提高 LIVE_STATE_PER_APP。',
          'zh-CN':
            '等候 Retry-After 秒；交换授权码并完成请求，不要让它们一直待处理；在访问令牌到期前重用它，不要每次调用都登录。在你自己的沙盒上，可提高 LIVE_STATE_PER_APP。',
        },
    },
    rules: [
      [
        re(
          `(.*)\\. Nothing live is dropped to make room: the app's new ones answer HTTP 429 with Retry-After until its oldest expires \\(codes 120 s, tokens 10 minutes, requests 240 s, businessIDs 24 hours\\)\\. ${esc(OTHERS)}`,
        ),
        {
          'zh-HK': (m) =>
            `${m[1]}。仍然有效的項目不會為騰出空間而被丟棄：應用程式的新項目會回應 HTTP 429 及 Retry-After，直至其最舊的一項到期（授權碼 120 秒、權杖 10 分鐘、請求 240 秒、businessID 24 小時）。其他應用程式不受影響，你的任何資料亦沒有為騰出空間而被丟棄。`,
          'zh-CN': (m) =>
            `${m[1]}。仍然有效的项目不会为腾出空间而被丢弃：应用程序的新项目会响应 HTTP 429 及 Retry-After，直至其最旧的一项到期（授权码 120 秒、令牌 10 分钟、请求 240 秒、businessID 24 小时）。其他应用程序不受影响，你的任何资料亦没有为腾出空间而被丢弃。`,
        },
      ],
    ],
  },
  'rate-limit': {
    exact: {
      "Your organisation's apps made more signed calls this minute than it may (ORG_RATE_LIMIT_PER_MINUTE)": {
        'zh-HK': '你的機構的應用程式在這一分鐘內經簽名的呼叫超出上限（ORG_RATE_LIMIT_PER_MINUTE）',
        'zh-CN': '你的机构的应用程序在这一分钟内经签名的调用超出上限（ORG_RATE_LIMIT_PER_MINUTE）',
      },
      'This app made more signed calls this minute than it may (RATE_LIMIT_PER_MINUTE)': {
        'zh-HK': '此應用程式在這一分鐘內經簽名的呼叫超出上限（RATE_LIMIT_PER_MINUTE）',
        'zh-CN': '此应用程序在这一分钟内经签名的调用超出上限（RATE_LIMIT_PER_MINUTE）',
      },
      'The limit counts the signed calls of all the apps of your organisation together; apps of the sandbox organisation count alone. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
        {
          'zh-HK':
            '此限制合併計算你的機構所有應用程式經簽名的呼叫；沙盒機構的應用程式各自獨立計算。超出時，呼叫會回應 HTTP 429 及 Retry-After，即距離該分鐘結束的秒數。',
          'zh-CN':
            '此限制合并计算你的机构所有应用程序经签名的调用；沙盒机构的应用程序各自独立计算。超出时，调用会响应 HTTP 429 及 Retry-After，即距离该分钟结束的秒数。',
        },
      'The limit counts the signed calls of this app. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
        {
          'zh-HK':
            '此限制計算此應用程式經簽名的呼叫。超出時，呼叫會回應 HTTP 429 及 Retry-After，即距離該分鐘結束的秒數。',
          'zh-CN':
            '此限制计算此应用程序经签名的调用。超出时，调用会响应 HTTP 429 及 Retry-After，即距离该分钟结束的秒数。',
        },
    },
    rules: [
      [
        re(
          `Wait the Retry-After seconds and retry with a new nonce and timestamp; keep a steady rate below the limit \\(retry with back-off\\)\\. On your own sandbox, raise (\\w+)\\.`,
        ),
        {
          'zh-HK': (m) =>
            `等候 Retry-After 秒，然後以新的 nonce 及 timestamp 重試；把速率穩定地保持在上限以下（以退避方式重試）。在你自己的沙盒上，可提高 ${m[1]}。`,
          'zh-CN': (m) =>
            `等候 Retry-After 秒，然后以新的 nonce 及 timestamp 重试；把速率稳定地保持在上限以下（以退避方式重试）。在你自己的沙盒上，可提高 ${m[1]}。`,
        },
      ],
    ],
  },
  'push-limit': {
    exact: {
      'This app pushed too many requests to this resident in a minute (PUSHES_PER_RESIDENT_PER_MINUTE)': {
        'zh-HK': '此應用程式在一分鐘內向這位市民推送了太多請求（PUSHES_PER_RESIDENT_PER_MINUTE）',
        'zh-CN': '此应用程序在一分钟内向这位市民推送了太多请求（PUSHES_PER_RESIDENT_PER_MINUTE）',
      },
      'Do not re-send a request the resident has not answered yet; wait for its callback or timeout. Tests that push many requests can use several test residents, PC_Browser (QR, not limited) or, on your own sandbox, a higher PUSHES_PER_RESIDENT_PER_MINUTE.':
        {
          'zh-HK':
            '市民尚未回應的請求，不要重新發送；請等候其回調或逾時。需要推送大量請求的測試，可使用多位測試市民、PC_Browser（QR 碼，不受限制），或在你自己的沙盒上提高 PUSHES_PER_RESIDENT_PER_MINUTE。',
          'zh-CN':
            '市民尚未响应的请求，不要重新发送；请等候其回调或超时。需要推送大量请求的测试，可使用多位测试市民、PC_Browser（QR 码，不受限制），或在你自己的沙盒上提高 PUSHES_PER_RESIDENT_PER_MINUTE。',
        },
    },
    rules: [
      [
        re(
          `(.*)\\. Profile, e-ME, step-up, signing and data-exchange requests pushed to the resident's app \\(authByQR false\\) count together, per app: another app's pushes to the same resident do not count\\.`,
        ),
        {
          'zh-HK': (m) =>
            `${m[1]}。推送到市民應用程式的個人資料、e-ME、重新認證、簽署及資料交換請求（authByQR 為 false）按應用程式合併計算：其他應用程式向同一市民的推送不計算在內。`,
          'zh-CN': (m) =>
            `${m[1]}。推送到市民应用程序的个人资料、e-ME、重新认证、签署及数据交换请求（authByQR 为 false）按应用程序合并计算：其他应用程序向同一市民的推送不计算在内。`,
        },
      ],
    ],
  },
}
