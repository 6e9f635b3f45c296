/**
 * The request inspector: a bounded tail per app, built off the hot path and appended to the request log (every call,
 * nothing dropped: when building falls behind, observe() makes callers wait), with live subscribers.
 */
import type { CallRecord } from '../../protocol/call-record'
import type { CallbackRecord } from '../callbacks'
import { addCekFacts } from './evidence'
import { buildCall, buildCallback } from './inspector.build'
import type { InspectorOptions } from './inspector.deps'
import type { InspectedCall, InspectedItem, InspectorFilter } from './inspector.types'
import { adoptInto, type Entry, markWritten, newTail, type Tail } from './inspector.tail'
import { singleFlight } from './single-flight'

export type Subscriber = (item: InspectedItem) => void

/** Told of the items of one app just written to the request log (inspector.relay.ts tells other instances). */
export type WrittenListener = (clientID: string, items: InspectedItem[]) => void

export class Inspector {
  private readonly tails = new Map<string, Tail>()
  private readonly subscribers = new Map<string, Set<Subscriber>>()
  private readonly writtenListeners = new Set<WrittenListener>()
  private readonly dirty = new Set<string>()
  private scheduled = false
  /** Writes the built records of every dirty app; callers arriving while a write runs share the one after it. */
  private readonly flush = singleFlight(() => this.writeDirty())
  /** Observed records not yet in the log, all apps together. */
  private unwritten = 0
  readonly tailSize: number
  /** Unwritten records per app before that app's callers wait (a tenth of RECORD_QUEUE_MAX, at least 100). */
  private readonly perApp: number

  /** Apps found registered (apps are never deleted): their calls are recorded without asking the store again. */
  private readonly registered = new Set<string>()
  constructor(private readonly o: InspectorOptions) {
    this.tailSize = o.tailSize ?? 500
    this.perApp = Math.max(100, Math.floor((o.queueMax ?? 10_000) / 10))
  }

  /**
   * signed-route and getQR: O(1), no building here (the hot path only pays a push). Returns a promise only when this
   * app's records are behind by `perApp`: its caller waits for room (backpressure) instead of memory growing.
   */
  observe(record: CallRecord): Promise<void> | undefined {
    const clientID = record.clientID
    if (!clientID) return undefined
    // Only registered apps have a log (no one writes into a made-up one). Apps are never deleted, so an app found
    // once is remembered; the first call of an app in this process waits for the store's answer.
    if (this.registered.has(clientID)) return this.accept(clientID, record)
    return this.o.apps.get(clientID).then((app) => {
      if (!app) return undefined
      this.registered.add(clientID)
      return this.accept(clientID, record)
    })
  }

  private accept(clientID: string, record: CallRecord): Promise<void> | undefined {
    const offset = this.o.appClock.offset(clientID)
    const facts = addCekFacts(this.o.keys, record)
    if (facts) return facts.then(() => this.add(clientID, { raw: record, kind: 'call', offset }))
    return this.add(clientID, { raw: record, kind: 'call', offset })
  }

  /** Outbox: a callback reached its final state (delivered or failed, every try recorded). */
  observeCallback(record: CallbackRecord): Promise<void> | undefined {
    return this.add(record.clientID, { raw: record, kind: 'callback', offset: 0 })
  }

  /** Records observed and written since start, and those waiting (for the soak bench and /healthz). */
  stats(): { unwritten: number } & ReturnType<InspectorOptions['log']['stats']> {
    return { unwritten: this.unwritten, ...this.o.log.stats() }
  }

  private add(clientID: string, entry: Entry): Promise<void> | undefined {
    const tail = this.tail(clientID)
    const written = this.o.answerAfterWrite
      ? new Promise<void>((resolve) => (entry.onWritten = resolve))
      : undefined
    tail.entries.push(entry)
    tail.unwritten++
    this.unwritten++
    this.dirty.add(clientID)
    this.schedule()
    if (tail.unwritten <= this.perApp) return written
    const room = new Promise<void>((resolve) => tail.room.push(resolve))
    return written ? Promise.all([room, written]).then(() => {}) : room
  }

  /** Items newest first, filtered; in-flight callbacks included. */
  async list(clientID: string, f: InspectorFilter = {}): Promise<InspectedItem[]> {
    const items = [...(await this.items(clientID))].reverse()
    const since = f.since ?? -Infinity
    const out = items.filter(
      (i) =>
        i.at >= since &&
        (f.operation === undefined || i.operationId === f.operation) &&
        (f.code === undefined || i.code === f.code || (f.code === 'error' && i.code !== 'D00000')),
    )
    return out.slice(0, f.limit ?? out.length)
  }

  /** One record by its txID (or callback id): the tail first, then the app's request log. */
  async get(clientID: string, id: string): Promise<InspectedItem | undefined> {
    const hit = (await this.items(clientID)).find((i) => i.txID === id)
    if (hit) return hit
    const [found] = await this.o.log.read(clientID, { limit: 1, filter: (i) => i.txID === id })
    return found
  }

  /** Live tail: called with every new item of the app, once built. */
  subscribe(clientID: string, fn: Subscriber): () => void {
    const set = this.subscribers.get(clientID) ?? new Set()
    set.add(fn)
    this.subscribers.set(clientID, set)
    return () => {
      set.delete(fn)
      if (set.size === 0) this.subscribers.delete(clientID)
    }
  }

  /** Called with each group of an app's items once they are in the request log. */
  onWritten(fn: WrittenListener): () => void {
    this.writtenListeners.add(fn)
    return () => this.writtenListeners.delete(fn)
  }

  /**
   * Items another instance wrote to the shared request log: they join this instance's tail (already written) and
   * reach its live subscribers, so a tail opened on any instance shows every instance's calls.
   */
  adopt(clientID: string, items: InspectedItem[]): void {
    const tail = this.tails.get(clientID)
    // Not read here since start: its first read hydrates from the log, which holds these already.
    if (!tail?.hydrated) return
    for (const item of adoptInto(tail, items, this.tailSize))
      for (const fn of this.subscribers.get(clientID) ?? []) fn(item)
  }

  /** Whether this instance holds a tail of the app read from the log (what adopt() adds to). */
  holds(clientID: string): boolean {
    return this.tails.get(clientID)?.hydrated === true
  }

  /** After a gap in what other instances told: every tail is read again from the log on its next read. */
  rehydrate(): void {
    for (const tail of this.tails.values()) tail.hydrated = false
  }

  /** Builds everything pending and writes it to the log (tests, shutdown). */
  async settle(): Promise<void> {
    for (const clientID of [...this.dirty]) await this.build(clientID, this.tail(clientID))
    await this.flush()
  }

  /** Builds and writes everything observed (a graceful stop), then closes the log. */
  async close(): Promise<void> {
    while (this.unwritten > 0) {
      const before = this.o.log.stats().written
      await this.settle().catch(() => {})
      if (this.o.log.stats().written === before && this.unwritten > 0) break // the log refuses: reported below
    }
    if (this.unwritten > 0)
      this.o.logger.error('request log: records not written at stop', { count: this.unwritten })
    await this.o.log.close()
  }

  private async items(clientID: string): Promise<InspectedItem[]> {
    const tail = this.tail(clientID)
    if (!tail.hydrated) await this.hydrate(clientID, tail)
    await this.build(clientID, tail)
    const built = tail.entries.map((e) => e.item!).filter(Boolean)
    const done = new Set(built.map((i) => i.txID))
    const now = this.o.clock.now()
    const inFlight = this.o
      .outbox()
      .list(clientID)
      .filter((r) => r.state === 'pending' && !done.has(r.id))
    return [...built, ...(await Promise.all(inFlight.map((r) => buildCallback(r, now))))].sort(
      (a, b) => a.at - b.at,
    )
  }

  private tail(clientID: string): Tail {
    let t = this.tails.get(clientID)
    if (!t) {
      t = newTail()
      this.tails.set(clientID, t)
    }
    return t
  }

  private build(clientID: string, tail: Tail): Promise<void> {
    tail.work = tail.work.then(async () => {
      for (const e of tail.entries.filter((x) => !x.item && x.raw)) {
        try {
          e.item = await this.buildOne(clientID, tail, e)
        } catch (err) {
          this.o.logger.error('inspector could not build a record', { clientID, error: String(err) })
        }
        delete e.raw
        if (e.item) for (const fn of this.subscribers.get(clientID) ?? []) fn(e.item)
      }
    })
    return tail.work
  }

  private async buildOne(clientID: string, tail: Tail, e: Entry): Promise<InspectedItem> {
    if (e.kind === 'callback') return buildCallback(e.raw as CallbackRecord, this.o.clock.now())
    return buildCall(e.raw as CallRecord, e.offset, {
      app: await this.o.apps.get(clientID),
      keys: this.o.keys,
      scenarios: this.o.scenarios,
      earlier: (test) => {
        for (let j = tail.entries.indexOf(e) - 1; j >= 0; j--) {
          const item = tail.entries[j]?.item
          if (item?.kind === 'call' && test(item as InspectedCall)) return item as InspectedCall
        }
        return undefined
      },
    })
  }

  /**
   * Builds and writes as soon as the event loop is free: the group of records observed meanwhile goes together. One
   * group at a time: records observed while a group is written wait for the next (no chain of waiting runs grows
   * while the disk syncs).
   */
  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      void this.settle().then(
        () => {
          this.scheduled = false
          if (this.dirty.size > 0) this.schedule()
        },
        (e: Error) => {
          this.o.logger.warn('request log behind; retrying', { error: e.message })
          setTimeout(() => {
            this.scheduled = false
            this.schedule()
          }, 100).unref?.()
        },
      )
    })
  }

  private async writeDirty(): Promise<void> {
    const log = this.o.log
    for (const clientID of [...this.dirty]) {
      this.dirty.delete(clientID)
      const tail = this.tail(clientID)
      const fresh = tail.entries.filter((e) => !e.written && (e.item || !e.raw))
      if (fresh.length === 0) {
        if (tail.unwritten > 0) this.dirty.add(clientID)
        continue
      }
      const results = await Promise.allSettled(
        fresh.map((e) => (e.item ? log.append(clientID, e.item) : undefined)),
      )
      let failure: unknown
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') markWritten(fresh[i]!)
        else failure = r.reason
      })
      this.release(tail, fresh.filter((e) => e.written).length)
      if (this.writtenListeners.size > 0) {
        const items = fresh.filter((e) => e.written && e.item).map((e) => e.item!)
        for (const fn of this.writtenListeners) fn(clientID, items)
      }
      if (failure) {
        // The log refused (full or closed): these records stay in the tail and are retried shortly.
        this.dirty.add(clientID)
        throw failure
      }
      while (tail.entries.length > this.tailSize && tail.entries[0]!.written) tail.entries.shift()
      // Records that arrived while this group was written are not built yet: they go with the next group.
      if (tail.unwritten > 0) this.dirty.add(clientID)
    }
  }

  private release(tail: Tail, n: number): void {
    this.unwritten -= n
    tail.unwritten -= n
    while (tail.room.length > 0 && tail.unwritten <= this.perApp) tail.room.shift()!()
  }

  /** First read of an app after a start: the log's last records become the tail. */
  private async hydrate(clientID: string, tail: Tail): Promise<void> {
    tail.hydrated = true
    await this.build(clientID, tail)
    this.dirty.add(clientID)
    await this.flush()
    const fromLog: Entry[] = (await this.o.log.read(clientID, { limit: this.tailSize }))
      .reverse()
      .map((item) => ({ kind: item.kind, offset: 0, item, written: true }))
    const unwritten = tail.entries.filter((e) => !e.written)
    tail.entries = [...fromLog, ...unwritten].slice(-this.tailSize)
  }
}
