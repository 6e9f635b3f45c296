// Lesson 01 against the sandbox: the QR page and the virtual app's decision, headless logins, and the exact values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { createClient, finishLogin, startLogin } from './login'

const RETURN_URI = 'http://localhost:3000/callback'
let sandbox: Sandbox
let client: ReturnType<typeof createClient>

beforeAll(async () => {
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI] })
  client = createClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app })
})
afterAll(() => sandbox.close())

// #region headless
/** CI has no phone: the sandbox decides at once when getQR carries X-Sandbox-Resident / X-Sandbox-Decision. */
async function headlessLogin(url: string, resident: string, decision = 'approve'): Promise<string> {
  const res = await fetch(url, {
    redirect: 'manual',
    headers: { 'X-Sandbox-Resident': resident, 'X-Sandbox-Decision': decision },
  })
  expect(res.status).toBe(302)
  return res.headers.get('location')!
}
// #endregion headless

describe('lesson 01: first login with the desktop QR', () => {
  it('builds the getQR URL with every parameter percent-encoded', () => {
    const { url, state } = startLogin(client, RETURN_URI)
    expect(state).toMatch(/^[0-9a-f]{32}$/)
    expect(url).toBe(
      `${sandbox.apiBaseUrl}/auth/getQR?clientID=${sandbox.app.clientID}&responseType=code&source=PC_Browser` +
        `&redirectURI=http%3A%2F%2Flocalhost%3A3000%2Fcallback&scope=eidapi_auth&state=${state}&lang=en-US`,
    )
  })

  it('QR page → virtual app → approve → redirect with code → getToken', async () => {
    const { url, state } = startLogin(client, RETURN_URI)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('data-testid="qr-page"')
    // The QR encodes a link into the virtual iAM Smart app; "scanning" it opens the request there.
    const link = /href="([^"]*\/app\/scan\?qr=[^"]+)"/.exec(html)![1]!
    const scanned = await fetch(link, { redirect: 'manual' })
    expect(scanned.status).toBe(303)
    const ticketID = /\/app\/requests\/([^/?]+)(?:\?|$)/.exec(scanned.headers.get('location')!)![1]!

    // #region decide
    // The resident magic-approve authorises in the app (here through the sandbox API instead of a click).
    const decided = await sandbox.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', {
      decision: 'approve',
      residentId: 'magic-approve',
    })
    const { status, code, location } = (await decided.json()) as {
      status: string
      code: string
      location: string
    }
    // #endregion decide
    expect({ status, code }).toEqual({ status: 'approved', code: 'D00000' })
    expect(location).toMatch(
      new RegExp(`^http://localhost:3000/callback\\?code=[0-9a-f]{32}&state=${state}$`),
    )

    const outcome = await finishLogin(client, location, state)
    if (!outcome.ok) throw new Error(outcome.code)
    expect(outcome.openID).toMatch(/^[0-9a-f]{64}$/)
    expect(outcome.accessToken).toMatch(/^[0-9a-f]{32}$/)
    expect(outcome.userType).toBe('IAM_SMART_PLUS')
  })

  it('getToken answers the documented fields: Bearer, 600 000 ms, the scope asked for', async () => {
    const { url } = startLogin(client, RETURN_URI)
    const code = new URL(await headlessLogin(url, 'magic-basic-tier')).searchParams.get('code')!
    const token = await client.getToken({ code, grantType: 'authorization_code' })
    if (!token.ok) throw new Error(JSON.stringify(token.error))
    expect(token.code).toBe('D00000')
    expect(token.txID).not.toBe('')
    expect(token.data).toMatchObject({ tokenType: 'Bearer', expiresIn: 600_000, scope: 'eidapi_auth' })
    expect(token.data.userType).toBe('IAM_SMART')
    expect(Math.abs(token.data.issueAt - Date.now())).toBeLessThan(60_000)
  })

  it('the openID is stable for one resident and differs between residents', async () => {
    const ids: string[] = []
    for (const resident of ['magic-approve', 'magic-approve', 'magic-slow']) {
      const { url, state } = startLogin(client, RETURN_URI)
      const outcome = await finishLogin(client, await headlessLogin(url, resident), state)
      if (!outcome.ok) throw new Error(outcome.code)
      ids.push(outcome.openID)
    }
    expect(ids[0]).toBe(ids[1])
    expect(ids[2]).not.toBe(ids[0])
  })

  it.each([
    ['reject', 'D40001'],
    ['cancel', 'D40000'],
    ['timeout', 'D40003'],
  ])('a resident who chooses %s comes back with error_code %s', async (decision, expected) => {
    const { url, state } = startLogin(client, RETURN_URI)
    expect(await finishLogin(client, await headlessLogin(url, 'magic-approve', decision), state)).toEqual({
      ok: false,
      code: expected,
    })
  })

  it('a return whose state is not the one in the session is refused before getToken', async () => {
    const { url } = startLogin(client, RETURN_URI)
    const location = await headlessLogin(url, 'magic-approve')
    expect(await finishLogin(client, location, 'another-state')).toEqual({
      ok: false,
      code: 'STATE_MISMATCH',
    })
  })
})
