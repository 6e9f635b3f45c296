/**
 * Live access tokens, per app, in as little memory as a token can take (at full speed hundreds of thousands live for
 * their 10 minutes): one Map per app, no entry object beside the stored value, expiry from the oldest end (tokens of
 * one app are inserted in expiry order; the test clock moves all of an app's tokens together). Bounded per app:
 * expired tokens kept for the "expired" answer make room first; a live token is never dropped (design §7).
 */
import type { Clock } from '../../clock'
import type { Admission } from '../../store/tenant-ttl-map'
import type { TicketKind } from '../tickets/ticket.types'

/** What is kept per live token: every string is shared (the resident's id, the cached openID, one array per scope set). */
export interface StoredToken {
  clientID: string
  residentId: string
  openID: string
  scopes: string[]
  /** The ticket the code came from and its kind (anonymous flows read their result through it). */
  ticketID: string
  kind: TicketKind
  expiresAt: number
}

export class TokenStore {
  private readonly apps = new Map<string, Map<string, StoredToken>>()
  private prunedAt = 0

  constructor(
    private readonly clock: Clock,
    private readonly perApp: () => number,
    /** How long an expired token is kept to answer "expired" rather than "unknown". */
    private readonly graceMs: number,
  ) {}

  /** Whether the app may hold one more token now (its expired ones make room first). */
  admits(clientID: string): Admission {
    const tokens = this.apps.get(clientID)
    if (!tokens) return { ok: true }
    const now = this.clock.now()
    this.prune(clientID, tokens, now)
    const limit = this.perApp()
    for (const [key, t] of tokens) {
      if (tokens.size < limit || t.expiresAt > now) break
      tokens.delete(key)
    }
    if (tokens.size < limit) return { ok: true }
    const oldest = tokens.values().next().value as StoredToken
    return { ok: false, limit, retryAfterMs: Math.max(0, oldest.expiresAt - now) }
  }

  set(token: string, stored: StoredToken): Admission {
    const now = this.clock.now()
    // Apps that stopped calling still lose their expired tokens (once a second, O(expired tokens)).
    if (now - this.prunedAt >= 1_000) {
      this.prunedAt = now
      for (const [clientID, tokens] of this.apps) this.prune(clientID, tokens, now)
    }
    const admission = this.admits(stored.clientID)
    if (!admission.ok) return admission
    let tokens = this.apps.get(stored.clientID)
    if (!tokens) this.apps.set(stored.clientID, (tokens = new Map()))
    tokens.set(token, stored)
    return admission
  }

  /** The app's token (expired ones within the grace included: the caller says "expired"); another app's is unknown. */
  get(clientID: string, token: string): StoredToken | undefined {
    const tokens = this.apps.get(clientID)
    const t = tokens?.get(token)
    if (!t) return undefined
    if (t.expiresAt + this.graceMs <= this.clock.now()) {
      this.prune(clientID, tokens!, this.clock.now())
      return undefined
    }
    return t
  }

  delete(clientID: string, token: string): boolean {
    return this.apps.get(clientID)?.delete(token) ?? false
  }

  /** Test clock: every token of the app comes `ms` closer to its expiry (their order is kept). */
  shift(clientID: string, ms: number): void {
    for (const t of this.apps.get(clientID)?.values() ?? []) t.expiresAt -= ms
  }

  count(clientID: string): number {
    return this.apps.get(clientID)?.size ?? 0
  }

  private prune(clientID: string, tokens: Map<string, StoredToken>, now: number): void {
    for (const [key, t] of tokens) {
      if (t.expiresAt + this.graceMs > now) break
      tokens.delete(key)
    }
    if (tokens.size === 0) this.apps.delete(clientID)
  }
}
