/**
 * Single-writer lock on the data directory (design §7): a second process on the same directory refuses to start.
 *
 * The lock is `<dir>/LOCK`, a JSON record of the holder: pid, hostname, when the process started (and, on Linux, its
 * start time in clock ticks since boot and the boot id), when it locked, and a random nonce. It is created atomically
 * and complete: the record is written to a unique file opened with `wx`, then hard-linked to `LOCK` (link fails with
 * EEXIST like an exclusive create, and nobody ever sees a half-written LOCK).
 *
 * A lock is stale only if it was written on this host and no process with its pid *and* its start time is alive (a
 * reused pid with another start time is stale; so is a lock from before the last reboot). A lock from another host
 * is never taken over: the message says how to remove it if that host is gone. Taking over a stale lock is atomic:
 * the taker first wins an exclusive gate named after that lock's generation (`LOCK.takeover-<id>`, itself a lock
 * with the same rules), re-reads LOCK, renames it aside and only then creates its own; two servers starting at the
 * same instant on a copied directory cannot both win.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import {
  alive,
  bootId,
  ownIdentity,
  type ProcessIdentity,
  procStartOf,
  startedAtOf,
} from './process-identity'

/** What LOCK records about its holder: who it is, and when and which lock it took. */
export interface LockRecord extends ProcessIdentity {
  /** When the lock was taken (ms since the epoch). */
  lockedAt: number
  /** Unique per lock: tells this lock from any later one. */
  nonce: string
}

type Why = 'running' | 'unverified' | 'other-host' | 'this-process' | 'taking-over'

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
    /** running: the holder is alive (pid and start time match); unverified: a process with that pid is alive but its
     * start time cannot be compared; other-host: written on another host; this-process: locked already here;
     * taking-over: `pid` is taking over a stale lock on this directory right now. */
    readonly why: Why = 'running',
    readonly holder: Partial<LockRecord> = {},
  ) {
    super(lockedMessage(dir, pid, why, holder))
    this.name = 'DataDirLockedError'
  }
}

function lockedMessage(dir: string, pid: number, why: Why, h: Partial<LockRecord>): string {
  const lock = join(dir, 'LOCK')
  const since = h.lockedAt ? ` since ${iso(h.lockedAt)}` : ''
  const started = h.startedAt ? `, started ${iso(h.startedAt)}` : ''
  switch (why) {
    case 'other-host':
      return [
        `The data directory ${dir} is in use by process ${pid} on host ${h.hostname}${since}.`,
        `A lock written on another host is never taken over automatically: stop the sandbox on ${h.hostname}, or use`,
        `another directory (SANDBOX_DATA_DIR). If ${h.hostname} is gone (or it was a container that no longer runs),`,
        `delete ${lock} and start again.`,
      ].join('\n')
    case 'unverified':
      return [
        `The data directory ${dir} is in use by process ${pid}${since} (a process with that pid is alive on this host,`,
        `but its start time cannot be checked against the lock). Stop that sandbox first, or use another directory`,
        `(SANDBOX_DATA_DIR). If process ${pid} is not a sandbox, delete ${lock} and start again.`,
      ].join('\n')
    case 'taking-over':
      return [
        `The data directory ${dir} is in use: process ${pid} on this host is taking over its stale lock right now.`,
        `Stop that process first, or use another directory with SANDBOX_DATA_DIR. If process ${pid} is not a sandbox,`,
        `delete ${lock} and every ${lock}.takeover-* file, then start again.`,
      ].join('\n')
    case 'this-process':
      return `The data directory ${dir} is in use by process ${pid} (this process) already.`
    default:
      return [
        `The data directory ${dir} is in use by process ${pid} on this host${started}${since}.`,
        `Stop it first (kill ${pid}), or use another directory with SANDBOX_DATA_DIR.`,
      ].join('\n')
  }
}

const iso = (ms: number) => new Date(ms).toISOString()

// ---------- reading a lock file ----------

interface Found {
  /** Identifies this lock file's content and incarnation: the nonce, or a digest of bytes and inode for others. */
  gen: string
  record?: Partial<LockRecord>
  /** A bare pid, as sandboxes before the JSON record wrote. */
  legacyPid?: number
  mtimeMs: number
}

function readLock(path: string): Found | undefined {
  let raw: Buffer
  let st: ReturnType<typeof statSync>
  try {
    st = statSync(path)
    raw = readFileSync(path)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
  const text = raw.toString('utf8')
  let record: Partial<LockRecord> | undefined
  try {
    const v: unknown = JSON.parse(text)
    if (v && typeof v === 'object' && !Array.isArray(v)) record = v as Partial<LockRecord>
  } catch {}
  const nonce = record && typeof record.nonce === 'string' && /^[0-9a-f]{32}$/.test(record.nonce)
  const digest = createHash('sha256')
    .update(raw)
    // Not ctime: renaming the file changes it, and the taker compares the generation after moving the file aside.
    .update(`\0${st.ino}\0${st.size}\0${st.mtimeMs}`)
    .digest('hex')
    .slice(0, 32)
  const legacy = /^\s*(\d+)\s*$/.exec(text)?.[1]
  return {
    gen: nonce ? record!.nonce! : digest,
    ...(record ? { record } : {}),
    ...(legacy ? { legacyPid: Number(legacy) } : {}),
    mtimeMs: st.mtimeMs,
  }
}

type Verdict = { stale: true } | { stale: false; pid: number; why: Why; holder: Partial<LockRecord> }

const validPid = (pid: unknown): pid is number =>
  typeof pid === 'number' && Number.isInteger(pid) && pid > 0 && pid <= 2 ** 31

/** Held or stale: the rules of the file comment. Garbage (no pid) is stale. */
function judge(found: Found): Verdict {
  const r = found.record ?? {}
  const pid = validPid(r.pid) ? r.pid : found.legacyPid
  if (!validPid(pid)) return { stale: true }
  const held = (why: Why): Verdict => ({ stale: false, pid, why, holder: r })
  if (typeof r.hostname === 'string' && r.hostname !== hostname()) return held('other-host')
  if (!alive(pid)) return { stale: true }
  const self = pid === process.pid
  // Linux: pid + start ticks identify a process within one boot; a lock from an earlier boot is stale.
  if (typeof r.procStart === 'string') {
    const boot = bootId()
    if (typeof r.bootId === 'string' && boot && r.bootId !== boot) return { stale: true }
    const now = procStartOf(pid)
    if (now !== undefined)
      return now === r.procStart ? held(self ? 'this-process' : 'running') : { stale: true }
  }
  const startedAt = startedAtOf(pid)
  if (typeof r.startedAt === 'number' && startedAt !== undefined)
    return Math.abs(startedAt - r.startedAt) <= 2_000
      ? held(self ? 'this-process' : 'running')
      : { stale: true }
  // A bare pid (or a record without a start time): a process that started after the lock was written cannot be
  // the one that wrote it.
  if (startedAt !== undefined && startedAt > found.mtimeMs + 2_000) return { stale: true }
  return held(self ? 'this-process' : 'unverified')
}

// ---------- taking a lock file ----------

/** Creates a new file (EEXIST if there is one) holding `content`, synced to disk. */
function writeNew(path: string, content: string): void {
  const fd = openSync(path, 'wx', 0o644)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Creates `path` holding `content`, complete, or fails with EEXIST. */
function createExclusive(path: string, content: string): void {
  const temp = `${path}.${randomBytes(8).toString('hex')}.tmp`
  writeNew(temp, content)
  try {
    linkSync(temp, path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? ''))
      throw e
    // A file system without hard links: exclusive create, the record in one write.
    writeNew(path, content)
  } finally {
    try {
      unlinkSync(temp)
    } catch {}
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

type Held = Extract<Verdict, { stale: false }>
type Outcome = { ok: true; nonce: string } | { ok: false; verdict: Held }

/** How long a start waits for another process on this host that is taking the same stale lock over. */
const TAKEOVER_WAIT_MS = 3_000

/**
 * Takes the lock file `path` (a stale one is taken over through its gate); at most four gates deep (a gate is
 * left behind only by a process killed in the middle of a takeover, and is then taken over the same way).
 */
function take(path: string, depth: number, deadline: number): Outcome {
  let busy: Held | undefined
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const nonce = randomBytes(16).toString('hex')
    const record: LockRecord = { ...ownIdentity(), lockedAt: Date.now(), nonce }
    try {
      createExclusive(path, `${JSON.stringify(record)}\n`)
      return { ok: true, nonce }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const found = readLock(path)
    if (!found) continue // released meanwhile: try again
    const verdict = judge(found)
    if (!verdict.stale) return { ok: false, verdict }
    if (depth >= 4)
      throw new Error(`could not take over the stale lock ${path}: too many interrupted takeovers`)
    const gate = `${path}.takeover-${found.gen}`
    const gated = take(gate, depth + 1, deadline)
    if (!gated.ok) {
      // Another process on this host is taking this stale lock over right now: wait for it to finish.
      busy = gated.verdict
      if (Date.now() > deadline) return { ok: false, verdict: { ...busy, why: 'taking-over' } }
      sleepSync(10)
      continue
    }
    try {
      // Only a holder of this gate removes this generation of the lock, so it is still there or already gone.
      const again = readLock(path)
      if (!again || again.gen !== found.gen) continue
      const aside = `${path}.stale-${nonce}`
      try {
        renameSync(path, aside)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw e
      }
      const moved = readLock(aside)
      if (moved && moved.gen !== found.gen) {
        // Cannot happen while the gate holds; put back what was moved rather than take someone's live lock.
        try {
          linkSync(aside, path)
        } catch {}
      }
      try {
        unlinkSync(aside)
      } catch {}
      // Loop: the exclusive create decides (a process arriving now may still win it, and then this one refuses).
    } finally {
      release(gate, gated.nonce)
    }
  }
  throw new Error(`could not take the lock ${path}: it keeps changing`)
}

function release(path: string, nonce: string): void {
  try {
    const found = readLock(path)
    if (found?.record?.nonce === nonce) unlinkSync(path)
  } catch {}
}

/**
 * Takes the data directory's lock (taking over a stale one, see the file comment); returns the release function.
 * Throws DataDirLockedError, with a message that says who holds it and how to fix it, when it is held.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'LOCK')
  const outcome = take(path, 0, Date.now() + TAKEOVER_WAIT_MS)
  if (!outcome.ok)
    throw new DataDirLockedError(dir, outcome.verdict.pid, outcome.verdict.why, outcome.verdict.holder)
  return () => release(path, outcome.nonce)
}

/** The record of the lock on `dir`, if any (tests, diagnostics). */
export function lockHolder(dir: string): Partial<LockRecord> | undefined {
  return readLock(join(resolve(dir), 'LOCK'))?.record
}
