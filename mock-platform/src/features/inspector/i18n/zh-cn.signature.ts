/** The inspector's diagnoses in Simplified Chinese (zh-CN), the request signature: mismatch, encoding, the body as signed, the string to sign. */
import { type Entry, FIX_SIGN_EXACT, esc, re } from './kit'
import { shared } from './zh-cn.words'

export const signature: Record<string, Entry> = {
  'signature-not-url-encoded': {
    exact: {
      'The signature header is raw Base64, not URL-encoded': '签名请求头是原始 Base64，未经 URL 编码',
      'The sandbox accepted it because this app is in lenient mode; in strict mode (and possibly on the real platform) this call fails with D20006.':
        '由于此应用程序处于宽松模式，沙盒接受了它；在严格模式下（真实平台亦可能如此），这次调用会以 D20006 失败。',
      'URL-encode the Base64 signature before sending it: encodeURIComponent(base64), so + / = become %2B %2F %3D.':
        '传送前把 Base64 签名进行 URL 编码：encodeURIComponent(base64)，让 + / = 变成 %2B %2F %3D。',
      'Strict mode: the signature header is raw Base64, not URL-encoded':
        '严格模式：签名请求头是原始 Base64，未经 URL 编码',
      'The MAC itself is right, but this app is in strict mode, which accepts only the URL-encoded form.':
        'MAC 本身正确，但此应用程序处于严格模式，只接受经 URL 编码的形式。',
      'URL-encode the Base64 signature: encodeURIComponent(base64), so + / = become %2B %2F %3D (or switch the app to lenient mode).':
        '把 Base64 签名进行 URL 编码：encodeURIComponent(base64)，让 + / = 变成 %2B %2F %3D（或把应用程序切换为宽松模式）。',
    },
  },
  'signature-mismatch': {
    exact: {
      'The signature was computed with a different client secret, or over different bytes than those received':
        '签名是以另一个客户端密钥计算，或计算的位组与收到的不同',
    },
    rules: [
      [
        re(
          `The server received a body of (\\d+) bytes and signed a string of (\\d+) characters \\(its SHA-256 is shown with the string to sign\\)\\. None of the usual slips \\(re-serialised JSON, URL-encoded body, trailing newline, plaintext signed before encryption, separators, hex or Base64url\\) reproduces your signature\\.`,
        ),
        (m) =>
          `服务器收到 ${m[1]} 位组的消息体，并对 ${m[2]} 个字符的字符串签名（其 SHA-256 与待签字符串一同显示）。常见的错误（重新序列化的 JSON、经 URL 编码的消息体、结尾换行、加密前对明文签名、分隔符、十六进制或 Base64url）都无法重现你的签名。`,
      ],
      [
        re(
          `Check that you use the client secret of this app \\(clientID (\\S+); it is shown once at creation and after rotation\\) and compare the SHA-256 of your string to sign with the one shown here\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        (m) =>
          `确认你使用此应用程序的客户端密钥（clientID ${m[1]}；只在创建时及轮换后显示一次），并把你的待签字符串的 SHA-256 与此处显示的比较。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-hex': {
    exact: { 'The signature is hex-encoded, not Base64': '签名以十六进制编码，而非 Base64' },
    rules: [
      [
        re(`The header holds the right MAC as (\\d+) hex digits\\.`),
        (m) => `请求头以 ${m[1]} 个十六进制数字载有正确的 MAC。`,
      ],
    ],
  },
  'signature-base64url': {
    exact: {
      'The signature is Base64url (- and _), not standard Base64':
        '签名是 Base64url（- 及 _），而非标准 Base64',
      'The header holds the right MAC in the URL-safe alphabet.': '请求头以 URL 安全字母表载有正确的 MAC。',
    },
  },
  'signature-plus-as-space': {
    exact: {
      'The + signs of the signature arrived as spaces': '签名中的 + 号变成了空格',
      'The header was form-decoded somewhere: + became a space, so it was not URL-encoded as %2B.':
        '请求头在途中某处被当作表单解码：+ 变成了空格，因此它并未经 URL 编码为 %2B。',
    },
  },
  'signature-double-encoded': {
    exact: {
      'The signature header is URL-encoded twice': '签名请求头经过两次 URL 编码',
      'After one URL-decoding the header still holds %2B/%2F/%3D escapes; after two it is the right MAC.':
        '经一次 URL 解码后，请求头仍含有 %2B/%2F/%3D；经两次解码后才是正确的 MAC。',
      'URL-encode the Base64 signature exactly once.': '只对 Base64 签名进行一次 URL 编码。',
    },
  },
  'signature-body-reserialised': {
    exact: {
      'The body signed is the same JSON as the body received, but different bytes (re-serialised)':
        '签名的消息体与收到的是同一 JSON，但位组不同（经重新序列化）',
    },
    rules: [
      [
        re(
          `Your signature matches the body written as (.+) JSON \\((\\d+) bytes\\); the server received (\\d+) bytes: the JSON was serialised again after signing\\.`,
        ),
        (m, w) =>
          `你的签名与写成${w.variant(m[1]!)} JSON 的消息体相符（${m[2]} 位组）；服务器收到的是 ${m[3]} 位组：JSON 在签名后被再次序列化。`,
      ],
    ],
  },
  'signature-body-url-encoding': {
    rules: [
      [
        re(`The body was URL-(encoded|decoded) between signing and sending`),
        (m) => `消息体在签名与传送之间经过 URL ${m[1] === 'encoded' ? '编码' : '解码'}`,
      ],
      [
        re(
          `Your signature matches the body URL-(encoded|decoded) \\((\\d+) bytes\\); the server received (\\d+) bytes as they were sent\\.`,
        ),
        (m) =>
          `你的签名与经 URL ${m[1] === 'encoded' ? '编码' : '解码'}的消息体相符（${m[2]} 位组）；服务器按传送时的原样收到 ${m[3]} 位组。`,
      ],
      [
        re(
          `Sign the body exactly as it goes on the wire; a JSON body is not URL-encoded\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        () => `按消息体在线上传送时的确切形式签名；JSON 消息体不会经 URL 编码。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-body-length': {
    exact: {
      'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.':
        '让 HTTP 客户端设置 Content-Length，或计算 UTF-8 位组数（Buffer.byteLength(body)），而非字符数。',
    },
    rules: [
      [
        re(`The body signed has a different length than the body received \\((\\S+) vs (\\d+) bytes\\)`),
        (m) => `签名的消息体与收到的长度不同（${m[1]} 对 ${m[2]} 位组）`,
      ],
      [
        re(`Your signature matches the body with (.+): (\\S+) bytes signed, (\\d+) bytes received\\.`),
        (m, w) => `你的签名与${w.variant(m[1]!)}的消息体相符：签名 ${m[2]} 位组，收到 ${m[3]} 位组。`,
      ],
      [
        re(
          `The body received \\((\\d+) bytes\\) is not the body you sent: (?:Content-Length says (\\S+)|it is not complete JSON)`,
        ),
        (m) =>
          `收到的消息体（${m[1]} 位组）不是你所传送的：${m[2] !== undefined ? `Content-Length 为 ${m[2]}` : '它不是完整的 JSON'}`,
      ],
      [
        re(
          `The body signed and the body received differ in length\\.(?: It holds non-ASCII characters: (\\d+) characters are (\\d+) UTF-8 bytes\\.)?`,
        ),
        (m) =>
          `签名的消息体与收到的长度不同。${m[1] ? `它含有非 ASCII 字符：${m[1]} 个字符是 ${m[2]} 个 UTF-8 位组。` : ''}`,
      ],
    ],
  },
  'signature-content-only': {
    exact: {
      'Only the content value was signed, not the whole body': '只对 content 的值签名，而非整个消息体',
    },
    rules: [
      [
        re(
          `Your signature matches the Base64 content string alone \\((\\S+) bytes\\); the signature covers the whole raw body \\{"content":"…"\\} \\((\\d+) bytes\\)\\.`,
        ),
        (m) =>
          `你的签名只与 Base64 的 content 字符串相符（${m[1]} 位组）；签名涵盖整个原始消息体 {"content":"…"}（${m[2]} 位组）。`,
      ],
    ],
  },
  'signature-empty-body': {
    exact: {
      'The empty string was signed instead of the JSON body': '签名的是空字符串，而非 JSON 消息体',
    },
    rules: [
      [
        re(
          `Your signature matches clientID \\+ signatureMethod \\+ timestamp \\+ nonce with an empty body; the server received (\\d+) bytes of JSON and signs them\\. Some clients sign "" for every call because getKey may be sent with no body\\.`,
        ),
        (m) =>
          `你的签名与以空消息体组成的 clientID + signatureMethod + timestamp + nonce 相符；服务器收到 ${m[1]} 字节的 JSON 并对其签名。有些客户端因为 getKey 可以不带消息体发送，便对每个调用都以 "" 签名。`,
      ],
      [
        re(
          `Sign the body you send: only a call posted with no body at all signs ""\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        () => `对你发送的消息体签名：只有完全不带消息体的调用才以 "" 签名。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-plaintext-signed': {
    exact: {
      'The plaintext request was signed, not the encrypted body sent':
        '签名的是明文请求，而非所传送的加密消息体',
    },
    rules: [
      [
        re(
          `Your signature matches the request before encryption \\((\\S+) bytes\\); the server received and signed the encrypted body \\((\\d+) bytes\\)\\.`,
        ),
        (m) =>
          `你的签名与加密前的请求相符（${m[1]} 位组）；服务器收到并签名的是加密后的消息体（${m[2]} 位组）。`,
      ],
      [
        re(
          `Encrypt first, then sign the body you send \\(\\{"content":"<Base64>"\\}\\)\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        () => `先加密，再对你传送的消息体（{"content":"<Base64>"}）签名。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-string-format': {
    rules: [
      [
        re(`The string to sign is assembled differently: (.*)`),
        (m, w) => `待签字符串的组合方式不同：${w.variant(m[1]!)}`,
      ],
      [
        re(
          `Your signature matches the parts joined (.*)\\. The string to sign is the plain concatenation clientID \\+ signatureMethod \\+ timestamp \\+ nonce \\+ body, with no separators\\.`,
        ),
        (m, w) =>
          `你的签名与以这种方式组合的各部分相符：${w.variant(m[1]!)}。待签字符串是不加分隔符的直接串接 clientID + signatureMethod + timestamp + nonce + body。`,
      ],
    ],
  },
}
