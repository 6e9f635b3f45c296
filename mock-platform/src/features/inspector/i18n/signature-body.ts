/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), the body as signed: re-serialised, URL-encoded, length, content only, empty, plaintext, the string to sign. */
import { type Entry, FIX_SIGN_EXACT, esc, re } from './kit'
import { shared } from './words'

export const signatureBody: Record<string, Entry> = {
  'signature-body-reserialised': {
    exact: {
      'The body signed is the same JSON as the body received, but different bytes (re-serialised)': {
        'zh-HK': '簽名的內容主體與收到的是同一 JSON，但位元組不同（經重新序列化）',
        'zh-CN': '签名的消息体与收到的是同一 JSON，但位组不同（经重新序列化）',
      },
    },
    rules: [
      [
        re(
          `Your signature matches the body written as (.+) JSON \\((\\d+) bytes\\); the server received (\\d+) bytes: the JSON was serialised again after signing\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `你的簽名與寫成${w.variant(m[1]!)} JSON 的內容主體相符（${m[2]} 位元組）；伺服器收到的是 ${m[3]} 位元組：JSON 在簽名後被再次序列化。`,
          'zh-CN': (m, w) =>
            `你的签名与写成${w.variant(m[1]!)} JSON 的消息体相符（${m[2]} 位组）；服务器收到的是 ${m[3]} 位组：JSON 在签名后被再次序列化。`,
        },
      ],
    ],
  },
  'signature-body-url-encoding': {
    rules: [
      [
        re(`The body was URL-(encoded|decoded) between signing and sending`),
        {
          'zh-HK': (m) => `內容主體在簽名與傳送之間經過 URL ${m[1] === 'encoded' ? '編碼' : '解碼'}`,
          'zh-CN': (m) => `消息体在签名与传送之间经过 URL ${m[1] === 'encoded' ? '编码' : '解码'}`,
        },
      ],
      [
        re(
          `Your signature matches the body URL-(encoded|decoded) \\((\\d+) bytes\\); the server received (\\d+) bytes as they were sent\\.`,
        ),
        {
          'zh-HK': (m) =>
            `你的簽名與經 URL ${m[1] === 'encoded' ? '編碼' : '解碼'}的內容主體相符（${m[2]} 位元組）；伺服器按傳送時的原樣收到 ${m[3]} 位元組。`,
          'zh-CN': (m) =>
            `你的签名与经 URL ${m[1] === 'encoded' ? '编码' : '解码'}的消息体相符（${m[2]} 位组）；服务器按传送时的原样收到 ${m[3]} 位组。`,
        },
      ],
      [
        re(
          `Sign the body exactly as it goes on the wire; a JSON body is not URL-encoded\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        {
          'zh-HK': () =>
            `按內容主體在線上傳送時的確切形式簽名；JSON 內容主體不會經 URL 編碼。${shared[FIX_SIGN_EXACT]['zh-HK']}`,
          'zh-CN': () =>
            `按消息体在线上传送时的确切形式签名；JSON 消息体不会经 URL 编码。${shared[FIX_SIGN_EXACT]['zh-CN']}`,
        },
      ],
    ],
  },
  'signature-body-length': {
    exact: {
      'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.':
        {
          'zh-HK':
            '讓 HTTP 客戶端設定 Content-Length，或計算 UTF-8 位元組數（Buffer.byteLength(body)），而非字元數。',
          'zh-CN':
            '让 HTTP 客户端设置 Content-Length，或计算 UTF-8 位组数（Buffer.byteLength(body)），而非字符数。',
        },
    },
    rules: [
      [
        re(`The body signed has a different length than the body received \\((\\S+) vs (\\d+) bytes\\)`),
        {
          'zh-HK': (m) => `簽名的內容主體與收到的長度不同（${m[1]} 對 ${m[2]} 位元組）`,
          'zh-CN': (m) => `签名的消息体与收到的长度不同（${m[1]} 对 ${m[2]} 位组）`,
        },
      ],
      [
        re(`Your signature matches the body with (.+): (\\S+) bytes signed, (\\d+) bytes received\\.`),
        {
          'zh-HK': (m, w) =>
            `你的簽名與${w.variant(m[1]!)}的內容主體相符：簽名 ${m[2]} 位元組，收到 ${m[3]} 位元組。`,
          'zh-CN': (m, w) =>
            `你的签名与${w.variant(m[1]!)}的消息体相符：签名 ${m[2]} 位组，收到 ${m[3]} 位组。`,
        },
      ],
      [
        re(
          `The body received \\((\\d+) bytes\\) is not the body you sent: (?:Content-Length says (\\S+)|it is not complete JSON)`,
        ),
        {
          'zh-HK': (m) =>
            `收到的內容主體（${m[1]} 位元組）不是你所傳送的：${m[2] !== undefined ? `Content-Length 為 ${m[2]}` : '它不是完整的 JSON'}`,
          'zh-CN': (m) =>
            `收到的消息体（${m[1]} 位组）不是你所传送的：${m[2] !== undefined ? `Content-Length 为 ${m[2]}` : '它不是完整的 JSON'}`,
        },
      ],
      [
        re(
          `The body signed and the body received differ in length\\.(?: It holds non-ASCII characters: (\\d+) characters are (\\d+) UTF-8 bytes\\.)?`,
        ),
        {
          'zh-HK': (m) =>
            `簽名的內容主體與收到的長度不同。${m[1] ? `它含有非 ASCII 字元：${m[1]} 個字元是 ${m[2]} 個 UTF-8 位元組。` : ''}`,
          'zh-CN': (m) =>
            `签名的消息体与收到的长度不同。${m[1] ? `它含有非 ASCII 字符：${m[1]} 个字符是 ${m[2]} 个 UTF-8 位组。` : ''}`,
        },
      ],
    ],
  },
  'signature-content-only': {
    exact: {
      'Only the content value was signed, not the whole body': {
        'zh-HK': '只對 content 的值簽名，而非整個內容主體',
        'zh-CN': '只对 content 的值签名，而非整个消息体',
      },
    },
    rules: [
      [
        re(
          `Your signature matches the Base64 content string alone \\((\\S+) bytes\\); the signature covers the whole raw body \\{"content":"…"\\} \\((\\d+) bytes\\)\\.`,
        ),
        {
          'zh-HK': (m) =>
            `你的簽名只與 Base64 的 content 字串相符（${m[1]} 位元組）；簽名涵蓋整個原始內容主體 {"content":"…"}（${m[2]} 位元組）。`,
          'zh-CN': (m) =>
            `你的签名只与 Base64 的 content 字符串相符（${m[1]} 位组）；签名涵盖整个原始消息体 {"content":"…"}（${m[2]} 位组）。`,
        },
      ],
    ],
  },
  'signature-empty-body': {
    exact: {
      'The empty string was signed instead of the JSON body': {
        'zh-HK': '簽名的是空字串，而非 JSON 內容主體',
        'zh-CN': '签名的是空字符串，而非 JSON 消息体',
      },
    },
    rules: [
      [
        re(
          `Your signature matches clientID \\+ signatureMethod \\+ timestamp \\+ nonce with an empty body; the server received (\\d+) bytes of JSON and signs them\\. Some clients sign "" for every call because getKey may be sent with no body\\.`,
        ),
        {
          'zh-HK': (m) =>
            `你的簽名與以空內容主體組成的 clientID + signatureMethod + timestamp + nonce 相符；伺服器收到 ${m[1]} 位元組的 JSON 並對其簽名。有些客戶端因為 getKey 可以不帶內容主體傳送，便對每個呼叫都以 "" 簽名。`,
          'zh-CN': (m) =>
            `你的签名与以空消息体组成的 clientID + signatureMethod + timestamp + nonce 相符；服务器收到 ${m[1]} 字节的 JSON 并对其签名。有些客户端因为 getKey 可以不带消息体发送，便对每个调用都以 "" 签名。`,
        },
      ],
      [
        re(
          `Sign the body you send: only a call posted with no body at all signs ""\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        {
          'zh-HK': () =>
            `對你傳送的內容主體簽名：只有完全不帶內容主體的呼叫才以 "" 簽名。${shared[FIX_SIGN_EXACT]['zh-HK']}`,
          'zh-CN': () =>
            `对你发送的消息体签名：只有完全不带消息体的调用才以 "" 签名。${shared[FIX_SIGN_EXACT]['zh-CN']}`,
        },
      ],
    ],
  },
  'signature-plaintext-signed': {
    exact: {
      'The plaintext request was signed, not the encrypted body sent': {
        'zh-HK': '簽名的是明文請求，而非所傳送的加密內容主體',
        'zh-CN': '签名的是明文请求，而非所传送的加密消息体',
      },
    },
    rules: [
      [
        re(
          `Your signature matches the request before encryption \\((\\S+) bytes\\); the server received and signed the encrypted body \\((\\d+) bytes\\)\\.`,
        ),
        {
          'zh-HK': (m) =>
            `你的簽名與加密前的請求相符（${m[1]} 位元組）；伺服器收到並簽名的是加密後的內容主體（${m[2]} 位元組）。`,
          'zh-CN': (m) =>
            `你的签名与加密前的请求相符（${m[1]} 位组）；服务器收到并签名的是加密后的消息体（${m[2]} 位组）。`,
        },
      ],
      [
        re(
          `Encrypt first, then sign the body you send \\(\\{"content":"<Base64>"\\}\\)\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        {
          'zh-HK': () =>
            `先加密，再對你傳送的內容主體（{"content":"<Base64>"}）簽名。${shared[FIX_SIGN_EXACT]['zh-HK']}`,
          'zh-CN': () =>
            `先加密，再对你传送的消息体（{"content":"<Base64>"}）签名。${shared[FIX_SIGN_EXACT]['zh-CN']}`,
        },
      ],
    ],
  },
  'signature-string-format': {
    rules: [
      [
        re(`The string to sign is assembled differently: (.*)`),
        {
          'zh-HK': (m, w) => `待簽字串的組合方式不同：${w.variant(m[1]!)}`,
          'zh-CN': (m, w) => `待签字符串的组合方式不同：${w.variant(m[1]!)}`,
        },
      ],
      [
        re(
          `Your signature matches the parts joined (.*)\\. The string to sign is the plain concatenation clientID \\+ signatureMethod \\+ timestamp \\+ nonce \\+ body, with no separators\\.`,
        ),
        {
          'zh-HK': (m, w) =>
            `你的簽名與以這種方式組合的各部分相符：${w.variant(m[1]!)}。待簽字串是不加分隔符的直接串接 clientID + signatureMethod + timestamp + nonce + body。`,
          'zh-CN': (m, w) =>
            `你的签名与以这种方式组合的各部分相符：${w.variant(m[1]!)}。待签字符串是不加分隔符的直接串接 clientID + signatureMethod + timestamp + nonce + body。`,
        },
      ],
    ],
  },
}
