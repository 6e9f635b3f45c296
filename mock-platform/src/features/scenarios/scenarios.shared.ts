/**
 * Hosted mode: scenarios every instance sees and consumes once. An app's scenarios are one SharedState value (kind
 * `scenarios`), changed by compare-and-set; every instance mirrors them (told over `Events` when they change, read
 * again at a start or a gap) so that a call of an app with nothing armed costs nothing. A use is taken by
 * compare-and-set (`consume`): of any number of calls on any instances, each use goes to exactly one. A call that
 * starts in the millisecond a scenario is armed on another instance (before the notice arrives) may miss it.
 */
import type { Events } from '../../store/events'
import { MirroredValues } from '../../store/mirrored-values'
import type { SharedState } from '../../store/shared-state'
import type { Scenario } from './scenarios.types'

export interface StoredScenarios {
  list: Scenario[]
  cekExpiredAt?: number
}

const EMPTY: StoredScenarios = { list: [] }

export class SharedScenarios {
  private readonly values: MirroredValues<StoredScenarios>
  readonly ready: Promise<void>

  constructor(shared: SharedState, events: Events, now: () => number) {
    this.values = new MirroredValues(shared, events, 'scenarios', now, EMPTY)
    this.ready = this.values.ready
  }

  /** This instance's mirror (the synchronous readers: the inspector, the check before a take). */
  mirrored(clientID: string): StoredScenarios {
    return this.values.mirrored(clientID)
  }

  /** Read through the store (and mirrored). */
  read(clientID: string): Promise<StoredScenarios> {
    return this.values.read(clientID)
  }

  /** Read, change, compare-and-set; `change` returns undefined to write nothing, or throws (nothing is written). */
  update(
    clientID: string,
    change: (s: StoredScenarios) => StoredScenarios | undefined,
  ): Promise<StoredScenarios> {
    return this.values.update(clientID, change)
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
}
