/** The notifications outbox: every mail is stored first, then sent by SMTP when configured, else kept for the viewer. */
import type { Clock } from '../../clock'
import { newId } from '../../ids'
import type { Logger } from '../../logger'
import { type Documents, findAll } from '../../store/documents'
import type { Jobs } from '../../store/jobs'
import { addressOf, buildMessage } from './message'
import type { Envelope } from './smtp'

export type NotificationKind =
  | 'enquiry.created'
  | 'enquiry.reply'
  | 'enquiry.status'
  | 'application.submitted'
  | 'application.decision'
  /** Someone signed up with an address that already has an account (its owner is told; the answer does not say). */
  | 'account.sign-up-attempt'

export interface MailMessage {
  id: string
  kind: NotificationKind
  from: string
  to: string[]
  subject: string
  text: string
  /** The support item it is about. */
  ref?: { type: 'enquiry' | 'application'; id: string; reference: string }
  createdAt: number
  /** queued → sent | failed (SMTP); kept: no SMTP configured, shown by the local mail viewer only. */
  state: 'queued' | 'sent' | 'failed' | 'kept'
  attempts: number
  sentAt?: number
  lastError?: string
  /** Order of queueing within this process (ties of one clock reading); not shown. */
  seq?: number
}

export type NewMail = Pick<MailMessage, 'kind' | 'to' | 'subject' | 'text' | 'ref'>

export interface MailOutboxOptions {
  messages: Documents<MailMessage>
  clock: Clock
  logger: Logger
  from: string
  /** Sends one message (SMTP); none: every message is kept for the viewer. */
  transport?: (envelope: Envelope) => Promise<string>
  maxAttempts?: number
  backoffMs?: (attempt: number) => number
  /** Messages kept; the oldest finished ones go first. */
  keep?: number
  /**
   * Hosted mode: each queued message is a job (kind `mail`) on the shared queue, claimed under a lease by whichever
   * instance polls first and sent once; retries are rescheduled jobs. Absent: sent by this process's timers.
   */
  jobs?: { jobs: Jobs; owner: string; leaseMs?: number; pollMs?: number }
}

const MAIL_JOB = 'mail'
/** Messages one instance sends at once in hosted mode. */
const MAIL_BATCH = 10

export const DEFAULT_FROM = 'iAM Smart Sandbox Support <support@sandbox.invalid>'

export class MailOutbox {
  private work: Promise<void> = Promise.resolve()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private seq = 0
  private poller?: ReturnType<typeof setInterval>
  private polling?: Promise<void>

  constructor(private readonly o: MailOutboxOptions) {
    if (o.jobs && o.transport) {
      this.poller = setInterval(() => void this.poll(), o.jobs.pollMs ?? 1_000)
      this.poller.unref?.()
    }
  }

  /**
   * Messages still queued from before a restart go out again (call once at start). Hosted: each is (idempotently) a
   * job, so however many instances start, each message is sent once.
   */
  async resume(): Promise<void> {
    if (!this.o.transport) return
    for (const m of await findAll(this.o.messages, { state: 'queued' })) await this.send(m.id)
  }

  get sending(): boolean {
    return this.o.transport !== undefined
  }

  /** Stores the message (durably) before anything is sent; answers at once. */
  async enqueue(mail: NewMail): Promise<MailMessage> {
    const to = [...new Set(mail.to.map((a) => addressOf(a).toLowerCase()).filter(Boolean))]
    const message: MailMessage = {
      id: newId(),
      ...mail,
      to,
      from: this.o.from,
      createdAt: this.o.clock.now(),
      state: this.o.transport ? 'queued' : 'kept',
      attempts: 0,
      seq: ++this.seq,
    }
    await this.o.messages.put(message)
    await this.trim()
    if (this.o.transport) await this.send(message.id)
    return message
  }

  private async send(id: string): Promise<void> {
    const j = this.o.jobs
    if (!j) return this.schedule(id, 0)
    await j.jobs.enqueue(MAIL_JOB, id, null, this.o.clock.now())
    void this.poll()
  }

  /** Hosted mode: claims due messages and sends each once; a failed try is rescheduled with the back-off. */
  private poll(): Promise<void> {
    const j = this.o.jobs
    if (!j || !this.poller) return Promise.resolve()
    this.polling ??= (async () => {
      try {
        const now = this.o.clock.now()
        for (const job of await j.jobs.claim(MAIL_JOB, j.owner, now, j.leaseMs ?? 60_000, MAIL_BATCH)) {
          const retryIn = await this.attempt(job.id)
          if (retryIn === undefined) await j.jobs.complete(MAIL_JOB, job.id, j.owner)
          else await j.jobs.reschedule(MAIL_JOB, job.id, j.owner, this.o.clock.now() + retryIn, null)
        }
      } catch (e) {
        this.o.logger.warn('mail not claimed', { error: String(e) })
      } finally {
        this.polling = undefined
      }
    })()
    return this.polling
  }

  /**
   * Newest first. The kind is asked of the store; the recipient is filtered here (`to` is a list, and the store
   * answers equality on top-level fields only). At most `keep` (1000) messages are kept, so this stays small.
   */
  async list(filter: { to?: string; kind?: string } = {}): Promise<MailMessage[]> {
    const to = filter.to?.toLowerCase()
    const found = await findAll(
      this.o.messages,
      filter.kind ? { kind: filter.kind as NotificationKind } : undefined,
    )
    return found
      .filter((m) => !to || m.to.includes(to))
      .sort((a, b) => b.createdAt - a.createdAt || (b.seq ?? 0) - (a.seq ?? 0))
  }

  get(id: string): Promise<MailMessage | undefined> {
    return this.o.messages.get(id)
  }

  /** Waits for every send in progress (tests, shutdown); pending retries are cancelled (hosted: left to the queue). */
  async drain(): Promise<void> {
    if (this.poller) clearInterval(this.poller)
    this.poller = undefined
    await this.polling
    await this.work
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private schedule(id: string, delay: number): void {
    const run = () => {
      this.work = this.work.then(async () => {
        const retryIn = await this.attempt(id)
        if (retryIn !== undefined) this.schedule(id, retryIn)
      })
    }
    if (delay === 0) return run()
    const t = setTimeout(() => {
      this.timers.delete(t)
      run()
    }, delay)
    ;(t as { unref?: () => void }).unref?.()
    this.timers.add(t)
  }

  /** One try; the delay before the next one when it failed and tries are left, else undefined (sent, failed, gone). */
  private async attempt(id: string): Promise<number | undefined> {
    const m = await this.o.messages.get(id)
    if (!m || m.state !== 'queued' || !this.o.transport) return undefined
    m.attempts++
    try {
      const domain = addressOf(m.from).split('@')[1] ?? 'sandbox.invalid'
      const data = buildMessage(
        {
          id: m.id,
          from: m.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          date: m.createdAt,
          headers: { 'Sandbox-Notification': m.kind },
        },
        domain,
      )
      const answer = await this.o.transport({ from: addressOf(m.from), to: m.to, data })
      Object.assign(m, { state: 'sent', sentAt: this.o.clock.now(), lastError: undefined })
      this.o.logger.info('mail sent', { id: m.id, kind: m.kind, answer })
    } catch (e) {
      m.lastError = (e as Error).message
      const max = this.o.maxAttempts ?? 5
      if (m.attempts >= max) m.state = 'failed'
      this.o.logger.warn('mail not sent', { id: m.id, attempt: m.attempts, error: m.lastError })
    }
    await this.o.messages.put(m)
    return m.state === 'queued' ? (this.o.backoffMs ?? ((n) => 1000 * 2 ** (n - 1)))(m.attempts) : undefined
  }

  private async trim(): Promise<void> {
    const keep = this.o.keep ?? 1000
    const total = await this.o.messages.count()
    if (total <= keep) return
    const finished = (
      await Promise.all(
        (['sent', 'failed', 'kept'] as const).map((state) => findAll(this.o.messages, { state })),
      )
    )
      .flat()
      .sort((a, b) => a.createdAt - b.createdAt || (a.seq ?? 0) - (b.seq ?? 0))
    for (const m of finished.slice(0, total - keep)) await this.o.messages.delete(m.id)
  }
}
