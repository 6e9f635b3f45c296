/**
 * Validates a getQR request in the order that keeps the sandbox from ever redirecting to an unvetted URI. The query
 * is checked by the contract (getQr's parameters: required ones, lengths, `responseType`, `source`, `lang`,
 * `brokerPage`, `ticketID`); by hand stay what it cannot state: the D-code of each fault and whether it is a page or a
 * redirect (a redirect only once `redirectURI` is registered for the app), the app's registration, a hand-over
 * without `scope`, and scope names (an unknown or ungranted scope is D20012).
 */
import { schemaEnums } from '@iamsmart-sandbox/openapi/generated/platform-validators'
import type { DCode } from '../../errors'
import { type ContractIssue, contractQueryIssues } from '../../http/contract-validator'
import { type RegisteredApp, SCOPES } from '../apps'
import type { Lang } from '../tickets'
import { langOf } from '../../views/i18n'

/** The sources the contract lists (`Source`); any other is D20007. */
export const SOURCES: readonly string[] = schemaEnums.Source

/** getQR's query parameters, as the contract names them (validated here, recorded by get-qr.record.ts). */
export const GET_QR_PARAMETERS = [
  'clientID',
  'responseType',
  'source',
  'redirectURI',
  'scope',
  'state',
  'lang',
  'brokerPage',
  'ticketID',
] as const

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
  const issues = contractQueryIssues(
    'platform',
    'getQr',
    Object.fromEntries(GET_QR_PARAMETERS.map((name) => [name, q(name)])),
  )
  const issue = (field: string) => issues.find((i) => i.field === field)
  const clientID = q('clientID')
  if (!clientID)
    return page('D20002', 'clientID is missing', 'Add clientID=<your client ID> to the getQR URL.')
  const badClient = issue('clientID')
  const app = badClient ? undefined : findApp(clientID)
  if (!app)
    return page(
      'D20003',
      badClient ? `clientID ${badClient.expected}` : 'clientID is not registered',
      'Use the client ID shown in the sandbox console for your app.',
    )
  const redirectURI = q('redirectURI')
  if (!redirectURI)
    return page('D20002', 'redirectURI is missing', 'Add redirectURI=<URL-encoded registered URI>.')
  // By hand: registration is the app's, not the contract's (a registered URI also has the contract's length).
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
  const fault = redirectFault(app, params, q('responseType'), issue)
  return fault ? { params, app, fault } : { params, app }
}

/** The first fault, sent to the registered redirect URI: the contract's issues in its D-codes, then scope names. */
function redirectFault(
  app: RegisteredApp,
  p: GetQrParams,
  responseType: string | undefined,
  issue: (field: string) => ContractIssue | undefined,
): RedirectFault | undefined {
  if (issue('responseType'))
    return redirect('D20003', `responseType must be "code", got "${responseType ?? ''}"`)
  const source = issue('source')
  if (source?.kind === 'missing') return redirect('D20002', 'source is missing')
  // `Source`: "any other value gives D20007".
  if (source) return redirect('D20007', `source "${p.source}" is not supported`)
  // By hand: a hand-over (ticketID) names its scopes in the request it hands over, so it may leave scope out.
  if (p.scopes.length === 0 && !p.ticketID) return redirect('D20002', 'scope is missing')
  // By hand: `state` is echoed byte for byte whatever its length (checklist #3), not held to `State`'s 512.
  for (const field of ['lang', 'brokerPage', 'ticketID']) {
    const bad = issue(field)
    if (bad) return redirect('D20003', `${field} ${bad.expected}`)
  }
  // By hand: scope names are D20012 (the reference's code for a scope), not the D20003 of the contract's pattern.
  const unknown = p.scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
  if (unknown.length > 0) return redirect('D20012', `unknown scope(s): ${unknown.join(', ')}`)
  const ungranted = p.scopes.filter((s) => !(app.scopes as string[]).includes(s))
  if (ungranted.length > 0)
    return redirect('D20012', `scope(s) not granted to this app: ${ungranted.join(', ')}`)
  return undefined
}

const page = (code: DCode, detail: string, hint: string): PageFault => ({ kind: 'page', code, detail, hint })
const redirect = (code: DCode, detail: string): RedirectFault => ({ kind: 'redirect', code, detail })
