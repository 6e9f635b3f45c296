/** One try of a callback: the target checked, the content encrypted with the app's CEK, the signed POST. */
import { encryptJson } from '@iamsmart-sandbox/openapi/codec'
import { messageOf } from '../../errors'
import { checkTarget, RefusedTarget } from '../../http/address-guard'
import { pinnedPost } from './pinned-request'
import type { CallbackAttempt, CallbackRecord, OutboxOptions } from './outbox.types'

/** What a try came to: delivered, worth another try, or not. */
export type Tried = 'delivered' | 'retry' | 'stop'

/** One try: delivered, worth another try, or not (the app is gone, the target is not allowed). */
export async function attemptDelivery(o: OutboxOptions, record: CallbackRecord): Promise<Tried> {
  const f = o.fetch
  const app = await o.apps.get(record.clientID)
  if (!app) return 'stop'
  const started = performance.now()
  const entry: CallbackAttempt = { at: o.clock.now(), durationMs: 0 }
  record.attempts.push(entry)
  if (record.forced) {
    forcedAttempt(entry, record.forced.fault, o.timeoutMs())
    return 'retry'
  }
  const mode = o.mode()
  const timeoutMs = o.timeoutMs()
  try {
    const target = await checkTarget(record.url, {
      mode,
      resolve: o.resolve,
      own: o.ownAddresses,
      resolveNames: !f || mode === 'hosted',
    })
    const { cek, secretKey } = await o.keys.forCallback(app)
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
      status = (await (o.transport ?? pinnedPost)(target!, { headers, body, timeoutMs })).status
    }
    entry.status = status
    entry.durationMs = performance.now() - started
    if (status >= 200 && status < 300) {
      record.state = 'delivered'
      o.onRecord?.(record)
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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref?.())
