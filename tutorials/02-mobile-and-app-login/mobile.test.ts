// Lesson 02 against the sandbox: the broker page for a phone's browser, the App_Link hand-over, and the sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, finishLogin } from '../01-first-login/login'
import { type Sandbox, startSandbox } from '../support/sandbox'
import { sourceFromUserAgent, startAppLogin, startMobileLogin } from './mobile'

const RETURN_URI = 'http://localhost:3000/callback'
const APP_LINK = 'https://osp.example/app/iamsmart-return'
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'

let sandbox: Sandbox
let client: ReturnType<typeof createClient>

beforeAll(async () => {
  sandbox = await startSandbox({ redirectURIs: [RETURN_URI, APP_LINK] })
  client = createClient({ baseUrl: sandbox.apiBaseUrl, ...sandbox.app })
})
afterAll(() => sandbox.close())

/** "Opening the app": follow the virtual app link to the request, then approve it as magic-approve. */
async function approveInApp(appLink: string): Promise<string> {
  const opened = await fetch(appLink, { redirect: 'manual' })
  expect(opened.status).toBe(303)
  const ticketID = /\/app\/requests\/([^/?]+)(?:\?|$)/.exec(opened.headers.get('location')!)![1]!
  const decided = await sandbox.admin(`/sandbox/v1/tickets/${ticketID}/decision`, 'POST', {
    decision: 'approve',
    residentId: 'magic-approve',
  })
  expect(decided.status).toBe(200)
  return ((await decided.json()) as { location: string }).location
}

describe('lesson 02: mobile browser and app-to-app login', () => {
  it.each([
    [IPHONE_SAFARI, 'iOS_Safari'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) CriOS/124.0 Mobile Safari/604.1', 'iOS_Chrome'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/124.0 Mobile Safari/537.36', 'Android_Chrome'],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S921B) SamsungBrowser/24.0 Chrome/117.0 Mobile Safari/537.36',
      'Android_Samsung',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) Chrome/124.0 Safari/537.36', 'PC_Browser'],
  ])('maps a User-Agent to its source: %s → %s', (ua, source) => {
    expect(sourceFromUserAgent(ua)).toBe(source)
  })

  it('mobile browser: broker page with "Open iAM Smart" → app → back to the browser with a code', async () => {
    const { url, state, source } = startMobileLogin(client, {
      redirectURI: RETURN_URI,
      userAgent: IPHONE_SAFARI,
    })
    expect(source).toBe('iOS_Safari')
    expect(new URL(url).searchParams.get('brokerPage')).toBe('true')
    const page = await fetch(url, { headers: { 'User-Agent': IPHONE_SAFARI } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('data-testid="broker-page"')
    expect(html).toContain('Open iAM Smart')
    const open = /href="([^"]*\/app\/scan\?qr=[^"]+)" data-testid="open-iamsmart"/.exec(html)![1]!

    const back = await approveInApp(open)
    expect(back).toMatch(new RegExp(`^http://localhost:3000/callback\\?code=[0-9a-f]{32}&state=${state}$`))
    const outcome = await finishLogin(client, back, state)
    expect(outcome).toMatchObject({ ok: true, userType: 'IAM_SMART_PLUS' })
  })

  it('the broker page speaks the resident’s language: zh-HK → 開啟智方便', async () => {
    const { url } = startMobileLogin(client, {
      redirectURI: RETURN_URI,
      userAgent: IPHONE_SAFARI,
      lang: 'zh-HK',
    })
    const html = await (await fetch(url)).text()
    expect(html).toContain('開啟智方便')
    expect(html).toContain('以智方便繼續')
  })

  it('App_Link: straight into the iAM Smart app, back to the universal link with a code', async () => {
    const { url, state } = startAppLogin(client, APP_LINK)
    expect(new URL(url).searchParams.get('source')).toBe('App_Link')
    expect(new URL(url).searchParams.get('brokerPage')).toBe('false')
    const res = await fetch(url, { redirect: 'manual' })
    expect(res.status).toBe(302)
    const intoApp = res.headers.get('location')!
    expect(intoApp).toMatch(new RegExp(`^${sandbox.url}/app/scan\\?qr=`))

    const back = await approveInApp(intoApp)
    expect(back.startsWith(`${APP_LINK}?code=`)).toBe(true)
    const outcome = await finishLogin(client, back, state)
    if (!outcome.ok) throw new Error(outcome.code)
    expect(outcome.openID).toMatch(/^[0-9a-f]{64}$/)
  })

  it('an app link that is not registered is refused on the page itself: D20008, no redirect', async () => {
    const { url } = startAppLogin(client, 'https://osp.example/not-registered')
    const res = await fetch(url, { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('D20008')
  })
})
