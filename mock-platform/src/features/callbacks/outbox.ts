/** The callback outbox: signed, encrypted POSTs to the registered redirectURI, bounded retries with back-off. */
import { encryptJson } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import { messageOf } from '../../errors'
import { newId } from '../../ids'
import type { Logger } from '../../logger'
import type { Job, Jobs } from '../../store/jobs'
import { type AppsService, callbackPayload, profileOf } from '../apps'
import type { Keys } from '../security'
import type { Ticket } from '../tickets'
import { checkTarget, RefusedTarget, type Resolver } from '../../http/address-guard'
import { pinnedPost, type PinnedTransport } from './pinned-request'

export interface CallbackAttempt {
  at: number
  status?: number
  error?: string
  durationMs: number
  /** Set when a scenario decided this try's outcome (no request was sent). */
  forced?: boolean
}

export interface CallbackRecord {
  /** The callback transaction's id: sent as `txID` on every try, and the inspector's id for it. */
  id: string
  ticketID: string
  clientID: string
  url: string
  code: string
  /**
   * The content as the OSP decrypts it, under the app's compatibility profile when queued: `{content: result}` by
   * default, the result itself under `flat-callbacks`.
   */
  content: Record<string, unknown>
  attempts: CallbackAttempt[]
  state: 'pending' | 'delivered' | 'failed'
  /** A scenario makes every try of this callback fail: answered with HTTP 500, or never answered. */
  forced?: { scenarioId: string; fault: 'error' | 'timeout' }
  /** The callback this one re-sends (request inspector "replay"). */
  replayOf?: string
}

export interface OutboxOptions {
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: Keys
  mode: () => 'local' | 'hosted'
  timeoutMs: () => number
  maxAttempts: () => number
  /** Delay before attempt n (1-based, n ≥ 2). */
  backoffMs?: (attempt: number) => number
  /**
   * Tests and MSW: a fetch that delivers the callback by itself (its own connection; the guard then checks an
   * IP-literal host in every mode and resolves names in hosted mode only). Without it the POST goes over
   * node:http(s) to the address the guard resolved and checked (no second DNS lookup).
   */
  fetch?: typeof fetch
  /** Work that may still queue callbacks (tickets being decided); drain() waits for it first. */
  upstream?: () => Promise<void>
  /** Resolves callback host names (default: the system resolver). */
  resolve?: Resolver
  /** The host's own addresses, refused in hosted mode (default: os.networkInterfaces()). */
  ownAddresses?: () => Set<string>
  /** The pinned POST (default: node:http/node:https with the checked address). */
  transport?: PinnedTransport
  onRecord?: (record: CallbackRecord) => void
  /** Scenarios: a forced fault for the callback of this ticket, decided once when it is queued. */
  force?: (ticket: Ticket) => CallbackRecord['forced']
  /**
   * Hosted mode: each callback is a job (kind `callback`) on the shared queue, claimed under a lease by whichever
   * instance polls first, tried once per claim and rescheduled with the back-off. Absent: delivered by this process.
   */
  jobs?: CallbackJobsOptions
}

export interface CallbackJobsOptions {
  jobs: Jobs
  /** This instance's name: the lease owner. */
  owner: string
  /** How long a claim holds a callback (default 30 s; at least the callback timeout and 1 s more). */
  leaseMs?: number
  /** How often this instance looks for due callbacks (default 500 ms). */
  pollMs?: number
  /** Wall-clock epoch ms for due times and leases (default Date.now; the sandbox clock does not move leases). */
  now?: () => number
  /** Callbacks one instance delivers at once (default 8). */
  concurrency?: number
}

/** The job kind of a callback delivery in hosted mode. */
export const CALLBACK_JOB = 'callback'
interface CallbackJob {
  record: CallbackRecord
}
type Tried = 'delivered' | 'retry' | 'stop'

export class Outbox {
  private readonly records: CallbackRecord[] = []
  private readonly inFlight = new Set<Promise<void>>()
  /** Hosted mode: the callbacks this instance holds a lease on, and its poll timer. */
  private readonly held = new Map<string, CallbackRecord>()
  private timer?: ReturnType<typeof setInterval>
  private polling?: Promise<void>
  private stopped = false
  constructor(private readonly o: OutboxOptions) {
    if (o.jobs) {
      this.timer = setInterval(() => void this.poll(), o.jobs.pollMs ?? 500)
      this.timer.unref?.()
    }
  }

  /** Queues the callback of a decided authenticated ticket. */
  enqueue(ticket: Ticket): void {
    const target = ticket.callback
    if (!target || !ticket.result) return
    const result = {
      businessID: target.businessID,
      ...(target.state !== undefined ? { state: target.state } : {}),
      // The contract's ProfileCallbackContent and G2's profile DTO carry the callback's kind.
      ...(ticket.kind === 'profile' ? { type: 'profile' } : {}),
      ...ticket.result.content,
    }
    // Decided once, when queued; the app's compatibility profile is read from the store meanwhile (drain waits).
    const forced = this.o.force?.(ticket)
    const queued = this.o.apps.get(ticket.clientID).then((app) => {
      const record: CallbackRecord = {
        id: newId(),
        ticketID: ticket.ticketID,
        clientID: ticket.clientID,
        url: target.redirectURI,
        code: ticket.result!.code,
        content: callbackPayload(profileOf(app), result),
        attempts: [],
        state: 'pending',
      }
      if (forced) record.forced = forced
      this.start(record)
    })
    const p: Promise<void> = queued
      .catch((e: unknown) =>
        this.o.logger.error('callback not queued', { ticketID: ticket.ticketID, error: String(e) }),
      )
      .finally(() => this.inFlight.delete(p))
    this.inFlight.add(p)
  }

  /** Re-sends a recorded callback as a new transaction (same URL, code and content; a fresh CEK wrap and txID); undefined when unknown. */
  resend(id: string): CallbackRecord | undefined {
    const old = this.records.find((r) => r.id === id)
    if (!old) return undefined
    const record: CallbackRecord = { ...old, id: newId(), attempts: [], state: 'pending', replayOf: old.id }
    delete record.forced
    this.start(record)
    return record
  }

  private start(record: CallbackRecord): void {
    this.records.push(record)
    if (this.records.length > 1000) this.records.shift()
    const j = this.o.jobs
    const p = (
      j
        ? j.jobs
            .enqueue<CallbackJob>(CALLBACK_JOB, record.id, { record }, (j.now ?? Date.now)())
            .then(() => this.poll())
            .catch((e: unknown) =>
              this.o.logger.error('callback not queued', { ticketID: record.ticketID, error: String(e) }),
            )
        : this.deliver(record)
    ).finally(() => this.inFlight.delete(p))
    this.inFlight.add(p)
  }

  /**
   * Hosted mode: claims due callbacks (up to the free slots) and tries each once; runs again at once when a delivery
   * finishes. One poll at a time per instance.
   */
  poll(): Promise<void> {
    const j = this.o.jobs
    if (!j || this.stopped) return Promise.resolve()
    this.polling ??= this.claimDue(j).finally(() => (this.polling = undefined))
    return this.polling
  }

  private async claimDue(j: CallbackJobsOptions): Promise<void> {
    const free = (j.concurrency ?? 8) - this.held.size
    if (free <= 0) return
    const now = (j.now ?? Date.now)()
    const leaseMs = Math.max(j.leaseMs ?? 30_000, this.o.timeoutMs() + 1_000)
    let claimed: Job<CallbackJob>[]
    try {
      claimed = await j.jobs.claim<CallbackJob>(CALLBACK_JOB, j.owner, now, leaseMs, free)
    } catch (e) {
      if (!this.stopped) this.o.logger.warn('callbacks not claimed', { error: String(e) })
      return
    }
    for (const job of claimed) {
      // The record this instance queued, when it did: the inspector's list follows the delivery.
      const record = this.records.find((r) => r.id === job.id) ?? job.payload.record
      if (record !== job.payload.record) Object.assign(record, job.payload.record)
      this.held.set(job.id, record)
      const p = this.runJob(j, job, record).finally(() => {
        this.inFlight.delete(p)
        this.held.delete(job.id)
        void this.poll()
      })
      this.inFlight.add(p)
    }
  }

  /** One try of a claimed callback; then done (delivered, refused, out of tries) or rescheduled with the back-off. */
  private async runJob(j: CallbackJobsOptions, job: Job<CallbackJob>, record: CallbackRecord): Promise<void> {
    const backoff = this.o.backoffMs ?? ((n: number) => 1000 * 2 ** (n - 2))
    // A claim whose holder died counts too: a callback that keeps killing its deliverer is not tried for ever.
    const tried = job.attempts > 2 * this.o.maxAttempts() ? 'stop' : await this.attempt(record)
    if (this.stopped && !this.held.has(job.id)) return
    try {
      if (tried === 'retry' && record.attempts.length < this.o.maxAttempts()) {
        const dueMs = (j.now ?? Date.now)() + backoff(record.attempts.length + 1)
        await j.jobs.reschedule<CallbackJob>(CALLBACK_JOB, job.id, j.owner, dueMs, { record })
        return
      }
      if (tried !== 'delivered') this.failed(record)
      await j.jobs.complete(CALLBACK_JOB, job.id, j.owner)
    } catch (e) {
      // The lease runs out and another instance takes the callback over.
      this.o.logger.warn('callback job not updated', { ticketID: record.ticketID, error: String(e) })
    }
  }

  /**
   * Hosted mode, the end of a graceful stop (halt, drain for the grace period, then release): the callbacks still
   * held are released for another instance at once.
   */
  async release(): Promise<void> {
    const j = this.o.jobs
    this.halt()
    if (!j) return
    await this.polling
    const release = [...this.held].map(([id, record]) =>
      j.jobs
        .reschedule<CallbackJob>(CALLBACK_JOB, id, j.owner, (j.now ?? Date.now)(), { record })
        .catch(() => false),
    )
    this.held.clear()
    await Promise.all(release)
  }

  /** Stops claiming callbacks and forgets those held (an instance that dies: their leases run out). */
  halt(): void {
    this.stopped = true
    clearInterval(this.timer)
  }

  list(clientID?: string): CallbackRecord[] {
    return this.records.filter((r) => !clientID || r.clientID === clientID)
  }

  /** Resolves when every queued callback has finished (tests, shutdown). */
  /** Callbacks still being delivered (or waiting for a retry). */
  pending(): number {
    return this.inFlight.size
  }

  /** Waits for decisions under way (they queue callbacks) and every delivery with its retries. */
  async drain(): Promise<void> {
    do {
      await this.o.upstream?.()
      await Promise.all([...this.inFlight])
    } while (this.inFlight.size > 0)
  }

  private async deliver(record: CallbackRecord): Promise<void> {
    const backoff = this.o.backoffMs ?? ((n: number) => 1000 * 2 ** (n - 2))
    for (let attempt = 1; attempt <= this.o.maxAttempts(); attempt++) {
      if (attempt > 1) await sleep(backoff(attempt))
      const tried = await this.attempt(record)
      if (tried === 'delivered') return
      if (tried === 'stop') break
    }
    this.failed(record)
  }

  private failed(record: CallbackRecord): void {
    record.state = 'failed'
    this.o.logger.warn('callback not delivered', {
      ticketID: record.ticketID,
      url: record.url,
      attempts: record.attempts.length,
    })
    this.o.onRecord?.(record)
  }

  /** One try: delivered, worth another try, or not (the app is gone, the target is not allowed). */
  private async attempt(record: CallbackRecord): Promise<Tried> {
    const f = this.o.fetch
    const app = await this.o.apps.get(record.clientID)
    if (!app) return 'stop'
    const started = performance.now()
    const entry: CallbackAttempt = { at: this.o.clock.now(), durationMs: 0 }
    record.attempts.push(entry)
    if (record.forced) {
      forcedAttempt(entry, record.forced.fault, this.o.timeoutMs())
      return 'retry'
    }
    const mode = this.o.mode()
    const timeoutMs = this.o.timeoutMs()
    try {
      const target = await checkTarget(record.url, {
        mode,
        resolve: this.o.resolve,
        own: this.o.ownAddresses,
        resolveNames: !f || mode === 'hosted',
      })
      const { cek, secretKey } = await this.o.keys.forCallback(app)
      const body = JSON.stringify({
        // One transaction, one txID across its tries: a retry re-delivers the same callback.
        txID: record.id,
        code: record.code,
        message: messageOf(record.code as never),
        content: await encryptJson(cek, record.content),
        secretKey,
      })
      const headers = { 'Content-Type': 'application/json' }
      let status: number
      if (f) {
        const res = await f(record.url, {
          method: 'POST',
          headers,
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
        status = res.status
        await res.body?.cancel().catch(() => {})
      } else {
        status = (await (this.o.transport ?? pinnedPost)(target!, { headers, body, timeoutMs })).status
      }
      entry.status = status
      entry.durationMs = performance.now() - started
      if (status >= 200 && status < 300) {
        record.state = 'delivered'
        this.o.onRecord?.(record)
        return 'delivered'
      }
      entry.error = `answered HTTP ${status}`
    } catch (e) {
      if (e instanceof RefusedTarget) {
        // "Not allowed": decided before any connection, never retried.
        entry.durationMs = performance.now() - started
        entry.error = e.message
        return 'stop'
      }
      if (mode === 'hosted') {
        // Not a port-scan oracle: a closed port, a filtered one, an unknown name and a slow server read the same,
        // and a fast failure waits out the timeout before the next try.
        const left = timeoutMs - (performance.now() - started)
        if (left > 0) await sleep(left)
        entry.durationMs = performance.now() - started
        entry.error = `${UNREACHABLE} (${timeoutMs} ms)`
      } else {
        entry.durationMs = performance.now() - started
        entry.error = describeFailure(e)
      }
    }
    return 'retry'
  }
}

/** A try whose outcome a scenario decided: no request is sent; the record reads as if the OSP failed. */
function forcedAttempt(entry: CallbackAttempt, fault: 'error' | 'timeout', timeoutMs: number): void {
  entry.forced = true
  if (fault === 'error') {
    entry.status = 500
    entry.error = 'answered HTTP 500 (forced by a scenario)'
  } else {
    entry.durationMs = timeoutMs
    entry.error = `no answer within ${timeoutMs} ms (forced by a scenario)`
  }
}

/** What hosted mode says of any failure to connect or to answer (no OS error codes). */
export const UNREACHABLE = 'could not connect, or no answer in time'

/** Local mode: the failure as the OS or fetch told it (the developer's own machine). */
function describeFailure(e: unknown): string {
  const err = e as Error & { code?: string; cause?: { code?: string; message?: string } }
  const code = err.code ?? err.cause?.code
  const message = err.cause?.message && err.message === 'fetch failed' ? err.cause.message : err.message
  return code && !message.includes(code) ? `${message} (${code})` : message
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref?.())
