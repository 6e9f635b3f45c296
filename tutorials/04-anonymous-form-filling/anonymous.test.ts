// Lesson 04 against the sandbox: anonymous e-ME from initiate to getResult, refusals, and a ticket used twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../01-first-login/login'
import { loginHeadless, RETURN_URI } from '../support/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { finishAnonymousEme, startAnonymousEme } from './anonymous'

let sandbox: Sandbox
let client: ReturnType<typeof createClient>

beforeAll(async () => {
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI] })
  client = createClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app })
})
afterAll(() => sandbox.close())

/** The resident scans and answers in the app; in CI the X-Sandbox-* headers decide at once. */
async function continueWithIamSmart(url: string, resident: string, decision = 'approve') {
  const res = await fetch(url, {
    redirect: 'manual',
    headers: { 'X-Sandbox-Resident': resident, 'X-Sandbox-Decision': decision },
  })
  expect(res.status).toBe(302)
  return res.headers.get('location')!
}

describe('lesson 04: anonymous form filling', () => {
  it('initiate → getQR with ticketID → approve → getToken → getResult: the three fields asked for', async () => {
    const started = await startAnonymousEme(client, { redirectURI: RETURN_URI, source: 'PC_Browser' })
    expect(new URL(started.url).searchParams.get('ticketID')).toMatch(/^[0-9a-f]{32}$/)
    const back = await continueWithIamSmart(started.url, 'magic-approve')
    expect(back).toMatch(new RegExp(`^${RETURN_URI}\\?code=[0-9a-f]{32}&state=${started.state}$`))

    const outcome = await finishAnonymousEme(client, back, started)
    if (!outcome.ok) throw new Error(outcome.code)
    expect(outcome.data).toEqual({
      businessID: started.businessID,
      prefix: 'Mr',
      emailAddress: 'taiman.chan@example.com',
      mobileNumber: { CountryCode: '852', SubscriberNumber: '91234567' },
    })
    // Anonymous to you until now: the openID is the one a login of this resident gives your app.
    expect(outcome.openID).toBe((await loginHeadless(client)).openID)
  })

  it('a resident with only some fields maintained: the others are absent', async () => {
    const started = await startAnonymousEme(client, { redirectURI: RETURN_URI, source: 'PC_Browser' })
    const outcome = await finishAnonymousEme(
      client,
      await continueWithIamSmart(started.url, 'magic-elderly'),
      started,
    )
    expect(outcome).toMatchObject({ ok: true, data: { prefix: 'Mr' } })
    // The result names the request's businessID (reference §3.4), then only the fields the resident maintains.
    expect(outcome.ok && Object.keys(outcome.data)).toEqual(['businessID', 'prefix'])
  })

  it.each([
    ['reject', 'D40001'],
    ['cancel', 'D40000'],
    ['timeout', 'D40003'],
  ])('%s in the app → the browser comes back with error_code %s', async (decision, code) => {
    const started = await startAnonymousEme(client, { redirectURI: RETURN_URI, source: 'PC_Browser' })
    const back = await continueWithIamSmart(started.url, 'magic-approve', decision)
    expect(await finishAnonymousEme(client, back, started)).toEqual({ ok: false, code })
  })

  it('a ticket is handed over once: opening the same getQR URL again → D20004', async () => {
    const started = await startAnonymousEme(client, { redirectURI: RETURN_URI, source: 'PC_Browser' })
    await continueWithIamSmart(started.url, 'magic-approve')
    const again = await fetch(started.url, { redirect: 'manual' })
    expect(again.status).toBe(302)
    expect(new URL(again.headers.get('location')!).searchParams.get('error_code')).toBe('D20004')
  })
})
