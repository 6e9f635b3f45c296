/**
 * Append-only records (request log, consent ledger, audit): the interface, its bounded queue and the memory engine.
 * The file engine (segments of JSON lines with group commit) is record-log.file.ts. Design §7.
 */

/** One partition per app (or one for the whole log); names are used as directory names by the file engine. */
export const PARTITION = /^[A-Za-z0-9_-]{1,128}$/

export interface RecordLog<T> {
  /**
   * Queues a record and resolves once it is written (the file engine: written and fdatasync'd with its group).
   * When the queue is full the call waits for room; when the waiting room is full too it rejects with LogFullError.
   */
  append(partition: string, record: T): Promise<void>
  /** Newest first: up to `limit` records that pass `filter`, scanning at most `scan` records (default 100,000). */
  read(partition: string, opts: ReadOptions<T>): Promise<T[]>
  /** Partitions that hold records. */
  partitions(): Promise<string[]>
  /** Incomplete records cut at open (an abrupt stop mid-write); the owner reports them. */
  readonly recovered: readonly Recovery[]
  stats(): LogStats
  /** Waits for every queued record to be written, then refuses new ones. */
  close(): Promise<void>
}

export interface ReadOptions<T> {
  limit: number
  filter?: (record: T) => boolean
  scan?: number
}

export interface Recovery {
  file: string
  /** Bytes of the incomplete last line that were cut. */
  bytes: number
}

export interface LogStats {
  /** Records acknowledged (written) since start. */
  written: number
  /** Records queued, not yet written. */
  pending: number
  /** Appends waiting for room in a full queue. */
  waiting: number
  /** Appends refused because queue and waiting room were full. */
  refused: number
}

/** The log's queue and its waiting room are both full: the caller answers 503 (429 + D20026 on the platform API). */
export class LogFullError extends Error {
  constructor(readonly log: string) {
    super(`the ${log} log is behind: its queue is full; retry shortly`)
    this.name = 'LogFullError'
  }
}

/** Partitions already checked (one per app): a hit skips the regular expression on every append. Bounded. */
const checked = new Set<string>()

export function checkPartition(partition: string): void {
  if (checked.has(partition)) return
  if (!PARTITION.test(partition)) throw new Error(`bad partition name ${JSON.stringify(partition)}`)
  if (checked.size >= 100_000) checked.clear()
  checked.add(partition)
}

interface Queued<T> {
  partition: string
  record: T
  resolve(): void
  reject(e: Error): void
}

/**
 * The bounded queue shared by both engines: at most `max` records queued and `max` callers waiting for room.
 * `write` receives everything queued at that moment (group commit) and runs one batch at a time.
 */
export class GroupQueue<T> {
  private queue: Queued<T>[] = []
  private readonly room: Array<() => void> = []
  private running: Promise<void> | undefined
  private closed = false
  readonly counts = { written: 0, refused: 0 }

  constructor(
    private readonly name: string,
    private readonly max: number,
    private readonly write: (batch: Array<{ partition: string; record: T }>) => Promise<void>,
  ) {}

  async append(partition: string, record: T): Promise<void> {
    if (this.closed) throw new Error(`the ${this.name} log is closed`)
    // Waiters go first: a new caller does not overtake those already waiting for room.
    if (this.queue.length >= this.max || this.room.length > 0) {
      if (this.room.length >= this.max) {
        this.counts.refused++
        throw new LogFullError(this.name)
      }
      await new Promise<void>((resolve) => this.room.push(resolve))
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ partition, record, resolve, reject })
      this.running ??= this.run()
    })
  }

  get pending(): number {
    return this.queue.length
  }

  get waiting(): number {
    return this.room.length
  }

  /** Resolves when nothing is queued or waiting; later appends are refused. */
  async close(): Promise<void> {
    while (this.running || this.room.length > 0) {
      await (this.running ?? new Promise((r) => setImmediate(r)))
    }
    this.closed = true
  }

  private async run(): Promise<void> {
    // Yield once so that appends made in the same tick join the first group.
    await new Promise((r) => setImmediate(r))
    while (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      // Room for as many waiters as records left the queue; they queue for the next group.
      for (let i = 0; i < batch.length && this.room.length > 0; i++) this.room.shift()!()
      try {
        await this.write(batch)
        this.counts.written += batch.length
        for (const q of batch) q.resolve()
      } catch (e) {
        for (const q of batch) q.reject(e as Error)
      }
      if (this.queue.length === 0) await new Promise((r) => setImmediate(r))
    }
    this.running = undefined
  }
}

/** Memory engine (tests, MSW, SANDBOX_STORAGE=memory): the newest `keep` records per partition. */
export function memoryRecordLog<T>(name: string, opts: { keep: number; queueMax?: number }): RecordLog<T> {
  const parts = new Map<string, T[]>()
  const q = new GroupQueue<T>(name, opts.queueMax ?? 10_000, async (batch) => {
    for (const { partition, record } of batch) {
      let list = parts.get(partition)
      if (!list) parts.set(partition, (list = []))
      list.push(record)
      // Amortised trim: drop the oldest quarter past the cap at once instead of shifting per record.
      if (list.length > opts.keep + Math.ceil(opts.keep / 4)) list.splice(0, list.length - opts.keep)
    }
  })
  return {
    append(partition, record) {
      checkPartition(partition)
      return q.append(partition, record)
    },
    async read(partition, { limit, filter, scan = 100_000 }) {
      const list = parts.get(partition) ?? []
      const out: T[] = []
      const stop = Math.max(0, list.length - Math.min(opts.keep, scan))
      for (let i = list.length - 1; i >= stop && out.length < limit; i--) {
        const r = list[i]!
        if (!filter || filter(r)) out.push(r)
      }
      return out
    },
    async partitions() {
      return [...parts.keys()]
    },
    recovered: [],
    stats: () => ({ ...q.counts, pending: q.pending, waiting: q.waiting }),
    close: () => q.close(),
  }
}
