// Lesson 10: an e-Service's own CI suite: the sandbox through MSW (no server, no port), decided headlessly.
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createClient, finishLogin, startLogin } from '../01-first-login/login'
import { requestEme, toFormValues, type EmeData } from '../03-profile-and-eme/form-filling'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { nextStep } from '../09-errors-and-retries/errors'
import { BASE_URL, CALLBACK_URI, RETURN_URI, sandboxHandlers, TEST_APP } from './ci-sandbox'

// #region setup
const iam = await sandboxHandlers()
const requests = new PendingRequests()
let receiver: ReturnType<typeof callbackReceiver>
const server = setupServer(
  ...iam.handlers,
  // Your callback endpoint, reached through MSW: the sandbox's callbacks arrive at your real receiver code.
  http.post(CALLBACK_URI, ({ request }) => receiver.fetch(request)),
)
let client: ReturnType<typeof createClient>

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
  client = createClient({ baseUrl: BASE_URL, ...TEST_APP }) // after listen(): it uses the intercepted fetch
  receiver = callbackReceiver(client, requests)
})
afterEach(() => iam.sandbox.autopilot(TEST_APP.clientID, null))
afterAll(async () => {
  server.close()
  await iam.platform.close()
})
// #endregion setup

/** The resident's browser, reduced to following the one redirect. */
async function browse(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' })
  expect(res.status).toBe(302)
  return res.headers.get('location')!
}

async function login() {
  iam.sandbox.autopilot(TEST_APP.clientID, { residentId: 'magic-approve', decision: 'approve' })
  const { url, state } = startLogin(client, RETURN_URI)
  const outcome = await finishLogin(client, await browse(url), state)
  if (!outcome.ok) throw new Error(outcome.code)
  return outcome
}

describe('lesson 10: testing your integration in CI', () => {
  // #region autopilot
  it('login approved by the autopilot', async () => {
    iam.sandbox.autopilot(TEST_APP.clientID, { residentId: 'magic-approve', decision: 'approve' })
    const { url, state } = startLogin(client, RETURN_URI)
    expect(await finishLogin(client, await browse(url), state)).toMatchObject({
      ok: true,
      userType: 'IAM_SMART_PLUS',
    })
  })

  it('login rejected by the autopilot: D40001', async () => {
    iam.sandbox.autopilot(TEST_APP.clientID, { residentId: 'magic-approve', decision: 'reject' })
    const { url, state } = startLogin(client, RETURN_URI)
    expect(await finishLogin(client, await browse(url), state)).toEqual({ ok: false, code: 'D40001' })
  })
  // #endregion autopilot

  // #region decide
  it('e-ME: the test finds the pending ticket, decides it, and the callback reaches the receiver', async () => {
    const session = await login()
    iam.sandbox.autopilot(TEST_APP.clientID, null)
    const started = await requestEme(client, requests, {
      ...session,
      callbackURI: CALLBACK_URI,
      source: 'iOS_Safari',
    })
    expect(iam.sandbox.pending(TEST_APP.clientID).map((t) => t.ticketID)).toContain(started.ticketID)
    await iam.sandbox.decide(started.ticketID, 'approve')
    await iam.sandbox.settle() // every queued callback delivered
    const outcome = await requests.wait<EmeData>(started.businessID, 100)
    expect(outcome.ok && toFormValues(outcome.data).email).toBe('taiman.chan@example.com')
  })
  // #endregion decide

  // #region scenario
  it('a forced platform failure (scenario): your code chooses to retry later', async () => {
    iam.sandbox.scenario(TEST_APP.clientID, { operationId: 'getToken', dcode: 'D20000' })
    iam.sandbox.autopilot(TEST_APP.clientID, { residentId: 'magic-approve', decision: 'approve' })
    const code = new URL(await browse(startLogin(client, RETURN_URI).url)).searchParams.get('code')!
    const token = await client.getToken({ code, grantType: 'authorization_code' })
    if (token.ok) throw new Error('the scenario did not apply')
    expect(token.error).toMatchObject({ kind: 'platform', code: 'D20000' })
    expect(nextStep(token.error)).toBe('retry-later')
  })
  // #endregion scenario

  // #region clock
  it('nobody answers: the test clock passes 240 s and the callback says D60003', async () => {
    const session = await login()
    iam.sandbox.autopilot(TEST_APP.clientID, null)
    const started = await requestEme(client, requests, {
      ...session,
      callbackURI: CALLBACK_URI,
      source: 'iOS_Safari',
    })
    iam.sandbox.advanceClock(TEST_APP.clientID, 240_001)
    iam.sandbox.pending(TEST_APP.clientID) // reading the tickets times out the expired ones
    await iam.sandbox.settle()
    expect(await requests.wait(started.businessID, 100)).toEqual({ ok: false, code: 'D60003' })
  })
  // #endregion clock

  it('the request inspector shows each call with its D-code, as the portal does', async () => {
    await iam.sandbox.settle()
    const tokens = await iam.sandbox.requests(TEST_APP.clientID, { operation: 'getToken' })
    expect(tokens.map((i) => i.code)).toContain('D20000')
    expect(tokens.filter((i) => i.code === 'D00000').length).toBeGreaterThanOrEqual(3)
  })
})
