/** Authorisation codes (single use, 120 s) and access tokens (opaque, 600 s), and the pairwise openID. */
import { base64ToBytes, bytesToHex, hmacSha256Base64 } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import { randomHex } from '../../ids'
import { liveStateRefusal } from '../../store/live-state'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import { RedeemedCodes } from './redeemed-codes'
import { type StoredToken, TokenStore } from './token-store'
import type { Ticket, TicketKind } from '../tickets'

export interface AuthCode {
  clientID: string
  residentId: string
  ticketID: string
  /** The kind of the ticket it came from (a login, an anonymous task). */
  kind: TicketKind
  scopes: string[]
  /** When the code stops working (the app's test clock moves it earlier). */
  expiresAt: number
}

/** Expired codes and tokens are kept this long, so the answer (and the inspector) can say "expired" rather than "unknown". */
export const EXPIRED_GRACE_MS = 60_000

/** A token as getToken issued it: what the store keeps (its `expiresAt` moved earlier by the app's test clock), and more. */
export interface AccessToken extends StoredToken {
  accessToken: string
  issueAt: number
  expiresIn: number
}

/**
 * Codes, redeemed codes and tokens are bounded per app (LIVE_STATE_PER_APP): a live code or token is never dropped to
 * make room; at the bound the app's new ones are refused (D20026) until its oldest expires. Expired entries kept for
 * the "expired" answer make room first.
 */
export class TokensService {
  private readonly codes: TenantTtlMap<AuthCode>
  /** Codes already redeemed → the token they produced, so a replayed code revokes it (checklist #14). */
  private readonly redeemed: RedeemedCodes
  private readonly tokens: TokenStore
  private readonly openIds = new Map<string, string>()
  /** One array per distinct set of scopes, shared by every token that has it. */
  private readonly scopeSets = new Map<string, string[]>()

  constructor(
    private readonly clock: Clock,
    private readonly codeTtlMs: () => number,
    private readonly tokenTtlMs: () => number,
    /** Server secret for pairwise openIDs; stable across restarts. */
    private readonly pairwiseKey: string,
    /** LIVE_STATE_PER_APP: codes, and tokens, one app may hold. */
    perApp: () => number = () => 20_000,
  ) {
    this.codes = new TenantTtlMap(clock, { perTenant: perApp, liveUntil: (c) => c.expiresAt })
    this.redeemed = new RedeemedCodes(clock)
    this.tokens = new TokenStore(clock, perApp, EXPIRED_GRACE_MS)
  }

  /** A single-use code for the ticket's app; D20026 (429) when that app already holds LIVE_STATE_PER_APP live codes. */
  issueCode(ticket: Ticket): string {
    const code = randomHex(16)
    const ttl = this.codeTtlMs()
    const admission = this.codes.set(
      ticket.clientID,
      code,
      {
        clientID: ticket.clientID,
        residentId: ticket.residentId!,
        ticketID: ticket.ticketID,
        kind: ticket.kind,
        scopes: this.scopeSet(ticket.scopes),
        expiresAt: this.clock.now() + ttl,
      },
      ttl + EXPIRED_GRACE_MS,
    )
    if (!admission.ok) throw liveStateRefusal('authorisation codes', admission)
    return code
  }

  /** Redeems a code exactly once (atomic take); unknown, expired, reused or another app's code → D40004. */
  async redeem(clientID: string, code: string): Promise<AccessToken> {
    // At the bound the code stays valid: the app can exchange it once one of its tokens expires.
    const room = this.tokens.admits(clientID)
    if (!room.ok) throw liveStateRefusal('access tokens', room)
    const entry = this.codes.take(code)
    if (!entry) {
      const issued = this.redeemed.take(clientID, code)
      if (issued) this.tokens.delete(clientID, issued)
      throw new PlatformError(
        'D40004',
        issued ? 'code already used; the token it produced is revoked' : 'code unknown or expired',
      )
    }
    if (entry.clientID !== clientID) throw new PlatformError('D40004', 'code was issued to another app')
    if (entry.expiresAt <= this.clock.now())
      throw new PlatformError('D40004', `code expired at ${new Date(entry.expiresAt).toISOString()}`)
    const issueAt = this.clock.now()
    const expiresIn = this.tokenTtlMs()
    const accessToken = randomHex(16)
    const stored: StoredToken = {
      clientID,
      residentId: entry.residentId,
      openID: await this.openIdFor(clientID, entry.residentId),
      scopes: this.scopeSet(entry.scopes),
      ticketID: entry.ticketID,
      kind: entry.kind,
      expiresAt: issueAt + expiresIn,
    }
    // Admitted above; only concurrent exchanges of the same app at its bound can be refused here.
    const admission = this.tokens.set(accessToken, stored)
    if (!admission.ok) throw liveStateRefusal('access tokens', admission)
    // A replayed code revokes its token while the code could still have been live (its TTL and the grace after it).
    this.redeemed.add(clientID, code, accessToken, this.codeTtlMs() + EXPIRED_GRACE_MS)
    return { accessToken, ...stored, issueAt, expiresIn }
  }

  private scopeSet(scopes: string[]): string[] {
    const key = scopes.join(' ')
    let set = this.scopeSets.get(key)
    if (!set) {
      if (this.scopeSets.size > 1_000) this.scopeSets.clear()
      this.scopeSets.set(key, (set = [...scopes]))
    }
    return set
  }

  /** The token behind an authenticated call: D20009 when unknown/expired/another app's, D20010 when openID differs. */
  check(clientID: string, accessToken: unknown, openID: unknown): AccessToken {
    if (typeof accessToken !== 'string' || accessToken === '')
      throw new PlatformError('D20002', 'accessToken is missing')
    if (typeof openID !== 'string' || openID === '') throw new PlatformError('D20002', 'openID is missing')
    const stored = this.tokens.get(clientID, accessToken)
    const token = stored && { accessToken, ...stored, issueAt: Number.NaN, expiresIn: this.tokenTtlMs() }
    if (!token || token.clientID !== clientID)
      throw new PlatformError('D20009', 'access token unknown or expired')
    if (token.expiresAt <= this.clock.now())
      throw new PlatformError('D20009', `access token expired at ${new Date(token.expiresAt).toISOString()}`)
    if (token.openID !== openID)
      throw new PlatformError('D20010', 'openID does not belong to this access token')
    return token
  }

  /** Test clock: moves the app's codes and tokens `ms` closer to their expiry. */
  shift(clientID: string, ms: number): void {
    for (const c of this.codes.values()) if (c.clientID === clientID) c.expiresAt -= ms
    this.tokens.shift(clientID, ms)
  }

  /** Pairwise: stable per (app, resident), different across apps; 64 hex chars. */
  async openIdFor(clientID: string, residentId: string): Promise<string> {
    const key = `${clientID}\n${residentId}`
    let id = this.openIds.get(key)
    if (!id) {
      id = bytesToHex(base64ToBytes(await hmacSha256Base64(this.pairwiseKey, key)))
      if (this.openIds.size > 100_000) this.openIds.clear()
      this.openIds.set(key, id)
    }
    return id
  }
}
