/**
 * The consent ledger in a real browser (preview data exchange): the e-Service (this test, through the typed client)
 * obtains two consents — one approved headlessly, one approved per data set in the virtual app — the app lists both,
 * the resident revokes one, the list shows it revoked, and the provider's next retrieval is refused (D20026).
 */
import { randomBytes } from 'node:crypto'
import { type APIRequestContext, test as base, expect } from '@playwright/test'
import { createIamSmartClient, type IamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { ADMIN_TOKEN, BASE_URL, DEMO_REDIRECT_URI, demoCredentials, getQrUrlWithScope } from './env'

/** Every journey also fails on a console error or uncaught exception in any tab. */
const test = base.extend<{ cleanConsole: undefined }>({
  cleanConsole: [
    async ({ context }, use) => {
      const errors: string[] = []
      context.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
          errors.push(`${m.location().url}: ${m.text()}`)
      })
      context.on('weberror', (e) => errors.push(`${e.page()?.url()}: ${e.error().message}`))
      await use(undefined)
      expect(errors, 'console errors in the browser').toEqual([])
    },
    { auto: true },
  ],
})

function demoClient(): IamSmartClient {
  const creds = demoCredentials()
  return createIamSmartClient({
    baseUrl: `${BASE_URL}/api/v1`,
    clientID: creds.clientID,
    clientSecret: creds.clientSecret,
    kekPrivateKeys: [creds.kekPrivateKeyPem],
  })
}

/** Headless login of magic-approve (X-Sandbox-* headers) with the form-filling scope the preview needs. */
async function login(request: APIRequestContext, client: IamSmartClient) {
  const state = `e2e-${randomBytes(8).toString('hex')}`
  const res = await request.get(getQrUrlWithScope({ state, scope: 'eidapi_auth eidapi_formFilling' }), {
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    maxRedirects: 0,
  })
  expect(res.status()).toBe(302)
  const code = new URL(res.headers().location!).searchParams.get('code')
  const token = await client.getToken({ code: code!, grantType: 'authorization_code' })
  if (!token.ok) throw new Error(`getToken failed: ${JSON.stringify(token.error)}`)
  return token.data
}

/** initiateDataExchangeRequest for vehicle licences and the tax return summary; returns the ticket and businessID. */
async function requestData(
  request: APIRequestContext,
  client: IamSmartClient,
  source: 'PC_Browser' | 'iOS_Safari',
) {
  const { accessToken, openID } = await login(request, client)
  const businessID = `e2e-dx-${randomBytes(6).toString('hex')}`
  const init = await client.initiateDataExchangeRequest({
    businessID,
    accessToken,
    openID,
    source,
    redirectURI: DEMO_REDIRECT_URI,
    state: `dx-${randomBytes(4).toString('hex')}`,
    dataSets: ['vehicleLicences', 'taxReturnSummary'],
    purpose: 'Residents’ parking permit (e2e)',
    validityDays: 30,
  })
  if (!init.ok) throw new Error(`initiateDataExchangeRequest failed: ${JSON.stringify(init.error)}`)
  return { ticketID: init.data.ticketID, businessID }
}

/** The consent reference, found by the request's businessID (getConsentStatus). */
async function consentOf(client: IamSmartClient, businessID: string) {
  for (let i = 0; i < 20; i++) {
    const status = await client.getConsentStatus({ businessID })
    if (status.ok) return status.data
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no consent for ${businessID}`)
}

test('the virtual app lists consents and revokes one; the provider is then refused with D20026', async ({
  page,
  request,
}) => {
  const client = demoClient()

  // Consent A: approved headlessly through the sandbox API.
  const a = await requestData(request, client, 'PC_Browser')
  const decided = await request.post(`/sandbox/v1/tickets/${a.ticketID}/decision`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { decision: 'approve' },
  })
  expect(decided.status()).toBe(200)
  const consentA = await consentOf(client, a.businessID)
  expect(consentA).toMatchObject({ status: 'active', dataSets: ['vehicleLicences', 'taxReturnSummary'] })

  // Consent B: pushed to the app, approved for one data set only.
  const b = await requestData(request, client, 'iOS_Safari')
  await page.goto('/app')
  await page.getByTestId('choose-magic-approve').click()
  await page.getByTestId('inbox').locator(`a[href="/app/requests/${b.ticketID}"]`).click()
  await expect(page.getByTestId('request-purpose')).toHaveText('Residents’ parking permit (e2e)')
  await page.getByTestId('field-taxReturnSummary').uncheck()
  await page.getByTestId('approve').click()
  await expect(page.getByTestId('outcome')).toHaveText('Authorised')
  const consentB = await consentOf(client, b.businessID)
  expect(consentB.dataSets).toEqual(['vehicleLicences'])

  // The provider retrieves A once: the resident sees the retrieval.
  const { accessToken, openID } = await login(request, client)
  const got = await client.getDataExchangeData({ accessToken, openID, consentRef: consentA.consentRef })
  expect(got.ok).toBe(true)

  await page.goto('/app')
  const rowA = page.getByTestId(`consent-${consentA.consentRef}`)
  const rowB = page.getByTestId(`consent-${consentB.consentRef}`)
  await expect(rowA).toContainText('Demo e-Service')
  await expect(page.getByTestId(`consent-status-${consentA.consentRef}`)).toHaveText('Active')
  await expect(page.getByTestId(`consent-items-${consentA.consentRef}`)).toHaveText(
    'Vehicle licences (Transport Department), Tax return summary (Inland Revenue Department)',
  )
  await expect(page.getByTestId(`consent-items-${consentB.consentRef}`)).toHaveText(
    'Vehicle licences (Transport Department)',
  )
  await expect(rowA).toContainText('Residents’ parking permit (e2e)')
  await expect(page.getByTestId(`consent-retrievals-${consentA.consentRef}`)).toHaveText('1')

  // Revoke A in the app.
  await page.getByTestId(`revoke-${consentA.consentRef}`).click()
  await expect(page).toHaveURL(new RegExp(`/app/consents/${consentA.consentRef}$`))
  await expect(page.getByTestId('consent-status')).toHaveText('Revoked')
  await expect(page.getByTestId('revoked-notice')).toBeVisible()
  await expect(page.getByTestId('consent-history').getByTestId('event-retrieved')).toHaveCount(1)
  await expect(page.getByTestId('consent-history').getByTestId('event-revoked')).toHaveCount(1)

  await page.goto('/app')
  await expect(page.getByTestId(`consent-status-${consentA.consentRef}`)).toHaveText('Revoked')
  await expect(page.getByTestId(`revoke-${consentA.consentRef}`)).toHaveCount(0)
  await expect(page.getByTestId(`consent-status-${consentB.consentRef}`)).toHaveText('Active')
  await expect(rowB.getByTestId(`revoke-${consentB.consentRef}`)).toBeVisible()

  // The provider: retrieval refused at once, and the status query says revoked.
  const refused = await client.getDataExchangeData({ accessToken, openID, consentRef: consentA.consentRef })
  expect(refused.ok).toBe(false)
  if (!refused.ok) expect(refused.error).toMatchObject({ kind: 'platform', code: 'D20026' })
  const status = await client.getConsentStatus({ consentRef: consentA.consentRef })
  expect(status.ok && status.data.status).toBe('revoked')
})

test('the consents list is translated (繁 / 简)', async ({ page }) => {
  await page.goto('/app')
  await page.getByTestId('choose-magic-approve').click()
  await page.goto('/app?lang=zh-HK')
  await expect(page.getByTestId('consents').locator('h2')).toHaveText('我的授權')
  await page.goto('/app?lang=zh-CN')
  await expect(page.getByTestId('consents').locator('h2')).toHaveText('我的授权')
  await page.goto('/app?lang=en-US')
})
