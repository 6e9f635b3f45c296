/**
 * Hosted mode: the per-app test-clock offsets every instance sees — each a mirrored shared value (kind `app-clock`,
 * store/mirrored-values.ts): moved by compare-and-set, so two instances advancing at once both count; the
 * synchronous readers (the codes' and tokens' expiry, the inspector) read this instance's mirror, which follows a
 * move within the notice's delay (about a millisecond); the clock's own routes read through the store.
 */
import type { Events } from '../../store/events'
import { MirroredValues } from '../../store/mirrored-values'
import type { SharedState } from '../../store/shared-state'

export class SharedOffsets {
  private readonly values: MirroredValues<number>
  readonly ready: Promise<void>

  constructor(shared: SharedState, events: Events, now: () => number) {
    // Offsets do not expire: as in embedded mode they last until reset.
    this.values = new MirroredValues(shared, events, 'app-clock', now, 0)
    this.ready = this.values.ready
  }

  /** This instance's mirror (synchronous readers). */
  offset(clientID: string): number {
    return this.values.mirrored(clientID)
  }

  /** The offset as stored (read through). */
  read(clientID: string): Promise<number> {
    return this.values.read(clientID)
  }

  /** Adds `ms` to the stored offset. */
  add(clientID: string, ms: number): Promise<number> {
    return this.values.update(clientID, (v) => v + ms)
  }

  clear(clientID: string): Promise<void> {
    return this.values.remove(clientID)
  }
}
