/** A small bounded LRU map for imported CryptoKeys and parsed RSA keys, so hot paths skip re-imports. */

/**
 * Least-recently-used cache with a fixed capacity. Values are usually promises, so concurrent
 * callers share one import; a rejected value should be removed by the caller with `delete`.
 *
 * @example
 * const keys = new BoundedCache<string, Promise<CryptoKey>>(256)
 * const key = keys.getOrCreate(secret, () => importHmacKey(secret))
 */
export class BoundedCache<K, V> {
  readonly #map = new Map<K, V>()

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer')
  }

  get size(): number {
    return this.#map.size
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key)
    if (value !== undefined) {
      this.#map.delete(key)
      this.#map.set(key, value)
    }
    return value
  }

  set(key: K, value: V): void {
    this.#map.delete(key)
    this.#map.set(key, value)
    while (this.#map.size > this.capacity) {
      const oldest = this.#map.keys().next()
      if (oldest.done) break
      this.#map.delete(oldest.value)
    }
  }

  getOrCreate(key: K, create: () => V): V {
    const hit = this.get(key)
    if (hit !== undefined) return hit
    const value = create()
    this.set(key, value)
    return value
  }

  delete(key: K): boolean {
    return this.#map.delete(key)
  }

  clear(): void {
    this.#map.clear()
  }
}
