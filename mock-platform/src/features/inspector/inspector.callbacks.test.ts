// Callbacks in the inspector: every try with the answer received, the diagnosis of a failing endpoint, and replay.
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'
import { callbacks } from './inspector.fixtures'

async function stepUp(h: Awaited<ReturnType<typeof harness>>, businessID: string) {
  const t = await h.token()
  const init = await h.client.call<{ ticketID: string }>('/account/stepup/initiateRequest', {
    businessID,
    ...t,
    source: 'PC_Browser',
    redirectURI: OSP.callbackURI,
    state: 'st',
  })
  await h.admin(`/sandbox/v1/tickets/${init.content!.ticketID}/decision`, 'POST', { decision: 'approve' })
  await h.settle()
  return init.content!.ticketID
}

describe('callbacks in the inspector', () => {
  it('shows every try with the HTTP status the OSP answered, and the decrypted content', async () => {
    const h = await harness()
    h.callbackStatus.push(503, 500)
    const ticketID = await stepUp(h, 'cb-1')
    const [cb] = await callbacks(h)
    expect(cb).toMatchObject({
      kind: 'callback',
      ticketID,
      url: OSP.callbackURI,
      code: 'D00000',
      state: 'delivered',
    })
    // The content as the OSP decrypts it: nested under `content` by default (compatibility profile `evidence`).
    expect(cb!.content).toEqual({ content: { businessID: 'cb-1', state: 'st', isPassed: true } })
    expect(cb!.attempts.map((a) => [a.status, a.error ?? null])).toEqual([
      [503, 'answered HTTP 503'],
      [500, 'answered HTTP 500'],
      [200, null],
    ])
    expect(cb!.diagnosis).toEqual([])
    // One transaction, one txID across its tries, and that txID finds the callback in the inspector.
    const sent = h.callbacks.slice(-3).map((c) => c.body.txID)
    expect(new Set(sent)).toEqual(new Set([cb!.txID]))
    const found = await h.admin(`/sandbox/v1/apps/${h.clientID}/requests/${cb!.txID}`, 'GET')
    expect(found.status).toBe(200)
    expect(((await found.json()) as { kind: string; id: string }).id).toBe(cb!.id)
  })

  it('diagnoses an endpoint that never answers 2xx', async () => {
    const h = await harness()
    h.callbackStatus.push(404, 404, 404, 404, 404)
    await stepUp(h, 'cb-2')
    const [cb] = await callbacks(h)
    expect(cb!.state).toBe('failed')
    expect(cb!.diagnosis[0]!.title).toBe('Your callback endpoint answered HTTP 404 on all 5 tries')
    expect(cb!.diagnosis[0]!.link).toBe('/docs/troubleshooting#callback-http-error')
  })

  it('replays a recorded callback through the outbox (same content, new id), authorised per app', async () => {
    const h = await harness()
    h.callbackStatus.push(500, 500, 500, 500, 500)
    await stepUp(h, 'cb-3')
    const [failed] = await callbacks(h)
    const res = await h.admin(`/sandbox/v1/apps/${h.clientID}/callbacks/${failed!.id}/replay`, 'POST')
    expect(res.status).toBe(202)
    const replay = (await res.json()) as { id: string; replayOf: string }
    expect(replay).toMatchObject({
      replayOf: failed!.id,
      url: OSP.callbackURI,
      code: 'D00000',
      state: 'pending',
    })
    await h.settle()
    const [again] = await callbacks(h)
    expect(again).toMatchObject({ id: replay.id, replayOf: failed!.id, state: 'delivered' })
    expect(h.client.decryptCallback(h.callbacks.at(-1)!.body)).toEqual({
      businessID: 'cb-3',
      state: 'st',
      isPassed: true,
    })
    expect(
      (await h.admin(`/sandbox/v1/apps/${h.clientID}/callbacks/${'0'.repeat(32)}/replay`, 'POST')).status,
    ).toBe(404)
    expect(
      (await h.request(`/sandbox/v1/apps/${h.clientID}/callbacks/${failed!.id}/replay`, { method: 'POST' }))
        .status,
    ).toBe(401)
  })
})
