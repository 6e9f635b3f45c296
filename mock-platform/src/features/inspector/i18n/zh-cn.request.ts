/** The inspector's diagnoses in Simplified Chinese (zh-CN), the request itself: scenarios, clock and timestamps, nonces, limits, business ids, the body and the path. */
import { type Entry, OTHERS, DUR, SEEN, esc, re } from './kit'

export const request: Record<string, Entry> = {
  'scenario-forced': {
    exact: {
      'Poll or re-initiate on your side; replay the callback from the inspector once your endpoint is ready.':
        '在你的一方轮询或重新发起请求；你的端点准备好后，从检查器重新发送回调。',
    },
    rules: [
      [
        re(`Forced by scenario (\\S+): callback (answered with HTTP 500|never answered)`),
        (m) => `由场景 ${m[1]} 强制：回调${m[2] === 'never answered' ? '永不响应' : '以 HTTP 500 响应'}`,
      ],
      [
        re(`Forced by scenario (\\S+): (.*)`),
        (m) =>
          `由场景 ${m[1]} 强制：${m[2]!
            .split(' and ')
            .map((p) =>
              p.replace(/^answered (\S+)$/, '响应 $1').replace(/^delayed (\d+) ms$/, '延迟 $1 毫秒'),
            )
            .join('及')}`,
      ],
      [
        re(`A scenario queued for (\\w+) decided this outcome; your request itself was accepted\\.`),
        (m) => `为 ${m[1]} 排定的场景决定了这个结果；你的请求本身已被接受。`,
      ],
      [
        re(`Delete the scenario \\(DELETE (\\S+)\\) when you no longer want it\\.`),
        (m) => `不再需要时，请删除该场景（DELETE ${m[1]}）。`,
      ],
      [
        re(
          `No request was sent to (\\S+); all (\\d+) tries were marked (failed|timed out) so you can test how your system copes\\.`,
        ),
        (m) =>
          `没有请求发送到 ${m[1]}；全部 ${m[2]} 次尝试都标记为${m[3] === 'failed' ? '失败' : '超时'}，让你测试系统的应变能力。`,
      ],
    ],
  },
  'clock-skew': {
    exact: {
      'Keep the server clock in sync (NTP) and send Date.now() in milliseconds.':
        '以 NTP 校准服务器时钟，并传送以毫秒表示的 Date.now()。',
    },
    rules: [
      [
        re(`Your clock is ${DUR} (ahead of|behind) the platform's`),
        (m, w) => `你的时钟比平台${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
      ],
      [
        re(`timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+); calls fail with D20004 beyond ±300 s\\.`),
        (m) => `timestamp ${m[1]}（${m[2]}），平台时间为 ${m[3]}；相差超过 ±300 秒的调用会以 D20004 失败。`,
      ],
    ],
  },
  'timestamp-units': {
    rules: [
      [
        re(`The timestamp looks like (seconds|microseconds) since the epoch, not milliseconds`),
        (m) => `timestamp 看来是自纪元起计的${m[1] === 'seconds' ? '秒数' : '微秒数'}，而非毫秒数`,
      ],
      [
        re(
          `timestamp (\\S+) read as milliseconds is (\\S+); (times 1000|divided by 1000) it is (\\S+), close to the platform time (\\S+)\\.`,
        ),
        (m) =>
          `timestamp ${m[1]} 当作毫秒读取是 ${m[2]}；${m[3] === 'times 1000' ? '乘以 1000' : '除以 1000'}则是 ${m[4]}，接近平台时间 ${m[5]}。`,
      ],
    ],
  },
  'timestamp-window': {
    rules: [
      [
        re(`The timestamp is ${DUR} (ahead of|behind) the platform's clock`),
        (m, w) => `timestamp 比平台时钟${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
      ],
      [
        re(
          `timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+): off by ${DUR}, outside the ±300 s window\\. The app's test clock does not move this window\\.`,
        ),
        (m, w) =>
          `timestamp ${m[1]}（${m[2]}），平台时间为 ${m[3]}：相差 ${w.duration(m[4]!)}，超出 ±300 秒的时间窗口。应用程序的测试时钟不会移动这个时间窗口。`,
      ],
    ],
  },
  'nonce-reused': {
    exact: {
      'It was used by this app within the last 10 minutes (that call is no longer in the inspector tail).':
        '此应用程序在过去 10 分钟内使用过它（该次调用已不在检查器的记录中）。',
      'Generate a fresh random nonce for every call, retries included (e.g. 16 random bytes as hex), together with a fresh timestamp.':
        '每次调用（包括重试）都生成新的随机 nonce（例如 16 个随机位组的十六进制表示），并配合新的 timestamp。',
    },
    rules: [
      [
        re(`The nonce "(.*)" was already used(?: at (\\S+))?`),
        (m) => `nonce“${m[1]}”已被使用${m[2] ? `（于 ${m[2]}）` : ''}`,
      ],
      [
        re(
          `First used at ${SEEN}\\. The platform remembers every nonce of an app for 10 minutes, across all endpoints\\.`,
        ),
        (m, w) => `首次使用于 ${w.seen(m[1]!)}。平台会跨所有端点记住应用程序的每个 nonce 10 分钟。`,
      ],
    ],
  },
  'nonce-limit': {
    exact: {
      'This app holds as many nonces as it may inside the replay window (NONCES_PER_APP)':
        '此应用程序在重放时间窗口内持有的 nonce 已达上限（NONCES_PER_APP）',
      'Wait the Retry-After seconds, then spread your calls: at most NONCES_PER_APP signed calls per 10 minutes per app. A load test can use several apps; on your own sandbox, raise NONCES_PER_APP.':
        '等候 Retry-After 秒，然后分散你的调用：每个应用程序每 10 分钟最多 NONCES_PER_APP 次经签名的调用。负载测试可使用多个应用程序；在你自己的沙盒上，可提高 NONCES_PER_APP。',
    },
    rules: [
      [
        re(
          `(.*)\\. The platform remembers every nonce of an app for 10 minutes and never forgets one early, so at the bound the app's new signed calls answer HTTP 429 with Retry-After until its oldest nonce leaves the window\\. ${esc(OTHERS)}`,
        ),
        (m) =>
          `${m[1]}。平台会记住应用程序的每个 nonce 10 分钟，不会提早忘记，因此达到上限时，应用程序新的经签名调用会响应 HTTP 429 及 Retry-After，直至其最旧的 nonce 离开时间窗口。其他应用程序不受影响，你的任何资料亦没有为腾出空间而被丢弃。`,
      ],
    ],
  },
  'live-state-limit': {
    exact: {
      'This app holds as many live codes, tokens, requests or businessIDs as it may (LIVE_STATE_PER_APP)':
        '此应用程序持有的有效授权码、令牌、请求或 businessID 已达上限（LIVE_STATE_PER_APP）',
      'Wait the Retry-After seconds; exchange codes and finish requests rather than leaving them pending; reuse an access token until it expires instead of logging in for every call. On your own sandbox, raise LIVE_STATE_PER_APP.':
        '等候 Retry-After 秒；交换授权码并完成请求，不要让它们一直待处理；在访问令牌到期前重用它，不要每次调用都登录。在你自己的沙盒上，可提高 LIVE_STATE_PER_APP。',
    },
    rules: [
      [
        re(
          `(.*)\\. Nothing live is dropped to make room: the app's new ones answer HTTP 429 with Retry-After until its oldest expires \\(codes 120 s, tokens 10 minutes, requests 240 s, businessIDs 24 hours\\)\\. ${esc(OTHERS)}`,
        ),
        (m) =>
          `${m[1]}。仍然有效的项目不会为腾出空间而被丢弃：应用程序的新项目会响应 HTTP 429 及 Retry-After，直至其最旧的一项到期（授权码 120 秒、令牌 10 分钟、请求 240 秒、businessID 24 小时）。其他应用程序不受影响，你的任何资料亦没有为腾出空间而被丢弃。`,
      ],
    ],
  },
  'rate-limit': {
    exact: {
      "Your organisation's apps made more signed calls this minute than it may (ORG_RATE_LIMIT_PER_MINUTE)":
        '你的机构的应用程序在这一分钟内经签名的调用超出上限（ORG_RATE_LIMIT_PER_MINUTE）',
      'This app made more signed calls this minute than it may (RATE_LIMIT_PER_MINUTE)':
        '此应用程序在这一分钟内经签名的调用超出上限（RATE_LIMIT_PER_MINUTE）',
      'The limit counts the signed calls of all the apps of your organisation together; apps of the sandbox organisation count alone. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
        '此限制合并计算你的机构所有应用程序经签名的调用；沙盒机构的应用程序各自独立计算。超出时，调用会响应 HTTP 429 及 Retry-After，即距离该分钟结束的秒数。',
      'The limit counts the signed calls of this app. Over it, calls answer HTTP 429 with Retry-After, the seconds until the minute ends.':
        '此限制计算此应用程序经签名的调用。超出时，调用会响应 HTTP 429 及 Retry-After，即距离该分钟结束的秒数。',
    },
    rules: [
      [
        re(
          `Wait the Retry-After seconds and retry with a new nonce and timestamp; keep a steady rate below the limit \\(retry with back-off\\)\\. On your own sandbox, raise (\\w+)\\.`,
        ),
        (m) =>
          `等候 Retry-After 秒，然后以新的 nonce 及 timestamp 重试；把速率稳定地保持在上限以下（以退避方式重试）。在你自己的沙盒上，可提高 ${m[1]}。`,
      ],
    ],
  },
  'push-limit': {
    exact: {
      'This app pushed too many requests to this resident in a minute (PUSHES_PER_RESIDENT_PER_MINUTE)':
        '此应用程序在一分钟内向这位市民推送了太多请求（PUSHES_PER_RESIDENT_PER_MINUTE）',
      'Do not re-send a request the resident has not answered yet; wait for its callback or timeout. Tests that push many requests can use several test residents, PC_Browser (QR, not limited) or, on your own sandbox, a higher PUSHES_PER_RESIDENT_PER_MINUTE.':
        '市民尚未响应的请求，不要重新发送；请等候其回调或超时。需要推送大量请求的测试，可使用多位测试市民、PC_Browser（QR 码，不受限制），或在你自己的沙盒上提高 PUSHES_PER_RESIDENT_PER_MINUTE。',
    },
    rules: [
      [
        re(
          `(.*)\\. Profile, e-ME, step-up, signing and data-exchange requests pushed to the resident's app \\(authByQR false\\) count together, per app: another app's pushes to the same resident do not count\\.`,
        ),
        (m) =>
          `${m[1]}。推送到市民应用程序的个人资料、e-ME、重新认证、签署及数据交换请求（authByQR 为 false）按应用程序合并计算：其他应用程序向同一市民的推送不计算在内。`,
      ],
    ],
  },
  'businessid-reused': {
    exact: {
      'Generate a new businessID for every request (1–36 printable ASCII characters, e.g. crypto.randomUUID()) and keep it to match the callback.':
        '每个请求都生成新的 businessID（1–36 个可打印的 ASCII 字符，例如 crypto.randomUUID()），并保留它以配对回调。',
    },
    rules: [
      [
        re(`The businessID "(.*)" was already used(?: at (\\S+))?`),
        (m) => `businessID“${m[1]}”已被使用${m[2] ? `（于 ${m[2]}）` : ''}`,
      ],
      [
        re(
          `(?:First used at ${SEEN}\\. )?A businessID must be unique per app across profile, e-ME and signing requests \\(remembered for 24 hours\\)\\.`,
        ),
        (m, w) =>
          `${m[1] ? `首次使用于 ${w.seen(m[1])}。` : ''}businessID 在每个应用程序的个人资料、e-ME 及签署请求之间必须唯一（会被记住 24 小时）。`,
      ],
    ],
  },
  'source-unsupported': {
    exact: {
      'Send the source that describes where the resident is: PC_Browser on a desktop, the mobile browser name (e.g. iOS_Safari), or App_Link/App_Scheme from an app.':
        '传送描述市民所在位置的 source：桌面电脑用 PC_Browser，手机用浏览器名称（例如 iOS_Safari），应用程序则用 App_Link／App_Scheme。',
    },
    rules: [
      [
        re(`The source "(.*)" is not supported(?:; did you mean (.+)\\?)?`),
        (m) => `不支持 source“${m[1]}”${m[2] ? `；你是否指 ${m[2].split(' or ').join(' 或 ')}？` : ''}`,
      ],
      [
        re(`Supported sources \\(case-sensitive\\): (.*)\\.`),
        (m) => `支持的 source（区分大小写）：${m[1]}。`,
      ],
    ],
  },
  'plain-json-body': {
    exact: {
      'The request was sent as plain JSON; this operation needs encrypted content':
        '请求以纯 JSON 发送；此操作需要加密的内容',
      'Encrypt the request with the CEK from getKey and send {"content": "…"} (the typed client does this). If you are testing the sample library’s unencrypted mode, choose the app’s "unencrypted" compatibility profile instead.':
        '以 getKey 取得的 CEK 加密请求，并发送 {"content": "…"}（类型化客户端会替你处理）。如果你在测试示例库的不加密模式，请改为选择应用的“unencrypted”兼容性配置。',
    },
    rules: [
      [
        re(
          `The body has (.+) at the top level and no "content"\\. Encrypted operations take \\{"content": "<Base64 AES-GCM of the JSON request>"\\}\\.`,
        ),
        (m) =>
          `消息体在顶层有 ${m[1]}，但没有 "content"。加密的操作接受 {"content": "<JSON 请求的 Base64 AES-GCM>"}。`,
      ],
    ],
  },
  'path-near-miss': {
    rules: [
      [
        re(`No operation at (\\S+): did you mean (\\S+)\\?`),
        (m) => `${m[1]} 没有任何操作：你是否想调用 ${m[2]}？`,
      ],
      [
        re(
          `The platform answers D20027 \\(HTTP 404\\) for a path it does not serve\\. (\\S+) is close to (\\S+?)( \\(one public client calls e-ME under /account/auth/eme/; the official sample uses /account/eme/\\))?\\.`,
        ),
        (m) =>
          `平台对不提供服务的路径返回 D20027（HTTP 404）。${m[1]} 与 ${m[2]} 相近${m[3] ? '（有一个公开客户端在 /account/auth/eme/ 下调用 e-ME；官方示例使用 /account/eme/）' : ''}。`,
      ],
      [
        re(
          `Call POST (\\S+): paths are case-sensitive and have no trailing slash\\. The API reference lists every path\\.`,
        ),
        (m) => `调用 POST ${m[1]}：路径区分大小写，结尾没有斜杠。API 参考列出所有路径。`,
      ],
    ],
  },
}
