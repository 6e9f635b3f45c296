/** Lesson 03: the callback receiver: decrypt the platform's POST, match businessID and state, acknowledge with 2xx. */
import type { CallbackBody, IamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { Hono } from 'hono'
import type { PendingRequests } from './requests'

// #region receiver
export function callbackReceiver(client: IamSmartClient, requests: PendingRequests): Hono {
  const app = new Hono()
  app.post('/iamsmart/callback', async (c) => {
    const body = await c.req.json<CallbackBody>().catch(() => undefined)
    if (!body) return c.body(null, 400)
    // Unwraps secretKey with your KEK private key, decrypts content; a failure code still carries businessID/state.
    const result = await client.decryptCallback(body)
    const content = result.ok
      ? result.data
      : result.error.kind === 'platform'
        ? result.error.content
        : undefined
    const { businessID, state } = (content ?? {}) as { businessID?: unknown; state?: unknown }
    if (typeof businessID !== 'string' || typeof state !== 'string') return c.body(null, 400)
    // Anyone holding your public KEK can encrypt a callback: trust it only if it answers a request you made.
    const verdict = requests.settle(
      businessID,
      state,
      result.ok
        ? { ok: true, data: result.data as Record<string, unknown> }
        : { ok: false, code: result.error.kind === 'transport' ? 'TRANSPORT' : result.error.code },
    )
    if (verdict === 'unknown') return c.body(null, 404)
    return c.body(null, 204) // any 2xx acknowledges; anything else and the platform tries again
  })
  return app
}
// #endregion receiver
