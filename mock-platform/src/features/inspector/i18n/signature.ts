/** The inspector's diagnoses in Chinese (zh-HK and zh-CN side by side), the request signature header: mismatch, encoding (hex, Base64url, + as space, twice). */
import { type Entry, FIX_SIGN_EXACT, esc, re } from './kit'
import { shared } from './words'

export const signature: Record<string, Entry> = {
  'signature-not-url-encoded': {
    exact: {
      'The signature header is raw Base64, not URL-encoded': {
        'zh-HK': '簽名標頭是原始 Base64，未經 URL 編碼',
        'zh-CN': '签名请求头是原始 Base64，未经 URL 编码',
      },
      'The sandbox accepted it because this app is in lenient mode; in strict mode (and possibly on the real platform) this call fails with D20006.':
        {
          'zh-HK':
            '由於此應用程式處於寬鬆模式，沙盒接受了它；在嚴格模式下（真實平台亦可能如此），這次呼叫會以 D20006 失敗。',
          'zh-CN':
            '由于此应用程序处于宽松模式，沙盒接受了它；在严格模式下（真实平台亦可能如此），这次调用会以 D20006 失败。',
        },
      'URL-encode the Base64 signature before sending it: encodeURIComponent(base64), so + / = become %2B %2F %3D.':
        {
          'zh-HK':
            '傳送前把 Base64 簽名進行 URL 編碼：encodeURIComponent(base64)，讓 + / = 變成 %2B %2F %3D。',
          'zh-CN':
            '传送前把 Base64 签名进行 URL 编码：encodeURIComponent(base64)，让 + / = 变成 %2B %2F %3D。',
        },
      'Strict mode: the signature header is raw Base64, not URL-encoded': {
        'zh-HK': '嚴格模式：簽名標頭是原始 Base64，未經 URL 編碼',
        'zh-CN': '严格模式：签名请求头是原始 Base64，未经 URL 编码',
      },
      'The MAC itself is right, but this app is in strict mode, which accepts only the URL-encoded form.': {
        'zh-HK': 'MAC 本身正確，但此應用程式處於嚴格模式，只接受經 URL 編碼的形式。',
        'zh-CN': 'MAC 本身正确，但此应用程序处于严格模式，只接受经 URL 编码的形式。',
      },
      'URL-encode the Base64 signature: encodeURIComponent(base64), so + / = become %2B %2F %3D (or switch the app to lenient mode).':
        {
          'zh-HK':
            '把 Base64 簽名進行 URL 編碼：encodeURIComponent(base64)，讓 + / = 變成 %2B %2F %3D（或把應用程式切換為寬鬆模式）。',
          'zh-CN':
            '把 Base64 签名进行 URL 编码：encodeURIComponent(base64)，让 + / = 变成 %2B %2F %3D（或把应用程序切换为宽松模式）。',
        },
    },
  },
  'signature-mismatch': {
    exact: {
      'The signature was computed with a different client secret, or over different bytes than those received':
        {
          'zh-HK': '簽名是以另一個客戶端密鑰計算，或計算的位元組與收到的不同',
          'zh-CN': '签名是以另一个客户端密钥计算，或计算的位组与收到的不同',
        },
    },
    rules: [
      [
        re(
          `The server received a body of (\\d+) bytes and signed a string of (\\d+) characters \\(its SHA-256 is shown with the string to sign\\)\\. None of the usual slips \\(re-serialised JSON, URL-encoded body, trailing newline, plaintext signed before encryption, separators, hex or Base64url\\) reproduces your signature\\.`,
        ),
        {
          'zh-HK': (m) =>
            `伺服器收到 ${m[1]} 位元組的內容主體，並對 ${m[2]} 個字元的字串簽名（其 SHA-256 與待簽字串一同顯示）。常見的錯誤（重新序列化的 JSON、經 URL 編碼的內容主體、結尾換行、加密前對明文簽名、分隔符、十六進位或 Base64url）都無法重現你的簽名。`,
          'zh-CN': (m) =>
            `服务器收到 ${m[1]} 位组的消息体，并对 ${m[2]} 个字符的字符串签名（其 SHA-256 与待签字符串一同显示）。常见的错误（重新序列化的 JSON、经 URL 编码的消息体、结尾换行、加密前对明文签名、分隔符、十六进制或 Base64url）都无法重现你的签名。`,
        },
      ],
      [
        re(
          `Check that you use the client secret of this app \\(clientID (\\S+); it is shown once at creation and after rotation\\) and compare the SHA-256 of your string to sign with the one shown here\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        {
          'zh-HK': (m) =>
            `確認你使用此應用程式的客戶端密鑰（clientID ${m[1]}；只在建立時及輪換後顯示一次），並把你的待簽字串的 SHA-256 與此處顯示的比較。${shared[FIX_SIGN_EXACT]['zh-HK']}`,
          'zh-CN': (m) =>
            `确认你使用此应用程序的客户端密钥（clientID ${m[1]}；只在创建时及轮换后显示一次），并把你的待签字符串的 SHA-256 与此处显示的比较。${shared[FIX_SIGN_EXACT]['zh-CN']}`,
        },
      ],
    ],
  },
  'signature-hex': {
    exact: {
      'The signature is hex-encoded, not Base64': {
        'zh-HK': '簽名以十六進位編碼，而非 Base64',
        'zh-CN': '签名以十六进制编码，而非 Base64',
      },
    },
    rules: [
      [
        re(`The header holds the right MAC as (\\d+) hex digits\\.`),
        {
          'zh-HK': (m) => `標頭以 ${m[1]} 個十六進位數字載有正確的 MAC。`,
          'zh-CN': (m) => `请求头以 ${m[1]} 个十六进制数字载有正确的 MAC。`,
        },
      ],
    ],
  },
  'signature-base64url': {
    exact: {
      'The signature is Base64url (- and _), not standard Base64': {
        'zh-HK': '簽名是 Base64url（- 及 _），而非標準 Base64',
        'zh-CN': '签名是 Base64url（- 及 _），而非标准 Base64',
      },
      'The header holds the right MAC in the URL-safe alphabet.': {
        'zh-HK': '標頭以 URL 安全字母表載有正確的 MAC。',
        'zh-CN': '请求头以 URL 安全字母表载有正确的 MAC。',
      },
    },
  },
  'signature-plus-as-space': {
    exact: {
      'The + signs of the signature arrived as spaces': {
        'zh-HK': '簽名中的 + 號變成了空格',
        'zh-CN': '签名中的 + 号变成了空格',
      },
      'The header was form-decoded somewhere: + became a space, so it was not URL-encoded as %2B.': {
        'zh-HK': '標頭在途中某處被當作表單解碼：+ 變成了空格，因此它並未經 URL 編碼為 %2B。',
        'zh-CN': '请求头在途中某处被当作表单解码：+ 变成了空格，因此它并未经 URL 编码为 %2B。',
      },
    },
  },
  'signature-double-encoded': {
    exact: {
      'The signature header is URL-encoded twice': {
        'zh-HK': '簽名標頭經過兩次 URL 編碼',
        'zh-CN': '签名请求头经过两次 URL 编码',
      },
      'After one URL-decoding the header still holds %2B/%2F/%3D escapes; after two it is the right MAC.': {
        'zh-HK': '經一次 URL 解碼後，標頭仍含有 %2B/%2F/%3D；經兩次解碼後才是正確的 MAC。',
        'zh-CN': '经一次 URL 解码后，请求头仍含有 %2B/%2F/%3D；经两次解码后才是正确的 MAC。',
      },
      'URL-encode the Base64 signature exactly once.': {
        'zh-HK': '只對 Base64 簽名進行一次 URL 編碼。',
        'zh-CN': '只对 Base64 签名进行一次 URL 编码。',
      },
    },
  },
}
