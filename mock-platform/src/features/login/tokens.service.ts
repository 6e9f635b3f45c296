/** Authorisation codes (single use, 120 s) and access tokens (opaque, 600 s), and the pairwise openID. */
import { base64ToBytes, bytesToHex, hmacSha256Base64 } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import { randomHex } from '../../ids'
import { liveStateRefusal } from '../../store/live-state'
import { EmbeddedLoginState, EXPIRED_GRACE_MS, type LoginState } from './login-state'
import type { StoredToken } from './token-store'
import type { Ticket } from '../tickets'

export { type AuthCode, EXPIRED_GRACE_MS, type LoginState } from './login-state'
export { SharedLoginState } from './login-state.shared'

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
  private readonly openIds = new Map<string, string>()
  /** One array per distinct set of scopes, shared by every token that has it. */
  private readonly scopeSets = new Map<string, string[]>()

  constructor(
    clock: Clock,
    private readonly codeTtlMs: () => number,
    private readonly tokenTtlMs: () => number,
    /** Server secret for pairwise openIDs; stable across restarts. */
    private readonly pairwiseKey: string,
    /** LIVE_STATE_PER_APP: codes, and tokens, one app may hold. */
    perApp: () => number = () => 20_000,
    /** Codes, redeemed codes (so a replayed code revokes its token, checklist #14) and tokens: memory by default. */
    private readonly state: LoginState = new EmbeddedLoginState(clock, codeTtlMs, perApp),
  ) {}

  /** A single-use code for the ticket's app; D20026 (429) when that app already holds LIVE_STATE_PER_APP live codes. */
  async issueCode(ticket: Ticket): Promise<string> {
    const code = randomHex(16)
    const admission = await this.state.putCode(code, {
      clientID: ticket.clientID,
      residentId: ticket.residentId!,
      ticketID: ticket.ticketID,
      kind: ticket.kind,
      scopes: this.scopeSet(ticket.scopes),
      expiresAt: this.state.now(ticket.clientID) + this.codeTtlMs(),
    })
    if (!admission.ok) throw liveStateRefusal('authorisation codes', admission)
    return code
  }

  /** Redeems a code exactly once (atomic take); unknown, expired, reused or another app's code → D40004. */
  async redeem(clientID: string, code: string): Promise<AccessToken> {
    // At the bound the code stays valid: the app can exchange it once one of its tokens expires.
    const room = await this.state.admitsToken(clientID)
    if (!room.ok) throw liveStateRefusal('access tokens', room)
    const entry = await this.state.takeCode(clientID, code)
    if (!entry) {
      const issued = await this.state.takeRedeemed(clientID, code)
      if (issued) await this.state.deleteToken(clientID, issued)
      throw new PlatformError(
        'D40004',
        issued ? 'code already used; the token it produced is revoked' : 'code unknown or expired',
      )
    }
    if (entry.clientID !== clientID) throw new PlatformError('D40004', 'code was issued to another app')
    if (entry.expiresAt <= this.state.now(clientID))
      throw new PlatformError('D40004', `code expired at ${new Date(entry.expiresAt).toISOString()}`)
    const issueAt = this.state.now(clientID)
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
    const admission = await this.state.putToken(accessToken, stored)
    if (!admission.ok) throw liveStateRefusal('access tokens', admission)
    // A replayed code revokes its token while the code could still have been live (its TTL and the grace after it).
    await this.state.putRedeemed(clientID, code, accessToken, this.codeTtlMs() + EXPIRED_GRACE_MS)
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
  check(clientID: string, accessToken: unknown, openID: unknown): AccessToken | Promise<AccessToken> {
    if (typeof accessToken !== 'string' || accessToken === '')
      throw new PlatformError('D20002', 'accessToken is missing')
    if (typeof openID !== 'string' || openID === '') throw new PlatformError('D20002', 'openID is missing')
    // Synchronous on the embedded engine (as before), a promise on the hosted one.
    const stored = this.state.getToken(clientID, accessToken)
    return stored instanceof Promise
      ? stored.then((t) => this.checked(clientID, accessToken, openID, t))
      : this.checked(clientID, accessToken, openID, stored)
  }

  private checked(
    clientID: string,
    accessToken: string,
    openID: string,
    stored: StoredToken | undefined,
  ): AccessToken {
    const token = stored && { accessToken, ...stored, issueAt: Number.NaN, expiresIn: this.tokenTtlMs() }
    if (!token || token.clientID !== clientID)
      throw new PlatformError('D20009', 'access token unknown or expired')
    if (token.expiresAt <= this.state.now(clientID))
      throw new PlatformError('D20009', `access token expired at ${new Date(token.expiresAt).toISOString()}`)
    if (token.openID !== openID)
      throw new PlatformError('D20010', 'openID does not belong to this access token')
    return token
  }

  /** Test clock: moves the app's codes and tokens `ms` closer to their expiry. */
  shift(clientID: string, ms: number): void {
    this.state.shift(clientID, ms)
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
