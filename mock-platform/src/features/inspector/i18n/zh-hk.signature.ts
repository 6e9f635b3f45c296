/** The inspector's diagnoses in Traditional Chinese (zh-HK), the request signature: mismatch, encoding, the body as signed, the string to sign. */
import { type Entry, FIX_SIGN_EXACT, esc, re } from './kit'
import { shared } from './zh-hk.words'

export const signature: Record<string, Entry> = {
  'signature-not-url-encoded': {
    exact: {
      'The signature header is raw Base64, not URL-encoded': '簽名標頭是原始 Base64，未經 URL 編碼',
      'The sandbox accepted it because this app is in lenient mode; in strict mode (and possibly on the real platform) this call fails with D20006.':
        '由於此應用程式處於寬鬆模式，沙盒接受了它；在嚴格模式下（真實平台亦可能如此），這次呼叫會以 D20006 失敗。',
      'URL-encode the Base64 signature before sending it: encodeURIComponent(base64), so + / = become %2B %2F %3D.':
        '傳送前把 Base64 簽名進行 URL 編碼：encodeURIComponent(base64)，讓 + / = 變成 %2B %2F %3D。',
      'Strict mode: the signature header is raw Base64, not URL-encoded':
        '嚴格模式：簽名標頭是原始 Base64，未經 URL 編碼',
      'The MAC itself is right, but this app is in strict mode, which accepts only the URL-encoded form.':
        'MAC 本身正確，但此應用程式處於嚴格模式，只接受經 URL 編碼的形式。',
      'URL-encode the Base64 signature: encodeURIComponent(base64), so + / = become %2B %2F %3D (or switch the app to lenient mode).':
        '把 Base64 簽名進行 URL 編碼：encodeURIComponent(base64)，讓 + / = 變成 %2B %2F %3D（或把應用程式切換為寬鬆模式）。',
    },
  },
  'signature-mismatch': {
    exact: {
      'The signature was computed with a different client secret, or over different bytes than those received':
        '簽名是以另一個客戶端密鑰計算，或計算的位元組與收到的不同',
    },
    rules: [
      [
        re(
          `The server received a body of (\\d+) bytes and signed a string of (\\d+) characters \\(its SHA-256 is shown with the string to sign\\)\\. None of the usual slips \\(re-serialised JSON, URL-encoded body, trailing newline, plaintext signed before encryption, separators, hex or Base64url\\) reproduces your signature\\.`,
        ),
        (m) =>
          `伺服器收到 ${m[1]} 位元組的內容主體，並對 ${m[2]} 個字元的字串簽名（其 SHA-256 與待簽字串一同顯示）。常見的錯誤（重新序列化的 JSON、經 URL 編碼的內容主體、結尾換行、加密前對明文簽名、分隔符、十六進位或 Base64url）都無法重現你的簽名。`,
      ],
      [
        re(
          `Check that you use the client secret of this app \\(clientID (\\S+); it is shown once at creation and after rotation\\) and compare the SHA-256 of your string to sign with the one shown here\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        (m) =>
          `確認你使用此應用程式的客戶端密鑰（clientID ${m[1]}；只在建立時及輪換後顯示一次），並把你的待簽字串的 SHA-256 與此處顯示的比較。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-hex': {
    exact: { 'The signature is hex-encoded, not Base64': '簽名以十六進位編碼，而非 Base64' },
    rules: [
      [
        re(`The header holds the right MAC as (\\d+) hex digits\\.`),
        (m) => `標頭以 ${m[1]} 個十六進位數字載有正確的 MAC。`,
      ],
    ],
  },
  'signature-base64url': {
    exact: {
      'The signature is Base64url (- and _), not standard Base64':
        '簽名是 Base64url（- 及 _），而非標準 Base64',
      'The header holds the right MAC in the URL-safe alphabet.': '標頭以 URL 安全字母表載有正確的 MAC。',
    },
  },
  'signature-plus-as-space': {
    exact: {
      'The + signs of the signature arrived as spaces': '簽名中的 + 號變成了空格',
      'The header was form-decoded somewhere: + became a space, so it was not URL-encoded as %2B.':
        '標頭在途中某處被當作表單解碼：+ 變成了空格，因此它並未經 URL 編碼為 %2B。',
    },
  },
  'signature-double-encoded': {
    exact: {
      'The signature header is URL-encoded twice': '簽名標頭經過兩次 URL 編碼',
      'After one URL-decoding the header still holds %2B/%2F/%3D escapes; after two it is the right MAC.':
        '經一次 URL 解碼後，標頭仍含有 %2B/%2F/%3D；經兩次解碼後才是正確的 MAC。',
      'URL-encode the Base64 signature exactly once.': '只對 Base64 簽名進行一次 URL 編碼。',
    },
  },
  'signature-body-reserialised': {
    exact: {
      'The body signed is the same JSON as the body received, but different bytes (re-serialised)':
        '簽名的內容主體與收到的是同一 JSON，但位元組不同（經重新序列化）',
    },
    rules: [
      [
        re(
          `Your signature matches the body written as (.+) JSON \\((\\d+) bytes\\); the server received (\\d+) bytes: the JSON was serialised again after signing\\.`,
        ),
        (m, w) =>
          `你的簽名與寫成${w.variant(m[1]!)} JSON 的內容主體相符（${m[2]} 位元組）；伺服器收到的是 ${m[3]} 位元組：JSON 在簽名後被再次序列化。`,
      ],
    ],
  },
  'signature-body-url-encoding': {
    rules: [
      [
        re(`The body was URL-(encoded|decoded) between signing and sending`),
        (m) => `內容主體在簽名與傳送之間經過 URL ${m[1] === 'encoded' ? '編碼' : '解碼'}`,
      ],
      [
        re(
          `Your signature matches the body URL-(encoded|decoded) \\((\\d+) bytes\\); the server received (\\d+) bytes as they were sent\\.`,
        ),
        (m) =>
          `你的簽名與經 URL ${m[1] === 'encoded' ? '編碼' : '解碼'}的內容主體相符（${m[2]} 位元組）；伺服器按傳送時的原樣收到 ${m[3]} 位元組。`,
      ],
      [
        re(
          `Sign the body exactly as it goes on the wire; a JSON body is not URL-encoded\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        () => `按內容主體在線上傳送時的確切形式簽名；JSON 內容主體不會經 URL 編碼。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-body-length': {
    exact: {
      'Let your HTTP client set Content-Length, or count UTF-8 bytes (Buffer.byteLength(body)), not characters.':
        '讓 HTTP 客戶端設定 Content-Length，或計算 UTF-8 位元組數（Buffer.byteLength(body)），而非字元數。',
    },
    rules: [
      [
        re(`The body signed has a different length than the body received \\((\\S+) vs (\\d+) bytes\\)`),
        (m) => `簽名的內容主體與收到的長度不同（${m[1]} 對 ${m[2]} 位元組）`,
      ],
      [
        re(`Your signature matches the body with (.+): (\\S+) bytes signed, (\\d+) bytes received\\.`),
        (m, w) => `你的簽名與${w.variant(m[1]!)}的內容主體相符：簽名 ${m[2]} 位元組，收到 ${m[3]} 位元組。`,
      ],
      [
        re(
          `The body received \\((\\d+) bytes\\) is not the body you sent: (?:Content-Length says (\\S+)|it is not complete JSON)`,
        ),
        (m) =>
          `收到的內容主體（${m[1]} 位元組）不是你所傳送的：${m[2] !== undefined ? `Content-Length 為 ${m[2]}` : '它不是完整的 JSON'}`,
      ],
      [
        re(
          `The body signed and the body received differ in length\\.(?: It holds non-ASCII characters: (\\d+) characters are (\\d+) UTF-8 bytes\\.)?`,
        ),
        (m) =>
          `簽名的內容主體與收到的長度不同。${m[1] ? `它含有非 ASCII 字元：${m[1]} 個字元是 ${m[2]} 個 UTF-8 位元組。` : ''}`,
      ],
    ],
  },
  'signature-content-only': {
    exact: {
      'Only the content value was signed, not the whole body': '只對 content 的值簽名，而非整個內容主體',
    },
    rules: [
      [
        re(
          `Your signature matches the Base64 content string alone \\((\\S+) bytes\\); the signature covers the whole raw body \\{"content":"…"\\} \\((\\d+) bytes\\)\\.`,
        ),
        (m) =>
          `你的簽名只與 Base64 的 content 字串相符（${m[1]} 位元組）；簽名涵蓋整個原始內容主體 {"content":"…"}（${m[2]} 位元組）。`,
      ],
    ],
  },
  'signature-empty-body': {
    exact: {
      'The empty string was signed instead of the JSON body': '簽名的是空字串，而非 JSON 內容主體',
    },
    rules: [
      [
        re(
          `Your signature matches clientID \\+ signatureMethod \\+ timestamp \\+ nonce with an empty body; the server received (\\d+) bytes of JSON and signs them\\. Some clients sign "" for every call because getKey may be sent with no body\\.`,
        ),
        (m) =>
          `你的簽名與以空內容主體組成的 clientID + signatureMethod + timestamp + nonce 相符；伺服器收到 ${m[1]} 位元組的 JSON 並對其簽名。有些客戶端因為 getKey 可以不帶內容主體傳送，便對每個呼叫都以 "" 簽名。`,
      ],
      [
        re(
          `Sign the body you send: only a call posted with no body at all signs ""\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        () => `對你傳送的內容主體簽名：只有完全不帶內容主體的呼叫才以 "" 簽名。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-plaintext-signed': {
    exact: {
      'The plaintext request was signed, not the encrypted body sent':
        '簽名的是明文請求，而非所傳送的加密內容主體',
    },
    rules: [
      [
        re(
          `Your signature matches the request before encryption \\((\\S+) bytes\\); the server received and signed the encrypted body \\((\\d+) bytes\\)\\.`,
        ),
        (m) =>
          `你的簽名與加密前的請求相符（${m[1]} 位元組）；伺服器收到並簽名的是加密後的內容主體（${m[2]} 位元組）。`,
      ],
      [
        re(
          `Encrypt first, then sign the body you send \\(\\{"content":"<Base64>"\\}\\)\\. ${esc(FIX_SIGN_EXACT)}`,
        ),
        () => `先加密，再對你傳送的內容主體（{"content":"<Base64>"}）簽名。${shared[FIX_SIGN_EXACT]}`,
      ],
    ],
  },
  'signature-string-format': {
    rules: [
      [
        re(`The string to sign is assembled differently: (.*)`),
        (m, w) => `待簽字串的組合方式不同：${w.variant(m[1]!)}`,
      ],
      [
        re(
          `Your signature matches the parts joined (.*)\\. The string to sign is the plain concatenation clientID \\+ signatureMethod \\+ timestamp \\+ nonce \\+ body, with no separators\\.`,
        ),
        (m, w) =>
          `你的簽名與以這種方式組合的各部分相符：${w.variant(m[1]!)}。待簽字串是不加分隔符的直接串接 clientID + signatureMethod + timestamp + nonce + body。`,
      ],
    ],
  },
}
