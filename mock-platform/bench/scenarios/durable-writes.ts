/**
 * Scenario i (issue 19): how long a durable document write blocks the event loop when its collection holds 10,000
 * and 50,000 records. One write at a time is awaited while `monitorEventLoopDelay` watches the loop; the records are
 * the size of a registered app. Measured twice in the same run: as the store writes now (each record's bytes kept
 * since its put, the file written one record per line; decision 0018), and the baseline — lowdb pretty-printing the
 * whole collection on the main thread, as every write did before (the same adapter with the line layout turned off).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { lowdbStorage } from '../../src/store/lowdb'
import { progress } from '../lib/load'

export interface DurableWrites extends DurableWrite {
  records: number
  /** The same figures for the baseline: lowdb's pretty-printed whole-file write, measured in the same run. */
  baseline: DurableWrite
}

export interface DurableWrite {
  /** File size with that many records (MB). */
  fileMb: number
  /** Median and worst time of one awaited write (ms). */
  writeP50Ms: number
  writeMaxMs: number
  /** The longest the event loop was blocked during the writes (ms). */
  loopMaxMs: number
}

const WRITES = 15

/** A record the size and shape of a registered app (about 1 KB of JSON). */
function record(i: number): { id: string } & Record<string, unknown> {
  const hex = i.toString(16).padStart(32, '0')
  return {
    id: hex,
    name: `Bench app ${i}`,
    clientSecret: hex + hex.slice(0, 16),
    orgId: `org-${i % 500}`,
    redirectURIs: ['https://osp.example.hk/callback', 'http://127.0.0.1:3000/callback'],
    scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign'],
    kekPublicKeys: { A: `-----BEGIN PUBLIC KEY-----\n${'M'.repeat(392)}\n-----END PUBLIC KEY-----\n` },
    createdAt: 1_765_000_000_000 + i,
    strict: false,
  }
}

async function measure(records: number, baseline: boolean): Promise<DurableWrite> {
  const dir = mkdtempSync(join(tmpdir(), 'iams-bench-writes-'))
  try {
    const storage = lowdbStorage(dir, baseline ? { lineFileFrom: Infinity } : {})
    const items = await storage.collection<{ id: string }>('bench-apps')
    // Seeded in one coalesced write.
    await Promise.all(Array.from({ length: records }, (_, i) => items.put(record(i))))
    const loop = monitorEventLoopDelay({ resolution: 1 })
    const times: number[] = []
    loop.enable()
    for (let i = 0; i < WRITES; i++) {
      const t0 = performance.now()
      await items.put(record(records + i))
      times.push(performance.now() - t0)
    }
    loop.disable()
    times.sort((a, b) => a - b)
    return {
      fileMb: statSync(join(dir, 'bench-apps.json')).size / 1048576,
      writeP50Ms: times[Math.floor(times.length / 2)]!,
      writeMaxMs: times.at(-1)!,
      loopMaxMs: loop.max / 1e6,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchDurableWrites(): Promise<DurableWrites[]> {
  const out: DurableWrites[] = []
  const line = (label: string, r: DurableWrite) =>
    progress(
      `  [writes]   ${label}: file ${r.fileMb.toFixed(1)} MB; write p50 ${r.writeP50Ms.toFixed(1)} ms, max ${r.writeMaxMs.toFixed(1)} ms; event loop blocked up to ${r.loopMaxMs.toFixed(1)} ms`,
    )
  for (const n of [10_000, 50_000]) {
    progress(`  [writes] ${n.toLocaleString('en-US')} records: ${WRITES} awaited writes, each way …`)
    // The store first: the baseline leaves ~2× the file in garbage strings, which would be collected during the
    // store's writes and counted against them.
    const r = await measure(n, false)
    line('store (kept bytes, a line a record)', r)
    const baseline = await measure(n, true)
    line('baseline (lowdb, pretty-printed)', baseline)
    out.push({ records: n, ...r, baseline })
  }
  return out
}
