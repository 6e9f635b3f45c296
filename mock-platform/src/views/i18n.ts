/** UI strings of every platform page (QR, broker, error, virtual app): the English here, the Chinese in zh.i18n.ts. */
import type { Lang } from '../features/tickets'
import { zhCN, zhHK } from './zh.i18n'

export const LANGS: readonly Lang[] = ['en-US', 'zh-HK', 'zh-CN']

export function langOf(value: string | undefined | null): Lang {
  return LANGS.includes(value as Lang) ? (value as Lang) : 'en-US'
}

const en = {
  mockBanner: 'Mock iAM Smart sandbox: not affiliated with DPO, OGCIO or Cyberport. Synthetic data only.',
  qrTitle: 'Login with iAM Smart',
  qrInstruction: 'Open the iAM Smart app, tap "Scan QR Code" and scan this code.',
  qrRefresh: 'The code refreshes every minute.',
  qrOpenVirtualApp: 'Open in the virtual iAM Smart app',
  qrExpiresIn: 'Request expires in',
  waiting: 'Waiting for authorisation in the app…',
  brokerTitle: 'Continue in iAM Smart',
  brokerInstruction: 'Tap the button to open the iAM Smart app on this device.',
  openApp: 'Open iAM Smart',
  moreInfo: 'More info',
  errorTitle: 'This request cannot continue',
  errorHint: 'How to fix it',
  cancel: 'Cancel',
  done: 'Done. Return to your e-Service.',
  appTitle: 'iAM Smart (virtual)',
  chooseResident: 'Choose a resident',
  currentResident: 'Signed in as',
  switchResident: 'Switch',
  search: 'Search name or HKID',
  searchGo: 'Search',
  noResidentFound: (q: string) =>
    `No resident matches "${q}". Residents your organisation created in the console are listed when you are signed in to the console, or for your own app's requests.`,
  noResidents: 'No residents.',
  chooseThis: (name: string, hkid: string) => `Choose ${name}, ${hkid}`,
  inbox: 'Requests',
  inboxEmpty: 'No pending requests.',
  scan: 'Scan QR code',
  scanHint: 'Paste the QR link or ticket shown on the e-Service page.',
  scanGo: 'Continue',
  history: 'What you shared',
  historyEmpty: 'Nothing shared yet.',
  requestFrom: 'Request from',
  requestKind: 'Request',
  fieldsRequested: 'Information requested',
  signCode: 'Identification code',
  signCodeHint: 'Check that the e-Service page shows the same code.',
  document: 'Document',
  department: 'Department',
  service: 'Service',
  approve: 'Authorise',
  reject: 'Reject',
  cancelRequest: 'Cancel',
  ignore: 'Ignore (let it time out)',
  returnToService: 'Return to the e-Service',
  returnToComputer: 'Done. Return to your computer.',
  notFound: 'This QR code or request has expired. Refresh the e-Service page and scan again.',
  tier: 'Account',
  language: 'Language',
  kinds: {
    login: 'Login',
    profile: 'Provide personal profile',
    eme: 'Fill in form with e-ME',
    stepup: 'Authentication',
    signing: 'Digital signing',
    pdfsigning: 'Digital signing (PDF)',
    'anonymous-eme': 'Fill in form with e-ME',
    'anonymous-signing': 'Digital signing',
    'anonymous-pdfsigning': 'Digital signing (PDF)',
    dataexchange: 'Share department records (preview)',
  },
  consent: {
    title: 'Consents',
    empty: 'You have not shared anything yet.',
    status: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
    oneOff: 'One-off',
    data: 'Data',
    purpose: 'Purpose',
    given: 'Given',
    validUntil: 'Valid until',
    revokedAt: 'Revoked',
    revoke: 'Revoke',
    details: 'Details',
    history: 'History',
    retrievals: 'Retrievals',
    events: { granted: 'Consent given', retrieved: 'Data retrieved', revoked: 'Consent revoked' },
    revokedNotice: 'Revoked. The service can no longer use this consent.',
    preview: 'Preview: consented data exchange is not part of the published iAM Smart specification.',
    dataSetsRequested: 'Records requested (untick any you do not want to share)',
    validFor: 'Valid for',
    days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
    getProfiles: 'Profile read by the service',
    dataSets: {
      vehicleLicences: 'Vehicle licences (Transport Department)',
      taxReturnSummary: 'Tax return summary (Inland Revenue Department)',
      publicHousingTenancy: 'Public housing tenancy (Housing Department)',
      professionalRegistrations: 'Professional registrations (registration boards)',
    },
  },
  outcome: {
    approved: 'Authorised',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
    timeout: 'Timed out',
    failed: 'Failed',
    pending: 'Pending',
  },
}

export type Strings = typeof en

const table: Record<Lang, Strings> = { 'en-US': en, 'zh-HK': zhHK, 'zh-CN': zhCN }

export const t = (lang: Lang): Strings => table[lang]

/** The official "More info" link per language (UI guidelines). */
export function moreInfoUrl(lang: Lang): string {
  return `https://www.iamsmart.gov.hk/${lang === 'zh-HK' ? 'tc' : lang === 'zh-CN' ? 'sc' : 'en'}/`
}

export function htmlLang(lang: Lang): string {
  return lang === 'zh-HK' ? 'zh-Hant-HK' : lang === 'zh-CN' ? 'zh-Hans-CN' : 'en'
}
