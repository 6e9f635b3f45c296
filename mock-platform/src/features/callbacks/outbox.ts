/** The callback outbox: signed, encrypted POSTs to the registered redirectURI, bounded retries with back-off. */
import { newId } from '../../ids'
import type { Job } from '../../store/jobs'
import { callbackPayload, profileOf } from '../apps'
import type { Ticket } from '../tickets'
import { attemptDelivery, sleep } from './outbox.attempt'
import type { CallbackJobsOptions, CallbackRecord, OutboxOptions } from './outbox.types'

export type { CallbackAttempt, CallbackJobsOptions, CallbackRecord, OutboxOptions } from './outbox.types'
export { UNREACHABLE } from './outbox.attempt'

/** The job kind of a callback delivery in hosted mode. */
export const CALLBACK_JOB = 'callback'
interface CallbackJob {
  record: CallbackRecord
}

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
    const tried = job.attempts > 2 * this.o.maxAttempts() ? 'stop' : await attemptDelivery(this.o, record)
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

  /**
   * The callback of this ticket was sent: its first try started (at once as the ticket is decided) or, hosted, it is on
   * the shared queue (any instance may hold it; the first try follows within a poll). Unknown (queued by another
   * instance, or older than the last 1000 records): sent long ago.
   */
  sent(ticketID: string): boolean {
    const record = this.records.find((r) => r.ticketID === ticketID)
    return !record || record.attempts.length > 0 || this.o.jobs !== undefined
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
      const tried = await attemptDelivery(this.o, record)
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
}
