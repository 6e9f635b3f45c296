// osp-web's login with no server running: the button per language, getQR, the return, account linking by openID.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Browser, testId } from './browser'
import { CLIENT_ID, OSP, type Rig, SANDBOX, startRig } from './setup'

let rig: Rig
beforeAll(async () => {
  rig = await startRig()
})
afterEach(() => rig.iam.sandbox.autopilot(CLIENT_ID, {}))
afterAll(() => rig.close())

/** Clicks "Login with iAM Smart"; the autopilot decides at once and the browser lands back on the home page. */
async function login(browser: Browser) {
  return browser.visit(`${OSP}/login`, { form: {} })
}

describe('osp-web: login with iAM Smart', () => {
  it.each([
    ['en-US', 'Login with iAM Smart', 'More info', 'https://www.iamsmart.gov.hk/en/'],
    ['zh-HK', '智方便登入', '了解更多', 'https://www.iamsmart.gov.hk/tc/'],
    ['zh-CN', '智方便登入', '了解更多', 'https://www.iamsmart.gov.hk/sc/'],
  ])('the home page in %s: caption "%s" and "%s" → %s', async (lang, caption, more, href) => {
    const page = await new Browser().visit(`${OSP}/?lang=${lang}`)
    expect(testId(page.html, 'iams-login')).toBe(caption)
    expect(testId(page.html, 'more-info')).toBe(more)
    expect(page.html).toContain(`href="${href}"`)
    expect(page.html).toContain('class="iams-btn"')
  })

  it('the button sends the browser to getQR with the registered callback, the scopes and a state', async () => {
    const res = await new Browser().request(`${OSP}/login`, { form: {} })
    expect(res.status).toBe(303)
    const url = new URL(res.headers.get('location')!)
    expect(`${url.origin}${url.pathname}`).toBe(`${SANDBOX}/api/v1/auth/getQR`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      clientID: CLIENT_ID,
      responseType: 'code',
      source: 'PC_Browser',
      redirectURI: `${OSP}/callback`,
      scope: 'eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign',
      state: expect.stringMatching(/^[0-9a-f]{32}$/),
      lang: 'en-US',
    })
  })

  it('first login creates a local account linked by openID; the next login finds it', async () => {
    const browser = new Browser()
    const first = await login(browser)
    expect(first.url).toBe(`${OSP}/`)
    const accountId = testId(first.html, 'account-id')!
    expect(accountId).toMatch(/^ACC-[0-9A-F]{8}$/)
    expect(testId(first.html, 'welcome')).toBe(
      `Welcome! We created your account ${accountId} and linked it to your iAM Smart.`,
    )
    expect(testId(first.html, 'user-name')).toBe('CHAN, Tai Man')

    const again = await login(new Browser())
    expect(testId(again.html, 'welcome')).toBe(`Welcome back. You are signed in to account ${accountId}.`)
    const account = [...rig.osp.store.accounts.values()].find((a) => a.id === accountId)!
    expect(account.openID).toMatch(/^[0-9a-f]{64}$/)
    expect(account.logins).toBe(2)

    rig.iam.sandbox.autopilot(CLIENT_ID, { residentId: 'magic-slow', delayMs: 0 })
    const other = await login(new Browser())
    expect(testId(other.html, 'account-id')).not.toBe(accountId)
  })

  it('a rejected login: back home with D40001, nothing linked', async () => {
    rig.iam.sandbox.autopilot(CLIENT_ID, { decision: 'reject' })
    const before = rig.osp.store.accounts.size
    const page = await login(new Browser())
    expect(testId(page.html, 'flash')).toBe('iAM Smart did not complete the request (D40001).')
    expect(page.html).toContain('data-testid="iams-login"')
    expect(rig.osp.store.accounts.size).toBe(before)
  })

  it('a return whose state is not this session’s is refused', async () => {
    const res = await new Browser().request(`${OSP}/callback?code=0123&state=forged`)
    expect(res.status).toBe(400)
  })

  it('the timeline lists the calls with their D-codes, in order', async () => {
    const browser = new Browser()
    await login(browser)
    const page = await browser.visit(`${OSP}/timeline`)
    const rows = [
      ...page.html.matchAll(
        /data-testid="timeline-row" data-kind="(\w+)"><td>[^<]*<\/td><td>(?:<code>)?([^<]*)(?:<\/code>)?<\/td><td[^>]*>([^<]*)</g,
      ),
    ]
    // getKey shows up too when the client's content key needs fetching (the first call of the process).
    const calls = rows
      .map(([, kind, title, code]) => [kind, title, code])
      .filter(([, title]) => title !== 'getKey')
    expect(calls).toEqual([
      ['event', 'Login started: browser sent to getQR', ''],
      ['call', 'getToken', 'D00000'],
      ['call', 'getProfiles', 'D00000'],
      ['event', expect.stringMatching(/^Account ACC-[0-9A-F]{8} found$/), ''],
    ])
  })
})
