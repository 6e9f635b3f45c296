/**
 * Where authorisation codes, redeemed codes and access tokens live: the port TokensService works over, its embedded
 * engine (this process's memory: the tables below, synchronous) and, in login-state.shared.ts, the hosted one over
 * SharedState, where a code issued on one instance is redeemed once on any.
 */
import type { Clock } from '../../clock'
import { type Admission, TenantTtlMap } from '../../store/tenant-ttl-map'
import type { TicketKind } from '../tickets'
import { RedeemedCodes } from './redeemed-codes'
import { type StoredToken, TokenStore } from './token-store'

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

/** Synchronous in the embedded engine (its hot path allocates nothing more), a promise in the hosted one. */
type Maybe<T> = T | Promise<T>

export interface LoginState {
  /** The app's time, which its codes' and tokens' expiries are read against. */
  now(clientID: string): number
  /** Stores a code (kept `EXPIRED_GRACE_MS` past its expiry); refused when the app holds its bound of live codes. */
  putCode(code: string, entry: AuthCode): Maybe<Admission>
  /** Takes a code, whichever app it was issued to (single use: of concurrent takers exactly one gets it). */
  takeCode(clientID: string, code: string): Maybe<AuthCode | undefined>
  /** Whether the app may hold one more access token now. */
  admitsToken(clientID: string): Maybe<Admission>
  putToken(token: string, stored: StoredToken): Maybe<Admission>
  /** The app's token, expired ones within the grace included; another app's is unknown. */
  getToken(clientID: string, token: string): Maybe<StoredToken | undefined>
  deleteToken(clientID: string, token: string): Maybe<boolean>
  /** Remembers that the app's `code` produced `token`, for `ttlMs`, so that a replayed code revokes it. */
  putRedeemed(clientID: string, code: string, token: string, ttlMs: number): Maybe<void>
  /** The token a redeemed code of this app produced, forgetting the code (a second replay finds nothing). */
  takeRedeemed(clientID: string, code: string): Maybe<string | undefined>
  /** Test clock: the app's codes and tokens come `ms` closer to their expiry. */
  shift(clientID: string, ms: number): void
}

/** Codes, redeemed codes and tokens in this process's memory (typed-array tables for tokens and redeemed codes). */
export class EmbeddedLoginState implements LoginState {
  private readonly codes: TenantTtlMap<AuthCode>
  private readonly redeemed: RedeemedCodes
  private readonly tokens: TokenStore

  constructor(
    private readonly clock: Clock,
    private readonly codeTtlMs: () => number,
    /** LIVE_STATE_PER_APP: codes, and tokens, one app may hold. */
    perApp: () => number,
  ) {
    this.codes = new TenantTtlMap(clock, { perTenant: perApp, liveUntil: (c) => c.expiresAt })
    this.redeemed = new RedeemedCodes(clock)
    this.tokens = new TokenStore(clock, perApp, EXPIRED_GRACE_MS)
  }

  now(): number {
    return this.clock.now()
  }

  putCode(code: string, entry: AuthCode): Admission {
    return this.codes.set(entry.clientID, code, entry, this.codeTtlMs() + EXPIRED_GRACE_MS)
  }

  takeCode(_clientID: string, code: string): AuthCode | undefined {
    return this.codes.take(code)
  }

  admitsToken(clientID: string): Admission {
    return this.tokens.admits(clientID)
  }

  putToken(token: string, stored: StoredToken): Admission {
    return this.tokens.set(token, stored)
  }

  getToken(clientID: string, token: string): StoredToken | undefined {
    return this.tokens.get(clientID, token)
  }

  deleteToken(clientID: string, token: string): boolean {
    return this.tokens.delete(clientID, token)
  }

  putRedeemed(clientID: string, code: string, token: string, ttlMs: number): void {
    this.redeemed.add(clientID, code, token, ttlMs)
  }

  takeRedeemed(clientID: string, code: string): string | undefined {
    return this.redeemed.take(clientID, code)
  }

  shift(clientID: string, ms: number): void {
    for (const c of this.codes.values()) if (c.clientID === clientID) c.expiresAt -= ms
    this.tokens.shift(clientID, ms)
  }
}
