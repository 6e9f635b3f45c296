/** The callback outbox: signed, encrypted POSTs to the registered redirectURI, bounded retries with back-off. */
import { encryptJson } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import { messageOf } from '../../errors'
import { newId } from '../../ids'
import type { Logger } from '../../logger'
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
}

export class Outbox {
  private readonly records: CallbackRecord[] = []
  private readonly inFlight = new Set<Promise<void>>()
  constructor(private readonly o: OutboxOptions) {}

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
    const p = this.deliver(record).finally(() => this.inFlight.delete(p))
    this.inFlight.add(p)
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
    const f = this.o.fetch
    const backoff = this.o.backoffMs ?? ((n: number) => 1000 * 2 ** (n - 2))
    for (let attempt = 1; attempt <= this.o.maxAttempts(); attempt++) {
      if (attempt > 1) await sleep(backoff(attempt))
      const app = await this.o.apps.get(record.clientID)
      if (!app) break
      const started = performance.now()
      const entry: CallbackAttempt = { at: this.o.clock.now(), durationMs: 0 }
      record.attempts.push(entry)
      if (record.forced) {
        forcedAttempt(entry, record.forced.fault, this.o.timeoutMs())
        continue
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
          return
        }
        entry.error = `answered HTTP ${status}`
      } catch (e) {
        if (e instanceof RefusedTarget) {
          // "Not allowed": decided before any connection, never retried.
          entry.durationMs = performance.now() - started
          entry.error = e.message
          break
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
    }
    record.state = 'failed'
    this.o.logger.warn('callback not delivered', {
      ticketID: record.ticketID,
      url: record.url,
      attempts: record.attempts.length,
    })
    this.o.onRecord?.(record)
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
