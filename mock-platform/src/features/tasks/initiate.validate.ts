/** What every initiateRequest shares beyond the contract: businessID uniqueness, the registered redirect, the scope. */
import { PlatformError } from '../../errors'
import type { Clock } from '../../clock'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import { liveStateRefusal } from '../../store/live-state'
import type { SharedState } from '../../store/shared-state'
import type { RegisteredApp, Scope } from '../apps'
import type { Lang } from '../tickets'
import { langOf } from '../../views/i18n'

/** How long a businessID is remembered for D20011. */
export const BUSINESS_ID_MEMORY_MS = 86_400_000

/**
 * Not in the contract: remembers businessIDs per app for a day: a duplicate is D20011. Bounded per app (LIVE_STATE_PER_APP): at the
 * bound that app's new businessIDs are refused (D20026, 429) until its oldest is a day old; never another app's.
 */
export interface BusinessIdLedger {
  /** Throws (or rejects with) D20011 when this app used this businessID within the day; remembers it otherwise. */
  claim(clientID: string, businessID: string): void | Promise<void>
}

export class BusinessIds implements BusinessIdLedger {
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

/**
 * Hosted: businessIDs remembered in SharedState, unique across instances: a claim is one atomic insert (the nonces'
 * claim under the app's own namespace), so of two instances claiming one businessID at once exactly one succeeds.
 * The per-app bound of the embedded ledger is not applied (the rows expire after the day and are swept).
 */
export class SharedBusinessIds implements BusinessIdLedger {
  constructor(
    private readonly shared: SharedState,
    private readonly clock: Clock,
  ) {}

  async claim(clientID: string, businessID: string): Promise<void> {
    const now = this.clock.now()
    if (!(await this.shared.claimNonce(`business:${clientID}`, businessID, now + BUSINESS_ID_MEMORY_MS, now)))
      throw new PlatformError('D20011', `businessID "${businessID}" was already used`)
  }
}

/*
 * Presence, type, length, format and enums are the contract's: the signed pipeline's `validate` step checked the
 * decrypted request against the operation's schema before the handler runs. What is left here are reads of the
 * checked fields and the rules the contract cannot state (registration, grants, uniqueness).
 */

/** A string field as the contract checked it; null and '' read as absent (the validate step let them through). */
export function stringOf(req: Record<string, unknown>, name: string): string | undefined {
  const v = req[name]
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** A field the operation's schema requires: the validate step answered D20002 if it was absent. */
export function requiredString(req: Record<string, unknown>, name: string): string {
  const v = stringOf(req, name)
  if (v === undefined) throw new PlatformError('D20002', `${name} is missing`)
  return v
}

/** A list of names the contract checked (an array of its enum, each once); [] when absent. */
export function listOf(req: Record<string, unknown>, name: string): string[] {
  const v = req[name]
  return Array.isArray(v) ? (v as string[]) : []
}

export function langOfRequest(req: Record<string, unknown>): Lang {
  return langOf(stringOf(req, 'lang'))
}

/**
 * Not in the contract: the redirect URI must be one registered for the app (D20008), matched exactly as sent or
 * URL-decoded once, as the official sample URL-encodes the callback URL inside the JSON.
 */
export function registeredRedirect(app: RegisteredApp, req: Record<string, unknown>): string | undefined {
  const uri = stringOf(req, 'redirectURI')
  if (uri === undefined) return undefined
  const candidates = [uri, safeDecode(uri)]
  const match = candidates.find((u) => u !== undefined && app.redirectURIs.includes(u))
  if (!match) throw new PlatformError('D20008', `redirectURI "${uri}" is not registered`)
  return match
}

/** Not in the contract: the scope must be granted to the app (D20012). */
export function requireScope(app: RegisteredApp, scope: Scope): void {
  if (!app.scopes.includes(scope))
    throw new PlatformError('D20012', `scope ${scope} is not granted to this app`)
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s)
  } catch {
    return undefined
  }
}
