/** The per-app test clock: moving it shifts the app's CEKs, codes, tokens and tasks toward expiry; the offset is shown. */
import type { Clock } from '../../clock'
import type { SharedOffsets } from './app-clock.shared'

/** Longest single move: 30 days (a CEK lives 24 h, a token 10 min; nothing in the sandbox lives longer). */
export const MAX_ADVANCE_MS = 30 * 86_400_000

export interface AppClockView {
  clientID: string
  /** The app's current time (epoch ms): the platform clock plus the offset. */
  now: number
  /** The platform's real time (epoch ms). */
  realNow: number
  offsetMs: number
}

/** A service holding expiring things of an app (CEKs, codes and tokens, tickets): moves them `ms` closer to expiry. */
export interface ClockMover {
  shift(clientID: string, ms: number): unknown
}

export class AppClock {
  private readonly offsets = new Map<string, number>()
  constructor(
    private readonly clock: Clock,
    private readonly movers: ClockMover[] = [],
    /** Hosted mode: the offsets every instance shares (app-clock.shared.ts); absent: this process's. */
    private readonly shared?: SharedOffsets,
  ) {}

  offset(clientID: string): number {
    return this.shared ? this.shared.offset(clientID) : (this.offsets.get(clientID) ?? 0)
  }

  /**
   * Moves the app's clock forward by `ms` (1 ms – 30 days per call): its CEKs, codes, tokens and pending tasks come
   * `ms` closer to expiry at once (tasks past it time out now, with their callbacks). Things created later are normal.
   */
  async advance(clientID: string, ms: number): Promise<AppClockView> {
    if (!Number.isInteger(ms) || ms < 1 || ms > MAX_ADVANCE_MS)
      throw new RangeError(`ms must be 1–${MAX_ADVANCE_MS}`)
    if (this.shared) await this.shared.add(clientID, ms)
    else this.offsets.set(clientID, this.offset(clientID) + ms)
    // Stored things (consents) move by a write: the clock's answer waits for it, so the next call sees the move.
    await Promise.all(this.movers.map((m) => m.shift(clientID, ms)))
    return this.view(clientID)
  }

  /** Back to real time: the offset is cleared; what was moved stays moved (time never runs backwards). */
  async reset(clientID: string): Promise<AppClockView> {
    if (this.shared) await this.shared.clear(clientID)
    else this.offsets.delete(clientID)
    return this.view(clientID)
  }

  /** The view, read through the store in hosted mode (another instance may have just moved it). */
  async current(clientID: string): Promise<AppClockView> {
    if (this.shared) await this.shared.read(clientID)
    return this.view(clientID)
  }

  view(clientID: string): AppClockView {
    const realNow = this.clock.now()
    const offsetMs = this.offset(clientID)
    return { clientID, now: realNow + offsetMs, realNow, offsetMs }
  }
}
