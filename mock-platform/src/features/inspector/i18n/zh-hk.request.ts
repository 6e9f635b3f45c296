/** The inspector's diagnoses in Traditional Chinese (zh-HK), the request itself: scenarios, clock and timestamps, nonces, limits, business ids, the body and the path. */
import { type Entry, OTHERS, DUR, SEEN, esc, re } from './kit'

export const request: Record<string, Entry> = {
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
        re(`timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+); calls fail with D20004 beyond ±300 s\\.`),
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
}
