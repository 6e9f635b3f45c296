/** Lesson 02: logins on the resident's phone: the mobile browser (broker page) and app-to-app (App_Link). */
import type { IamSmartClient, Lang, Source } from '@iamsmart-sandbox/openapi/client'

// #region source
/** The `source` for a browser, from its User-Agent (the order matters: Edge and Chrome on iOS say "Safari" too). */
export function sourceFromUserAgent(userAgent: string): Source {
  const ua = userAgent.toLowerCase()
  if (/iphone|ipad|ipod/.test(ua)) {
    if (ua.includes('edgios')) return 'iOS_Edge'
    if (ua.includes('crios')) return 'iOS_Chrome'
    if (ua.includes('fxios')) return 'iOS_Firefox'
    return 'iOS_Safari'
  }
  if (ua.includes('android')) {
    if (ua.includes('edga')) return 'Android_Edge'
    if (ua.includes('samsungbrowser')) return 'Android_Samsung'
    if (ua.includes('huaweibrowser')) return 'Android_Huawei'
    if (ua.includes('miuibrowser')) return 'Android_Xiaomi'
    if (ua.includes('firefox')) return 'Android_Firefox'
    return 'Android_Chrome'
  }
  return 'PC_Browser'
}
// #endregion source

// #region mobile-browser
/**
 * Same device: iAM Smart shows its broker page with an "Open iAM Smart" button, the app authorises, and the
 * resident's browser (the one named by `source`) comes back to redirectURI with `code` and `state`.
 */
export function startMobileLogin(
  client: IamSmartClient,
  o: { redirectURI: string; userAgent: string; lang?: Lang },
): { url: string; state: string; source: Source } {
  const state = crypto.randomUUID().replace(/-/g, '')
  const source = sourceFromUserAgent(o.userAgent)
  // brokerPage defaults to true for every mobile browser source (and is left out for PC_Browser).
  const url = client.buildGetQrUrl({
    redirectURI: o.redirectURI,
    scope: 'eidapi_auth',
    state,
    source,
    lang: o.lang,
  })
  return { url, state, source }
}
// #endregion mobile-browser

// #region app-link
/**
 * App-to-app: your native app opens this URL; the iAM Smart app takes over at once (no broker page) and returns
 * to your app's registered universal link with `code` and `state`. The app hands both to your back end, which
 * checks `state` and calls getToken exactly as in lesson 01.
 */
export function startAppLogin(client: IamSmartClient, appLink: string): { url: string; state: string } {
  const state = crypto.randomUUID().replace(/-/g, '')
  const url = client.buildGetQrUrl({
    redirectURI: appLink, // e.g. https://osp.example/app/iamsmart-return, registered like any redirectURI
    scope: 'eidapi_auth',
    state,
    source: 'App_Link',
    brokerPage: false,
  })
  return { url, state }
}
// #endregion app-link
