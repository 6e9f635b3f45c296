/** Progress on stderr (results go to stdout): each platform call with its D-code, txID and time. */
import type { FetchLike } from '@iamsmart-sandbox/openapi/client'

export const step = (text: string): void => void process.stderr.write(`• ${text}\n`)

/** A fetch that reports every back-channel call as it completes. */
export function progressFetch(): FetchLike {
  return async (request) => {
    const started = performance.now()
    const path = new URL(request.url).pathname.replace(/^.*\/api\/v1/, '')
    const response = await fetch(request)
    const envelope = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { code?: string; message?: string; txID?: string }
    const ms = Math.round(performance.now() - started)
    step(
      `POST ${path} → ${envelope.code ?? `HTTP ${response.status}`} ${envelope.message ?? ''} txID=${envelope.txID ?? '-'} (${ms} ms)`,
    )
    return response
  }
}
