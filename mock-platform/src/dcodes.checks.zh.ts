/** The D-codes of the platform's checks of a call (D0xxxx–D3xxxx: parameters, replay, signature, content keys) in Chinese, zh-HK and zh-CN side by side (dcodes.i18n.ts answers with them). */
import type { Both } from './chinese'

export const checks = {
  D00000: {
    message: { 'zh-HK': '成功', 'zh-CN': '成功' },
    description: {
      'zh-HK': '呼叫成功。`content` 載有結果（如操作沒有回傳內容則為 `null`）。',
      'zh-CN': '调用成功。`content` 载有结果（如操作没有返回内容则为 `null`）。',
    },
  },
  D20000: {
    message: { 'zh-HK': '未知的異常', 'zh-CN': '未知的异常' },
    description: {
      'zh-HK':
        '平台發生意外錯誤。請稍後以新的 nonce 及 timestamp 重試；如問題持續，請向支援人員提供 `txID`。沙盒的行為：絕不附帶內部資料或堆疊追蹤。',
      'zh-CN':
        '平台发生意外错误。请稍后以新的 nonce 及 timestamp 重试；如问题持续，请向支持人员提供 `txID`。沙盒的行为：绝不附带内部资料或堆栈跟踪。',
    },
  },
  D20001: {
    message: { 'zh-HK': '不需要的參數', 'zh-CN': '不需要的参数' },
    description: {
      'zh-HK':
        '提供了操作不接受的參數。請刪除它。沙盒的行為：解密後內容中的未知欄位會被忽略（與官方範例的 DTO 做法相同）；不接受參數的 getKey 及 revokeKey，如內容主體含有成員，會回應 D20001（請傳送 `{}` 或空的內容主體）。',
      'zh-CN':
        '提供了操作不接受的参数。请删除它。沙盒的行为：解密后内容中的未知字段会被忽略（与官方示例的 DTO 做法相同）；不接受参数的 getKey 及 revokeKey，如消息体含有成员，会响应 D20001（请传送 `{}` 或空的消息体）。',
    },
  },
  D20002: {
    message: { 'zh-HK': '參數為空', 'zh-CN': '参数为空' },
    description: {
      'zh-HK':
        '缺少必要的參數或參數為空：五個簽名標頭之一、解密後內容的必要欄位，或（getQR）必要的查詢參數。訊息不會指明欄位；請查閱該操作的結構定義。',
      'zh-CN':
        '缺少必要的参数或参数为空：五个签名请求头之一、解密后内容的必要字段，或（getQR）必要的查询参数。消息不会指明字段；请查阅该操作的结构定义。',
    },
  },
  D20003: {
    message: { 'zh-HK': '參數不合法', 'zh-CN': '参数不合法' },
    description: {
      'zh-HK':
        '參數的格式或值錯誤，例如不是十進位數字的 `timestamp`、超過 36 個 ASCII 字元的 `businessID`、格式錯誤的 `hashCode`、未知的 e-ME 欄位名稱，或不是 `authorization_code` 的 `grantType`。請修正該值。',
      'zh-CN':
        '参数的格式或值错误，例如不是十进制数字的 `timestamp`、超过 36 个 ASCII 字符的 `businessID`、格式错误的 `hashCode`、未知的 e-ME 字段名称，或不是 `authorization_code` 的 `grantType`。请修正该值。',
    },
  },
  D20004: {
    message: { 'zh-HK': 'API 重複存取', 'zh-CN': 'API 重复访问' },
    description: {
      'zh-HK':
        '防重放保護：此客戶端已使用過該 `nonce`，或 `timestamp` 超出接受的時限。每次呼叫都要傳送新的隨機 nonce 及以毫秒表示的當前時間。沙盒的行為：時限為 ±300 秒，而每個客戶端的 nonce 會在該時限內跨所有端點被記住。',
      'zh-CN':
        '防重放保护：此客户端已使用过该 `nonce`，或 `timestamp` 超出接受的时间窗口。每次调用都要传送新的随机 nonce 及以毫秒表示的当前时间。沙盒的行为：时间窗口为 ±300 秒，而每个客户端的 nonce 会在该时间窗口内跨所有端点被记住。',
    },
  },
  D20005: {
    message: { 'zh-HK': 'API 簽名檢查失敗', 'zh-CN': 'API 签名检查失败' },
    description: {
      'zh-HK': '不支援該 `signatureMethod`。請準確傳送 `HmacSHA256`。',
      'zh-CN': '不支持该 `signatureMethod`。请准确传送 `HmacSHA256`。',
    },
  },
  D20006: {
    message: { 'zh-HK': 'API 簽名參數檢查失敗', 'zh-CN': 'API 签名参数检查失败' },
    description: {
      'zh-HK':
        '`signature` 標頭不符。請對你實際傳送的位元組計算 Base64(HMAC-SHA256(clientSecret, clientID + signatureMethod + timestamp + nonce + rawBody))，再進行 URL 編碼。典型成因：對重新序列化的內容主體簽名、客戶端密鑰錯誤、缺少 URL 編碼。沙盒的行為：除非應用程式處於嚴格模式，否則亦接受原始 Base64；請求檢查器會顯示沙盒所簽名的字串。',
      'zh-CN':
        '`signature` 请求头不符。请对你实际传送的字节计算 Base64(HMAC-SHA256(clientSecret, clientID + signatureMethod + timestamp + nonce + rawBody))，再进行 URL 编码。典型成因：对重新序列化的消息体签名、客户端密钥错误、缺少 URL 编码。沙盒的行为：除非应用程序处于严格模式，否则亦接受原始 Base64；请求检查器会显示沙盒所签名的字符串。',
    },
  },
  D20007: {
    message: { 'zh-HK': '不支援的來源', 'zh-CN': '不支持的来源' },
    description: {
      'zh-HK': '`source` 不是支援的值之一（見 `Source`）。在 getQR，平台會顯示錯誤頁面，不會重新導向瀏覽器。',
      'zh-CN': '`source` 不是支持的值之一（见 `Source`）。在 getQR，平台会显示错误页面，不会重定向浏览器。',
    },
  },
  D20008: {
    message: { 'zh-HK': '未登記的 redirectURI', 'zh-CN': '未注册的 redirectURI' },
    description: {
      'zh-HK':
        '此客戶端沒有登記該 `redirectURI`。請在自助服務入口網站或沙盒控制台登記確切的 URL（協定、主機、連接埠及路徑）。在 getQR，平台會顯示錯誤頁面，不會重新導向瀏覽器，因此攻擊者不能利用平台作開放式重新導向。',
      'zh-CN':
        '此客户端没有注册该 `redirectURI`。请在自助服务门户或沙盒控制台注册确切的 URL（协议、主机、端口及路径）。在 getQR，平台会显示错误页面，不会重定向浏览器，因此攻击者不能利用平台作开放式重定向。',
    },
  },
  D20009: {
    message: { 'zh-HK': '存取權杖不存在', 'zh-CN': '访问令牌不存在' },
    description: {
      'zh-HK':
        '`accessToken` 未知、已過期或屬於另一個客戶端。請讓市民再次登入。沙盒的行為：權杖有效 600 000 毫秒。',
      'zh-CN':
        '`accessToken` 未知、已过期或属于另一个客户端。请让市民再次登录。沙盒的行为：令牌有效 600 000 毫秒。',
    },
  },
  D20010: {
    message: { 'zh-HK': 'OpenID 不存在', 'zh-CN': 'OpenID 不存在' },
    description: {
      'zh-HK': '`openID` 未知，或不屬於一同傳送的 `accessToken`。請傳送同一次 getToken 呼叫所回傳的一對值。',
      'zh-CN': '`openID` 未知，或不属于一同传送的 `accessToken`。请传送同一次 getToken 调用所返回的一对值。',
    },
  },
  D20011: {
    message: { 'zh-HK': '重複的 businessID', 'zh-CN': '重复的 businessID' },
    description: {
      'zh-HK': '此客戶端已使用過該 `businessID`。每個請求都要生成新的唯一編號（ASCII，最多 36 個字元）。',
      'zh-CN': '此客户端已使用过该 `businessID`。每个请求都要生成新的唯一编号（ASCII，最多 36 个字符）。',
    },
  },
  D20012: {
    message: { 'zh-HK': '權限範圍不足', 'zh-CN': '权限范围不足' },
    description: {
      'zh-HK':
        '客戶端或登入缺少請求所需的權限範圍（例如簽署需要 `eidapi_sign`、e-ME 需要 `eidapi_formFilling`、個人資料需要 `eidapi_profiles`）。請為你的應用程式申請該權限範圍，並在登入時要求它。在 getQR，此代碼會以 `error_code` 隨重新導向送達。',
      'zh-CN':
        '客户端或登录缺少请求所需的权限范围（例如签署需要 `eidapi_sign`、e-ME 需要 `eidapi_formFilling`、个人资料需要 `eidapi_profiles`）。请为你的应用程序申请该权限范围，并在登录时要求它。在 getQR，此代码会以 `error_code` 随重定向送达。',
    },
  },
  D20022: {
    message: { 'zh-HK': '加密失敗', 'zh-CN': '加密失败' },
    description: {
      'zh-HK':
        '平台未能加密其回應。請重試；如問題持續，請以 getKey 取得新的 CEK。沙盒的行為：沙盒以 D30003 報告加密錯誤，只在情境強制時才回傳 D20022。',
      'zh-CN':
        '平台未能加密其响应。请重试；如问题持续，请以 getKey 取得新的 CEK。沙盒的行为：沙盒以 D30003 报告加密错误，只在场景强制时才返回 D20022。',
    },
  },
  D20026: {
    message: { 'zh-HK': '拒絕存取', 'zh-CN': '拒绝访问' },
    description: {
      'zh-HK':
        '客戶端現時不可呼叫此 API：應用程式已暫停或尚未獲批准，或超出了速率限制（HTTP 429 附 `Retry-After`）。請在控制台查看應用程式的狀態。沙盒的行為：未知的 `clientID` 會回應 D20006，與簽名錯誤完全相同，因此無法列舉客戶端編號。',
      'zh-CN':
        '客户端现时不可调用此 API：应用程序已暂停或尚未获批准，或超出了速率限制（HTTP 429 附 `Retry-After`）。请在控制台查看应用程序的状态。沙盒的行为：未知的 `clientID` 会响应 D20006，与签名错误完全相同，因此无法枚举客户端 ID。',
    },
  },
  D20027: {
    message: { 'zh-HK': '找不到', 'zh-CN': '找不到' },
    description: {
      'zh-HK':
        '該路徑不存在。請檢查基本 URL（以 `/api/v1` 結尾）以及路徑的拼寫和大小寫。沙盒的行為：以 HTTP 404 及此信封回應。',
      'zh-CN':
        '该路径不存在。请检查基本 URL（以 `/api/v1` 结尾）以及路径的拼写和大小写。沙盒的行为：以 HTTP 404 及此信封响应。',
    },
  },
  D30001: {
    message: { 'zh-HK': '密鑰加密密鑰不存在或已過期', 'zh-CN': '密钥加密密钥不存在或已过期' },
    description: {
      'zh-HK':
        '此客戶端沒有登記有效的 KEK（加密證書的公開密鑰），或包裹現用 CEK 的 KEK 已被移除或已過期。請上載有效的證書，然後再次呼叫 getKey。',
      'zh-CN':
        '此客户端没有注册有效的 KEK（加密证书的公钥），或包裹现用 CEK 的 KEK 已被移除或已过期。请上传有效的证书，然后再次调用 getKey。',
    },
  },
  D30002: {
    message: { 'zh-HK': '內容加密密鑰不存在或已過期', 'zh-CN': '内容加密密钥不存在或已过期' },
    description: {
      'zh-HK':
        '此請求所用的 CEK 未知、已被撤銷或已過期。請呼叫 getKey，把新的 CEK 快取至 `issueAt + expiresIn`，並重試該呼叫一次。沙盒的行為：以應用程式已過期、或被之後的 getKey 呼叫輪換掉的 CEK 加密的內容，亦回應此代碼。',
      'zh-CN':
        '此请求所用的 CEK 未知、已被撤销或已过期。请调用 getKey，把新的 CEK 缓存至 `issueAt + expiresIn`，并重试该调用一次。沙盒的行为：以应用程序已过期、或被之后的 getKey 调用轮换掉的 CEK 加密的内容，亦响应此代码。',
    },
  },
  D30003: {
    message: { 'zh-HK': '加密異常', 'zh-CN': '加密异常' },
    description: {
      'zh-HK':
        '平台無法以客戶端的密鑰加密（例如 KEK 無法包裹 CEK）。請檢查已登記的證書；呼叫 getKey 並重試一次。',
      'zh-CN':
        '平台无法以客户端的密钥加密（例如 KEK 无法包裹 CEK）。请检查已注册的证书；调用 getKey 并重试一次。',
    },
  },
  D30004: {
    message: { 'zh-HK': '解密異常', 'zh-CN': '解密异常' },
    description: {
      'zh-HK':
        '無法解密請求的 `content`：不是 Base64、格式錯誤（必須以 4 位元組的 IV 長度 12 開始）、認證標籤不符、平台從未向應用程式簽發的密鑰，或明文不是 JSON。請呼叫 getKey 並重試一次。',
      'zh-CN':
        '无法解密请求的 `content`：不是 Base64、格式错误（必须以 4 字节的 IV 长度 12 开始）、认证标签不符、平台从未向应用程序签发的密钥，或明文不是 JSON。请调用 getKey 并重试一次。',
    },
  },
} satisfies Record<string, Record<'message' | 'description', Both<string>>>
