/**
 * Short-lived protocol state that every instance must see the same way: nonces (unique per client while they can
 * pass the window), single-use values taken atomically (authorisation codes), short-lived values (tokens, tickets,
 * CEKs, sessions) and fixed-window counters (rate and push limits). The hosted engine is PostgreSQL
 * (postgres/shared-state.pg.ts); this file holds the interface and the one-process engine that defines its meaning.
 * Times are the sandbox clock's epoch ms, passed in: the test clock moves an app's time and expiry follows it.
 */

export interface SharedState {
  /** Stores the nonce until `expiresMs`; false when this client already holds it unexpired (a replay). */
  claimNonce(clientId: string, nonce: string, expiresMs: number, nowMs: number): Promise<boolean>
  /** Stores (or replaces) a value of `kind` under `key`, counted against `tenant`, until `expiresMs`. */
  put<V>(kind: string, key: string, tenant: string, value: V, expiresMs: number): Promise<void>
  /** The value, unless absent or expired. */
  get<V>(kind: string, key: string, nowMs: number): Promise<V | undefined>
  /** The value, removing it in the same step: of any number of concurrent takers, exactly one receives it. */
  take<V>(kind: string, key: string, nowMs: number): Promise<V | undefined>
  /**
   * Compare-and-set: stores `value` (as `put`) only when the entry is still `expected` (equal as JSON; undefined: absent
   * or expired). False when another writer changed it first: read again and retry (read-modify-write across instances).
   */
  swap<V>(
    kind: string,
    key: string,
    tenant: string,
    expected: V | undefined,
    value: V,
    expiresMs: number,
    nowMs: number,
  ): Promise<boolean>
  delete(kind: string, key: string): Promise<boolean>
  /** Unexpired values of `kind` with their keys, ordered by key, at most `limit` (a bounded scan, e.g. a diagnosis). */
  list<V>(kind: string, nowMs: number, limit: number): Promise<Array<[string, V]>>
  /**
   * Unexpired values of `kind` whose expiry is at or before `byMs`, soonest first, at most `limit` (what falls due: an
   * index range, not a scan of the kind).
   */
  due<V>(kind: string, nowMs: number, byMs: number, limit: number): Promise<Array<[string, V]>>
  /** Unexpired values of `kind` held for `tenant` (the per-app bound of live state). */
  held(kind: string, tenant: string, nowMs: number): Promise<number>
  /** Counts one event for `key` in the fixed window of `windowMs` containing `nowMs`; the window's count after it. */
  hit(key: string, windowMs: number, nowMs: number): Promise<number>
  /** The count of `key` in the fixed window of `windowMs` containing `nowMs`, counting nothing (check before `hit`). */
  count(key: string, windowMs: number, nowMs: number): Promise<number>
  /** Removes what has expired; returns how many entries went. Safe to run on every instance at once. */
  sweep(nowMs: number): Promise<number>
  /**
   * Several counters and a nonce in one step (the hosted engine: one statement), for the admission of a signed call:
   * each `hits` entry is counted as `hit` only while every one before it is within its `limit` (0 when not counted);
   * then, when all are within their limits, the nonce is claimed as `claimNonce` (`claim: false`: only looked up).
   * `nonce` is 'new' (claimed now, or not held), 'used' (held unexpired: a replay), or absent (not reached).
   */
  admit(a: Admit): Promise<Admitted>
  /** Unexpired nonces held for `clientId` (the per-app bound of nonces). */
  nonces(clientId: string, nowMs: number): Promise<number>
}

export interface Admit {
  hits: ReadonlyArray<{ key: string; windowMs: number; limit: number }>
  nonce?: { clientId: string; nonce: string; expiresMs: number; claim: boolean }
  nowMs: number
}

export interface Admitted {
  counts: number[]
  nonce?: 'new' | 'used'
}

interface Held {
  tenant: string
  value: unknown
  expiresMs: number
}

/** One process's engine (embedded mode and the reference for the hosted one). Bounded by the sweeps' expiry. */
export function memorySharedState(): SharedState {
  const nonces = new Map<string, number>()
  const values = new Map<string, Held>()
  const counters = new Map<string, { n: number; expiresMs: number }>()
  const live = (kind: string, key: string, nowMs: number) => {
    const h = values.get(`${kind}\u0000${key}`)
    return h && h.expiresMs > nowMs ? h : undefined
  }
  const state: SharedState = {
    async claimNonce(clientId, nonce, expiresMs, nowMs) {
      const k = `${clientId}\u0000${nonce}`
      const until = nonces.get(k)
      if (until !== undefined && until > nowMs) return false
      nonces.set(k, expiresMs)
      return true
    },
    async put(kind, key, tenant, value, expiresMs) {
      values.set(`${kind}\u0000${key}`, { tenant, value, expiresMs })
    },
    async get<V>(kind: string, key: string, nowMs: number) {
      return live(kind, key, nowMs)?.value as V | undefined
    },
    async take<V>(kind: string, key: string, nowMs: number) {
      const h = live(kind, key, nowMs)
      values.delete(`${kind}\u0000${key}`)
      return h?.value as V | undefined
    },
    async swap(kind, key, tenant, expected, value, expiresMs, nowMs) {
      const h = live(kind, key, nowMs)
      if (h === undefined ? expected !== undefined : expected === undefined || !sameJson(h.value, expected))
        return false
      values.set(`${kind}\u0000${key}`, { tenant, value, expiresMs })
      return true
    },
    async delete(kind, key) {
      return values.delete(`${kind}\u0000${key}`)
    },
    async list<V>(kind: string, nowMs: number, limit: number) {
      const out: Array<[string, V]> = []
      for (const [k, h] of values)
        if (k.startsWith(`${kind}\u0000`) && h.expiresMs > nowMs)
          out.push([k.slice(kind.length + 1), h.value as V])
      return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit)
    },
    async due<V>(kind: string, nowMs: number, byMs: number, limit: number) {
      const out: Array<[string, V, number]> = []
      for (const [k, h] of values)
        if (k.startsWith(`${kind}\u0000`) && h.expiresMs > nowMs && h.expiresMs <= byMs)
          out.push([k.slice(kind.length + 1), h.value as V, h.expiresMs])
      return out
        .sort((a, b) => a[2] - b[2])
        .slice(0, limit)
        .map(([k, v]): [string, V] => [k, v])
    },
    async held(kind, tenant, nowMs) {
      let n = 0
      for (const [k, h] of values)
        if (k.startsWith(`${kind}\u0000`) && h.tenant === tenant && h.expiresMs > nowMs) n++
      return n
    },
    async hit(key, windowMs, nowMs) {
      const start = Math.floor(nowMs / windowMs) * windowMs
      const k = `${key}\u0000${start}`
      const c = counters.get(k)
      const n = c && c.expiresMs > nowMs ? c.n + 1 : 1
      counters.set(k, { n, expiresMs: start + windowMs })
      return n
    },
    async count(key, windowMs, nowMs) {
      const start = Math.floor(nowMs / windowMs) * windowMs
      const c = counters.get(`${key}\u0000${start}`)
      return c && c.expiresMs > nowMs ? c.n : 0
    },
    async admit({ hits, nonce, nowMs }) {
      const counts: number[] = []
      let within = true
      for (const h of hits) {
        const n: number = within ? await state.hit(h.key, h.windowMs, nowMs) : 0
        within &&= n <= h.limit
        counts.push(n)
      }
      if (!nonce || !within) return { counts }
      const { clientId, expiresMs } = nonce
      const used = nonce.claim
        ? !(await state.claimNonce(clientId, nonce.nonce, expiresMs, nowMs))
        : (nonces.get(`${clientId}\u0000${nonce.nonce}`) ?? 0) > nowMs
      return { counts, nonce: used ? 'used' : 'new' }
    },
    async nonces(clientId, nowMs) {
      let n = 0
      for (const [k, until] of nonces) if (until > nowMs && k.startsWith(`${clientId}\u0000`)) n++
      return n
    },
    async sweep(nowMs) {
      let gone = 0
      for (const [k, until] of nonces) if (until <= nowMs && nonces.delete(k)) gone++
      for (const [k, h] of values) if (h.expiresMs <= nowMs && values.delete(k)) gone++
      for (const [k, c] of counters) if (c.expiresMs <= nowMs && counters.delete(k)) gone++
      return gone
    },
  }
  return state
}

/** Equal as JSON values (as PostgreSQL's jsonb `=`: object key order does not matter). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  )
}
