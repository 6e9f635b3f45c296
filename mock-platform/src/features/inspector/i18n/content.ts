/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), what the request carries: business ids, the source, the body, the path. */
import { type Entry, SEEN, alreadyUsed, re } from './kit'

export const content: Record<string, Entry> = {
  'businessid-reused': {
    exact: {
      'Generate a new businessID for every request (1–36 printable ASCII characters, e.g. crypto.randomUUID()) and keep it to match the callback.':
        {
          'zh-HK':
            '每個請求都生成新的 businessID（1–36 個可列印的 ASCII 字元，例如 crypto.randomUUID()），並保留它以配對回調。',
          'zh-CN':
            '每个请求都生成新的 businessID（1–36 个可打印的 ASCII 字符，例如 crypto.randomUUID()），并保留它以配对回调。',
        },
    },
    rules: [
      alreadyUsed('businessID'),
      [
        re(
          `(?:First used at ${SEEN}\\. )?A businessID must be unique per app across profile, e-ME and signing requests \\(remembered for 24 hours\\)\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `${m[1] ? `首次使用於 ${w.seen(m[1])}。` : ''}businessID 在每個應用程式的個人資料、e-ME 及簽署請求之間必須唯一（會被記住 24 小時）。`,
          'zh-CN': (m, w) =>
            `${m[1] ? `首次使用于 ${w.seen(m[1])}。` : ''}businessID 在每个应用程序的个人资料、e-ME 及签署请求之间必须唯一（会被记住 24 小时）。`,
        },
      ],
    ],
  },
  'source-unsupported': {
    exact: {
      'Send the source that describes where the resident is: PC_Browser on a desktop, the mobile browser name (e.g. iOS_Safari), or App_Link/App_Scheme from an app.':
        {
          'zh-HK':
            '傳送描述市民所在位置的 source：桌面電腦用 PC_Browser，手機用瀏覽器名稱（例如 iOS_Safari），應用程式則用 App_Link／App_Scheme。',
          'zh-CN':
            '传送描述市民所在位置的 source：桌面电脑用 PC_Browser，手机用浏览器名称（例如 iOS_Safari），应用程序则用 App_Link／App_Scheme。',
        },
    },
    rules: [
      [
        re(`The source "(.*)" is not supported(?:; did you mean (.+)\\?)?`),
        {
          'zh-HK': (m) =>
            `不支援 source「${m[1]}」${m[2] ? `；你是否指 ${m[2].split(' or ').join(' 或 ')}？` : ''}`,
          'zh-CN': (m) =>
            `不支持 source“${m[1]}”${m[2] ? `；你是否指 ${m[2].split(' or ').join(' 或 ')}？` : ''}`,
        },
      ],
      [
        re(`Supported sources \\(case-sensitive\\): (.*)\\.`),
        {
          'zh-HK': (m) => `支援的 source（區分大小寫）：${m[1]}。`,
          'zh-CN': (m) => `支持的 source（区分大小写）：${m[1]}。`,
        },
      ],
    ],
  },
  'plain-json-body': {
    exact: {
      'The request was sent as plain JSON; this operation needs encrypted content': {
        'zh-HK': '請求以純 JSON 傳送；此操作需要加密的內容',
        'zh-CN': '请求以纯 JSON 发送；此操作需要加密的内容',
      },
      'Encrypt the request with the CEK from getKey and send {"content": "…"} (the typed client does this). If you are testing the sample library’s unencrypted mode, choose the app’s "unencrypted" compatibility profile instead.':
        {
          'zh-HK':
            '以 getKey 取得的 CEK 加密請求，並傳送 {"content": "…"}（型別化客戶端會替你處理）。如果你在測試範例程式庫的不加密模式，請改為選擇應用程式的「unencrypted」相容性設定檔。',
          'zh-CN':
            '以 getKey 取得的 CEK 加密请求，并发送 {"content": "…"}（类型化客户端会替你处理）。如果你在测试示例库的不加密模式，请改为选择应用的“unencrypted”兼容性配置。',
        },
    },
    rules: [
      [
        re(
          `The body has (.+) at the top level and no "content"\\. Encrypted operations take \\{"content": "<Base64 AES-GCM of the JSON request>"\\}\\.`,
        ),
        {
          'zh-HK': (m) =>
            `內容主體在頂層有 ${m[1]}，但沒有 "content"。加密的操作接受 {"content": "<JSON 請求的 Base64 AES-GCM>"}。`,
          'zh-CN': (m) =>
            `消息体在顶层有 ${m[1]}，但没有 "content"。加密的操作接受 {"content": "<JSON 请求的 Base64 AES-GCM>"}。`,
        },
      ],
    ],
  },
  'path-near-miss': {
    rules: [
      [
        re(`No operation at (\\S+): did you mean (\\S+)\\?`),
        {
          'zh-HK': (m) => `${m[1]} 沒有任何操作：你是否想呼叫 ${m[2]}？`,
          'zh-CN': (m) => `${m[1]} 没有任何操作：你是否想调用 ${m[2]}？`,
        },
      ],
      [
        re(
          `The platform answers D20027 \\(HTTP 404\\) for a path it does not serve\\. (\\S+) is close to (\\S+?)( \\(one public client calls e-ME under /account/auth/eme/; the official sample uses /account/eme/\\))?\\.`,
        ),
        {
          'zh-HK': (m) =>
            `平台對不提供服務的路徑回應 D20027（HTTP 404）。${m[1]} 與 ${m[2]} 相近${m[3] ? '（有一個公開客戶端在 /account/auth/eme/ 下呼叫 e-ME；官方範例使用 /account/eme/）' : ''}。`,
          'zh-CN': (m) =>
            `平台对不提供服务的路径返回 D20027（HTTP 404）。${m[1]} 与 ${m[2]} 相近${m[3] ? '（有一个公开客户端在 /account/auth/eme/ 下调用 e-ME；官方示例使用 /account/eme/）' : ''}。`,
        },
      ],
      [
        re(
          `Call POST (\\S+): paths are case-sensitive and have no trailing slash\\. The API reference lists every path\\.`,
        ),
        {
          'zh-HK': (m) => `呼叫 POST ${m[1]}：路徑區分大小寫，結尾沒有斜線。API 參考列出所有路徑。`,
          'zh-CN': (m) => `调用 POST ${m[1]}：路径区分大小写，结尾没有斜杠。API 参考列出所有路径。`,
        },
      ],
    ],
  },
}
