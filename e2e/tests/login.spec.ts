/**
 * Login journeys in a real browser: the desktop QR page with the virtual app as the "phone" (a second tab of
 * the same context), the mobile broker page, Traditional Chinese, and the QR page's anti-framing headers.
 * No sleeps: the QR page polls every second, so navigations are awaited with toHaveURL and a generous timeout.
 */
import { randomBytes } from 'node:crypto'
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test'
import { DEMO_REDIRECT_URI, getQrUrl } from './env'

/** Every journey also fails on a console error or uncaught exception in any tab (e.g. a CSP violation). */
const test = base.extend<{ cleanConsole: undefined }>({
  cleanConsole: [
    async ({ context }, use) => {
      const errors: string[] = []
      context.on('console', (m) => {
        // The mock serves no favicon; Chromium's automatic request for it is not part of any journey.
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
          errors.push(`${m.location().url}: ${m.text()}`)
        }
      })
      context.on('weberror', (e) => errors.push(`${e.page()?.url()}: ${e.error().message}`))
      await use(undefined)
      expect(errors, 'console errors in the browser').toEqual([])
    },
    { auto: true },
  ],
})

/** The QR page polls getQR/status every second and then navigates: allow for several polls. */
const POLL_NAVIGATION = { timeout: 15_000 }
const CALLBACK_URL = new RegExp(`^${DEMO_REDIRECT_URI.replace(/[.?]/g, '\\$&')}\\?`)

const newState = () => `e2e-${randomBytes(8).toString('hex')}`

/** Opens the desktop QR page and returns the deep link behind "Open in the virtual iAM Smart app". */
async function openQrPage(page: Page, state: string, lang = 'en-US'): Promise<string> {
  const res = await page.goto(getQrUrl({ state, lang }))
  expect(res?.status()).toBe(200)
  await expect(page.getByTestId('qr-page')).toBeVisible()
  await expect(page.getByTestId('qr').locator('svg')).toBeVisible()
  const link = page.getByTestId('open-virtual-app')
  await expect(link).toBeVisible()
  const href = await link.getAttribute('href')
  expect(href).toMatch(/\/app\/scan\?qr=/)
  return href!
}

/** The "phone": a second tab of the same context opens the deep link and picks a resident on the request view. */
async function openOnPhone(context: BrowserContext, href: string, resident: string): Promise<Page> {
  const phone = await context.newPage()
  await phone.goto(href)
  await expect(phone).toHaveURL(/\/app\/requests\/[^/?]+(\?lang=[A-Za-z-]+)?$/)
  await expect(phone.getByTestId('request')).toBeVisible()
  await expect(phone.getByTestId('request-service')).toHaveText('Demo e-Service')
  await phone.getByTestId(`choose-${resident}`).click()
  await expect(phone.getByTestId('approve')).toBeVisible()
  return phone
}

test.describe('desktop QR login', () => {
  test('desktop QR login approved in the virtual app lands on the e-Service with a code and the state', async ({
    page,
    context,
  }) => {
    const state = newState()
    const href = await openQrPage(page, state)
    await expect(page.getByRole('heading', { name: 'Login with iAM Smart' })).toBeVisible()
    await expect(page.getByTestId('open-virtual-app')).toHaveText('Open in the virtual iAM Smart app')

    const phone = await openOnPhone(context, href, 'magic-approve')
    await phone.getByTestId('approve').click()
    await expect(phone.getByTestId('request-done')).toBeVisible()
    // QR journeys send the resident back to the computer, not to the e-Service.
    await expect(phone.getByTestId('return-to-service')).toHaveCount(0)

    await expect(page).toHaveURL(CALLBACK_URL, POLL_NAVIGATION)
    await expect(page.getByTestId('demo-code')).toHaveText(/^[0-9a-f]{32}$/)
    await expect(page.getByTestId('demo-state')).toHaveText(state)
    await expect(page.getByTestId('demo-error-code')).toHaveText('—')
  })

  test('desktop QR login rejected in the virtual app lands on the e-Service with D40001 and the state', async ({
    page,
    context,
  }) => {
    const state = newState()
    const href = await openQrPage(page, state)

    const phone = await openOnPhone(context, href, 'magic-approve')
    await phone.getByTestId('reject').click()
    await expect(phone.getByTestId('request-done')).toBeVisible()

    await expect(page).toHaveURL(CALLBACK_URL, POLL_NAVIGATION)
    await expect(page.getByTestId('demo-error-code')).toHaveText('D40001')
    await expect(page.getByTestId('demo-state')).toHaveText(state)
    await expect(page.getByTestId('demo-code')).toHaveText('—')
  })
})

test('the QR page and the virtual app in Traditional Chinese (zh-HK)', async ({ page, context }) => {
  const href = await openQrPage(page, newState(), 'zh-HK')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK')
  await expect(page.getByRole('heading', { name: '智方便登入' })).toBeVisible()
  await expect(page.getByTestId('open-virtual-app')).toHaveText('在虛擬「智方便」應用程式開啟')

  const phone = await context.newPage()
  await phone.goto('/app?lang=zh-HK')
  await expect(phone.getByTestId('virtual-app')).toBeVisible()
  await expect(phone.getByText('智方便（虛擬）', { exact: true })).toBeVisible()
  // The app remembers its language: the scanned request is shown in Chinese too.
  await phone.goto(href)
  await expect(phone.getByTestId('request')).toBeVisible()
  await expect(phone.getByText('智方便（虛擬）', { exact: true })).toBeVisible()
  await phone.getByTestId('choose-magic-approve').click()
  await expect(phone.getByTestId('approve')).toHaveText('授權')
  await expect(phone.getByTestId('reject')).toHaveText('拒絕')
})

test.describe('mobile browser', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  })

  test('mobile broker page opens the virtual app; approving returns to the e-Service with a code', async ({
    page,
  }) => {
    const state = newState()
    const res = await page.goto(getQrUrl({ state, source: 'iOS_Safari', brokerPage: true }))
    expect(res?.status()).toBe(200)
    await expect(page.getByTestId('broker-page')).toBeVisible()
    const open = page.getByTestId('open-iamsmart')
    await expect(open).toBeVisible()
    await expect(open).toHaveText('Open iAM Smart')

    await open.click()
    await expect(page).toHaveURL(/\/app\/requests\/[^/?]+(\?lang=[A-Za-z-]+)?$/)
    await expect(page.getByTestId('request')).toBeVisible()
    await page.getByTestId('choose-magic-approve').click()
    await page.getByTestId('approve').click()

    await expect(page.getByTestId('request-done')).toBeVisible()
    const back = page.getByTestId('return-to-service')
    await expect(back).toBeVisible()
    await expect(back).toHaveText('Return to the e-Service')
    await back.click()

    await expect(page).toHaveURL(CALLBACK_URL)
    await expect(page.getByTestId('demo-code')).toHaveText(/^[0-9a-f]{32}$/)
    await expect(page.getByTestId('demo-state')).toHaveText(state)
  })
})

test('the QR page cannot be framed (CSP frame-ancestors none, X-Frame-Options DENY)', async ({ page }) => {
  const res = await page.goto(getQrUrl({ state: newState() }))
  expect(res).not.toBeNull()
  expect(res!.status()).toBe(200)
  const headers = res!.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-frame-options']).toBe('DENY')
  await expect(page.getByTestId('qr-page')).toBeVisible()
})
