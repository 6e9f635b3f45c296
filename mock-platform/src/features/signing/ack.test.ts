// ackResult: once per delivered signature of this app (hash or PDF, authenticated or anonymous); otherwise D70006.
import { describe, expect, it } from 'vitest'
import { type Harness, harness } from '../../../test/harness'
import type { SigningTicket } from './signing.state'
import { anonymousFlow, decide, DOC_B64, DOC_HEX, initiate } from './signing.fixtures'

const ack = (h: Harness, businessID: unknown, signingResult: unknown = 'SUCCESS') =>
  h.client.call('/account/signing/ackResult', { businessID, signingResult })

async function signed(
  h: Harness,
  path = '/account/signing/initiateRequest',
  digest: Record<string, string> = { hashCode: DOC_HEX },
) {
  const { env } = await initiate(h, path, digest)
  const { content } = await decide(h, env.content!.ticketID, 'approve')
  return { ticketID: env.content!.ticketID, businessID: content.businessID as string }
}

describe('ackResult', () => {
  it('acknowledges a delivered hash signature once (content null) and records the verdict on the ticket', async () => {
    const h = await harness()
    const { ticketID, businessID } = await signed(h)
    const ok = await ack(h, businessID, 'SUCCESS')
    expect(ok.code).toBe('D00000')
    expect(ok.content).toBeNull()
    const t = h.platform.services.tickets.get(ticketID) as SigningTicket
    expect(t.signing?.ack).toEqual({ signingResult: 'SUCCESS', at: h.clock.now() })
    expect((await ack(h, businessID, 'SUCCESS')).code).toBe('D70006')
  })

  it('acknowledges PDF signatures too, with any verdict the OSP gives (FAIL recorded as given)', async () => {
    const h = await harness()
    const { ticketID, businessID } = await signed(h, '/account/pdfsigning/initiateRequest', {
      docDigest: DOC_B64,
    })
    expect((await ack(h, businessID, 'FAIL')).code).toBe('D00000')
    expect((h.platform.services.tickets.get(ticketID) as SigningTicket).signing?.ack?.signingResult).toBe(
      'FAIL',
    )
  })

  it('an unknown businessID, another app’s businessID or a non-signing request → D70006', async () => {
    const h = await harness()
    expect((await ack(h, 'never-sent')).code).toBe('D70006')
    const { env } = await initiate(h, '/account/stepup/initiateRequest', { businessID: 'step-1' })
    await decide(h, env.content!.ticketID, 'approve')
    expect((await ack(h, 'step-1')).code).toBe('D70006')
    const other = await harness()
    const { businessID } = await signed(other)
    expect((await ack(h, businessID)).code).toBe('D70006')
  })

  it('a pending, rejected or timed-out request has no signature to acknowledge → D70006', async () => {
    const h = await harness()
    const pending = await initiate(h, '/account/signing/initiateRequest', {
      hashCode: DOC_HEX,
      businessID: 'p-1',
    })
    expect(pending.env.code).toBe('D00000')
    expect((await ack(h, 'p-1')).code).toBe('D70006')
    const rejected = await initiate(h, '/account/signing/initiateRequest', {
      hashCode: DOC_HEX,
      businessID: 'r-1',
    })
    await decide(h, rejected.env.content!.ticketID, 'reject')
    expect((await ack(h, 'r-1')).code).toBe('D70006')
  })

  it('malformed requests: missing fields D20002, oversized signingResult D20003', async () => {
    const h = await harness()
    const { businessID } = await signed(h)
    expect((await h.client.call('/account/signing/ackResult', { businessID })).code).toBe('D20002')
    expect((await h.client.call('/account/signing/ackResult', { signingResult: 'SUCCESS' })).code).toBe(
      'D20002',
    )
    expect((await ack(h, businessID, 'x'.repeat(51))).code).toBe('D20003')
    expect((await ack(h, businessID, 7)).code).toBe('D20003')
  })

  it('an anonymous signature can be acknowledged once getResult has handed it out', async () => {
    const h = await harness()
    const { token } = await anonymousFlow(h, '/anonymous/signing/initiateRequest', {
      hashCode: DOC_HEX,
      businessID: 'anon-ack',
    })
    expect((await ack(h, 'anon-ack')).code).toBe('D70006')
    expect((await h.client.call('/anonymous/signing/getResult', token)).code).toBe('D00000')
    expect((await ack(h, 'anon-ack')).code).toBe('D00000')
  })
})
