/**
 * File engine of the append-only records: `<dir>/<partition>/<seq>.jsonl` segments (a closed one is renamed
 * `<seq>-<records>.jsonl`, so retention counts records without reading them), group commit (one write and one
 * fdatasync per partition per group), rotation by records and bytes, retention by records per partition, and
 * recovery of an incomplete last line after an abrupt stop. Never rewrites a record.
 */
import { mkdirSync, openSync, closeSync, fstatSync, readSync, readdirSync, ftruncateSync } from 'node:fs'
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { checkPartition, GroupQueue, PARTITION, type RecordLog, type Recovery } from './record-log'

export interface FileLogOptions {
  /** Records kept per partition (RECORDS_PER_APP); the oldest whole segments are removed beyond. */
  keep: number
  /** Records queued before appends wait (RECORD_QUEUE_MAX). */
  queueMax?: number
  /** A segment is closed at this size (default 32 MiB) or at keep / 8 records, whichever comes first. */
  segmentBytes?: number
}

interface Segment {
  seq: number
  /** Records it holds (the active one: counted at open, then kept up to date). */
  records: number
  file: string
}

interface Partition {
  dir: string
  /** Segments on disk, oldest first; the last is the active one. */
  segments: Segment[]
  /** Records in the closed segments together. */
  closed: number
  records: number
  bytes: number
  handle?: FileHandle
}

const SEGMENT = /^(\d{10})(?:-(\d+))?\.jsonl$/
const CHUNK = 256 * 1024
const name = (seq: number) => `${String(seq).padStart(10, '0')}.jsonl`

export function fileRecordLog<T>(logName: string, dir: string, opts: FileLogOptions): RecordLog<T> {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const segmentRecords = Math.max(50, Math.ceil(opts.keep / 8))
  const segmentBytes = opts.segmentBytes ?? 32 * 1024 * 1024
  const recovered = recoverAll(dir)
  const parts = new Map<string, Partition>()
  const openHandles: Partition[] = []

  async function partition(p: string): Promise<Partition> {
    let part = parts.get(p)
    if (part) return part
    const pdir = join(dir, p)
    await mkdir(pdir, { recursive: true, mode: 0o700 })
    const segments = segmentsIn(await readdir(pdir))
    if (segments.length === 0) segments.push({ seq: 1, records: 0, file: name(1) })
    const active = segments[segments.length - 1]!
    const { records, bytes } = countLines(join(pdir, active.file))
    active.records = records
    const closed = segments.slice(0, -1).reduce((n, s) => n + s.records, 0)
    part = { dir: pdir, segments, closed, records, bytes }
    parts.set(p, part)
    return part
  }

  async function handleOf(part: Partition): Promise<FileHandle> {
    if (part.handle) return part.handle
    // At most 64 segment files open at once; the least recently opened is closed first.
    if (openHandles.length >= 64) {
      const old = openHandles.shift()!
      await old.handle?.close()
      old.handle = undefined
    }
    part.handle = await open(join(part.dir, part.segments.at(-1)!.file), 'a', 0o600)
    openHandles.push(part)
    return part.handle
  }

  async function roll(part: Partition): Promise<void> {
    if (part.handle) {
      await part.handle.close()
      openHandles.splice(openHandles.indexOf(part), 1)
      part.handle = undefined
    }
    const done = part.segments.at(-1)!
    done.records = part.records
    const file = `${String(done.seq).padStart(10, '0')}-${done.records}.jsonl`
    await rename(join(part.dir, done.file), join(part.dir, file))
    done.file = file
    part.closed += done.records
    part.segments.push({ seq: done.seq + 1, records: 0, file: name(done.seq + 1) })
    part.records = 0
    part.bytes = 0
    // Retention by records: the oldest whole segment goes while the rest still hold `keep` records.
    while (part.segments.length > 1 && part.closed - part.segments[0]!.records >= opts.keep) {
      const old = part.segments.shift()!
      part.closed -= old.records
      await rm(join(part.dir, old.file), { force: true })
    }
  }

  const queue = new GroupQueue<T>(logName, opts.queueMax ?? 10_000, async (batch) => {
    const byPartition = new Map<string, string[]>()
    for (const { partition: p, record } of batch) {
      let lines = byPartition.get(p)
      if (!lines) byPartition.set(p, (lines = []))
      lines.push(JSON.stringify(record))
    }
    for (const [p, lines] of byPartition) {
      const part = await partition(p)
      // A group may span segments: each segment holds at most segmentRecords records (retention stays exact).
      for (let i = 0; i < lines.length;) {
        if (part.records >= segmentRecords || part.bytes >= segmentBytes) await roll(part)
        const take = lines.slice(i, i + segmentRecords - part.records)
        const data = Buffer.from(`${take.join('\n')}\n`)
        const h = await handleOf(part)
        await h.write(data)
        await h.datasync()
        part.records += take.length
        part.bytes += data.length
        i += take.length
      }
    }
  })

  return {
    append(p, record) {
      checkPartition(p)
      return queue.append(p, record)
    },
    async read(p, { limit, filter, scan = 100_000 }) {
      checkPartition(p)
      const pdir = join(dir, p)
      const out: T[] = []
      let scanned = 0
      const segments = segmentsIn(await readdir(pdir).catch(() => [])).reverse()
      for (const seg of segments) {
        for await (const line of linesBackward(join(pdir, seg.file))) {
          if (out.length >= limit || scanned >= scan) return out
          scanned++
          let record: T
          try {
            record = JSON.parse(line) as T
          } catch {
            continue
          }
          if (!filter || filter(record)) out.push(record)
        }
      }
      return out
    },
    async partitions() {
      return (await readdir(dir, { withFileTypes: true }))
        .filter((d) => d.isDirectory() && PARTITION.test(d.name))
        .map((d) => d.name)
    },
    recovered,
    stats: () => ({ ...queue.counts, pending: queue.pending, waiting: queue.waiting }),
    async close() {
      await queue.close()
      for (const part of openHandles.splice(0)) {
        await part.handle?.close()
        part.handle = undefined
      }
    },
  }
}

function segmentsIn(files: string[]): Segment[] {
  const out: Segment[] = []
  for (const file of files) {
    const m = SEGMENT.exec(file)
    if (m) out.push({ seq: Number(m[1]), records: Number(m[2] ?? 0), file })
  }
  return out.sort((a, b) => a.seq - b.seq)
}

/** Counts complete lines and bytes of a segment (0 when it does not exist). */
function countLines(file: string): { records: number; bytes: number } {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return { records: 0, bytes: 0 }
  }
  try {
    const buf = Buffer.alloc(CHUNK)
    let records = 0
    let pos = 0
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos)
      if (n === 0) break
      for (let i = buf.indexOf(10, 0); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) records++
      pos += n
    }
    return { records, bytes: pos }
  } finally {
    closeSync(fd)
  }
}

/** Cuts an incomplete last line (a write interrupted by kill -9 or a crash) from each partition's newest segment. */
function recoverAll(dir: string): Recovery[] {
  const out: Recovery[] = []
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory() || !PARTITION.test(d.name)) continue
    const last = segmentsIn(readdirSync(join(dir, d.name))).at(-1)
    if (last === undefined) continue
    const file = join(dir, d.name, last.file)
    const fd = openSync(file, 'r+')
    try {
      const size = fstatSync(fd).size
      let end = size
      const buf = Buffer.alloc(Math.min(CHUNK, size))
      // Find the last newline; everything after it is an incomplete record.
      while (end > 0) {
        const start = Math.max(0, end - buf.length)
        readSync(fd, buf, 0, end - start, start)
        const i = buf.subarray(0, end - start).lastIndexOf(10)
        if (i !== -1) {
          end = start + i + 1
          break
        }
        end = start
      }
      if (end < size) {
        ftruncateSync(fd, end)
        out.push({ file, bytes: size - end })
      }
    } finally {
      closeSync(fd)
    }
  }
  return out
}

/** Complete lines of a file, last first, read in chunks from the end (an unterminated last line is skipped). */
async function* linesBackward(file: string): AsyncGenerator<string> {
  let h: FileHandle
  try {
    h = await open(file, 'r')
  } catch {
    return
  }
  try {
    let pos = (await h.stat()).size
    let carry = Buffer.alloc(0)
    let first = true
    while (pos > 0) {
      const start = Math.max(0, pos - CHUNK)
      const chunk = Buffer.alloc(pos - start)
      await h.read(chunk, 0, chunk.length, start)
      pos = start
      let buf = carry.length ? Buffer.concat([chunk, carry]) : chunk
      if (first) {
        // Whatever follows the last newline is being written right now (or was cut): not a record yet.
        const nl = buf.lastIndexOf(10)
        buf = nl === -1 ? Buffer.alloc(0) : buf.subarray(0, nl)
        if (nl === -1) {
          carry = Buffer.alloc(0)
          continue
        }
        first = false
      }
      let end = buf.length
      for (let i = buf.lastIndexOf(10, end - 1); i !== -1; i = buf.lastIndexOf(10, i - 1)) {
        if (end > i + 1) yield buf.toString('utf8', i + 1, end)
        end = i
        if (i === 0) break
      }
      carry = Buffer.from(buf.subarray(0, end))
    }
    if (carry.length > 0) yield carry.toString('utf8')
  } finally {
    await h.close()
  }
}
