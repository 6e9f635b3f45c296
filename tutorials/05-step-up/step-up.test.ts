// Lesson 05 against the sandbox: step-up passed, refused (D80001), timed out (D80003), and an expired login (D20009).
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'
import { startStepUp, stepUpPassed } from './step-up'

let sandbox: Sandbox
let osp: Awaited<ReturnType<typeof serveDeferred>>
let client: ReturnType<typeof createClient>
let callbackURI: string
const requests = new PendingRequests()

beforeAll(async () => {
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

async function stepUp(decision: string, source: 'PC_Browser' | 'Android_Chrome' = 'Android_Chrome') {
  const login = await loginHeadless(client)
  const started = await startStepUp(client, requests, { ...login, callbackURI, source })
  if (!started.ok) throw new Error(started.code)
  await sandbox.admin(`/sandbox/v1/tickets/${started.ticketID}/decision`, 'POST', { decision })
  return { started, outcome: await requests.wait(started.businessID) }
}

describe('lesson 05: step-up', () => {
  it('approved in the app: D00000 with isPassed true', async () => {
    const { started, outcome } = await stepUp('approve')
    expect(started.authByQR).toBe(false)
    expect(outcome).toEqual({
      ok: true,
      data: { businessID: started.businessID, state: expect.any(String), isPassed: true },
    })
    expect(stepUpPassed(outcome)).toBe(true)
  })

  it('from a desktop the resident scans a QR code again: authByQR true', async () => {
    const { started, outcome } = await stepUp('approve', 'PC_Browser')
    expect(started.authByQR).toBe(true)
    expect(stepUpPassed(outcome)).toBe(true)
  })

  it.each([
    ['reject', 'D80001'],
    ['cancel', 'D80001'],
    ['timeout', 'D80003'],
  ])('%s → %s, and the action stays blocked', async (decision, code) => {
    const { outcome } = await stepUp(decision)
    expect(outcome).toEqual({ ok: false, code })
    expect(stepUpPassed(outcome)).toBe(false)
  })

  it('a login older than the access token (600 s) cannot step up: D20009', async () => {
    // A client on the sandbox's clock, so its request timestamps move with it (±300 s are accepted).
    const { clientID, clientSecret, kekPrivateKeyPem } = sandbox.app
    const onClock = createIamSmartClient({
      baseUrl: sandbox.apiBaseUrl,
      clientID,
      clientSecret,
      kekPrivateKeys: [kekPrivateKeyPem],
      now: sandbox.now,
    })
    const login = await loginHeadless(onClock)
    sandbox.advanceClock(600_001)
    try {
      const started = await startStepUp(onClock, requests, {
        ...login,
        callbackURI,
        source: 'Android_Chrome',
      })
      expect(started).toEqual({ ok: false, code: 'D20009' })
    } finally {
      sandbox.advanceClock(-600_001)
    }
  })
})
