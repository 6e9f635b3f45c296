/** Replay protection: the timestamp window and a per-client nonce memory shared across all endpoints. */
import { createHash } from 'node:crypto'
import type { Clock } from '../clock'
import { TenantTtlMap } from '../store/tenant-ttl-map'

/** What remembering a nonce gave: stored, a replay, or the app already holds its bound of nonces in the window. */
export type NonceVerdict =
  | { ok: true }
  | { ok: false; reason: 'replay' }
  | { ok: false; reason: 'full'; limit: number; retryAfterS: number }

/** Longer nonces are remembered by their SHA-256, so an app's bound holds in bytes as well as in entries. */
const MAX_STORED_NONCE = 64

export class ReplayGuard {
  /** Per app (tenant = clientID): a nonce inside its window is never dropped; a full app is refused instead. */
  private readonly seen: TenantTtlMap<true>
  constructor(
    private readonly clock: Clock,
    private readonly windowMs: () => number,
    perApp: () => number = () => 200_000,
  ) {
    this.seen = new TenantTtlMap(clock, { perTenant: perApp, whenFull: 'refuse' })
  }

  /** How far the request's timestamp is from server time, in ms (positive = client ahead). */
  skew(timestamp: number, clientID: string, clockFor?: (clientID: string) => number): number {
    return timestamp - (clockFor ? clockFor(clientID) : this.clock.now())
  }

  withinWindow(skewMs: number): boolean {
    return Math.abs(skewMs) <= this.windowMs()
  }

  /**
   * Records the nonce for the whole time a request carrying it could pass the timestamp window (twice the window).
   * A nonce this client already used is a replay, even when the app is at its bound; otherwise a full app's new
   * nonce is refused with the time until its oldest nonce leaves the window. Other apps are never affected.
   */
  remember(clientID: string, nonce: string): NonceVerdict {
    const stored =
      nonce.length > MAX_STORED_NONCE ? createHash('sha256').update(nonce).digest('base64') : nonce
    const key = `${clientID}\u0000${stored}`
    if (this.seen.has(key)) return { ok: false, reason: 'replay' }
    const admission = this.seen.set(clientID, key, true, this.windowMs() * 2)
    if (admission.ok) return { ok: true }
    return {
      ok: false,
      reason: 'full',
      limit: admission.limit,
      retryAfterS: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)),
    }
  }

  /** Nonces this app holds inside the window. */
  held(clientID: string): number {
    return this.seen.count(clientID)
  }
}
