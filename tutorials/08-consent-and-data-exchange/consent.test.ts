// Lesson 08 against the sandbox: the resident unticks fields in the virtual app; only the agreed ones are released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { callbackReceiver } from '../03-profile-and-eme/receiver'
import { PendingRequests } from '../03-profile-and-eme/requests'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { serveDeferred } from '../support/serve'
import { askForContactDetails, CONTACT_FIELDS, type EmeData, sortOut } from './consent'

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

/** What the resident's "Authorise" button in the virtual app posts: the ticked boxes only. */
async function approveTicking(ticketID: string, ticked: string[]) {
  const form = new URLSearchParams([
    ['decision', 'approve'],
    ['fieldsShown', '1'],
    ...ticked.map((f) => ['fields', f]),
  ])
  const res = await fetch(`${sandbox.url}/app/requests/${ticketID}/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: sandbox.url },
    body: form,
  })
  expect(res.status).toBe(303)
}

async function ask(ticked: string[], resident = 'magic-approve') {
  const login = await loginHeadless(client, { resident })
  const started = await askForContactDetails(client, requests, {
    ...login,
    callbackURI,
    source: 'iOS_Safari',
  })
  const page = await (await fetch(`${sandbox.url}/app/requests/${started.ticketID}`)).text()
  for (const f of CONTACT_FIELDS) expect(page).toContain(`data-testid="field-${f}"`)
  await approveTicking(started.ticketID, ticked)
  const outcome = await requests.wait<EmeData>(started.businessID)
  if (!outcome.ok) throw new Error(outcome.code)
  return { started, data: outcome.data }
}

describe('lesson 08: consent to release e-ME fields', () => {
  it('every box ticked: the four fields are released', async () => {
    const { data } = await ask([...CONTACT_FIELDS])
    expect(sortOut(CONTACT_FIELDS, data)).toEqual({ released: CONTACT_FIELDS, toType: [] })
  })

  it('addresses unticked: only email and mobile are released, the form asks for the addresses', async () => {
    const { started, data } = await ask(['emailAddress', 'mobileNumber'])
    expect(data).toEqual({
      businessID: started.businessID,
      state: expect.any(String),
      emailAddress: 'taiman.chan@example.com',
      mobileNumber: { CountryCode: '852', SubscriberNumber: '91234567' },
    })
    expect(sortOut(CONTACT_FIELDS, data)).toEqual({
      released: ['emailAddress', 'mobileNumber'],
      toType: ['residentialAddress', 'postalAddress'],
    })
  })

  it('ticked but never filled in looks the same as unticked (magic-elderly has no email or mobile)', async () => {
    const { data } = await ask([...CONTACT_FIELDS], 'magic-elderly')
    expect(sortOut(CONTACT_FIELDS, data)).toEqual({
      released: ['residentialAddress'],
      toType: ['emailAddress', 'mobileNumber', 'postalAddress'],
    })
  })

  it('nothing ticked: approved, nothing released', async () => {
    const { data } = await ask([])
    expect(sortOut(CONTACT_FIELDS, data)).toEqual({ released: [], toType: CONTACT_FIELDS })
  })
})
