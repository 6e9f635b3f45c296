/** Every platform call the client makes goes through here: timed, its D-code and txID noted in the session's timeline. */
import { type FetchLike } from '@iamsmart-sandbox/openapi/client'
import { platformOperations } from '@iamsmart-sandbox/openapi/generated/platform-operations'
import { sessionContext } from './session'
import type { OspStore } from './store'

const operationOf = new Map<string, string>(
  Object.entries(platformOperations).map(([id, op]) => [op.path, id]),
)

/** Wraps a fetch: `getKey D00000 txID …` lands in the timeline of the session that caused the call. */
export function recordingFetch(store: OspStore, inner: FetchLike = (r) => fetch(r)): FetchLike {
  return async (request) => {
    const started = performance.now()
    const path = new URL(request.url).pathname.replace(/^.*\/api\/v1/, '')
    const sessionId = sessionContext.getStore()
    try {
      const response = await inner(request)
      const envelope = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { code?: string; txID?: string }
      if (sessionId)
        store.log(sessionId, {
          kind: 'call',
          title: operationOf.get(path) ?? path,
          code: envelope.code ?? `HTTP ${response.status}`,
          ...(envelope.txID ? { txID: envelope.txID } : {}),
          detail: `POST ${path} · ${Math.round(performance.now() - started)} ms`,
        })
      return response
    } catch (e) {
      if (sessionId)
        store.log(sessionId, { kind: 'call', title: operationOf.get(path) ?? path, detail: String(e) })
      throw e
    }
  }
}
