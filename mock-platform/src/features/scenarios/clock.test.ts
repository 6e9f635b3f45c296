// The per-app test clock: moves that app's tokens, CEKs, codes and tasks to expiry without waiting; others keep time.
import { describe, expect, it } from 'vitest'
import { harness, kek, OSP } from '../../../test/harness'
import { ReferenceClient } from '../../../test/reference-client'
import { call, last } from '../inspector/inspector.fixtures'

const advance = (h: Awaited<ReturnType<typeof harness>>, ms: number, clientID = h.clientID) =>
  h.admin(`/sandbox/v1/apps/${clientID}/clock/advance`, 'POST', { ms })

describe('test clock', () => {
  it('expires an access token (D20009) and then a CEK (D30002) without waiting', async () => {
    const h = await harness()
    const t = await h.token()
    const profile = () =>
      h.client.call('/profiles', { accessToken: t.accessToken, openID: t.openID, profileFields: ['enName'] })
    expect((await profile()).code).toBe('D00000')

    const moved = await advance(h, 600_000)
    expect(await moved.json()).toEqual({
      clientID: h.clientID,
      now: h.clock.now() + 600_000,
      realNow: h.clock.now(),
      offsetMs: 600_000,
    })
    const expired = await profile()
    expect(expired.code).toBe('D20009')
    const d = (await call(h, expired.txID)).diagnosis[0]!
    expect(d.title).toBe(`The access token expired at ${new Date(h.clock.now()).toISOString()}`)
    expect(d.detail).toContain("The app's test clock is 10 minutes ahead.")

    await advance(h, 86_400_000 - 600_000)
    const noKey = await profile()
    expect(noKey.code).toBe('D30002')
    expect((await call(h, noKey.txID)).clockOffsetMs).toBe(86_400_000)
    expect((await last(h, 'getProfiles')).diagnosis[0]!.id).toBe('cek-expired')
  })

  it('expires an authorisation code (D40004) and times out a pending task, with its callback', async () => {
    const h = await harness()
    const t = await h.token()
    const code = (await h.login()).get('code')
    const init = await h.client.call<{ ticketID: string }>('/account/stepup/initiateRequest', {
      businessID: 'clock-1',
      ...t,
      source: 'PC_Browser',
      redirectURI: OSP.callbackURI,
      state: 's',
    })
    await advance(h, 240_000)
    await h.settle()
    expect(h.platform.services.tickets.get(init.content!.ticketID)!.status).toBe('timeout')
    expect(h.callbacks.map((c) => c.body.code)).toEqual(['D80003'])
    const r = await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })
    expect(r.code).toBe('D40004')
    expect((await call(h, r.txID)).diagnosis[0]!.id).toBe('code-expired')
  })

  it('moves only that app; the timestamp window keeps real time; reset clears the offset, moved things stay moved', async () => {
    const h = await harness()
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
    await h.client.getKey()
    await advance(h, 86_400_000)
    expect((await h.client.call('/auth/getToken', { code: 'x', grantType: 'authorization_code' })).code).toBe(
      'D30002',
    )
    expect(
      (await otherClient.call('/auth/getToken', { code: 'x', grantType: 'authorization_code' })).code,
    ).toBe('D40004')
    expect((await h.client.getKey()).code).toBe('D00000')

    const reset = await h.admin(`/sandbox/v1/apps/${h.clientID}/clock`, 'DELETE')
    expect(await reset.json()).toEqual({
      clientID: h.clientID,
      now: h.clock.now(),
      realNow: h.clock.now(),
      offsetMs: 0,
    })
    expect(await (await h.admin(`/sandbox/v1/apps/${h.clientID}/clock`, 'GET')).json()).toMatchObject({
      offsetMs: 0,
    })
    expect((await h.client.call('/auth/getToken', { code: 'x', grantType: 'authorization_code' })).code).toBe(
      'D40004',
    )
  })

  it('validates ms (422) and is authorised per app (401, 404)', async () => {
    const h = await harness()
    for (const ms of [0, -5, 1.5, 'soon', 31 * 86_400_000])
      expect((await advance(h, ms as number)).status).toBe(422)
    expect((await h.request(`/sandbox/v1/apps/${h.clientID}/clock`)).status).toBe(401)
    expect((await advance(h, 1000, '0'.repeat(32))).status).toBe(404)
  })
})
