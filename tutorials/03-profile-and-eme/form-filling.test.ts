// Lesson 03 against the sandbox: profile and e-ME by callback to a real receiver; forged and failed callbacks.
import { encryptJson, wrapCek } from '@iamsmart-sandbox/openapi/codec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'
import { type EmeData, requestEme, requestProfile, toFormValues } from './form-filling'
import { callbackReceiver } from './receiver'
import { PendingRequests } from './requests'

let sandbox: Sandbox
let osp: Awaited<ReturnType<typeof serveDeferred>>
let client: ReturnType<typeof createClient>
let callbackURI: string
const requests = new PendingRequests()

beforeAll(async () => {
  // The e-Service's receiver needs the client, the client needs the sandbox's URL: wire them in this order.
  osp = await serveDeferred()
  callbackURI = `${osp.url}/iamsmart/callback`
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI, callbackURI] })
  client = createClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app })
  osp.attach(callbackReceiver(client, requests).fetch)
})
afterAll(async () => {
  await sandbox.close()
  await osp.close()
})

const decide = (ticketID: string, decision: string) =>
  sandbox.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', { decision })

describe('lesson 03: profile and e-ME form filling', () => {
  it('profile from a desktop (authByQR true): the callback brings the five fields', async () => {
    const login = await loginHeadless(client)
    const started = await requestProfile(client, requests, { ...login, callbackURI, source: 'PC_Browser' })
    expect(started.authByQR).toBe(true)
    expect((await decide(started.ticketID, 'approve')).status).toBe(200)
    expect(await requests.wait(started.businessID)).toEqual({
      ok: true,
      data: {
        businessID: started.businessID,
        state: expect.stringMatching(/^[0-9a-f]{32}$/),
        type: 'profile',
        idNo: { Identification: 'QZ000001', CheckDigit: '1' },
        enName: { UnstructuredName: 'CHAN, Tai Man' },
        chName: { ChineseName: '陳大文' },
        birthDate: '19850315',
        gender: 'M',
      },
    })
  })

  it('e-ME from a phone (authByQR false): pushed to the app, the callback fills the form', async () => {
    const login = await loginHeadless(client)
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    expect(started.authByQR).toBe(false)
    await decide(started.ticketID, 'approve')
    const outcome = await requests.wait<EmeData>(started.businessID)
    if (!outcome.ok) throw new Error(outcome.code)
    expect(toFormValues(outcome.data)).toEqual({
      title: 'Mr',
      email: 'taiman.chan@example.com',
      mobile: '+852 91234567',
      address:
        'Flat 05, 12/F, Block E, Amoy Gardens Phase 2, 77 Ngau Tau Kok Road, Ngau Tau Kok, Kwun Tong, KLN',
    })
    // One delivery, acknowledged by the receiver's 204 at the first try.
    await sandbox.platform.services.outbox.drain()
    const record = sandbox.platform.services.outbox.list().find((r) => r.ticketID === started.ticketID)!
    expect(record.state).toBe('delivered')
    expect(record.attempts.map((a) => a.status)).toEqual([204])
  })

  it('a resident who filled in nothing: the fields are absent, not an error', async () => {
    const login = await loginHeadless(client, { resident: 'magic-empty-eme' })
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    await decide(started.ticketID, 'approve')
    const outcome = await requests.wait<EmeData>(started.businessID)
    expect(outcome.ok && toFormValues(outcome.data)).toEqual({})
  })

  it('rejected in the app: the callback carries D60001 with businessID and state', async () => {
    const login = await loginHeadless(client)
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    await decide(started.ticketID, 'reject')
    expect(await requests.wait(started.businessID)).toEqual({ ok: false, code: 'D60001' })
  })

  it('a forged callback (right encryption, wrong state) is refused with 404 and settles nothing', async () => {
    const login = await loginHeadless(client)
    const started = await requestEme(client, requests, { ...login, callbackURI, source: 'iOS_Safari' })
    // Anyone can wrap a CEK for your public KEK: here the test plays the attacker.
    const kekPublic = (await sandbox.platform.services.apps.get(sandbox.app.clientID))!.kekPublicKeys.A!
    const cek = crypto.getRandomValues(new Uint8Array(32))
    const body = {
      txID: 'forged',
      code: 'D00000',
      message: 'SUCCESS',
      secretKey: wrapCek(cek, kekPublic),
      content: await encryptJson(cek, {
        businessID: started.businessID,
        state: 'guessed',
        emailAddress: 'x@evil.test',
      }),
    }
    const res = await fetch(callbackURI, { method: 'POST', body: JSON.stringify(body) })
    expect(res.status).toBe(404)
    const garbage = await fetch(callbackURI, {
      method: 'POST',
      body: JSON.stringify({ ...body, content: 'AAAA' }),
    })
    expect(garbage.status).toBe(400)
    await decide(started.ticketID, 'approve')
    const outcome = await requests.wait<EmeData>(started.businessID)
    expect(outcome.ok && outcome.data.emailAddress).toBe('taiman.chan@example.com')
  })
})
