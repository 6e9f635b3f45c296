/** Validation shared by every initiateRequest: businessID, token/openID, source, redirectURI, scope, field lists. */
import { PlatformError } from '../../errors'
import type { Clock } from '../../clock'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import { liveStateRefusal } from '../../store/live-state'
import type { RegisteredApp, Scope } from '../apps/app.types'
import { SOURCES } from '../login/get-qr.validate'
import type { Lang } from '../tickets/ticket.types'
import { langOf } from '../../views/i18n'

const BUSINESS_ID = /^[\x21-\x7e]{1,36}$/

/** How long a businessID is remembered for D20011. */
export const BUSINESS_ID_MEMORY_MS = 86_400_000

/**
 * Remembers businessIDs per app for a day: a duplicate is D20011. Bounded per app (LIVE_STATE_PER_APP): at the
 * bound that app's new businessIDs are refused (D20026, 429) until its oldest is a day old; never another app's.
 */
export class BusinessIds {
  private readonly seen: TenantTtlMap<true>
  constructor(clock: Clock, perApp: () => number = () => 20_000) {
    this.seen = new TenantTtlMap(clock, { perTenant: perApp })
  }
  claim(clientID: string, businessID: string): void {
    const key = `${clientID}\u0000${businessID}`
    if (this.seen.has(key)) throw new PlatformError('D20011', `businessID "${businessID}" was already used`)
    const admission = this.seen.set(clientID, key, true, BUSINESS_ID_MEMORY_MS)
    if (!admission.ok) throw liveStateRefusal('businessIDs remembered for 24 hours', admission)
  }
}

export function requireString(req: Record<string, unknown>, name: string, max = 2048): string {
  const v = req[name]
  if (v === undefined || v === null || v === '') throw new PlatformError('D20002', `${name} is missing`)
  if (typeof v !== 'string' || v.length > max)
    throw new PlatformError('D20003', `${name} must be a string of at most ${max} characters`)
  return v
}

export function optionalString(req: Record<string, unknown>, name: string, max = 2048): string | undefined {
  const v = req[name]
  if (v === undefined || v === null || v === '') return undefined
  if (typeof v !== 'string' || v.length > max)
    throw new PlatformError('D20003', `${name} must be a string of at most ${max} characters`)
  return v
}

export function businessIdOf(req: Record<string, unknown>): string {
  const id = requireString(req, 'businessID', 36)
  if (!BUSINESS_ID.test(id))
    throw new PlatformError('D20003', 'businessID must be 1–36 printable ASCII characters')
  return id
}

export function sourceOf(req: Record<string, unknown>, required = true): string | undefined {
  const source = required ? requireString(req, 'source', 64) : optionalString(req, 'source', 64)
  if (source !== undefined && !SOURCES.includes(source))
    throw new PlatformError('D20007', `source "${source}" is not supported`)
  return source
}

export function langOfRequest(req: Record<string, unknown>): Lang {
  return langOf(typeof req.lang === 'string' ? req.lang : undefined)
}

export function registeredRedirect(
  app: RegisteredApp,
  req: Record<string, unknown>,
  required = true,
): string | undefined {
  const uri = required ? requireString(req, 'redirectURI') : optionalString(req, 'redirectURI')
  if (uri === undefined) return undefined
  // The official sample URL-encodes the callback URL inside the JSON; accept both forms, match exactly.
  const candidates = [uri, safeDecode(uri)]
  const match = candidates.find((u) => u !== undefined && app.redirectURIs.includes(u))
  if (!match) throw new PlatformError('D20008', `redirectURI "${uri}" is not registered`)
  return match
}

export function requireScope(app: RegisteredApp, scope: Scope): void {
  if (!app.scopes.includes(scope))
    throw new PlatformError('D20012', `scope ${scope} is not granted to this app`)
}

export function fieldList(
  req: Record<string, unknown>,
  name: string,
  allowed: readonly string[],
  required = true,
): string[] {
  const v = req[name]
  if (v === undefined || v === null) {
    if (required) throw new PlatformError('D20002', `${name} is missing`)
    return []
  }
  if (!Array.isArray(v) || (required && v.length === 0))
    throw new PlatformError('D20003', `${name} must be a non-empty list`)
  const bad = v.filter((f) => typeof f !== 'string' || !allowed.includes(f))
  // Name non-strings by type: joining a deeply nested array would overflow the stack (D20000 instead of D20003).
  const shown = bad.map((f) =>
    typeof f === 'string' ? f : `<${Array.isArray(f) ? 'array' : f === null ? 'null' : typeof f}>`,
  )
  if (bad.length > 0) throw new PlatformError('D20003', `${name} has unknown field(s): ${shown.join(', ')}`)
  return [...new Set(v as string[])]
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}
