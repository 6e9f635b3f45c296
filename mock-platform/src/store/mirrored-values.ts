/**
 * Values every instance reads synchronously and changes atomically (hosted mode's scenarios and test-clock offsets):
 * each a SharedState value of `kind` that never expires, changed by compare-and-set (read, change, swap; again when
 * another instance wrote first), mirrored in every instance and re-read at once when `Events` says one changed (on
 * the channel named `kind`; a start or a gap reads them all). A change made elsewhere reaches the mirror after the
 * notice's delay, about a millisecond; `read` reads through. Reads and writes are numbered as they start, so an
 * answer older than what the mirror holds is dropped. Keys are app IDs: the mirror holds one entry per app with a
 * value set, the ordering map one per app ever read (both bounded by the registered apps); a start or a gap loads
 * at most LOAD_MAX values.
 */
import type { Events } from './events'
import type { SharedState } from './shared-state'

const FOREVER = Number.MAX_SAFE_INTEGER
/** Values a start or a gap reads back at most. */
const LOAD_MAX = 100_000

export class MirroredValues<V> {
  private readonly mirror = new Map<string, V>()
  private seq = 0
  private readonly applied = new Map<string, number>()
  readonly ready: Promise<void>

  constructor(
    private readonly shared: SharedState,
    private readonly events: Events,
    private readonly kind: string,
    private readonly now: () => number,
    /** The value of a key never set (or removed). */
    private readonly empty: V,
  ) {
    events.subscribe(kind, (key) => void this.read(key).catch(() => {}))
    events.onGap(() => void this.load().catch(() => {}))
    this.ready = this.load()
  }

  /** This instance's mirror (the synchronous readers). */
  mirrored(key: string): V {
    return this.mirror.get(key) ?? this.empty
  }

  /** The value as stored, mirrored. */
  async read(key: string): Promise<V> {
    const n = ++this.seq
    const v = (await this.shared.get<V>(this.kind, key, this.now())) ?? this.empty
    this.mirrorAs(key, v, n)
    return v
  }

  /**
   * Read, change (a copy), compare-and-set, again when another instance wrote first; every instance is told.
   * `change` returns undefined to write nothing; it may throw (nothing is written).
   */
  async update(key: string, change: (v: V) => V | undefined): Promise<V> {
    for (;;) {
      const now = this.now()
      const current = (await this.shared.get<V>(this.kind, key, now)) as V | undefined
      const next = change(structuredClone(current ?? this.empty))
      if (next === undefined) return current ?? this.empty
      if (await this.shared.swap(this.kind, key, key, current, next, FOREVER, now)) {
        this.mirrorAs(key, next, ++this.seq)
        await this.events.publish(this.kind, key).catch(() => {})
        return next
      }
    }
  }

  async remove(key: string): Promise<void> {
    await this.shared.delete(this.kind, key)
    this.mirrorAs(key, this.empty, ++this.seq)
    await this.events.publish(this.kind, key).catch(() => {})
  }

  private mirrorAs(key: string, v: V, n: number): void {
    if ((this.applied.get(key) ?? 0) > n) return
    this.applied.set(key, n)
    if (v === this.empty) this.mirror.delete(key)
    else this.mirror.set(key, v)
  }

  private async load(): Promise<void> {
    const n = ++this.seq
    const all = new Map(await this.shared.list<V>(this.kind, this.now(), LOAD_MAX))
    for (const key of [...this.mirror.keys()]) if (!all.has(key)) this.mirrorAs(key, this.empty, n)
    for (const [key, v] of all) this.mirrorAs(key, v, n)
  }
}
