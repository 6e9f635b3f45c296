// Live tail: Server-Sent Events of an app's calls as they happen, with heartbeats; the stream ends cleanly on abort.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'

/** Reads SSE text until `until` matches, or fails after `ms`. */
async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: RegExp,
  ms = 3000,
): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  const deadline = Date.now() + ms
  while (!until.test(text)) {
    if (Date.now() > deadline) throw new Error(`no ${until} in ${text}`)
    const { value, done } = await reader.read()
    if (done) break
    text += decoder.decode(value)
  }
  return text
}

describe('live tail (SSE)', () => {
  it('sends ready, then each new call as an event with its txID, and heartbeats', async () => {
    const h = await harness({ deps: { inspector: { heartbeatMs: 50 } } })
    const res = await h.request(`/sandbox/v1/apps/${h.clientID}/requests/stream`, {
      headers: { Authorization: `Bearer ${h.adminToken}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reader = res.body!.getReader()
    expect(await readUntil(reader, /event: ready\n/)).toContain(
      `data: {"clientID":"${h.clientID}","heartbeatMs":50}`,
    )

    const key = await h.client.getKey()
    const text = await readUntil(reader, new RegExp(`id: ${key.txID}`))
    const event = /event: request\ndata: (.*)\nid: (\w+)/.exec(text)!
    expect(event[2]).toBe(key.txID)
    expect(JSON.parse(event[1]!)).toMatchObject({ txID: key.txID, operationId: 'getKey', code: 'D00000' })
    expect(event[1]).not.toContain(key.content!.secretKey)

    expect(await readUntil(reader, /event: heartbeat\ndata: \d+/)).toBeTruthy()
    await reader.cancel()
    await new Promise((r) => setTimeout(r, 100))
    expect(
      (h.platform.services.inspector as unknown as { subscribers: Map<string, unknown> }).subscribers.size,
    ).toBe(0)
  })

  it('replays what was recorded since ?since= before the live events', async () => {
    const h = await harness({ deps: { inspector: { heartbeatMs: 1000 } } })
    const before = await h.client.getKey()
    const res = await h.request(`/sandbox/v1/apps/${h.clientID}/requests/stream?since=${h.clock.now()}`, {
      headers: { Authorization: `Bearer ${h.adminToken}` },
    })
    const reader = res.body!.getReader()
    expect(await readUntil(reader, new RegExp(`id: ${before.txID}`))).toContain('event: request')
    await reader.cancel()
  })

  it('needs credentials (401) and an app of the caller (404)', async () => {
    const h = await harness()
    expect((await h.request(`/sandbox/v1/apps/${h.clientID}/requests/stream`)).status).toBe(401)
    expect((await h.admin(`/sandbox/v1/apps/${'0'.repeat(32)}/requests/stream`, 'GET')).status).toBe(404)
  })
})
