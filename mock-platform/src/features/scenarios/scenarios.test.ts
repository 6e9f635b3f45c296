// Scenarios: forced D-codes, delays and failing callbacks for an app's next N calls of an operation.
import { describe, expect, it } from 'vitest'
import { harness, OSP } from '../../../test/harness'
import { callbacks, last } from '../inspector/inspector.fixtures'

async function scenario(h: Awaited<ReturnType<typeof harness>>, body: unknown) {
  return h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios`, 'POST', body)
}

describe('scenarios', () => {
  it('forces D40004 on the next getToken, and only the next', async () => {
    const h = await harness()
    const res = await scenario(h, { operationId: 'getToken', dcode: 'D40004' })
    expect(res.status).toBe(201)
    const s = (await res.json()) as { id: string }
    expect(s).toMatchObject({ operationId: 'getToken', times: 1, remaining: 1, dcode: 'D40004' })

    const first = await h.client.call('/auth/getToken', {
      code: (await h.login()).get('code'),
      grantType: 'authorization_code',
    })
    expect(first).toMatchObject({ code: 'D40004', message: 'AuthCode not existed', content: null })
    const inspected = await last(h, 'getToken')
    expect(inspected.forced).toEqual({ scenarioId: s.id, dcode: 'D40004' })
    expect(inspected.diagnosis[0]!.title).toBe(`Forced by scenario ${s.id}: answered D40004`)

    const second = await h.client.call('/auth/getToken', {
      code: (await h.login()).get('code'),
      grantType: 'authorization_code',
    })
    expect(second.code).toBe('D00000')
    expect(await (await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios`, 'GET')).json()).toEqual({
      items: [],
    })
  })

  it('applies to N calls, only of its operation; the handler does not run (the code stays redeemable)', async () => {
    const h = await harness()
    await scenario(h, { operationId: 'getToken', times: 2, dcode: 'D20026' })
    const code = (await h.login()).get('code')
    await h.client.getKey()
    expect((await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })).code).toBe(
      'D20026',
    )
    const list = (await (await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios`, 'GET')).json()) as {
      items: Array<{ remaining: number }>
    }
    expect(list.items.map((x) => x.remaining)).toEqual([1])
    expect((await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })).code).toBe(
      'D20026',
    )
    expect((await h.client.call('/auth/getToken', { code, grantType: 'authorization_code' })).code).toBe(
      'D00000',
    )
  })

  it('delays a call by delayMs', async () => {
    const h = await harness()
    await scenario(h, { operationId: 'getKey', delayMs: 120 })
    const t0 = performance.now()
    expect((await h.client.getKey()).code).toBe('D00000')
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110)
    expect((await last(h, 'getKey')).diagnosis[0]!.title).toMatch(/: delayed 120 ms$/)
  })

  it('forces an error_code on getQR', async () => {
    const h = await harness()
    await scenario(h, { operationId: 'getQr', dcode: 'D40035' })
    const p = await h.login()
    expect([p.get('error_code'), p.get('state'), p.get('code')]).toEqual(['D40035', 'state-123', null])
    expect((await h.login()).get('code')).toMatch(/^[0-9a-f]{32}$/)
  })

  it('a callback answered with an error, or never answered: every try fails, no request is sent', async () => {
    const h = await harness()
    await scenario(h, { operationId: 'initiateStepUpRequest', callback: 'error' })
    await scenario(h, { operationId: 'initiateStepUpRequest', callback: 'timeout' })
    await h.admin(`/sandbox/v1/apps/${h.clientID}/autopilot`, 'PUT', { decision: 'approve' })
    const t = await h.token()
    for (const businessID of ['b-1', 'b-2', 'b-3']) {
      const r = await h.client.call('/account/stepup/initiateRequest', {
        businessID,
        ...t,
        source: 'PC_Browser',
        redirectURI: OSP.callbackURI,
        state: 's',
      })
      expect(r.code).toBe('D00000')
      await h.settle()
    }
    expect(h.callbacks.length).toBe(1)
    const [third, second, first] = await callbacks(h)
    expect([first!.state, second!.state, third!.state]).toEqual(['failed', 'failed', 'delivered'])
    expect(first!.attempts.map((a) => [a.status, a.error, a.forced])).toEqual(
      Array(5).fill([500, 'answered HTTP 500 (forced by a scenario)', true]),
    )
    expect(second!.attempts.map((a) => a.error)).toEqual(
      Array(5).fill('no answer within 10000 ms (forced by a scenario)'),
    )
    expect(first!.diagnosis[0]!.title).toMatch(/callback answered with HTTP 500$/)
    expect(second!.diagnosis[0]!.title).toMatch(/callback never answered$/)
  })

  it('force CEK expiry: the next encrypted call answers D30002', async () => {
    const h = await harness()
    await h.client.getKey()
    const res = await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios/expire-cek`, 'POST')
    expect(await res.json()).toEqual({ clientID: h.clientID, expired: 1, expiredAt: h.clock.now() })
    expect((await h.client.call('/auth/getToken', { code: 'x', grantType: 'authorization_code' })).code).toBe(
      'D30002',
    )
  })

  it('validates input (422 naming each field), deletes one or all, and is authorised per app', async () => {
    const h = await harness()
    const bad = await scenario(h, { operationId: 'getTokens', times: 0, dcode: 'D99999', delayMs: -1 })
    expect(bad.status).toBe(422)
    expect(Object.keys(((await bad.json()) as { errors: object }).errors).sort()).toEqual([
      'dcode',
      'delayMs',
      'operationId',
      'times',
    ])
    const mixed = await scenario(h, { operationId: 'getToken', callback: 'error' })
    expect(((await mixed.json()) as { errors: Record<string, string> }).errors.callback).toMatch(
      /^only operations with a callback/,
    )
    expect((await scenario(h, { operationId: 'getToken' })).status).toBe(422)
    const a = (await (await scenario(h, { operationId: 'getKey', dcode: 'D20026' })).json()) as { id: string }
    await scenario(h, { operationId: 'getToken', dcode: 'D40004' })
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios/${a.id}`, 'DELETE')).status).toBe(204)
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios/${a.id}`, 'DELETE')).status).toBe(404)
    expect((await h.admin(`/sandbox/v1/apps/${h.clientID}/scenarios`, 'DELETE')).status).toBe(204)
    expect(h.platform.services.scenarios.list(h.clientID)).toEqual([])
    expect((await h.request(`/sandbox/v1/apps/${h.clientID}/scenarios`)).status).toBe(401)
    expect((await h.admin(`/sandbox/v1/apps/${'0'.repeat(32)}/scenarios`, 'GET')).status).toBe(404)
  })
})
