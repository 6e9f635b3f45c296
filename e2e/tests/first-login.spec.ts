/**
 * A newcomer's first login (issue 17): the home page leads each audience to its place, and the demo return page's
 * "Exchange this code" shows the signed requests, the decrypted token and the code that does it.
 */
import { randomBytes } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { demoClientID, getQrUrl } from './env'

test('every audience finds its place from the home page and the navbar', async ({ page }) => {
  await page.goto('/')
  for (const [card, link, url] of [
    ['audience-learn', 'Get started', /\/docs\/getting-started$/],
    ['audience-test', 'Console: apps, keys, request inspector', /\/console\/?$/],
    ['audience-help', 'Support desk', /\/support-desk$/],
    ['audience-apply', 'Apply on the support desk', /\/support-desk\?tab=applications$/],
    ['audience-staff', 'Staff console', /\/staff-console$/],
    ['audience-staff', 'How staff accounts are created', /\/docs\/reference\/staff-accounts$/],
  ] as const) {
    await page.goto('/')
    await page
      .getByTestId(card)
      .getByRole('link', { name: new RegExp(`^${link}`) })
      .click()
    await expect(page).toHaveURL(url)
  }
  await page.goto('/')
  const navbar = page.locator('.navbar')
  await navbar.getByRole('button', { name: 'Support' }).hover()
  await navbar.getByRole('link', { name: 'Staff console (support staff)' }).click()
  await expect(page).toHaveURL(/\/staff-console$/)
  await page.goto('/docs/reference/staff-accounts')
  await expect(page.getByRole('cell', { name: 'agent', exact: true })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'lead', exact: true })).toBeVisible()
})

test('the demo return page exchanges its code: signed requests, decrypted token, the code to do it', async ({
  page,
}) => {
  const state = `e2e-${randomBytes(6).toString('hex')}`
  // A login decided at once by the sandbox headers, landing on the demo app's return page.
  const res = await page.request.get(getQrUrl({ state }), {
    maxRedirects: 0,
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  expect(res.status()).toBe(302)
  await page.goto(res.headers().location!)
  await expect(page.getByTestId('demo-code')).toHaveText(/^[0-9a-f]{32}$/)
  await page.getByTestId('demo-exchange-button').click()

  const result = page.getByTestId('demo-exchange')
  await expect(result.getByRole('heading', { level: 1 })).toHaveText(
    'Code exchanged: the resident is logged in',
  )
  await expect(page.getByTestId('demo-exchange-call-0')).toContainText('/api/v1/security/getKey')
  const getToken = page.getByTestId('demo-exchange-call-1')
  await expect(getToken).toContainText('/api/v1/auth/getToken')
  await expect(getToken).toContainText(`clientid: ${demoClientID()}`)
  await expect(getToken).toContainText(/signature: \S+/)
  await expect(page.getByTestId('demo-token')).toContainText('"openID"')
  await expect(page.getByTestId('demo-token')).toContainText('"accessToken"')
  await expect(page.getByTestId('demo-sample-code')).toContainText('client.getToken({ code:')

  // Single use: a second exchange of the same code is refused with D40004, shown as such.
  await page.goBack()
  await page.getByTestId('demo-exchange-button').click()
  await expect(page.getByTestId('demo-exchange').getByRole('heading', { level: 1 })).toHaveText(
    'The exchange failed',
  )
  await expect(page.getByTestId('demo-token')).toContainText('D40004')
})
