/** The platform pages' UI strings in Chinese, zh-HK and zh-CN side by side: the QR, broker and error pages and the virtual app (zh.i18n.ts picks a language). */
export const pages = {
  mockBanner: {
    'zh-HK': '模擬「智方便」沙盒：與數字政策辦公室、政府資訊科技總監辦公室或數碼港無關。只含虛構資料。',
    'zh-CN': '模拟“智方便”沙盒：与数字政策办公室、政府资讯科技总监办公室或数码港无关。只含虚构资料。',
  },
  qrTitle: {
    'zh-HK': '智方便登入',
    'zh-CN': '智方便登入',
  },
  qrInstruction: {
    'zh-HK': '開啟「智方便」流動應用程式，按「掃描二維碼」並掃描此二維碼。',
    'zh-CN': '开启“智方便”流动应用程序，按“扫描二维码”并扫描此二维码。',
  },
  qrRefresh: {
    'zh-HK': '二維碼每分鐘更新一次。',
    'zh-CN': '二维码每分钟更新一次。',
  },
  qrOpenVirtualApp: {
    'zh-HK': '在虛擬「智方便」應用程式開啟',
    'zh-CN': '在虚拟“智方便”应用程序开启',
  },
  qrExpiresIn: {
    'zh-HK': '請求將於以下時間後失效',
    'zh-CN': '请求将于以下时间后失效',
  },
  waiting: {
    'zh-HK': '正等待在應用程式中授權…',
    'zh-CN': '正等待在应用程序中授权…',
  },
  brokerTitle: {
    'zh-HK': '以智方便繼續',
    'zh-CN': '以智方便继续',
  },
  brokerInstruction: {
    'zh-HK': '按下按鈕，在此裝置開啟「智方便」。',
    'zh-CN': '按下按钮，在此装置开启“智方便”。',
  },
  openApp: {
    'zh-HK': '開啟智方便',
    'zh-CN': '开启智方便',
  },
  moreInfo: {
    'zh-HK': '了解更多',
    'zh-CN': '了解更多',
  },
  errorTitle: {
    'zh-HK': '此請求無法繼續',
    'zh-CN': '此请求无法继续',
  },
  errorHint: {
    'zh-HK': '解決方法',
    'zh-CN': '解决方法',
  },
  cancel: {
    'zh-HK': '取消',
    'zh-CN': '取消',
  },
  done: {
    'zh-HK': '完成。請返回網上服務。',
    'zh-CN': '完成。请返回网上服务。',
  },
  appTitle: {
    'zh-HK': '智方便（虛擬）',
    'zh-CN': '智方便（虚拟）',
  },
  chooseResident: {
    'zh-HK': '選擇居民',
    'zh-CN': '选择居民',
  },
  currentResident: {
    'zh-HK': '登入身分',
    'zh-CN': '登入身分',
  },
  switchResident: {
    'zh-HK': '切換',
    'zh-CN': '切换',
  },
  search: {
    'zh-HK': '搜尋姓名或身份證號碼',
    'zh-CN': '搜寻姓名或身份证号码',
  },
  searchGo: {
    'zh-HK': '搜尋',
    'zh-CN': '搜寻',
  },
  noResidentFound: {
    'zh-HK': (q: string) =>
      `沒有居民符合「${q}」。你的機構在控制台建立的居民，會在你登入控制台時或在你自己應用程式的請求中列出。`,
    'zh-CN': (q: string) =>
      `没有居民符合“${q}”。你的机构在控制台建立的居民，会在你登录控制台时或在你自己应用程序的请求中列出。`,
  },
  noResidents: {
    'zh-HK': '沒有居民。',
    'zh-CN': '没有居民。',
  },
  chooseThis: {
    'zh-HK': (name: string, hkid: string) => `選擇 ${name}（${hkid}）`,
    'zh-CN': (name: string, hkid: string) => `选择 ${name}（${hkid}）`,
  },
  inbox: {
    'zh-HK': '請求',
    'zh-CN': '请求',
  },
  inboxEmpty: {
    'zh-HK': '沒有待處理的請求。',
    'zh-CN': '没有待处理的请求。',
  },
  scan: {
    'zh-HK': '掃描二維碼',
    'zh-CN': '扫描二维码',
  },
  scanHint: {
    'zh-HK': '貼上網上服務頁面顯示的二維碼連結或票據。',
    'zh-CN': '贴上网上服务页面显示的二维码链接或票据。',
  },
  scanGo: {
    'zh-HK': '繼續',
    'zh-CN': '继续',
  },
  history: {
    'zh-HK': '已分享的資料',
    'zh-CN': '已分享的资料',
  },
  historyEmpty: {
    'zh-HK': '尚未分享任何資料。',
    'zh-CN': '尚未分享任何资料。',
  },
  requestFrom: {
    'zh-HK': '請求來自',
    'zh-CN': '请求来自',
  },
  requestKind: {
    'zh-HK': '請求',
    'zh-CN': '请求',
  },
  fieldsRequested: {
    'zh-HK': '所需資料',
    'zh-CN': '所需资料',
  },
  signCode: {
    'zh-HK': '識別碼',
    'zh-CN': '识别码',
  },
  signCodeHint: {
    'zh-HK': '請確認網上服務頁面顯示相同的識別碼。',
    'zh-CN': '请确认网上服务页面显示相同的识别码。',
  },
  document: {
    'zh-HK': '文件',
    'zh-CN': '文件',
  },
  department: {
    'zh-HK': '部門',
    'zh-CN': '部门',
  },
  service: {
    'zh-HK': '服務',
    'zh-CN': '服务',
  },
  approve: {
    'zh-HK': '授權',
    'zh-CN': '授权',
  },
  reject: {
    'zh-HK': '拒絕',
    'zh-CN': '拒绝',
  },
  cancelRequest: {
    'zh-HK': '取消',
    'zh-CN': '取消',
  },
  ignore: {
    'zh-HK': '略過（讓請求逾時）',
    'zh-CN': '略过（让请求逾时）',
  },
  returnToService: {
    'zh-HK': '返回網上服務',
    'zh-CN': '返回网上服务',
  },
  returnToComputer: {
    'zh-HK': '完成。請返回電腦。',
    'zh-CN': '完成。请返回电脑。',
  },
  notFound: {
    'zh-HK': '此二維碼或請求已失效。請重新整理網上服務頁面再掃描。',
    'zh-CN': '此二维码或请求已失效。请重新整理网上服务页面再扫描。',
  },
  tier: {
    'zh-HK': '帳戶',
    'zh-CN': '账户',
  },
  language: {
    'zh-HK': '語言',
    'zh-CN': '语言',
  },
}
