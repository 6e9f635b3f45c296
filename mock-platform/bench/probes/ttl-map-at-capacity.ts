/** Probe: the cost of TtlMap.set() once a map is full of unexpired entries (`tsx bench/probes/ttl-map-at-capacity.ts`). */
import { systemClock } from '../../src/clock'
import { TtlMap } from '../../src/store/ttl-map'

// The caps the platform uses: tokens/codes/redeemed 100 000 (default), tickets 200 000, nonces and businessIDs 500 000.
for (const cap of [100_000, 200_000, 500_000]) {
  const m = new TtlMap<{ i: number }>(systemClock, cap)
  const t0 = performance.now()
  for (let i = 0; i < cap - 1; i++) m.set(`k${i}`, { i }, 600_000)
  const fillUs = ((performance.now() - t0) * 1000) / cap
  const n = 200
  const t1 = performance.now()
  for (let i = 0; i < n; i++) m.set(`x${i}`, { i }, 600_000)
  const fullMs = (performance.now() - t1) / n
  console.log(
    `cap ${cap.toLocaleString('en-US').padStart(7)}: ${fillUs.toFixed(2)} µs per set() while filling; ` +
      `${fullMs.toFixed(2)} ms per set() at capacity (a full sweep of every entry, then evict the oldest)`,
  )
}
