/** The notifications outbox: every mail is stored first, then sent by SMTP when configured, else kept for the viewer. */
import type { Clock } from '../../clock'
import { newId } from '../../ids'
import type { Logger } from '../../logger'
import { type Documents, findAll } from '../../store/documents'
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
}

export const DEFAULT_FROM = 'iAM Smart Sandbox Support <support@sandbox.invalid>'

export class MailOutbox {
  private work: Promise<void> = Promise.resolve()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private seq = 0

  constructor(private readonly o: MailOutboxOptions) {}

  /** Messages still queued from before a restart go out again (call once at start). */
  async resume(): Promise<void> {
    if (!this.o.transport) return
    for (const m of await findAll(this.o.messages, { state: 'queued' })) this.schedule(m.id, 0)
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
    if (this.o.transport) this.schedule(message.id, 0)
    return message
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

  /** Waits for every send in progress (tests, shutdown); pending retries are cancelled. */
  async drain(): Promise<void> {
    await this.work
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }

  private schedule(id: string, delay: number): void {
    const run = () => {
      this.work = this.work.then(() => this.deliver(id))
    }
    if (delay === 0) return run()
    const t = setTimeout(() => {
      this.timers.delete(t)
      run()
    }, delay)
    ;(t as { unref?: () => void }).unref?.()
    this.timers.add(t)
  }

  private async deliver(id: string): Promise<void> {
    const m = await this.o.messages.get(id)
    if (!m || m.state !== 'queued' || !this.o.transport) return
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
      if (m.state === 'queued')
        this.schedule(m.id, (this.o.backoffMs ?? ((n) => 1000 * 2 ** (n - 1)))(m.attempts))
    }
    await this.o.messages.put(m)
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
