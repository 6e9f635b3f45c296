// Lesson 09 against the sandbox: CEK expiry and the client's single retry, D40004, timeouts, failed callbacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeOf } from '../01-first-login/login'
import { type Call, nextStep, observedClient } from './errors'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { requestEme } from '../03-profile-and-eme/form-filling'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'

let sandbox: Sandbox
let osp: Awaited<ReturnType<typeof serveDeferred>>
let client: ReturnType<typeof observedClient>
let callbackURI: string
const calls: Call[] = []
const requests = new PendingRequests()
/** The receiver answers these statuses first (then 2xx), like an e-Service that is briefly down. */
const failures: number[] = []

beforeAll(async () => {
  osp = await serveDeferred()
  callbackURI = `${osp.url}/iamsmart/callback`
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI, callbackURI] })
  client = observedClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app }, calls)
  const receiver = callbackReceiver(client, requests)
  osp.attach((req) => {
    const status = failures.shift()
    return status ? new Response(null, { status }) : receiver.fetch(req)
  })
})
afterAll(async () => {
  await sandbox.close()
  await osp.close()
})

const app = () => `/sandbox/v1/apps/${sandbox.app.clientID}`
async function codeFor(resident = 'magic-approve') {
  const url = client.buildGetQrUrl({ redirectURI: RETURN_URI, scope: 'eidapi_auth', state: 's' })
  const res = await fetch(url, { redirect: 'manual', headers: { 'X-Sandbox-Resident': resident } })
  return new URL(res.headers.get('location')!).searchParams
}

describe('lesson 09: errors and retries', () => {
  it('an expired CEK: the client gets a new one and retries once, transparently', async () => {
    expect((await client.getKey()).ok).toBe(true)
    // #region expire-cek
    // The platform forgets the CEK the client has cached (on the real platform: after 24 h, or revokeKey).
    await sandbox.admin(`${app()}/scenarios/expire-cek`, 'POST')
    // #endregion expire-cek
    calls.length = 0
    const token = await client.getToken({
      code: (await codeFor()).get('code')!,
      grantType: 'authorization_code',
    })
    expect(token.ok).toBe(true)
    expect(calls).toEqual([
      { path: '/auth/getToken', code: 'D30002' },
      { path: '/security/getKey', code: 'D00000' },
      { path: '/auth/getToken', code: 'D00000' },
    ])
  })

  it('only once: a second key error comes back to you (D30002 → retry later)', async () => {
    await sandbox.admin(`${app()}/scenarios`, 'POST', { operationId: 'getToken', dcode: 'D30002', times: 2 })
    calls.length = 0
    const token = await client.getToken({
      code: (await codeFor()).get('code')!,
      grantType: 'authorization_code',
    })
    expect(token.ok || token.error).toMatchObject({ kind: 'platform', code: 'D30002' })
    expect(calls.map((c) => c.path)).toEqual(['/auth/getToken', '/security/getKey', '/auth/getToken'])
    expect(!token.ok && nextStep(token.error)).toBe('retry-later')
  })

  it('a code is single use: the second getToken is D40004 → restart the login', async () => {
    const code = (await codeFor()).get('code')!
    expect((await client.getToken({ code, grantType: 'authorization_code' })).ok).toBe(true)
    const again = await client.getToken({ code, grantType: 'authorization_code' })
    if (again.ok) throw new Error('reused code accepted')
    expect(codeOf(again.error)).toBe('D40004')
    expect(nextStep(again.error)).toBe('restart-journey')
  })

  it('timeouts: D40003 at login, D60003 by callback when the test clock passes 240 s', async () => {
    expect((await codeFor('magic-timeout')).get('error_code')).toBe('D40003')
    const login = await loginHeadless(client)
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    // #region clock
    // Nobody answers in the app; move this app's clock past the 240 s a request lives.
    await sandbox.admin(`${app()}/clock/advance`, 'POST', { ms: 240_001 })
    // #endregion clock
    try {
      expect(await requests.wait(started.businessID)).toEqual({ ok: false, code: 'D60003' })
    } finally {
      await sandbox.admin(`${app()}/clock`, 'DELETE')
    }
  })

  it('a receiver down for two tries: the callback arrives at the third, all tries in the inspector', async () => {
    failures.push(503, 503)
    const login = await loginHeadless(client)
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    await sandbox.admin(`/sandbox/v1/tickets/${started.ticketID}/decision`, 'POST', { decision: 'approve' })
    expect((await requests.wait(started.businessID)).ok).toBe(true)
    await sandbox.platform.services.outbox.drain()
    // #region inspector
    const res = await sandbox.admin(`${app()}/requests?operation=callback`)
    const { items } = (await res.json()) as {
      items: Array<{ ticketID: string; state: string; attempts: { status?: number }[] }>
    }
    const delivery = items.find((i) => i.ticketID === started.ticketID)!
    // #endregion inspector
    expect(delivery.state).toBe('delivered')
    expect(delivery.attempts.map((a) => a.status)).toEqual([503, 503, 204])
  })

  it('a receiver that never answers 2xx: five tries, then failed; a replay delivers it', async () => {
    await sandbox.admin(`${app()}/scenarios`, 'POST', {
      operationId: 'initiateEmeRequest',
      callback: 'error',
    })
    const login = await loginHeadless(client)
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    await sandbox.admin(`/sandbox/v1/tickets/${started.ticketID}/decision`, 'POST', { decision: 'approve' })
    await sandbox.platform.services.outbox.drain()
    const failed = sandbox.platform.services.outbox.list().find((r) => r.ticketID === started.ticketID)!
    expect(failed.state).toBe('failed')
    expect(failed.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500, 500])

    const replay = await sandbox.admin(`${app()}/callbacks/${failed.id}/replay`, 'POST')
    expect(replay.status).toBe(202)
    expect((await requests.wait(started.businessID)).ok).toBe(true)
  })

  it('the network itself failing is a transport error: retry later', async () => {
    const { clientID, clientSecret, kekPrivateKeyPem } = sandbox.app
    const offline = observedClient(
      { baseUrl: 'http://127.0.0.1:9/api/v1', clientID, clientSecret, kekPrivateKeyPem },
      [],
    )
    const key = await offline.getKey()
    expect(key.ok || key.error.kind).toBe('transport')
    expect(!key.ok && nextStep(key.error)).toBe('retry-later')
  })
})
