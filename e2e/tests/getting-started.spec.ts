// The getting-started page, followed in each language as a newcomer would, using only what the page (and the
// sandbox's start banner, which the page reproduces) shows: open "try a login", open the request in the virtual
// iAM Smart app, choose a resident, authorise, land on the sample e-Service, "Exchange this code", read the
// decrypted token. The page's typed-client code is run as written in all three languages by
// mock-platform/test/package.scratch.test.ts (plain node, from the packed tarballs).
import { expect, test } from '@playwright/test'
import { DEMO_REDIRECT_URI, getQrUrl } from './env'

const LOCALES = [
  { prefix: '', qrLang: 'en-US', step3: '3. Try a login in the browser', exchange: 'Exchange this code' },
  { prefix: '/zh-Hant', qrLang: 'zh-HK', step3: '3. 在瀏覽器中試行登入', exchange: 'Exchange this code' },
  { prefix: '/zh-Hans', qrLang: 'zh-CN', step3: '3. 在浏览器中试行登录', exchange: 'Exchange this code' },
] as const

const CALLBACK_URL = new RegExp(`^${DEMO_REDIRECT_URI.replace(/[.?]/g, '\\$&')}\\?`)

for (const l of LOCALES) {
  test(`getting started${l.prefix ? ` (${l.prefix.slice(1)})` : ''}: a first login from the page to a decrypted token`, async ({
    page,
    context,
  }) => {
    // The page: its step 3 says to open the "try a login" URL the sandbox printed, then exchange the code.
    await page.goto(`${l.prefix}/docs/getting-started`)
    await expect(page.getByRole('heading', { level: 2, name: l.step3 })).toBeVisible()
    const step3 = page.locator('h2', { hasText: l.step3 }).locator('xpath=following-sibling::*[1]')
    await expect(step3).toContainText('try a login')
    await expect(page.getByText(l.exchange, { exact: false }).first()).toBeVisible()

    // "try a login": the demo app's getQR URL as the start banner prints it (the page shows its shape).
    const state = `gs-${l.qrLang}-${Date.now().toString(36)}`
    await page.goto(getQrUrl({ state, lang: l.qrLang }))
    await expect(page.getByTestId('qr-page')).toBeVisible()
    const href = await page.getByTestId('open-virtual-app').getAttribute('href')

    // The "phone": the virtual app opens the request; the newcomer picks a resident and authorises.
    const phone = await context.newPage()
    await phone.goto(href!)
    await expect(phone.getByTestId('request')).toBeVisible()
    await phone.getByTestId('choose-magic-approve').click()
    await phone.getByTestId('approve').click()
    await expect(phone.getByTestId('request-done')).toBeVisible()

    // Back on the computer: the sample e-Service's return page with the code, then "Exchange this code".
    await expect(page).toHaveURL(CALLBACK_URL, { timeout: 15_000 })
    await expect(page.getByTestId('demo-state')).toHaveText(state)
    await page.getByTestId('demo-exchange-button').click()
    await expect(page.getByTestId('demo-token')).toContainText('"accessToken"')
    await expect(page.getByTestId('demo-token')).toContainText('"openID"')
  })
}
