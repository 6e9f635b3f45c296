/**
 * Hosted mode: the per-app test-clock offsets every instance sees. Each offset is a SharedState value (kind
 * `app-clock`, moved by compare-and-set, so two instances advancing at once both count); every instance mirrors them
 * for the synchronous readers (the codes' and tokens' expiry, the inspector) and is told over `Events` when one
 * changes, re-reading it from the store at once (a gap, or a start, reads them all). The staleness is the notice's
 * delay, about a millisecond; the clock's own routes read through the store.
 */
import type { Events } from '../../store/events'
import type { SharedState } from '../../store/shared-state'

const KIND = 'app-clock'
const CHANNEL = 'app-clock'
/** Offsets do not expire (as in embedded mode they last until reset). */
const FOREVER = Number.MAX_SAFE_INTEGER
/** Apps whose offsets a gap or a start reads back at most. */
const LOAD_MAX = 100_000

export class SharedOffsets {
  private readonly mirror = new Map<string, number>()
  /** Reads and writes are numbered as they start: an answer older than what the mirror holds is dropped. */
  private seq = 0
  private readonly applied = new Map<string, number>()
  readonly ready: Promise<void>

  constructor(
    private readonly shared: SharedState,
    private readonly events: Events,
    private readonly now: () => number,
  ) {
    events.subscribe(CHANNEL, (clientID) => void this.read(clientID).catch(() => {}))
    events.onGap(() => void this.load().catch(() => {}))
    this.ready = this.load()
  }

  /** This instance's mirror (synchronous readers). */
  offset(clientID: string): number {
    return this.mirror.get(clientID) ?? 0
  }

  /** The offset as stored (read through), mirrored. */
  async read(clientID: string): Promise<number> {
    const n = ++this.seq
    const v = (await this.shared.get<number>(KIND, clientID, this.now())) ?? 0
    this.set(clientID, v, n)
    return v
  }

  /** Adds `ms` to the stored offset (read, compare-and-set, retried when another instance moved it first). */
  async add(clientID: string, ms: number): Promise<number> {
    for (;;) {
      const now = this.now()
      const current = await this.shared.get<number>(KIND, clientID, now)
      const next = (current ?? 0) + ms
      if (await this.shared.swap(KIND, clientID, clientID, current, next, FOREVER, now)) {
        this.set(clientID, next, ++this.seq)
        await this.events.publish(CHANNEL, clientID).catch(() => {})
        return next
      }
    }
  }

  async clear(clientID: string): Promise<void> {
    await this.shared.delete(KIND, clientID)
    this.set(clientID, 0, ++this.seq)
    await this.events.publish(CHANNEL, clientID).catch(() => {})
  }

  private set(clientID: string, v: number, n: number): void {
    if ((this.applied.get(clientID) ?? 0) > n) return
    this.applied.set(clientID, n)
    if (v === 0) this.mirror.delete(clientID)
    else this.mirror.set(clientID, v)
  }

  private async load(): Promise<void> {
    const n = ++this.seq
    const all = new Map(await this.shared.list<number>(KIND, this.now(), LOAD_MAX))
    for (const clientID of [...this.mirror.keys()]) if (!all.has(clientID)) this.set(clientID, 0, n)
    for (const [clientID, v] of all) this.set(clientID, v, n)
  }
}
