/**
 * The hosted nonce memory: every instance claims nonces in one SharedState (PostgreSQL), so a nonce used on instance
 * A is a replay (D20004) on instance B. The claim is atomic (a unique key per client and nonce); NONCES_PER_APP is
 * the count of the app's unexpired nonces. Under concurrent calls of one app on several instances the count and the
 * claim are separate statements, so the bound may be passed by the number of calls in flight (never a replay).
 */
import type { Clock } from '../clock'
import type { SharedState } from '../store/shared-state'
import { type NonceGuard, type NonceVerdict, TimestampWindow } from './replay-guard'

/** A counter to count with the nonce (SharedState.admit). */
export type Hit = { key: string; windowMs: number; limit: number }

export class SharedReplayGuard extends TimestampWindow implements NonceGuard {
  constructor(
    private readonly shared: SharedState,
    clock: Clock,
    windowMs: () => number,
    private readonly perApp: () => number = () => 200_000,
  ) {
    super(clock, windowMs)
  }

  /**
   * As ReplayGuard.remember: a nonce this client already used is a replay, even at the bound; a full app's new nonce
   * is refused. The shared store does not say when the app's oldest nonce leaves: Retry-After is then the window's
   * length (the longest any nonce stays).
   */
  async remember(clientID: string, nonce: string, timestamp = this.clock.now()): Promise<NonceVerdict> {
    return (await this.admit(clientID, { nonce, timestamp }, [])).nonce!
  }

  /**
   * Counts `hits` (each only while those before it are within their limits) and then, when all are, remembers the
   * nonce: one round trip for a signed call's rate limits and nonce. No `nonce`: the counters only.
   */
  async admit(
    clientID: string,
    nonce: { nonce: string; timestamp: number } | undefined,
    hits: readonly Hit[],
  ): Promise<{ counts: number[]; nonce?: NonceVerdict }> {
    const now = this.clock.now()
    const limit = this.perApp()
    const full = nonce !== undefined && (await this.shared.nonces(clientID, now)) >= limit
    const r = await this.shared.admit({
      hits,
      nonce: nonce && {
        clientId: clientID,
        nonce: nonce.nonce,
        // SharedState's entries are gone at their expiry; the nonce must still be held at keptUntil.
        expiresMs: this.keptUntil(nonce.timestamp, now) + 1,
        claim: !full,
      },
      nowMs: now,
    })
    if (r.nonce === undefined) return { counts: r.counts }
    if (r.nonce === 'used') return { counts: r.counts, nonce: { ok: false, reason: 'replay' } }
    if (!full) return { counts: r.counts, nonce: { ok: true } }
    const retryAfterS = Math.max(1, Math.ceil(this.windowMs() / 1000))
    return { counts: r.counts, nonce: { ok: false, reason: 'full', limit, retryAfterS } }
  }

  held(clientID: string): Promise<number> {
    return this.shared.nonces(clientID, this.clock.now())
  }
}
