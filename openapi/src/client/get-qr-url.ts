/** Builds the front-channel `GET /auth/getQR` URL (reference §3.1) the OSP sends the resident's browser to. */

/** Browser sources (reference §6.1); every one but PC_Browser gets `brokerPage=true` by default. */
export const BROWSER_SOURCES = [
  'PC_Browser',
  'Android_Chrome',
  'Android_Firefox',
  'Android_Edge',
  'Android_Samsung',
  'Android_Huawei',
  'Android_Xiaomi',
  'iOS_Safari',
  'iOS_Chrome',
  'iOS_Firefox',
  'iOS_Edge',
] as const

export const APP_SOURCES = [
  'App_Scheme',
  'App_Link',
  'App_Package',
  'Android_IMS_InAppBrowser',
  'iOS_IMS_InAppBrowser',
] as const

export type Source = (typeof BROWSER_SOURCES)[number] | (typeof APP_SOURCES)[number]
export type Lang = 'en-US' | 'zh-HK' | 'zh-CN'

export interface GetQrUrlOptions {
  /** Registered redirect URI; URL-encoded into the query. */
  redirectURI: string
  /** Space-separated scopes (or a list), e.g. `'eidapi_auth eidapi_profiles'`. */
  scope: string | readonly string[]
  state: string
  source?: Source
  lang?: Lang
  /** Defaults to true for browser sources other than PC_Browser, otherwise omitted. */
  brokerPage?: boolean
  /** Hands over a pending request (anonymous flows, `authByQR: true`). */
  ticketID?: string
}

const isBrowserSource = (source: string): boolean => (BROWSER_SOURCES as readonly string[]).includes(source)

/**
 * `${baseUrl}/auth/getQR?clientID=…&responseType=code&source=…&redirectURI=…&scope=…&state=…&lang=…[&brokerPage=…][&ticketID=…]`,
 * every value percent-encoded (spaces as `%20`, upper-case escapes).
 *
 * @example buildGetQrUrl('https://sandbox.test/api/v1', 'c1', { redirectURI: 'https://osp.test/cb', scope: 'eidapi_auth', state: 's' })
 */
export function buildGetQrUrl(baseUrl: string, clientID: string, o: GetQrUrlOptions): string {
  const source = o.source ?? 'PC_Browser'
  const brokerPage = o.brokerPage ?? (source !== 'PC_Browser' && isBrowserSource(source) ? true : undefined)
  const params: [string, string | undefined][] = [
    ['clientID', clientID],
    ['responseType', 'code'],
    ['source', source],
    ['redirectURI', o.redirectURI],
    ['scope', typeof o.scope === 'string' ? o.scope : o.scope.join(' ')],
    ['state', o.state],
    ['lang', o.lang ?? 'en-US'],
    ['brokerPage', brokerPage === undefined ? undefined : String(brokerPage)],
    ['ticketID', o.ticketID],
  ]
  const query = params
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return `${baseUrl.replace(/\/+$/, '')}/auth/getQR?${query}`
}
