/**
 * Replay protection: the timestamp window and a per-client nonce memory shared across all endpoints. Nonces are kept
 * as 64-bit fingerprints in typed arrays, in spans of 10 s of expiry (store/expiring-tables.ts): about 20 bytes a
 * nonce, whatever its length, so an app's bound holds in bytes as well as in entries.
 */
import type { Clock } from '../clock'
import { fingerprint } from '../store/binary-keys'
import { ExpiringTables } from '../store/expiring-tables'

/** What remembering a nonce gave: stored, a replay, or the app already holds its bound of nonces in the window. */
export type NonceVerdict =
  | { ok: true }
  | { ok: false; reason: 'replay' }
  | { ok: false; reason: 'full'; limit: number; retryAfterS: number }

/**
 * The nonce memory behind the `nonce` step: the embedded engine (ReplayGuard, below; synchronous, allocation-free) or
 * the hosted one over SharedState (replay-guard.shared.ts), where a nonce used on any instance is a replay on all.
 */
export interface NonceGuard {
  /** How far the request's timestamp is from server time, in ms (positive = client ahead). */
  skew(timestamp: number, clientID: string, clockFor?: (clientID: string) => number): number
  withinWindow(skewMs: number): boolean
  /** Records the nonce for as long as a request carrying it could pass the window (see ReplayGuard.remember). */
  remember(clientID: string, nonce: string, timestamp?: number): NonceVerdict | Promise<NonceVerdict>
  /** Nonces this app holds inside the window. */
  held(clientID: string): number | Promise<number>
}

/** Nonces leave memory in spans of this many ms of expiry time. */
const SPAN_MS = 10_000

/** The timestamp window both nonce memories share: the skew, the window test, and how long a nonce is kept. */
export abstract class TimestampWindow {
  constructor(
    protected readonly clock: Clock,
    protected readonly windowMs: () => number,
  ) {}

  /** How far the request's timestamp is from server time, in ms (positive = client ahead). */
  skew(timestamp: number, clientID: string, clockFor?: (clientID: string) => number): number {
    return timestamp - (clockFor ? clockFor(clientID) : this.clock.now())
  }

  withinWindow(skewMs: number): boolean {
    return Math.abs(skewMs) <= this.windowMs()
  }

  /**
   * The last ms a request carrying `timestamp` can pass the window (|skew| ≤ window): the nonce is held up to and
   * including it.
   */
  protected keptUntil(timestamp: number, now: number): number {
    return Math.max(timestamp, now - this.windowMs()) + this.windowMs()
  }
}

export class ReplayGuard extends TimestampWindow implements NonceGuard {
  private readonly nonces = new ExpiringTables({ keyWords: 2, valueWords: 0, timed: false, spanMs: SPAN_MS })
  private readonly key = new Uint32Array(2)

  constructor(
    clock: Clock,
    windowMs: () => number,
    private readonly perApp: () => number = () => 200_000,
  ) {
    super(clock, windowMs)
  }

  /**
   * Records the nonce for as long as a request carrying it could pass the timestamp window: until its own timestamp
   * leaves the window (the signature covers the timestamp, so a replay carries the same one). A nonce this client
   * already used is a replay, even when the app is at its bound; otherwise a full app's new nonce is refused with the
   * time until its oldest nonces leave the window. Other apps are never affected.
   */
  remember(clientID: string, nonce: string, timestamp = this.clock.now()): NonceVerdict {
    const now = this.clock.now()
    fingerprint(nonce, this.key)
    const app = this.nonces.tenant(clientID, now, true)
    if (app.find(this.key)) return { ok: false, reason: 'replay' }
    const limit = this.perApp()
    if (app.size >= limit) {
      const end = app.oldest!.end
      return { ok: false, reason: 'full', limit, retryAfterS: Math.max(1, Math.ceil((end - now) / 1000)) }
    }
    app.add(this.key, this.keptUntil(timestamp, now))
    return { ok: true }
  }

  /** Nonces this app holds inside the window. */
  held(clientID: string): number {
    return this.nonces.tenant(clientID, this.clock.now())?.size ?? 0
  }

  /** Bytes the nonces take (memory probes). */
  get bytes(): number {
    return this.nonces.bytes
  }
}
