/** D20008 and D20012: the redirect URI against the registered list (with near misses), scopes against those granted. */
import { type DiagnosisContext, diagnosis } from './diagnosis.kit'
import type { Diagnosis } from './inspector.types'

/** How `sent` differs from a registered URI when it is nearly the same; undefined when it is not close. */
export function nearMiss(sent: string, registered: string): string | undefined {
  if (sent === registered) return undefined
  const strip = (u: string) => u.replace(/\/+(?=$|\?)/, '')
  if (strip(sent) === strip(registered))
    return sent.length > registered.length ? 'has a trailing slash' : 'lacks the trailing slash'
  if (sent.toLowerCase() === registered.toLowerCase()) return 'differs only in upper/lower case'
  const swap = (u: string) => u.replace(/^https:/i, 'http:')
  if (swap(sent) === swap(registered))
    return sent.startsWith('https:')
      ? 'uses https where http is registered'
      : 'uses http where https is registered'
  let decoded = sent
  try {
    decoded = decodeURIComponent(decodeURIComponent(sent))
  } catch {}
  if (decoded === registered) return 'is URL-encoded twice'
  try {
    const a = new URL(sent)
    const b = new URL(registered)
    if (a.origin === b.origin && a.pathname === b.pathname) return 'differs only in the query string'
    if (
      a.protocol === b.protocol &&
      a.hostname === b.hostname &&
      a.pathname === b.pathname &&
      a.port !== b.port
    )
      return `uses port ${a.port || 'default'} where ${b.port || 'the default port'} is registered`
    if (a.pathname === b.pathname && a.hostname.replace(/^www\./, '') === b.hostname.replace(/^www\./, ''))
      return 'differs only by "www."'
    if (a.origin === b.origin && strip(a.pathname).toLowerCase() === strip(b.pathname).toLowerCase())
      return 'differs in the path’s case or trailing slash'
  } catch {}
  return undefined
}

export function diagnoseRedirect(ctx: DiagnosisContext): Diagnosis[] {
  const sent = String((ctx.view.request as Record<string, unknown> | undefined)?.redirectURI ?? '')
  const registered = ctx.app?.redirectURIs ?? []
  const near = registered.map((r) => [r, nearMiss(sent, r)] as const).filter(([, why]) => why !== undefined)
  const nearText = near.map(([r, why]) => `"${sent}" ${why} compared with the registered "${r}"`).join('; ')
  return [
    diagnosis(
      'redirect-uri-not-registered',
      'error',
      `The redirectURI "${sent}" is not registered for this app${near.length > 0 ? ` (near miss: it ${near[0]![1]})` : ''}`,
      `Registered redirect URIs: ${registered.length > 0 ? registered.join(', ') : '(none)'}. They are matched exactly: scheme, host, port, path and query.${nearText ? ` ${nearText}.` : ''}`,
      `Send one of the registered URIs exactly, or register "${sent}" for the app in the console.`,
    ),
  ]
}

export function diagnoseScope(ctx: DiagnosisContext): Diagnosis[] {
  const granted = ctx.app?.scopes ?? []
  const detail = ctx.record.detail ?? ''
  if (detail.startsWith('the login did not request')) {
    const scope = detail.split(' ').pop()!
    return [
      diagnosis(
        'scope-not-requested',
        'error',
        `The login did not ask for ${scope}`,
        `The app is granted ${scope}, but the access token comes from a getQR whose scope did not include it.`,
        `Add ${scope} to the scope of the getQR URL (space-separated) and log in again.`,
      ),
    ]
  }
  const unknown = /unknown scope\(s\): (.*)$/.exec(detail)?.[1]
  const missing =
    unknown ??
    /scope\(s\) not granted to this app: (.*)$/.exec(detail)?.[1] ??
    /scope (\S+) is not granted/.exec(detail)?.[1] ??
    ''
  return [
    diagnosis(
      'scope-not-granted',
      'error',
      unknown ? `Unknown scope(s): ${unknown}` : `The scope ${missing} is not granted to this app`,
      `This app is granted: ${granted.join(', ') || '(none)'}.${unknown ? ' Scope names are case-sensitive and space-separated.' : ''}`,
      unknown
        ? 'Use only the documented scopes: eidapi_auth, eidapi_profiles, eidapi_formFilling, eidapi_sign, eidapi_fr, eidapi_bulksign.'
        : `Ask for ${missing} to be granted to the app in the console (or drop it from the request).`,
    ),
  ]
}
