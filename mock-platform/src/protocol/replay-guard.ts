/** Replay protection: the timestamp window and a per-client nonce memory shared across all endpoints. */
import { createHash } from 'node:crypto'
import type { Clock } from '../clock'

/** What remembering a nonce gave: stored, a replay, or the app already holds its bound of nonces in the window. */
export type NonceVerdict =
  | { ok: true }
  | { ok: false; reason: 'replay' }
  | { ok: false; reason: 'full'; limit: number; retryAfterS: number }

/** Longer nonces are remembered by their SHA-256, so an app's bound holds in bytes as well as in entries. */
const MAX_STORED_NONCE = 64
/** Nonces leave memory in buckets of this many ms of expiry time (one array per bucket, no object per nonce). */
const BUCKET_MS = 10_000

/** One app's nonces: a set for the lookup, and the same strings in expiry buckets for dropping them in bulk. */
interface AppNonces {
  seen: Set<string>
  /** Bucket number (expiry / BUCKET_MS, rounded up) → its nonces. */
  buckets: Map<number, string[]>
}

export class ReplayGuard {
  private readonly apps = new Map<string, AppNonces>()
  private prunedAt = 0

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: () => number,
    private readonly perApp: () => number = () => 200_000,
  ) {}

  /** How far the request's timestamp is from server time, in ms (positive = client ahead). */
  skew(timestamp: number, clientID: string, clockFor?: (clientID: string) => number): number {
    return timestamp - (clockFor ? clockFor(clientID) : this.clock.now())
  }

  withinWindow(skewMs: number): boolean {
    return Math.abs(skewMs) <= this.windowMs()
  }

  /**
   * Records the nonce for as long as a request carrying it could pass the timestamp window: until its own timestamp
   * leaves the window (the signature covers the timestamp, so a replay carries the same one). A nonce this client
   * already used is a replay, even when the app is at its bound; otherwise a full app's new nonce is refused with the
   * time until its oldest nonces leave the window. Other apps are never affected.
   */
  remember(clientID: string, nonce: string, timestamp = this.clock.now()): NonceVerdict {
    const now = this.clock.now()
    if (now - this.prunedAt >= 1_000) this.prune(now)
    const stored =
      nonce.length > MAX_STORED_NONCE ? createHash('sha256').update(nonce).digest('base64') : nonce
    let app = this.apps.get(clientID)
    if (app?.seen.has(stored)) return { ok: false, reason: 'replay' }
    const limit = this.perApp()
    if (app && app.seen.size >= limit) {
      this.pruneApp(clientID, app, now)
      if (app.seen.size >= limit) {
        const first = Math.min(...app.buckets.keys())
        return {
          ok: false,
          reason: 'full',
          limit,
          retryAfterS: Math.max(1, Math.ceil((first * BUCKET_MS - now) / 1000)),
        }
      }
    }
    if (!app) this.apps.set(clientID, (app = { seen: new Set(), buckets: new Map() }))
    const bucket = Math.ceil((Math.max(timestamp, now - this.windowMs()) + this.windowMs()) / BUCKET_MS)
    app.seen.add(stored)
    const list = app.buckets.get(bucket)
    if (list) list.push(stored)
    else app.buckets.set(bucket, [stored])
    return { ok: true }
  }

  /** Nonces this app holds inside the window. */
  held(clientID: string): number {
    const app = this.apps.get(clientID)
    if (!app) return 0
    this.pruneApp(clientID, app, this.clock.now())
    return app.seen.size
  }

  /** Drops every bucket whose nonces all left the window (at most once a second, O(expired nonces)). */
  private prune(now: number): void {
    this.prunedAt = now
    for (const [clientID, app] of this.apps) this.pruneApp(clientID, app, now)
  }

  private pruneApp(clientID: string, app: AppNonces, now: number): void {
    for (const [bucket, list] of app.buckets) {
      if (bucket * BUCKET_MS >= now) continue
      for (const n of list) app.seen.delete(n)
      app.buckets.delete(bucket)
    }
    if (app.seen.size === 0) this.apps.delete(clientID)
  }
}
