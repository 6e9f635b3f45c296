/** The request inspector: a bounded tail per app, built off the hot path, appended to JSONL, with live subscribers. */
import type { CallRecord } from '../../protocol/signed-route'
import type { CallbackRecord } from '../callbacks/outbox'
import { buildCall, buildCallback } from './inspector.build'
import { type InspectorOptions, readLogTail } from './inspector.deps'
import type { InspectedCall, InspectedItem, InspectorFilter } from './inspector.types'

interface Entry {
  raw?: CallRecord | CallbackRecord
  kind: 'call' | 'callback'
  offset: number
  item?: InspectedItem
  written?: boolean
}

interface Tail {
  entries: Entry[]
  hydrated: boolean
  /** Serialises building (in arrival order, so "first used at" lookups see every earlier call). */
  work: Promise<void>
}

export type Subscriber = (item: InspectedItem) => void

export class Inspector {
  private readonly tails = new Map<string, Tail>()
  private readonly subscribers = new Map<string, Set<Subscriber>>()
  private readonly dirty = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private flushing: Promise<void> = Promise.resolve()
  readonly tailSize: number

  constructor(private readonly o: InspectorOptions) {
    this.tailSize = o.tailSize ?? 500
  }

  /** signed-route and getQR: O(1), no building here (the hot path only pays a push). */
  observe(record: CallRecord): void {
    const clientID = record.clientID
    if (!clientID || !this.o.apps.get(clientID)) return
    this.add(clientID, { raw: record, kind: 'call', offset: this.o.appClock.offset(clientID) })
  }

  /** Outbox: a callback reached its final state (delivered or failed, every try recorded). */
  observeCallback(record: CallbackRecord): void {
    this.add(record.clientID, { raw: record, kind: 'callback', offset: 0 })
  }

  private add(clientID: string, entry: Entry): void {
    const tail = this.tail(clientID)
    tail.entries.push(entry)
    if (tail.entries.length > this.tailSize && (!this.o.log || tail.entries[0]!.written)) tail.entries.shift()
    if (this.o.log) this.dirty.add(clientID)
    if (this.o.log || this.subscribers.get(clientID)?.size)
      this.schedule(this.subscribers.get(clientID)?.size ? 0 : undefined)
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

  async get(clientID: string, id: string): Promise<InspectedItem | undefined> {
    return (await this.items(clientID)).find((i) => i.txID === id)
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

  /** Builds everything pending and writes it to the log (tests, shutdown). */
  async settle(): Promise<void> {
    for (const [clientID, tail] of this.tails) await this.build(clientID, tail)
    await this.flush()
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    await this.settle()
  }

  private async items(clientID: string): Promise<InspectedItem[]> {
    const tail = this.tail(clientID)
    if (this.o.log && !tail.hydrated) await this.hydrate(clientID, tail)
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
      t = { entries: [], hydrated: false, work: Promise.resolve() }
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

  private buildOne(clientID: string, tail: Tail, e: Entry): Promise<InspectedItem> {
    if (e.kind === 'callback') return buildCallback(e.raw as CallbackRecord, this.o.clock.now())
    return buildCall(e.raw as CallRecord, e.offset, {
      app: this.o.apps.get(clientID),
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

  private schedule(delay = this.o.flushMs ?? 250): void {
    if (this.timer && delay > 0) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.settle().catch((e: Error) =>
        this.o.logger.error('inspector flush failed', { error: e.message }),
      )
    }, delay)
    ;(this.timer as { unref?: () => void }).unref?.()
  }

  private flush(): Promise<void> {
    const log = this.o.log
    if (!log) return Promise.resolve()
    this.flushing = this.flushing.then(async () => {
      for (const clientID of [...this.dirty]) {
        this.dirty.delete(clientID)
        const tail = this.tail(clientID)
        const fresh = tail.entries.filter((e) => e.item && !e.written)
        if (fresh.length === 0) continue
        await log.append(
          clientID,
          fresh.map((e) => JSON.stringify(e.item)),
        )
        for (const e of fresh) e.written = true
        while (tail.entries.length > this.tailSize && tail.entries[0]!.written) tail.entries.shift()
      }
    })
    return this.flushing
  }

  /** First read of an app after a start: the log's last records become the tail. */
  private async hydrate(clientID: string, tail: Tail): Promise<void> {
    tail.hydrated = true
    await this.build(clientID, tail)
    this.dirty.add(clientID)
    await this.flush()
    const fromLog: Entry[] = (await readLogTail(this.o.log!, clientID, this.tailSize)).map((item) => ({
      kind: item.kind,
      offset: 0,
      item,
      written: true,
    }))
    const unwritten = tail.entries.filter((e) => !e.written)
    tail.entries = [...fromLog, ...unwritten].slice(-this.tailSize)
  }
}
