/**
 * Hash signing after login, in a real browser: the e-Service (this test, through the typed client) asks the
 * resident to sign; the request is pushed to the virtual app (iOS_Safari source, authByQR false), which shows the
 * same 4-digit identification code (signCode) and the document name; the resident authorises or rejects there.
 */
import { createHash, randomBytes } from 'node:crypto'
import { type APIRequestContext, test as base, expect } from '@playwright/test'
import { createIamSmartClient, type IamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { computeSignCode } from '@iamsmart-sandbox/openapi/codec'
import { ADMIN_TOKEN, BASE_URL, DEMO_REDIRECT_URI, demoCredentials, getQrUrlWithScope } from './env'

/** Every journey also fails on a console error or uncaught exception in any tab. */
const test = base.extend<{ cleanConsole: undefined }>({
  cleanConsole: [
    async ({ context }, use) => {
      const errors: string[] = []
      context.on('console', (m) => {
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

const DOCUMENT = Buffer.from(`Synthetic permit application OSP-2026-000123 (${new Date().toISOString()})\n`)
const DOCUMENT_NAME = 'Application OSP-2026-000123'

function demoClient(): IamSmartClient {
  const creds = demoCredentials()
  return createIamSmartClient({
    baseUrl: `${BASE_URL}/api/v1`,
    clientID: creds.clientID,
    clientSecret: creds.clientSecret,
    kekPrivateKeys: [creds.kekPrivateKeyPem],
  })
}

/** Headless login of magic-approve (X-Sandbox-* headers), redirected to the demo callback, then getToken. */
async function login(request: APIRequestContext, client: IamSmartClient) {
  const state = `e2e-${randomBytes(8).toString('hex')}`
  const res = await request.get(getQrUrlWithScope({ state, scope: 'eidapi_auth eidapi_sign' }), {
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    maxRedirects: 0,
  })
  expect(res.status()).toBe(302)
  const location = new URL(res.headers().location!)
  expect(`${location.origin}${location.pathname}`).toBe(DEMO_REDIRECT_URI)
  expect(location.searchParams.get('state')).toBe(state)
  const code = location.searchParams.get('code')
  expect(code).toMatch(/^[0-9a-f]{32}$/)
  const token = await client.getToken({ code: code!, grantType: 'authorization_code' })
  if (!token.ok) throw new Error(`getToken failed: ${JSON.stringify(token.error)}`)
  return token.data
}

/** initiateSigningRequest pushed to the resident's app; checks authByQR and the signCode algorithm. */
async function requestSignature(request: APIRequestContext) {
  const client = demoClient()
  const { accessToken, openID } = await login(request, client)
  const hashCode = createHash('sha256').update(DOCUMENT).digest('hex')
  const businessID = `e2e-sign-${randomBytes(6).toString('hex')}`
  const init = await client.initiateSigningRequest({
    businessID,
    accessToken,
    openID,
    source: 'iOS_Safari',
    redirectURI: DEMO_REDIRECT_URI,
    state: `sign-${randomBytes(4).toString('hex')}`,
    hashCode,
    department: 'Sandbox Permits Office',
    serviceName: 'Synthetic permit application',
    documentName: DOCUMENT_NAME,
  })
  if (!init.ok) throw new Error(`initiateSigningRequest failed: ${JSON.stringify(init.error)}`)
  expect(init.data.authByQR).toBe(false)
  expect(init.data.signCode).toMatch(/^\d{4}$/)
  expect(init.data.signCode).toBe(await computeSignCode({ hashCode, openID }))
  return { ticketID: init.data.ticketID, signCode: init.data.signCode }
}

/** Once decided, the sandbox API refuses another decision and says what the ticket became. */
async function decidedAs(request: APIRequestContext, ticketID: string, status: string) {
  const res = await request.post(`/sandbox/v1/tickets/${ticketID}/decision`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { decision: 'approve' },
  })
  expect(res.status()).toBe(409)
  expect(await res.json()).toMatchObject({ title: 'Ticket already decided', detail: `It is ${status}.` })
}

test.describe('hash signing pushed to the virtual app', () => {
  for (const { button, outcome, code, status } of [
    { button: 'approve', outcome: 'Authorised', code: 'D00000', status: 'approved' },
    { button: 'reject', outcome: 'Rejected', code: 'D70001', status: 'rejected' },
  ] as const) {
    test(`the app shows the e-Service's identification code; ${button} → ${outcome}`, async ({
      page,
      request,
    }) => {
      const { ticketID, signCode } = await requestSignature(request)

      await page.goto('/app')
      await page.getByTestId('choose-magic-approve').click()
      await expect(page.getByTestId('current-resident')).toHaveText('CHAN, Tai Man')
      const item = page.getByTestId('inbox').locator(`a[href="/app/requests/${ticketID}"]`)
      await expect(item).toHaveText('Digital signing · Demo e-Service')
      await item.click()

      await expect(page).toHaveURL(new RegExp(`/app/requests/${ticketID}$`))
      await expect(page.getByTestId('request')).toBeVisible()
      await expect(page.getByTestId('request-service')).toHaveText('Demo e-Service')
      await expect(page.getByTestId('document-name')).toHaveText(DOCUMENT_NAME)
      await expect(page.getByTestId('app-sign-code')).toHaveText(signCode)

      await page.getByTestId(button).click()
      await expect(page.getByTestId('request-done')).toBeVisible()
      await expect(page.getByTestId('outcome')).toHaveText(outcome)
      await expect(page.getByTestId('request-done')).toContainText(code)
      await decidedAs(request, ticketID, status)

      // The request left the inbox.
      await page.goto('/app')
      await expect(page.locator(`a[href="/app/requests/${ticketID}"]`)).toHaveCount(0)
    })
  }
})
