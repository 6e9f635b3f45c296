// Lesson 08 (preview) against the sandbox: a data-exchange consent, retrieval under it, partial approval, revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'
import { askForDataExchange, consentStatus, type DataExchangeConsent, retrieve } from './data-exchange'

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

/** The resident's answer in the virtual app (resident cookie, same-origin form post). */
const inApp = (path: string, form: string[][]) =>
  fetch(`${sandbox.url}/app${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: sandbox.url,
      Cookie: 'vapp_resident=magic-approve',
    },
    body: new URLSearchParams(form),
  })

async function consent(ticked: string[]) {
  const login = await loginHeadless(client)
  const { businessID, ticketID } = await askForDataExchange(client, requests, {
    ...login,
    callbackURI,
    source: 'iOS_Safari',
  })
  const page = await (await fetch(`${sandbox.url}/app/requests/${ticketID}`)).text()
  expect(page).toContain('Check eligibility for a residents’ parking permit')
  await inApp(`/requests/${ticketID}/decision`, [
    ['decision', 'approve'],
    ['fieldsShown', '1'],
    ...ticked.map((f) => ['fields', f]),
  ])
  const outcome = await requests.wait<DataExchangeConsent>(businessID)
  if (!outcome.ok) throw new Error(outcome.code)
  return { login, businessID, consent: outcome.data }
}

describe('lesson 08 (preview): consented data exchange', () => {
  it('consent for 30 days → data retrieved under it → status active', async () => {
    const { login, businessID, consent: c } = await consent(['vehicleLicences', 'taxReturnSummary'])
    expect(c).toMatchObject({
      businessID,
      consentRef: expect.stringMatching(/^[0-9a-f]{32}$/),
      approvedDataSets: ['vehicleLicences', 'taxReturnSummary'],
    })
    expect(Math.abs(c.validUntil! - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000)
    const got = await retrieve(client, { ...login, consentRef: c.consentRef! })
    if (!got.ok) throw new Error(got.code)
    expect(Object.keys(got.data.records).sort()).toEqual(['taxReturnSummary', 'vehicleLicences'])
    expect(got.data).toMatchObject({ consentRef: c.consentRef, validUntil: c.validUntil })
    expect(await consentStatus(client, c.consentRef!)).toBe('active')
  })

  it('one data set unticked: only the other is covered; asking for more is D20012', async () => {
    const { login, consent: c } = await consent(['vehicleLicences'])
    expect(c.approvedDataSets).toEqual(['vehicleLicences'])
    expect(
      await retrieve(client, { ...login, consentRef: c.consentRef!, dataSets: ['taxReturnSummary'] }),
    ).toEqual({ ok: false, code: 'D20012' })
    const got = await retrieve(client, { ...login, consentRef: c.consentRef! })
    expect(got.ok && Object.keys(got.data.records)).toEqual(['vehicleLicences'])
  })

  it('revoked by the resident in the app: status revoked, retrieval D20026', async () => {
    const { login, consent: c } = await consent(['vehicleLicences', 'taxReturnSummary'])
    expect((await inApp(`/consents/${c.consentRef}/revoke`, [])).status).toBe(303)
    expect(await consentStatus(client, c.consentRef!)).toBe('revoked')
    expect(await retrieve(client, { ...login, consentRef: c.consentRef! })).toEqual({
      ok: false,
      code: 'D20026',
    })
  })

  it('after validityDays (the test clock moves 30 days): status expired, retrieval D40003', async () => {
    const { consent: c } = await consent(['vehicleLicences'])
    const app = `/sandbox/v1/apps/${sandbox.app.clientID}`
    await sandbox.admin(`${app}/clock/advance`, 'POST', { ms: 30 * 86_400_000 })
    try {
      expect(await consentStatus(client, c.consentRef!)).toBe('expired')
      const login = await loginHeadless(client) // the old access token has expired too
      expect(await retrieve(client, { ...login, consentRef: c.consentRef! })).toEqual({
        ok: false,
        code: 'D40003',
      })
    } finally {
      await sandbox.admin(`${app}/clock`, 'DELETE')
    }
  })
})
