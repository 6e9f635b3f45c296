/**
 * The hosted nonce memory: every instance claims nonces in one SharedState (PostgreSQL), so a nonce used on instance
 * A is a replay (D20004) on instance B. The claim is atomic (SharedState.claimNonce); NONCES_PER_APP is counted with
 * `held()` over one marker per stored nonce. Under concurrent calls of one app on several instances the count and the
 * claim are separate statements, so the bound may be passed by the number of calls in flight (never a replay).
 */
import type { Clock } from '../clock'
import type { SharedState } from '../store/shared-state'
import { type NonceGuard, type NonceVerdict, TimestampWindow } from './replay-guard'

/** The SharedState kind of the per-app nonce markers (counted by `held`). */
const KIND = 'nonce'

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
    const now = this.clock.now()
    const window = this.windowMs()
    const expiresMs = this.keptUntil(timestamp, now)
    const key = `${clientID.length}:${clientID}:${nonce}`
    const limit = this.perApp()
    if ((await this.shared.held(KIND, clientID, now)) >= limit) {
      if ((await this.shared.get(KIND, key, now)) !== undefined) return { ok: false, reason: 'replay' }
      return { ok: false, reason: 'full', limit, retryAfterS: Math.max(1, Math.ceil(window / 1000)) }
    }
    if (!(await this.shared.claimNonce(clientID, nonce, expiresMs, now)))
      return { ok: false, reason: 'replay' }
    await this.shared.put(KIND, key, clientID, 1, expiresMs)
    return { ok: true }
  }

  held(clientID: string): Promise<number> {
    return this.shared.held(KIND, clientID, this.clock.now())
  }
}
