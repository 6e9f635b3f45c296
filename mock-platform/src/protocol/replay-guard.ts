/** Replay protection: the timestamp window and a per-client nonce memory shared across all endpoints. */
import type { Clock } from '../clock'
import { TtlMap } from '../store/ttl-map'

export class ReplayGuard {
  private readonly seen: TtlMap<true>
  constructor(
    private readonly clock: Clock,
    private readonly windowMs: () => number,
  ) {
    this.seen = new TtlMap(clock, 500_000)
  }

  /** How far the request's timestamp is from server time, in ms (positive = client ahead). */
  skew(timestamp: number, clientID: string, clockFor?: (clientID: string) => number): number {
    return timestamp - (clockFor ? clockFor(clientID) : this.clock.now())
  }

  withinWindow(skewMs: number): boolean {
    return Math.abs(skewMs) <= this.windowMs()
  }

  /** Records the nonce; false when this client already used it within the window. */
  remember(clientID: string, nonce: string): boolean {
    const key = `${clientID}\u0000${nonce}`
    if (this.seen.has(key)) return false
    this.seen.set(key, true, this.windowMs() * 2)
    return true
  }
}
