/** Validates a getQR request in the order that keeps the sandbox from ever redirecting to an unvetted URI. */
import type { DCode } from '../../errors'
import { type RegisteredApp, SCOPES } from '../apps'
import type { Lang } from '../tickets'
import { langOf } from '../../views/i18n'

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
export const SOURCES: readonly string[] = [...BROWSER_SOURCES, ...APP_SOURCES]

export interface GetQrParams {
  clientID: string
  redirectURI: string
  state: string
  scopes: string[]
  source: string
  lang: Lang
  brokerPage: boolean
  ticketID: string | undefined
}

/** A fault shown on the sandbox's own page: the redirect URI is not trusted yet. */
export interface PageFault {
  kind: 'page'
  code: DCode
  detail: string
  hint: string
}
/** A fault sent back to the (registered) redirect URI with error_code and state. */
export interface RedirectFault {
  kind: 'redirect'
  code: DCode
  detail: string
}

export function validateGetQr(
  q: (name: string) => string | undefined,
  findApp: (clientID: string) => RegisteredApp | undefined,
): { params: GetQrParams; app: RegisteredApp; fault?: RedirectFault } | PageFault {
  const clientID = q('clientID')
  if (!clientID)
    return page('D20002', 'clientID is missing', 'Add clientID=<your client ID> to the getQR URL.')
  const app = findApp(clientID)
  if (!app)
    return page(
      'D20003',
      'clientID is not registered',
      'Use the client ID shown in the sandbox console for your app.',
    )
  const redirectURI = q('redirectURI')
  if (!redirectURI)
    return page('D20002', 'redirectURI is missing', 'Add redirectURI=<URL-encoded registered URI>.')
  if (!app.redirectURIs.includes(redirectURI)) {
    return page(
      'D20008',
      `redirectURI "${redirectURI}" is not registered for ${app.name}`,
      `Register it exactly (same scheme, host, port, path and query) or use one of: ${app.redirectURIs.join(', ')}`,
    )
  }
  const scopeText = q('scope') ?? ''
  const scopes = scopeText.split(/[ +]+/).filter(Boolean)
  const params: GetQrParams = {
    clientID,
    redirectURI,
    state: q('state') ?? '',
    scopes,
    source: q('source') ?? '',
    lang: langOf(q('lang')),
    brokerPage: q('brokerPage') === 'true',
    ticketID: q('ticketID') || undefined,
  }
  const fault = redirectFault(app, params, q('responseType'))
  return fault ? { params, app, fault } : { params, app }
}

function redirectFault(
  app: RegisteredApp,
  p: GetQrParams,
  responseType: string | undefined,
): RedirectFault | undefined {
  if (responseType !== 'code')
    return redirect('D20003', `responseType must be "code", got "${responseType ?? ''}"`)
  if (!p.source) return redirect('D20002', 'source is missing')
  if (!SOURCES.includes(p.source)) return redirect('D20007', `source "${p.source}" is not supported`)
  if (p.scopes.length === 0 && !p.ticketID) return redirect('D20002', 'scope is missing')
  const unknown = p.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
  if (unknown.length > 0) return redirect('D20012', `unknown scope(s): ${unknown.join(', ')}`)
  const ungranted = p.scopes.filter((s) => !(app.scopes as string[]).includes(s))
  if (ungranted.length > 0)
    return redirect('D20012', `scope(s) not granted to this app: ${ungranted.join(', ')}`)
  return undefined
}

const page = (code: DCode, detail: string, hint: string): PageFault => ({ kind: 'page', code, detail, hint })
const redirect = (code: DCode, detail: string): RedirectFault => ({ kind: 'redirect', code, detail })
