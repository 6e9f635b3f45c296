/**
 * Hosted mode: scenarios every instance sees and consumes once. An app's scenarios are one SharedState value (kind
 * `scenarios`), changed by compare-and-set; every instance mirrors them (told over `Events` when they change, read
 * again at a start or a gap) so that a call of an app with nothing armed costs nothing.
 *
 * A call decides its forced outcome synchronously (the protocol's `forced` port), so one use must be this instance's
 * before that moment: when a signed call of an armed app reaches its app (`prepare`), the instance takes the app's
 * lease (kind `scenario-lease`, compare-and-set, a few seconds at most) and reads the scenarios; while it holds it,
 * only its calls consume, from that copy, each use written back before the lease is given up. Another instance's
 * call waits for the lease: a one-shot scenario fires exactly once whichever instances serve the calls.
 * A callback's scenario is taken (compare-and-set) before the callback is queued. getQR's `forced` has no step
 * before it: it consumes from the mirror and writes the use back after (see the decision record). Leases are on
 * real time: the instances' hosts keep their clocks within half a second of each other (NTP does far better).
 */
import { randomHex } from '../../ids'
import type { Events } from '../../store/events'
import type { SharedState } from '../../store/shared-state'
import type { Scenario } from './scenarios.types'

export interface StoredScenarios {
  list: Scenario[]
  cekExpiredAt?: number
}

const KIND = 'scenarios'
const LEASE = 'scenario-lease'
const CHANNEL = 'scenarios'
const FOREVER = Number.MAX_SAFE_INTEGER
/** A lease not given back (an instance that died holding it) lapses after this; calls wait for it at most twice. */
const LEASE_MS = 3_000
const LOAD_MAX = 100_000
const EMPTY: StoredScenarios = { list: [] }

interface Hold {
  token: string
  /** Real time (ms) until which the lease is surely this instance's. */
  until: number
  /** The scenarios as read when the lease was taken, consumed by this instance's calls. */
  list: Scenario[]
  /** Calls that prepared and have not decided yet. */
  inflight: number
  /** The uses written back, in order. */
  writes: Promise<void>
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export class SharedScenarios {
  private readonly mirror = new Map<string, StoredScenarios>()
  private readonly holds = new Map<string, Hold>()
  private readonly taking = new Map<string, Promise<Hold | undefined>>()
  private readonly releasing = new Map<string, Promise<void>>()
  /** Reads and writes are numbered as they start: an answer older than what the mirror holds is dropped. */
  private seq = 0
  private readonly applied = new Map<string, number>()
  readonly ready: Promise<void>

  constructor(
    private readonly shared: SharedState,
    private readonly events: Events,
    private readonly now: () => number,
    private readonly instanceId = 'instance',
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

  /**
   * A signed call of `clientID` reached its app: when the app has a call scenario armed, this instance holds the
   * app's lease until the call decides. False when nothing is armed (or the lease could not be had).
   */
  async prepare(clientID: string, armed: (list: Scenario[]) => boolean): Promise<boolean> {
    if (!armed(this.mirrored(clientID).list) && !this.current(clientID)) return false
    const hold = this.current(clientID) ?? (await this.take(clientID))
    if (!hold) return false
    hold.inflight++
    return true
  }

  /** The copy this instance consumes from while it holds the app's lease. */
  held(clientID: string): Scenario[] | undefined {
    return this.current(clientID)?.list
  }

  /** The hold, unless its lease may have lapsed (a call that never decided): then another instance may hold it. */
  private current(clientID: string): Hold | undefined {
    const hold = this.holds.get(clientID)
    if (hold && Date.now() >= hold.until) this.holds.delete(clientID)
    return hold && Date.now() < hold.until ? hold : undefined
  }

  /** A use of scenario `id` consumed from the held copy: written back; `decided` when a prepared call decided. */
  consumed(clientID: string, id: string, decided: boolean): void {
    const hold = this.holds.get(clientID)
    if (!hold) return
    hold.writes = hold.writes.then(() => this.useUp(clientID, id).then(() => {}))
    if (decided) this.decided(clientID)
  }

  /** A prepared call decided (or failed before deciding): the lease is given back after the last one. */
  decided(clientID: string): Promise<void> | undefined {
    const hold = this.holds.get(clientID)
    if (hold && --hold.inflight <= 0) {
      this.holds.delete(clientID)
      const done = hold.writes
        .then(() => this.giveBack(clientID, hold.token))
        .catch(() => {})
        .finally(() => {
          if (this.releasing.get(clientID) === done) this.releasing.delete(clientID)
        })
      this.releasing.set(clientID, done)
    }
    return this.releasing.get(clientID)
  }

  /** The write-back and lease release under way for the app, if any (the answer waits for it). */
  settling(clientID: string): Promise<void> | undefined {
    return this.releasing.get(clientID)
  }

  /** One use of scenario `id` in the store (removed with its last use); false when it is already used up or gone. */
  async useUp(clientID: string, id: string): Promise<boolean> {
    let used = false
    await this.update(clientID, (s) => {
      const i = s.list.findIndex((x) => x.id === id)
      if (i < 0) return undefined
      used = true
      if (--s.list[i]!.remaining <= 0) s.list.splice(i, 1)
      return s
    })
    return used
  }

  /** Writes still under way (stop waits for them). */
  async idle(): Promise<void> {
    await Promise.all([...this.holds.values()].map((h) => h.writes))
    await Promise.all(this.releasing.values())
  }

  private take(clientID: string): Promise<Hold | undefined> {
    let p = this.taking.get(clientID)
    if (!p) {
      p = this.lease(clientID).finally(() => this.taking.delete(clientID))
      this.taking.set(clientID, p)
    }
    return p
  }

  private async lease(clientID: string): Promise<Hold | undefined> {
    await this.releasing.get(clientID)
    const token = `${this.instanceId}:${randomHex(6)}`
    const until = Date.now() + 2 * LEASE_MS
    for (let wait = 2; Date.now() < until; wait = Math.min(wait * 2, 50)) {
      // Leases are on real time: the sandbox clock may stand still (tests) or be moved.
      const now = Date.now()
      const current = await this.shared.get<{ holder: string | null }>(LEASE, clientID, now)
      if (!current?.holder) {
        const mine = { holder: token }
        if (await this.shared.swap(LEASE, clientID, clientID, current, mine, now + LEASE_MS, now)) {
          const { list } = await this.read(clientID)
          const hold: Hold = {
            token,
            until: now + LEASE_MS - 500,
            list,
            inflight: 0,
            writes: Promise.resolve(),
          }
          this.holds.set(clientID, hold)
          return hold
        }
      }
      await sleep(wait)
    }
    return undefined
  }

  private async giveBack(clientID: string, token: string): Promise<void> {
    const now = Date.now()
    await this.shared.swap(
      LEASE,
      clientID,
      clientID,
      { holder: token },
      { holder: null },
      now + LEASE_MS,
      now,
    )
  }

  private async load(): Promise<void> {
    const n = ++this.seq
    const all = new Map(await this.shared.list<StoredScenarios>(KIND, this.now(), LOAD_MAX))
    for (const clientID of [...this.mirror.keys()]) if (!all.has(clientID)) this.mirrorAs(clientID, EMPTY, n)
    for (const [clientID, v] of all) this.mirrorAs(clientID, v, n)
  }
}
