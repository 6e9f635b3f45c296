/** The D-codes of logins and the resident's requests (D4xxxx–D8xxxx: authorisation, profile, e-ME, signing, step-up) in Chinese, zh-HK and zh-CN side by side (dcodes.i18n.ts answers with them). */
import type { Both } from './chinese'

export const requests = {
  D40000: {
    message: { 'zh-HK': '授權失敗，用戶已取消', 'zh-CN': '授权失败，用户已取消' },
    description: {
      'zh-HK':
        '市民在「智方便」應用程式中取消了。以 `error_code` 隨 getQR 的重新導向送達。請讓市民再試一次。',
      'zh-CN': '市民在“智方便”应用程序中取消了。以 `error_code` 随 getQR 的重定向送达。请让市民再试一次。',
    },
  },
  D40001: {
    message: { 'zh-HK': '用戶拒絕授權', 'zh-CN': '用户拒绝授权' },
    description: {
      'zh-HK': '市民在「智方便」應用程式中拒絕了請求。以 `error_code` 隨重新導向送達。',
      'zh-CN': '市民在“智方便”应用程序中拒绝了请求。以 `error_code` 随重定向送达。',
    },
  },
  D40002: {
    message: { 'zh-HK': '授權失敗', 'zh-CN': '授权失败' },
    description: {
      'zh-HK':
        '授權因取消、拒絕或逾時以外的原因在應用程式中失敗（例如生物認證失敗）。以 `error_code` 隨重新導向送達。沙盒的行為：`fail` 決定（`X-Sandbox-Decision: fail`、自動駕駛、票據決定）或市民 `magic-fail`。',
      'zh-CN':
        '授权因取消、拒绝或超时以外的原因在应用程序中失败（例如生物认证失败）。以 `error_code` 随重定向送达。沙盒的行为：`fail` 决定（`X-Sandbox-Decision: fail`、自动驾驶、票据决定）或市民 `magic-fail`。',
    },
  },
  D40003: {
    message: { 'zh-HK': '授權逾時', 'zh-CN': '授权超时' },
    description: {
      'zh-HK':
        '市民沒有及時回應。以 `error_code` 隨重新導向送達。沙盒的行為：getQR 交易在 240 秒後逾時（QR 碼本身每 60 秒更新一次）。',
      'zh-CN':
        '市民没有及时响应。以 `error_code` 随重定向送达。沙盒的行为：getQR 交易在 240 秒后超时（二维码本身每 60 秒更新一次）。',
    },
  },
  D40004: {
    message: { 'zh-HK': '授權碼不存在', 'zh-CN': '授权码不存在' },
    description: {
      'zh-HK':
        '交給 getToken 的授權 `code` 未知、已被使用或已過期。授權碼只可使用一次；請重新開始登入。沙盒的行為：授權碼有效 120 秒。',
      'zh-CN':
        '交给 getToken 的授权 `code` 未知、已被使用或已过期。授权码只可使用一次；请重新开始登录。沙盒的行为：授权码有效 120 秒。',
    },
  },
  D40035: {
    message: { 'zh-HK': '用戶身份證錯誤', 'zh-CN': '用户身份证错误' },
    description: {
      'zh-HK':
        '市民的身份證紀錄未能通過檢查。以 `error_code` 隨重新導向送達；請市民檢查其「智方便」登記。沙盒的行為：市民 `magic-id-card-error` 在登入及免登入交接時。',
      'zh-CN':
        '市民的身份证记录未能通过检查。以 `error_code` 随重定向送达；请市民检查其“智方便”注册。沙盒的行为：市民 `magic-id-card-error` 在登录及免登录交接时。',
    },
  },
  D50001: {
    message: { 'zh-HK': '已取消提供個人資料', 'zh-CN': '已取消提供个人资料' },
    description: {
      'zh-HK': '市民取消或拒絕了個人資料請求。於個人資料回調中送達。',
      'zh-CN': '市民取消或拒绝了个人资料请求。于个人资料回调中送达。',
    },
  },
  D50002: {
    message: { 'zh-HK': '提供個人資料失敗', 'zh-CN': '提供个人资料失败' },
    description: {
      'zh-HK': '個人資料請求在應用程式中失敗。於個人資料回調中送達；請發起新的請求。',
      'zh-CN': '个人资料请求在应用程序中失败。于个人资料回调中送达；请发起新的请求。',
    },
  },
  D50003: {
    message: { 'zh-HK': '提供個人資料逾時', 'zh-CN': '提供个人资料超时' },
    description: {
      'zh-HK': '市民沒有及時回應。於個人資料回調中送達。沙盒的行為：工作在 240 秒後逾時。',
      'zh-CN': '市民没有及时响应。于个人资料回调中送达。沙盒的行为：任务在 240 秒后超时。',
    },
  },
  D60000: {
    message: { 'zh-HK': 'e-ME 表格填寫已取消', 'zh-CN': 'e-ME 表格填写已取消' },
    description: {
      'zh-HK': '市民取消了 e-ME 請求。於 e-ME 回調中送達，或由免登入 e-ME 的 getResult 回傳。',
      'zh-CN': '市民取消了 e-ME 请求。于 e-ME 回调中送达，或由免登录 e-ME 的 getResult 返回。',
    },
  },
  D60001: {
    message: { 'zh-HK': 'e-ME 表格填寫被拒絕', 'zh-CN': 'e-ME 表格填写被拒绝' },
    description: {
      'zh-HK': '市民拒絕了 e-ME 請求。於 e-ME 回調中送達，或由免登入 e-ME 的 getResult 回傳。',
      'zh-CN': '市民拒绝了 e-ME 请求。于 e-ME 回调中送达，或由免登录 e-ME 的 getResult 返回。',
    },
  },
  D60002: {
    message: { 'zh-HK': 'e-ME 表格填寫失敗', 'zh-CN': 'e-ME 表格填写失败' },
    description: {
      'zh-HK': 'e-ME 請求失敗。於 e-ME 回調中送達，或由免登入 e-ME 的 getResult 回傳；請發起新的請求。',
      'zh-CN': 'e-ME 请求失败。于 e-ME 回调中送达，或由免登录 e-ME 的 getResult 返回；请发起新的请求。',
    },
  },
  D60003: {
    message: { 'zh-HK': 'e-ME 表格填寫逾時', 'zh-CN': 'e-ME 表格填写超时' },
    description: {
      'zh-HK':
        '市民沒有及時回應，或（免登入 getResult）在工作逾時前未有取回結果。沙盒的行為：工作在 240 秒後逾時。',
      'zh-CN':
        '市民没有及时响应，或（免登录 getResult）在任务超时前未有取回结果。沙盒的行为：任务在 240 秒后超时。',
    },
  },
  D70000: {
    message: { 'zh-HK': '已取消簽署', 'zh-CN': '已取消签署' },
    description: {
      'zh-HK': '市民取消了簽署。於簽署回調中送達，或由免登入簽署的 getResult 回傳。',
      'zh-CN': '市民取消了签署。于签署回调中送达，或由免登录签署的 getResult 返回。',
    },
  },
  D70001: {
    message: { 'zh-HK': '簽署被拒絕', 'zh-CN': '签署被拒绝' },
    description: {
      'zh-HK': '市民拒絕了簽署。於簽署回調中送達，或由免登入簽署的 getResult 回傳。',
      'zh-CN': '市民拒绝了签署。于签署回调中送达，或由免登录签署的 getResult 返回。',
    },
  },
  D70002: {
    message: { 'zh-HK': '簽署失敗', 'zh-CN': '签署失败' },
    description: {
      'zh-HK': '平台上的簽署失敗。於簽署回調中送達，或由免登入簽署的 getResult 回傳。',
      'zh-CN': '平台上的签署失败。于签署回调中送达，或由免登录签署的 getResult 返回。',
    },
  },
  D70003: {
    message: { 'zh-HK': '簽署逾時', 'zh-CN': '签署超时' },
    description: {
      'zh-HK':
        '市民沒有及時簽署，或（免登入 getResult）在工作逾時前未有取回結果。沙盒的行為：工作在 240 秒後逾時。',
      'zh-CN':
        '市民没有及时签署，或（免登录 getResult）在任务超时前未有取回结果。沙盒的行为：任务在 240 秒后超时。',
    },
  },
  D70004: {
    message: { 'zh-HK': '用戶不可簽署', 'zh-CN': '用户不可签署' },
    description: {
      'zh-HK':
        '市民不可簽署，通常是因為他們持有「智方便」而非「智方便+」（後者附有簽署證書）。請提供其他簽署方式。',
      'zh-CN':
        '市民不可签署，通常是因为他们持有“智方便”而非“智方便+”（后者附有签署证书）。请提供其他签署方式。',
    },
  },
  D70005: {
    message: { 'zh-HK': '香港身份證號碼不一致', 'zh-CN': '香港身份证号码不一致' },
    description: {
      'zh-HK':
        '簽署請求所附的 `HKICHash` 與簽署的市民不符。請確認你是對不含檢查碼的香港身份證號碼計算雜湊值：Base64(SHA-256(identification))。',
      'zh-CN':
        '签署请求所附的 `HKICHash` 与签署的市民不符。请确认你是对不含校验位的香港身份证号码计算哈希值：Base64(SHA-256(identification))。',
    },
  },
  D70006: {
    message: { 'zh-HK': '簽署確認失敗', 'zh-CN': '签署确认失败' },
    description: {
      'zh-HK': '無法處理 ackResult：該 `businessID` 不是此客戶端已有結果的簽署請求，或已被確認。',
      'zh-CN': '无法处理 ackResult：该 `businessID` 不是此客户端已有结果的签署请求，或已被确认。',
    },
  },
  D80001: {
    message: { 'zh-HK': '重新認證被拒絕', 'zh-CN': '重新认证被拒绝' },
    description: {
      'zh-HK': '市民拒絕了重新認證。於重新認證回調中送達。',
      'zh-CN': '市民拒绝了重新认证。于重新认证回调中送达。',
    },
  },
  D80002: {
    message: { 'zh-HK': '重新認證失敗', 'zh-CN': '重新认证失败' },
    description: {
      'zh-HK': '重新認證失敗。於重新認證回調中送達。',
      'zh-CN': '重新认证失败。于重新认证回调中送达。',
    },
  },
  D80003: {
    message: { 'zh-HK': '重新認證逾時', 'zh-CN': '重新认证超时' },
    description: {
      'zh-HK': '市民沒有及時重新認證。於重新認證回調中送達。沙盒的行為：工作在 240 秒後逾時。',
      'zh-CN': '市民没有及时重新认证。于重新认证回调中送达。沙盒的行为：任务在 240 秒后超时。',
    },
  },
} satisfies Record<string, Record<'message' | 'description', Both<string>>>
