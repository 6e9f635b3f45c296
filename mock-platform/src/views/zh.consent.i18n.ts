/** The virtual app's words for requests, consents and outcomes in Chinese, zh-HK and zh-CN side by side (zh.i18n.ts picks a language). */
export const requests = {
  kinds: {
    login: {
      'zh-HK': '登入',
      'zh-CN': '登入',
    },
    profile: {
      'zh-HK': '提供個人資料',
      'zh-CN': '提供个人资料',
    },
    eme: {
      'zh-HK': '以「個人資料」填表',
      'zh-CN': '以“个人资料”填表',
    },
    stepup: {
      'zh-HK': '認證',
      'zh-CN': '认证',
    },
    signing: {
      'zh-HK': '數碼簽署',
      'zh-CN': '数码签署',
    },
    pdfsigning: {
      'zh-HK': '數碼簽署（PDF）',
      'zh-CN': '数码签署（PDF）',
    },
    'anonymous-eme': {
      'zh-HK': '以「個人資料」填表',
      'zh-CN': '以“个人资料”填表',
    },
    'anonymous-signing': {
      'zh-HK': '數碼簽署',
      'zh-CN': '数码签署',
    },
    'anonymous-pdfsigning': {
      'zh-HK': '數碼簽署（PDF）',
      'zh-CN': '数码签署（PDF）',
    },
    dataexchange: {
      'zh-HK': '分享部門紀錄（預覽）',
      'zh-CN': '分享部门记录（预览）',
    },
  },
  consent: {
    title: {
      'zh-HK': '我的授權',
      'zh-CN': '我的授权',
    },
    empty: {
      'zh-HK': '你尚未分享任何資料。',
      'zh-CN': '你尚未分享任何资料。',
    },
    status: {
      active: {
        'zh-HK': '有效',
        'zh-CN': '有效',
      },
      expired: {
        'zh-HK': '已過期',
        'zh-CN': '已过期',
      },
      revoked: {
        'zh-HK': '已撤回',
        'zh-CN': '已撤回',
      },
    },
    oneOff: {
      'zh-HK': '一次性',
      'zh-CN': '一次性',
    },
    data: {
      'zh-HK': '資料',
      'zh-CN': '资料',
    },
    purpose: {
      'zh-HK': '用途',
      'zh-CN': '用途',
    },
    given: {
      'zh-HK': '授權日期',
      'zh-CN': '授权日期',
    },
    validUntil: {
      'zh-HK': '有效期至',
      'zh-CN': '有效期至',
    },
    revokedAt: {
      'zh-HK': '撤回日期',
      'zh-CN': '撤回日期',
    },
    revoke: {
      'zh-HK': '撤回',
      'zh-CN': '撤回',
    },
    details: {
      'zh-HK': '詳情',
      'zh-CN': '详情',
    },
    history: {
      'zh-HK': '紀錄',
      'zh-CN': '记录',
    },
    retrievals: {
      'zh-HK': '取用次數',
      'zh-CN': '取用次数',
    },
    events: {
      granted: {
        'zh-HK': '已授權',
        'zh-CN': '已授权',
      },
      retrieved: {
        'zh-HK': '已取用資料',
        'zh-CN': '已取用资料',
      },
      revoked: {
        'zh-HK': '已撤回授權',
        'zh-CN': '已撤回授权',
      },
    },
    revokedNotice: {
      'zh-HK': '已撤回。該服務不能再使用此授權。',
      'zh-CN': '已撤回。该服务不能再使用此授权。',
    },
    preview: {
      'zh-HK': '預覽：授權資料交換並非已公布的「智方便」規格的一部分。',
      'zh-CN': '预览：授权资料交换并非已公布的“智方便”规格的一部分。',
    },
    dataSetsRequested: {
      'zh-HK': '所需紀錄（取消勾選你不想分享的紀錄）',
      'zh-CN': '所需记录（取消勾选你不想分享的记录）',
    },
    validFor: {
      'zh-HK': '有效期',
      'zh-CN': '有效期',
    },
    days: {
      'zh-HK': (n: number) => `${n} 日`,
      'zh-CN': (n: number) => `${n} 天`,
    },
    getProfiles: {
      'zh-HK': '服務讀取個人資料',
      'zh-CN': '服务读取个人资料',
    },
    dataSets: {
      vehicleLicences: {
        'zh-HK': '車輛牌照（運輸署）',
        'zh-CN': '车辆牌照（运输署）',
      },
      taxReturnSummary: {
        'zh-HK': '報稅表摘要（稅務局）',
        'zh-CN': '报税表摘要（税务局）',
      },
      publicHousingTenancy: {
        'zh-HK': '公共房屋租約（房屋署）',
        'zh-CN': '公共房屋租约（房屋署）',
      },
      professionalRegistrations: {
        'zh-HK': '專業註冊（註冊管理局）',
        'zh-CN': '专业注册（注册管理局）',
      },
    },
  },
  outcome: {
    approved: {
      'zh-HK': '已授權',
      'zh-CN': '已授权',
    },
    rejected: {
      'zh-HK': '已拒絕',
      'zh-CN': '已拒绝',
    },
    cancelled: {
      'zh-HK': '已取消',
      'zh-CN': '已取消',
    },
    timeout: {
      'zh-HK': '已逾時',
      'zh-CN': '已逾时',
    },
    failed: {
      'zh-HK': '失敗',
      'zh-CN': '失败',
    },
    pending: {
      'zh-HK': '待處理',
      'zh-CN': '待处理',
    },
  },
}
