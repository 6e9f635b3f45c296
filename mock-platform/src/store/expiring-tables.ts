/**
 * Short-lived protocol state in as few bytes as it can take: per tenant, fixed-width binary keys (a 128-bit token or
 * code, a 64-bit nonce fingerprint) in typed-array hash tables, one table per span of expiry time, a span leaving
 * whole. No object, string or map entry per key: at full speed an app holds hundreds of thousands of tokens and
 * nonces, and a JavaScript object each would cost 4–6 times the memory (docs/benchmarks.md, "Soak").
 *
 * - A table is insert-only open addressing with linear probing; removal leaves a tombstone; it doubles when 3/4 full.
 * - Entries of one span share a table; lookups try the tenant's tables newest first (a handful: lifetime / span).
 * - The test clock shifts a tenant's entries together in O(1): times are stored plus the tenant's shift.
 */

const EMPTY = 0
const LIVE = 1
const GONE = 2

/** One span's entries: keys, values and (optionally) a time per entry, in parallel typed arrays. */
export class WordTable {
  keys: Uint32Array
  values: Uint32Array
  times: Float64Array | undefined
  state: Uint8Array
  /** Slots used, tombstones included (what the load factor counts). */
  used = 0
  /** Live entries. */
  live = 0

  constructor(
    readonly keyWords: number,
    readonly valueWords: number,
    readonly timed: boolean,
    private capacity = 16,
  ) {
    this.keys = new Uint32Array(capacity * keyWords)
    this.values = new Uint32Array(capacity * valueWords)
    this.times = timed ? new Float64Array(capacity) : undefined
    this.state = new Uint8Array(capacity)
  }

  /** The live slot holding `key`, or -1. */
  find(key: Uint32Array): number {
    const mask = this.capacity - 1
    const kw = this.keyWords
    for (let i = key[0]! & mask; ; i = (i + 1) & mask) {
      const s = this.state[i]
      if (s === EMPTY) return -1
      if (s === LIVE && this.sameKey(i, key, kw)) return i
    }
  }

  /** A new slot for `key` (the caller checked it is absent); the caller writes its values and time. */
  insert(key: Uint32Array): number {
    if ((this.used + 1) * 4 > this.capacity * 3) this.grow()
    const slot = this.freeSlot(key[0]!)
    this.keys.set(key.subarray(0, this.keyWords), slot * this.keyWords)
    this.state[slot] = LIVE
    this.used++
    this.live++
    return slot
  }

  remove(slot: number): void {
    this.state[slot] = GONE
    this.live--
  }

  /** Bytes held by the arrays (for the memory probes). */
  get bytes(): number {
    return (
      this.keys.byteLength + this.values.byteLength + (this.times?.byteLength ?? 0) + this.state.byteLength
    )
  }

  private sameKey(slot: number, key: Uint32Array, kw: number): boolean {
    const at = slot * kw
    for (let w = 0; w < kw; w++) if (this.keys[at + w] !== key[w]) return false
    return true
  }

  private freeSlot(hash: number): number {
    const mask = this.capacity - 1
    let i = hash & mask
    while (this.state[i] !== EMPTY) i = (i + 1) & mask
    return i
  }

  /** Doubles the table, leaving tombstones behind. */
  private grow(): void {
    const old = { keys: this.keys, values: this.values, times: this.times, state: this.state }
    const { keyWords: kw, valueWords: vw } = this
    this.capacity *= this.live * 2 >= this.capacity ? 2 : 1
    this.keys = new Uint32Array(this.capacity * kw)
    this.values = new Uint32Array(this.capacity * vw)
    this.times = this.timed ? new Float64Array(this.capacity) : undefined
    this.state = new Uint8Array(this.capacity)
    this.used = 0
    for (let i = 0; i < old.state.length; i++) {
      if (old.state[i] !== LIVE) continue
      const slot = this.freeSlot(old.keys[i * kw]!)
      this.keys.set(old.keys.subarray(i * kw, i * kw + kw), slot * kw)
      this.values.set(old.values.subarray(i * vw, i * vw + vw), slot * vw)
      if (this.times) this.times[slot] = old.times![i]!
      this.state[slot] = LIVE
      this.used++
    }
  }
}

/** One span of one tenant: entries whose expiry falls in (end - span, end]. */
export interface Generation {
  end: number
  table: WordTable
  /** Earliest stored time of a live entry when it was inserted (retry-after hints). */
  first: number
}

/** Where a key lives: its table and slot. */
export interface Found {
  table: WordTable
  slot: number
}

/** One tenant's tables, oldest first, and its test-clock shift. */
export class TenantTables {
  readonly generations: Generation[] = []
  /** Added to every stored time: the test clock moves a tenant's entries together. */
  shift = 0

  constructor(
    private readonly keyWords: number,
    private readonly valueWords: number,
    private readonly timed: boolean,
    private readonly spanMs: number,
  ) {}

  find(key: Uint32Array): Found | undefined {
    for (let g = this.generations.length - 1; g >= 0; g--) {
      const table = this.generations[g]!.table
      const slot = table.find(key)
      if (slot >= 0) return { table, slot }
    }
    return undefined
  }

  /** Adds `key` to the span its expiry falls in (times are real ms; stored shifted). */
  add(key: Uint32Array, expiresAt: number): Found {
    const stored = expiresAt + this.shift
    const end = Math.ceil(stored / this.spanMs) * this.spanMs
    // Spans stay in order of their end: usually the newest is the one (one lifetime per kind of entry).
    let g = this.generations.length - 1
    while (g >= 0 && this.generations[g]!.end > end) g--
    let gen = this.generations[g]
    if (!gen || gen.end !== end) {
      gen = { end, table: new WordTable(this.keyWords, this.valueWords, this.timed), first: stored }
      this.generations.splice(g + 1, 0, gen)
    }
    const slot = gen.table.insert(key)
    gen.first = Math.min(gen.first, stored)
    if (gen.table.times) gen.table.times[slot] = stored
    return { table: gen.table, slot }
  }

  /** Real time of an entry's stored time. */
  time(found: Found): number {
    return found.table.times![found.slot]! - this.shift
  }

  get size(): number {
    let n = 0
    for (const g of this.generations) n += g.table.live
    return n
  }

  /** Drops every span whose entries have all expired (`keepMs` after their time); true when nothing is left. */
  prune(now: number, keepMs = 0): boolean {
    const until = now + this.shift - keepMs
    let drop = 0
    while (drop < this.generations.length && this.generations[drop]!.end < until) drop++
    if (drop > 0) this.generations.splice(0, drop)
    return this.generations.length === 0
  }

  /**
   * Removes the entries whose time is at or before `now`, oldest spans first, until `enough` entries are left (making
   * room at a bound: O(slots of the spans it visits), only then). Timed tables only.
   */
  removeExpired(now: number, enough: number): void {
    const until = now + this.shift
    for (let g = 0; g < this.generations.length && this.size > enough; g++) {
      const gen = this.generations[g]!
      if (gen.first > until) break
      const { table } = gen
      let first = Infinity
      for (let i = 0; i < table.state.length; i++) {
        if (table.state[i] !== LIVE) continue
        if (table.times![i]! <= until) table.remove(i)
        else first = Math.min(first, table.times![i]!)
      }
      gen.first = first
    }
    for (let g = this.generations.length - 1; g >= 0; g--)
      if (this.generations[g]!.table.live === 0) this.generations.splice(g, 1)
  }

  /** Real time when the oldest span's first entry expires, and when the whole span leaves. */
  get oldest(): { first: number; end: number } | undefined {
    const g = this.generations[0]
    return g && { first: g.first - this.shift, end: g.end - this.shift }
  }
}

/** Tenants → tables, pruned at most once a second across tenants that stopped calling. */
export class ExpiringTables {
  private readonly tenants = new Map<string, TenantTables>()
  private prunedAt = 0

  constructor(
    private readonly o: {
      keyWords: number
      valueWords: number
      timed: boolean
      spanMs: number
      /** How long after its time an entry is kept (to answer "expired" rather than "unknown"). */
      keepMs?: number
      /** A tenant's last span left (its side tables can go too). */
      onDrop?: (tenant: string) => void
    },
  ) {}

  get keepMs(): number {
    return this.o.keepMs ?? 0
  }

  /** The tenant's tables, pruned as of `now` (created when `create`). */
  tenant(id: string, now: number, create: true): TenantTables
  tenant(id: string, now: number, create?: false): TenantTables | undefined
  tenant(id: string, now: number, create = false): TenantTables | undefined {
    if (now - this.prunedAt >= 1_000) {
      this.prunedAt = now
      for (const [key, t] of this.tenants) if (t.prune(now, this.keepMs)) this.drop(key)
    }
    let t = this.tenants.get(id)
    if (t && t.prune(now, this.keepMs) && !create) {
      this.drop(id)
      return undefined
    }
    if (!t && create) {
      t = new TenantTables(this.o.keyWords, this.o.valueWords, this.o.timed, this.o.spanMs)
      this.tenants.set(id, t)
    }
    return t
  }

  private drop(id: string): void {
    this.tenants.delete(id)
    this.o.onDrop?.(id)
  }

  /** Bytes held by every table (memory probes). */
  get bytes(): number {
    let n = 0
    for (const t of this.tenants.values()) for (const g of t.generations) n += g.table.bytes
    return n
  }

  clear(): void {
    this.tenants.clear()
  }
}
