/**
 * The virtual iAM Smart app's resident picker (issue 17): searching keeps a pending login, residents an organisation
 * created in the console are found, an empty search says so, getQR's lang carries into the app, and every resident
 * button has an accessible name.
 */
import { randomBytes } from 'node:crypto'
import { expect, type Page, test } from '@playwright/test'
import { hkidCheckDigit } from '@iamsmart-sandbox/openapi/codec'
import { BASE_URL, DEMO_REDIRECT_URI, getQrUrl } from './env'

const CALLBACK_URL = new RegExp(`^${DEMO_REDIRECT_URI.replace(/[.?]/g, '\\$&')}\\?`)
const newState = () => `e2e-${randomBytes(8).toString('hex')}`

async function openQrPage(page: Page, lang = 'en-US'): Promise<string> {
  await page.goto(getQrUrl({ state: newState(), lang }))
  const href = await page.getByTestId('open-virtual-app').getAttribute('href')
  expect(href).toMatch(/\/app\/scan\?qr=/)
  return href!
}

test('searching for a resident on a pending login keeps the login; approving still returns the code', async ({
  page,
  context,
}) => {
  const href = await openQrPage(page)
  const phone = await context.newPage()
  await phone.goto(href)
  await expect(phone.getByTestId('request')).toBeVisible()
  const requestPath = new URL(phone.url()).pathname

  await phone.getByRole('searchbox', { name: 'Search name or HKID' }).fill('CHAN, Tai Man')
  await phone.getByRole('button', { name: 'Search', exact: true }).click()
  // Still the same request (not the app's home with "No pending requests"), showing the matches.
  await expect(phone).toHaveURL(new RegExp(`${requestPath}\\?q=`))
  await expect(phone.getByTestId('request-service')).toHaveText('Demo e-Service')
  await expect(phone.getByTestId('choose-magic-approve')).toBeVisible()
  await expect(phone.getByTestId('choose-magic-reject')).toHaveCount(0)

  const chan = phone.getByTestId('choose-magic-approve')
  await expect(chan).toHaveAccessibleName(/^Choose CHAN, Tai Man, [A-Z]{1,2}\d{6}\([0-9A]\)$/)
  await chan.click()
  await phone.getByTestId('approve').click()
  await expect(phone.getByTestId('request-done')).toBeVisible()
  await expect(page).toHaveURL(CALLBACK_URL, { timeout: 15_000 })
  await expect(page.getByTestId('demo-code')).toHaveText(/^[0-9a-f]{32}$/)
})

test('an empty search says so; every resident button has an accessible name', async ({ page }) => {
  await page.goto('/app?q=nobody-by-this-name')
  await expect(page.getByTestId('no-resident-found')).toHaveText(/No resident matches "nobody-by-this-name"/)
  await page.goto('/app')
  const buttons = page.getByTestId('resident-picker').getByRole('button', { name: /^Choose / })
  expect(await buttons.count()).toBeGreaterThan(10)
  // No button is named by its check mark alone.
  await expect(page.getByRole('button', { name: '✓', exact: true })).toHaveCount(0)
})

test('a resident created in the console is found in the virtual app by name and HKID', async ({
  page,
  context,
}) => {
  const email = `vapp-${randomBytes(5).toString('hex')}@e2e.example`
  const signUp = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: { email, password: 'correct horse battery staple', orgName: 'Virtual App Lab' },
  })
  expect(signUp.status(), await signUp.text()).toBe(201)
  const { csrfToken } = (await signUp.json()) as { csrfToken: string }
  const identification = `QV${String(randomBytes(3).readUIntBE(0, 3) % 1_000_000).padStart(6, '0')}`
  const hkid = `${identification}(${hkidCheckDigit(identification)})`
  const created = await context.request.post('/sandbox/v1/residents', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
    data: {
      tier: 'iAM Smart+',
      profile: {
        idNo: { Identification: identification, CheckDigit: hkidCheckDigit(identification) },
        enName: { UnstructuredName: 'WONG, Console Made' },
        birthDate: '19850615',
        gender: 'F',
      },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  await page.goto('/app?q=Console%20Made')
  await expect(page.getByTestId(`choose-${id}`)).toBeVisible()
  await page.goto(`/app?q=${encodeURIComponent(hkid)}`)
  await expect(page.getByRole('button', { name: `Choose WONG, Console Made, ${hkid}` })).toBeVisible()
  await page.getByTestId(`choose-${id}`).click()
  await expect(page.getByTestId('current-resident')).toHaveText('WONG, Console Made')

  // Someone not signed in to that organisation's console does not see it.
  const stranger = await context.browser()!.newContext()
  const other = await stranger.newPage()
  await other.goto(`${BASE_URL}/app?q=Console%20Made`)
  await expect(other.getByTestId('no-resident-found')).toBeVisible()
  await stranger.close()
})

test('lang=zh-HK on getQR carries into the virtual app', async ({ page, browser }) => {
  const href = await openQrPage(page, 'zh-HK')
  // A phone that has never opened the app (no language remembered).
  const phoneContext = await browser.newContext()
  const phone = await phoneContext.newPage()
  await phone.goto(href)
  await expect(phone.getByTestId('request')).toBeVisible()
  await expect(phone.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK')
  await expect(phone.getByRole('heading', { name: '選擇居民' })).toBeVisible()
  await phone.getByTestId('choose-magic-approve').click()
  await expect(phone.getByTestId('approve')).toHaveText('授權')
  await phoneContext.close()
})
