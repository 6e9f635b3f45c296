/**
 * Short-lived state partitioned by tenant (an app, an account), each tenant bounded on its own (design §7).
 *
 * Every key belongs to one tenant. A tenant's entries form a list in insertion order, which is expiry order because
 * each map uses one TTL per kind of entry: expired entries leave from the oldest end in O(1) each, and a full tenant
 * never touches another tenant's entries. At the bound a tenant's new entry is refused (`whenFull: 'refuse'`, the
 * default: nonces, codes, tickets) or its own oldest entry is dropped (`'evict'`: sessions, QR tokens).
 */
import type { Clock } from '../clock'

interface Entry<V> {
  key: string
  slot: Slot<V>
  value: V
  expiresAt: number
  prev: Entry<V> | undefined
  next: Entry<V> | undefined
}

interface Slot<V> {
  tenant: string
  head: Entry<V> | undefined
  tail: Entry<V> | undefined
  size: number
}

/** Whether a tenant may add an entry now; when not, how long until its oldest entry makes room. */
export type Admission = { ok: true } | { ok: false; limit: number; retryAfterMs: number }

export interface TenantTtlOptions<V> {
  /** Entries one tenant may hold. */
  perTenant: () => number
  /** At the bound: refuse the tenant's new entry (default) or drop the tenant's own oldest entry. */
  whenFull?: 'refuse' | 'evict'
  /**
   * When an entry stops being live although it is kept longer (an expired code kept to answer "expired" rather than
   * "unknown"). At the bound, the tenant's oldest entries past this moment make room; live ones never do.
   */
  liveUntil?: (value: V) => number
  /** A bound across all tenants: beyond it the oldest entry of all is dropped (use with `evict` maps only). */
  maxTotal?: number
}

export class TenantTtlMap<V> {
  private readonly entries = new Map<string, Entry<V>>()
  private readonly slots = new Map<string, Slot<V>>()

  constructor(
    private readonly clock: Clock,
    private readonly options: TenantTtlOptions<V>,
  ) {}

  get(key: string): V | undefined {
    const e = this.entries.get(key)
    if (!e) return undefined
    if (e.expiresAt <= this.clock.now()) {
      this.unlink(e)
      return undefined
    }
    return e.value
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  /** The tenant a live key belongs to. */
  tenantOf(key: string): string | undefined {
    return this.get(key) === undefined ? undefined : this.entries.get(key)!.slot.tenant
  }

  /** Whether `tenant` may add a new entry now (makes room from its own expired or no longer live entries). */
  admits(tenant: string): Admission {
    const now = this.clock.now()
    const slot = this.slots.get(tenant)
    if (!slot) return { ok: true }
    this.pruneSlot(slot, now)
    const limit = this.options.perTenant()
    const liveUntil = this.options.liveUntil
    while (slot.size >= limit && liveUntil && slot.head && liveUntil(slot.head.value) <= now)
      this.unlink(slot.head)
    if (slot.size < limit || this.options.whenFull === 'evict') return { ok: true }
    const head = slot.head!
    const frees = Math.min(head.expiresAt, liveUntil ? liveUntil(head.value) : Number.POSITIVE_INFINITY)
    return { ok: false, limit, retryAfterMs: Math.max(0, frees - now) }
  }

  /**
   * Stores `value` under `key` for `tenant`. Replacing a key of the same tenant is always admitted (it moves to the
   * newest end); a new key is admitted as `admits` says, and nothing is stored when it is refused.
   */
  set(tenant: string, key: string, value: V, ttlMs: number): Admission {
    const now = this.clock.now()
    this.pruneOldest(now)
    const existing = this.entries.get(key)
    if (existing && existing.slot.tenant === tenant && existing.expiresAt > now) this.unlink(existing)
    else {
      if (existing) this.unlink(existing)
      const admission = this.admits(tenant)
      if (!admission.ok) return admission
      const slot = this.slots.get(tenant)
      if (slot) while (slot.size >= this.options.perTenant() && slot.head) this.unlink(slot.head)
      const max = this.options.maxTotal
      if (max !== undefined)
        while (this.entries.size >= max) this.unlink(this.entries.values().next().value as Entry<V>)
    }
    this.link(tenant, key, value, now + ttlMs)
    return { ok: true }
  }

  /** Atomically reads and removes (single use). */
  take(key: string): V | undefined {
    const v = this.get(key)
    if (v !== undefined) this.unlink(this.entries.get(key)!)
    return v
  }

  delete(key: string): boolean {
    const e = this.entries.get(key)
    if (!e) return false
    this.unlink(e)
    return true
  }

  /** Live values of every tenant, oldest first. */
  values(): V[] {
    const now = this.clock.now()
    const out: V[] = []
    for (const e of this.entries.values()) if (e.expiresAt > now) out.push(e.value)
    return out
  }

  /** Live entries of one tenant. */
  count(tenant: string): number {
    const slot = this.slots.get(tenant)
    if (!slot) return 0
    this.pruneSlot(slot, this.clock.now())
    return slot.size
  }

  /** Entries held, expired ones not yet dropped included. */
  get size(): number {
    return this.entries.size
  }

  get tenantCount(): number {
    return this.slots.size
  }

  sweep(): void {
    const now = this.clock.now()
    for (const e of this.entries.values()) if (e.expiresAt <= now) this.unlink(e)
  }

  clear(): void {
    this.entries.clear()
    this.slots.clear()
  }

  /** A few expired entries of any tenant from the oldest end of all (bounded work per write). */
  private pruneOldest(now: number): void {
    let steps = 0
    for (const e of this.entries.values()) {
      if (steps++ >= 4 || e.expiresAt > now) break
      this.unlink(e)
    }
  }

  private pruneSlot(slot: Slot<V>, now: number): void {
    while (slot.head && slot.head.expiresAt <= now) this.unlink(slot.head)
  }

  private link(tenant: string, key: string, value: V, expiresAt: number): void {
    let slot = this.slots.get(tenant)
    if (!slot) {
      slot = { tenant, head: undefined, tail: undefined, size: 0 }
      this.slots.set(tenant, slot)
    }
    const e: Entry<V> = { key, slot, value, expiresAt, prev: slot.tail, next: undefined }
    if (slot.tail) slot.tail.next = e
    else slot.head = e
    slot.tail = e
    slot.size++
    this.entries.set(key, e)
  }

  private unlink(e: Entry<V>): void {
    if (this.entries.get(e.key) !== e) return
    this.entries.delete(e.key)
    const slot = e.slot
    if (e.prev) e.prev.next = e.next
    else slot.head = e.next
    if (e.next) e.next.prev = e.prev
    else slot.tail = e.prev
    e.prev = e.next = undefined
    if (--slot.size === 0) this.slots.delete(slot.tenant)
  }
}
