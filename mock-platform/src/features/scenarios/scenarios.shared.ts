/**
 * Hosted mode: scenarios every instance sees and consumes once. An app's scenarios are one SharedState value (kind
 * `scenarios`), changed by compare-and-set; every instance mirrors them (told over `Events` when they change, read
 * again at a start or a gap) so that a call of an app with nothing armed costs nothing. A use is taken by
 * compare-and-set (`consume`): of any number of calls on any instances, each use goes to exactly one. A call that
 * starts in the millisecond a scenario is armed on another instance (before the notice arrives) may miss it.
 */
import type { Events } from '../../store/events'
import type { SharedState } from '../../store/shared-state'
import type { Scenario } from './scenarios.types'

export interface StoredScenarios {
  list: Scenario[]
  cekExpiredAt?: number
}

const KIND = 'scenarios'
const CHANNEL = 'scenarios'
const FOREVER = Number.MAX_SAFE_INTEGER
const LOAD_MAX = 100_000
const EMPTY: StoredScenarios = { list: [] }

export class SharedScenarios {
  private readonly mirror = new Map<string, StoredScenarios>()
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

  /** This instance's mirror (the synchronous readers: the inspector, getQR). */
  mirrored(clientID: string): StoredScenarios {
    return this.mirror.get(clientID) ?? EMPTY
  }

  /** Read through the store (and mirrored). */
  async read(clientID: string): Promise<StoredScenarios> {
    const n = ++this.seq
    const v = (await this.shared.get<StoredScenarios>(KIND, clientID, this.now())) ?? EMPTY
    this.mirrorAs(clientID, v, n)
    return v
  }

  private mirrorAs(clientID: string, v: StoredScenarios, n: number): void {
    if ((this.applied.get(clientID) ?? 0) > n) return
    this.applied.set(clientID, n)
    this.mirror.set(clientID, v)
  }

  /**
   * Read, change, compare-and-set (again when another instance wrote first); every instance is told. `change` returns
   * undefined to write nothing; it may throw (the write is abandoned).
   */
  async update(
    clientID: string,
    change: (s: StoredScenarios) => StoredScenarios | undefined,
  ): Promise<StoredScenarios> {
    for (;;) {
      const now = this.now()
      const current = await this.shared.get<StoredScenarios>(KIND, clientID, now)
      const next = change(structuredClone(current ?? EMPTY))
      if (next === undefined) return current ?? EMPTY
      if (await this.shared.swap(KIND, clientID, clientID, current, next, FOREVER, now)) {
        this.mirrorAs(clientID, next, ++this.seq)
        await this.events.publish(CHANNEL, clientID).catch(() => {})
        return next
      }
    }
  }

  /** One use of the first scenario `pick` finds, taken by compare-and-set; undefined when there is none. */
  async consume(
    clientID: string,
    pick: (list: Scenario[]) => Scenario | undefined,
  ): Promise<Scenario | undefined> {
    let taken: Scenario | undefined
    await this.update(clientID, (s) => {
      const x = pick(s.list)
      taken = x && { ...x }
      if (!x) return undefined
      if (--x.remaining <= 0) s.list.splice(s.list.indexOf(x), 1)
      return s
    })
    return taken
  }

  private async load(): Promise<void> {
    const n = ++this.seq
    const all = new Map(await this.shared.list<StoredScenarios>(KIND, this.now(), LOAD_MAX))
    for (const clientID of [...this.mirror.keys()]) if (!all.has(clientID)) this.mirrorAs(clientID, EMPTY, n)
    for (const [clientID, v] of all) this.mirrorAs(clientID, v, n)
  }
}
