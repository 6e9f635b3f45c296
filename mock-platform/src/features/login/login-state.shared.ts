/**
 * Codes, redeemed codes and tokens in SharedState (PostgreSQL in the hosted mode): a code issued on instance A is
 * redeemed once on any instance (SharedState.take: of concurrent takers exactly one gets it), and its replay on any
 * instance revokes the token it produced. LIVE_STATE_PER_APP is counted with `held()`: entries are kept
 * EXPIRED_GRACE_MS past their expiry (for the "expired" answer), so counting at now + grace counts the live ones.
 *
 * The test clock: the tables of the embedded engine are shifted per app; here nothing stored is rewritten. Expiries
 * are stored on the app's time (the platform clock plus its offset, `offset`) and read against it, which moves the
 * app's existing codes and tokens closer to expiry exactly as a shift does; the offset is shared by every instance
 * (features/scenarios/app-clock.shared.ts). Not expressible: after an app's clock is reset its codes and tokens issued
 * under the offset regain the time it added (the embedded engine keeps them moved).
 */
import type { Clock } from '../../clock'
import type { SharedState } from '../../store/shared-state'
import type { Admission } from '../../store/tenant-ttl-map'
import { type AuthCode, EXPIRED_GRACE_MS, type LoginState } from './login-state'
import type { StoredToken } from './token-store'

const CODE = 'code'
const TOKEN = 'token'
const REDEEMED = 'redeemed-code'
/** Anonymous flows read their result through the token's ticket; other tokens do not keep it (as embedded). */
const keepsTicket = (kind: string): boolean => kind.startsWith('anonymous-')

export class SharedLoginState implements LoginState {
  constructor(
    private readonly shared: SharedState,
    private readonly clock: Clock,
    /** LIVE_STATE_PER_APP: codes, and tokens, one app may hold. */
    private readonly perApp: () => number,
    /** How long a refused app waits at most: a code's or a token's lifetime. */
    private readonly ttlMs: { code: () => number; token: () => number },
    /** The app's test-clock offset (features/scenarios/app-clock.ts). */
    private readonly offset: (clientID: string) => number = () => 0,
  ) {}

  now(clientID: string): number {
    return this.clock.now() + this.offset(clientID)
  }

  async putCode(code: string, entry: AuthCode): Promise<Admission> {
    const admission = await this.admits(CODE, entry.clientID, this.ttlMs.code())
    if (admission.ok)
      await this.shared.put(CODE, code, entry.clientID, entry, entry.expiresAt + EXPIRED_GRACE_MS)
    return admission
  }

  takeCode(clientID: string, code: string): Promise<AuthCode | undefined> {
    return this.shared.take<AuthCode>(CODE, code, this.now(clientID))
  }

  admitsToken(clientID: string): Promise<Admission> {
    return this.admits(TOKEN, clientID, this.ttlMs.token())
  }

  async putToken(token: string, stored: StoredToken): Promise<Admission> {
    const admission = await this.admitsToken(stored.clientID)
    if (!admission.ok) return admission
    const { ticketID, ...rest } = stored
    const value: StoredToken =
      keepsTicket(stored.kind) && ticketID !== undefined ? { ...rest, ticketID } : rest
    await this.shared.put(TOKEN, token, stored.clientID, value, stored.expiresAt + EXPIRED_GRACE_MS)
    return admission
  }

  async getToken(clientID: string, token: string): Promise<StoredToken | undefined> {
    const stored = await this.shared.get<StoredToken>(TOKEN, token, this.now(clientID))
    return stored?.clientID === clientID ? stored : undefined
  }

  async deleteToken(clientID: string, token: string): Promise<boolean> {
    if (!(await this.getToken(clientID, token))) return false
    return this.shared.delete(TOKEN, token)
  }

  async putRedeemed(clientID: string, code: string, token: string, ttlMs: number): Promise<void> {
    await this.shared.put(REDEEMED, redeemedKey(clientID, code), clientID, token, this.now(clientID) + ttlMs)
  }

  takeRedeemed(clientID: string, code: string): Promise<string | undefined> {
    return this.shared.take<string>(REDEEMED, redeemedKey(clientID, code), this.now(clientID))
  }

  /** Nothing to move: the app's offset is read at every comparison (see above). */
  shift(): void {}

  /** Live entries are those kept past now + grace (see above); the shared store does not say when the oldest ends. */
  private async admits(kind: string, clientID: string, waitMs: number): Promise<Admission> {
    const limit = this.perApp()
    const live = await this.shared.held(kind, clientID, this.now(clientID) + EXPIRED_GRACE_MS)
    return live < limit ? { ok: true } : { ok: false, limit, retryAfterMs: waitMs }
  }
}

const redeemedKey = (clientID: string, code: string) => `${clientID.length}:${clientID}:${code}`
