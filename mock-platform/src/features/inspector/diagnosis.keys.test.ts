// Diagnosis of D30002/D30004: CEK expired (when), revoked, never issued, another app's, or unknown.
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { harness, kek } from '../../../test/harness'
import { aesEncrypt, ReferenceClient } from '../../../test/reference-client'
import { call } from './inspector.fixtures'

const iso = (ms: number) => new Date(ms).toISOString()
const TOKEN_REQUEST = { code: 'c'.repeat(32), grantType: 'authorization_code' }

describe('CEK diagnosis', () => {
  it('D30002: the CEK expired, and when', async () => {
    const h = await harness()
    await h.client.getKey()
    const issued = h.clock.now()
    h.clock.advance(86_400_000 + 60_000)
    const r = await h.client.call('/auth/getToken', TOKEN_REQUEST)
    expect(r.code).toBe('D30002')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual(['cek-expired', `The CEK expired at ${iso(issued + 86_400_000)}`])
    expect(d.detail).toBe(`Your newest CEK was issued at ${iso(issued)} and expired 60 s before this call.`)
  })

  it('D30002: a "force CEK expiry" scenario is named as the cause', async () => {
    const h = await harness()
    await h.client.getKey()
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios/expire-cek`, 'POST')).status).toBe(200)
    const r = await h.client.call('/auth/getToken', TOKEN_REQUEST)
    expect(r.code).toBe('D30002')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect(d.title).toBe(`The CEK expired at ${iso(h.clock.now())} (forced by a scenario)`)
  })

  it('D30002: revoked by revokeKey, and never issued', async () => {
    const h = await harness()
    await h.client.getKey()
    h.clock.advance(1_000)
    await h.client.post('/security/revokeKey', '{}')
    const revoked = await h.client.call('/auth/getToken', TOKEN_REQUEST)
    expect((await call(h, revoked.txID)).diagnosis[0]!.title).toBe(
      `The CEKs were revoked at ${iso(h.clock.now())}`,
    )

    const fresh = await harness()
    fresh.client.cek = randomBytes(32)
    const never = await fresh.client.call('/auth/getToken', TOKEN_REQUEST)
    expect(never.code).toBe('D30002')
    const d = (await call(fresh, never.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual([
      'cek-missing',
      'This app has no CEK: getKey was never called (since the sandbox started)',
    ])
  })

  it('D30004: a CEK issued to another app', async () => {
    const h = await harness()
    await h.client.getKey()
    const other = (await (
      await h.admin('/sandbox/v1/apps', 'POST', {
        name: 'Other',
        redirectURIs: ['https://other.example/cb'],
        kekPublicKeys: { A: kek(1).publicPem },
      })
    ).json()) as { clientID: string; clientSecret: string }
    const otherClient = new ReferenceClient({
      ...other,
      baseUrl: '/api/v1',
      privateKey: kek(1).privateKey,
      fetch: (u, i) => h.request(u, i),
      now: () => h.clock.now(),
    })
    await otherClient.getKey()
    const body = JSON.stringify({ content: aesEncrypt(otherClient.cek!, JSON.stringify(TOKEN_REQUEST)) })
    const r = (await (await h.client.post('/auth/getToken', body)).json()) as { code: string; txID: string }
    expect(r.code).toBe('D30004')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual([
      'cek-other-app',
      'The content was encrypted with a CEK issued to another app',
    ])
    expect(d.detail).not.toContain(other.clientID)
  })

  it('D30002: an expired previous CEK (not D30004: it is "not exist or expired")', async () => {
    const h = await harness()
    await h.client.getKey()
    const old = h.client.cek!
    h.clock.advance(86_400_000 - 1_000)
    await h.client.getKey()
    h.clock.advance(2_000)
    const stale = JSON.stringify({ content: aesEncrypt(old, JSON.stringify(TOKEN_REQUEST)) })
    const r1 = (await (await h.client.post('/auth/getToken', stale)).json()) as { code: string; txID: string }
    expect(r1.code).toBe('D30002')
    expect((await call(h, r1.txID)).diagnosis[0]!.title).toBe(
      `The content was encrypted with a CEK that expired at ${iso(h.clock.now() - 1_000)}`,
    )
  })

  it('D30002: a CEK rotated out by two later getKey calls, named with when it was issued', async () => {
    const h = await harness()
    await h.client.getKey()
    const first = h.client.cek!
    const issued = h.clock.now()
    h.clock.advance(1_000)
    await h.client.getKey()
    await h.client.getKey()
    const sealed = JSON.stringify({ content: aesEncrypt(first, JSON.stringify(TOKEN_REQUEST)) })
    const r = (await (await h.client.post('/auth/getToken', sealed)).json()) as { code: string; txID: string }
    expect(r.code).toBe('D30002')
    const d = (await call(h, r.txID)).diagnosis[0]!
    expect([d.id, d.title]).toEqual([
      'cek-rotated-out',
      `The content was encrypted with a CEK issued at ${iso(issued)} that no longer exists`,
    ])
  })

  it('D30004: an unknown key, and a malformed envelope', async () => {
    const h = await harness()
    await h.client.getKey()
    const unknown = JSON.stringify({ content: aesEncrypt(randomBytes(32), '{}') })
    const r2 = (await (await h.client.post('/auth/getToken', unknown)).json()) as { txID: string }
    expect((await call(h, r2.txID)).diagnosis[0]!.title).toBe(
      'The content was encrypted with a CEK this app was never issued (or one older than the previous)',
    )
    const r3 = (await (await h.client.post('/auth/getToken', '{"content":"AAAAEQ=="}')).json()) as {
      txID: string
    }
    expect((await call(h, r3.txID)).diagnosis[0]!.title).toBe(
      'The content is not a valid encrypted envelope: content is too short',
    )
  })
})
