/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), the request itself: scenarios, clock and timestamps, nonces. */
import { type Entry, DUR, SEEN, alreadyUsed, re } from './kit'

/** What a scenario forced ("answered D30002 and delayed 2000 ms"), with the words for "answered" and "delayed". */
const outcomes = (list: string, answered: string, delayed: string) =>
  list
    .split(' and ')
    .map((p) =>
      p.replace(/^answered (\S+)$/, `${answered} $1`).replace(/^delayed (\d+) ms$/, `${delayed} $1 毫秒`),
    )
    .join('及')

export const request: Record<string, Entry> = {
  'scenario-forced': {
    exact: {
      'Poll or re-initiate on your side; replay the callback from the inspector once your endpoint is ready.':
        {
          'zh-HK': '在你的一方輪詢或重新發起請求；你的端點準備好後，從檢查器重新發送回調。',
          'zh-CN': '在你的一方轮询或重新发起请求；你的端点准备好后，从检查器重新发送回调。',
        },
    },
    rules: [
      [
        re(`Forced by scenario (\\S+): callback (answered with HTTP 500|never answered)`),
        {
          'zh-HK': (m) =>
            `由情境 ${m[1]} 強制：回調${m[2] === 'never answered' ? '永不回應' : '以 HTTP 500 回應'}`,
          'zh-CN': (m) =>
            `由场景 ${m[1]} 强制：回调${m[2] === 'never answered' ? '永不响应' : '以 HTTP 500 响应'}`,
        },
      ],
      [
        re(`Forced by scenario (\\S+): (.*)`),
        {
          'zh-HK': (m) => `由情境 ${m[1]} 強制：${outcomes(m[2]!, '回應', '延遲')}`,
          'zh-CN': (m) => `由场景 ${m[1]} 强制：${outcomes(m[2]!, '响应', '延迟')}`,
        },
      ],
      [
        re(`A scenario queued for (\\w+) decided this outcome; your request itself was accepted\\.`),
        {
          'zh-HK': (m) => `為 ${m[1]} 排定的情境決定了這個結果；你的請求本身已被接受。`,
          'zh-CN': (m) => `为 ${m[1]} 排定的场景决定了这个结果；你的请求本身已被接受。`,
        },
      ],
      [
        re(`Delete the scenario \\(DELETE (\\S+)\\) when you no longer want it\\.`),
        {
          'zh-HK': (m) => `不再需要時，請刪除該情境（DELETE ${m[1]}）。`,
          'zh-CN': (m) => `不再需要时，请删除该场景（DELETE ${m[1]}）。`,
        },
      ],
      [
        re(
          `No request was sent to (\\S+); all (\\d+) tries were marked (failed|timed out) so you can test how your system copes\\.`,
        ),
        {
          'zh-HK': (m) =>
            `沒有請求發送到 ${m[1]}；全部 ${m[2]} 次嘗試都標記為${m[3] === 'failed' ? '失敗' : '逾時'}，讓你測試系統的應變能力。`,
          'zh-CN': (m) =>
            `没有请求发送到 ${m[1]}；全部 ${m[2]} 次尝试都标记为${m[3] === 'failed' ? '失败' : '超时'}，让你测试系统的应变能力。`,
        },
      ],
    ],
  },
  'clock-skew': {
    exact: {
      'Keep the server clock in sync (NTP) and send Date.now() in milliseconds.': {
        'zh-HK': '以 NTP 校準伺服器時鐘，並傳送以毫秒表示的 Date.now()。',
        'zh-CN': '以 NTP 校准服务器时钟，并传送以毫秒表示的 Date.now()。',
      },
    },
    rules: [
      [
        re(`Your clock is ${DUR} (ahead of|behind) the platform's`),
        {
          'zh-HK': (m, w) => `你的時鐘比平台${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
          'zh-CN': (m, w) => `你的时钟比平台${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
        },
      ],
      [
        re(`timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+); calls fail with D20004 beyond ±300 s\\.`),
        {
          'zh-HK': (m) =>
            `timestamp ${m[1]}（${m[2]}），平台時間為 ${m[3]}；相差超過 ±300 秒的呼叫會以 D20004 失敗。`,
          'zh-CN': (m) =>
            `timestamp ${m[1]}（${m[2]}），平台时间为 ${m[3]}；相差超过 ±300 秒的调用会以 D20004 失败。`,
        },
      ],
    ],
  },
  'timestamp-units': {
    rules: [
      [
        re(`The timestamp looks like (seconds|microseconds) since the epoch, not milliseconds`),
        {
          'zh-HK': (m) => `timestamp 看來是自紀元起計的${m[1] === 'seconds' ? '秒數' : '微秒數'}，而非毫秒數`,
          'zh-CN': (m) => `timestamp 看来是自纪元起计的${m[1] === 'seconds' ? '秒数' : '微秒数'}，而非毫秒数`,
        },
      ],
      [
        re(
          `timestamp (\\S+) read as milliseconds is (\\S+); (times 1000|divided by 1000) it is (\\S+), close to the platform time (\\S+)\\.`,
        ),
        {
          'zh-HK': (m) =>
            `timestamp ${m[1]} 當作毫秒讀取是 ${m[2]}；${m[3] === 'times 1000' ? '乘以 1000' : '除以 1000'}則是 ${m[4]}，接近平台時間 ${m[5]}。`,
          'zh-CN': (m) =>
            `timestamp ${m[1]} 当作毫秒读取是 ${m[2]}；${m[3] === 'times 1000' ? '乘以 1000' : '除以 1000'}则是 ${m[4]}，接近平台时间 ${m[5]}。`,
        },
      ],
    ],
  },
  'timestamp-window': {
    rules: [
      [
        re(`The timestamp is ${DUR} (ahead of|behind) the platform's clock`),
        {
          'zh-HK': (m, w) => `timestamp 比平台時鐘${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
          'zh-CN': (m, w) => `timestamp 比平台时钟${w.aheadBehind(m[2]!)}了 ${w.duration(m[1]!)}`,
        },
      ],
      [
        re(
          `timestamp (\\S+) \\((\\S+)\\) vs platform time (\\S+): off by ${DUR}, outside the ±300 s window\\. The app's test clock does not move this window\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `timestamp ${m[1]}（${m[2]}），平台時間為 ${m[3]}：相差 ${w.duration(m[4]!)}，超出 ±300 秒的時限。應用程式的測試時鐘不會移動這個時限。`,
          'zh-CN': (m, w) =>
            `timestamp ${m[1]}（${m[2]}），平台时间为 ${m[3]}：相差 ${w.duration(m[4]!)}，超出 ±300 秒的时间窗口。应用程序的测试时钟不会移动这个时间窗口。`,
        },
      ],
    ],
  },
  'nonce-reused': {
    exact: {
      'It was used by this app within the last 10 minutes (that call is no longer in the inspector tail).': {
        'zh-HK': '此應用程式在過去 10 分鐘內使用過它（該次呼叫已不在檢查器的紀錄中）。',
        'zh-CN': '此应用程序在过去 10 分钟内使用过它（该次调用已不在检查器的记录中）。',
      },
      'Generate a fresh random nonce for every call, retries included (e.g. 16 random bytes as hex), together with a fresh timestamp.':
        {
          'zh-HK':
            '每次呼叫（包括重試）都生成新的隨機 nonce（例如 16 個隨機位元組的十六進位表示），並配合新的 timestamp。',
          'zh-CN':
            '每次调用（包括重试）都生成新的随机 nonce（例如 16 个随机位组的十六进制表示），并配合新的 timestamp。',
        },
    },
    rules: [
      alreadyUsed('nonce'),
      [
        re(
          `First used at ${SEEN}\\. The platform remembers every nonce of an app for 10 minutes, across all endpoints\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `首次使用於 ${w.seen(m[1]!)}。平台會跨所有端點記住應用程式的每個 nonce 10 分鐘。`,
          'zh-CN': (m, w) =>
            `首次使用于 ${w.seen(m[1]!)}。平台会跨所有端点记住应用程序的每个 nonce 10 分钟。`,
        },
      ],
    ],
  },
}
