/**
 * The API reference's "Try it against your sandbox app" (issue 17, point 3): signed out, the panel says to sign in;
 * signed in, a reader tries an operation on a reference page against their own app and sees the signed request,
 * the answer and the decrypted content, finds the call in the request inspector, and the page stays axe-clean.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, expect } from '@playwright/test'
import { test } from './clean-console'
import { BASE_URL } from './env'

const PASSWORD = 'correct horse battery staple'
const RETURN_URI = 'https://try.example/return'

/** A member signed in in this context, with one app that has a KEK public key (its private key stays here). */
async function memberWithApp(context: BrowserContext): Promise<{ clientID: string }> {
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: {
      email: `try-${randomBytes(5).toString('hex')}@e2e.example`,
      password: PASSWORD,
      orgName: 'Try Lab',
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const kek = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const app = await context.request.post('/sandbox/v1/apps', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
    data: {
      name: 'Try e-Service',
      redirectURIs: [RETURN_URI],
      scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling'],
      kekPublicKeys: { A: kek.publicKey },
    },
  })
  expect(app.status(), await app.text()).toBe(201)
  return (await app.json()) as { clientID: string }
}

test('signed out, the panel asks the reader to sign in', async ({ page }) => {
  await page.goto('/docs/api/get-token')
  const panel = page.getByTestId('try-it')
  await expect(panel.getByRole('heading', { name: 'Try it against your sandbox app' })).toBeVisible()
  await expect(panel.getByTestId('try-it-signed-out')).toContainText('Sign in to the console')
  await expect(panel.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/console/sign-in')
})

test('signed in: try an operation against my app, read the decrypted answer, find it in the inspector', async ({
  page,
  context,
}) => {
  const { clientID } = await memberWithApp(context)
  await page.goto('/docs/api/initiate-anonymous-eme-request')
  const panel = page.getByTestId('try-it')
  // The only app is chosen; the request is the reference example, before encryption.
  await expect(panel.getByLabel('App')).toHaveValue(clientID)
  const request = panel.getByLabel('Request JSON, before encryption')
  await expect(request).toHaveValue(/"formName": "Sandbox newsletter sign-up"/)
  await panel.getByRole('button', { name: 'Sign, encrypt and send' }).click()

  const result = panel.getByTestId('try-it-result')
  await expect(result.getByRole('status')).toContainText('D00000')
  // The app had no content key yet: a real getKey first, then the signed, encrypted call.
  await expect(result.getByTestId('try-it-exchange-0')).toContainText(
    '/api/v1/security/getKey → HTTP 200 · D00000',
  )
  const call = result.getByTestId('try-it-exchange-1')
  await expect(call).toContainText('/api/v1/anonymous/eme/initiateRequest → HTTP 200 · D00000')
  await expect(call.getByLabel('Request 2 as sent')).toContainText(`clientID: ${clientID}`)
  await expect(call.getByLabel('Request 2 as sent')).toContainText(/signature: \S+%3D/)
  await expect(call.getByLabel('Request 2 as sent')).toContainText('{"content":"')
  await expect(call.getByLabel('Response 2 as received')).toContainText('"code":"D00000"')
  await expect(result.getByText(/the sandbox called getKey as the app first/)).toBeVisible()
  // The decrypted content: the ticket to hand over to getQR.
  const content = result.getByTestId('try-it-content')
  await expect(content).toContainText('"businessID": "OSP-2026-000129"')
  await expect(content).toContainText(/"ticketID": "[0-9a-f]{32}"/)
  const txID = (await result.getByTestId('try-it-txid').textContent())!

  expect(
    (
      await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    ).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])

  // The same businessID again: the platform's own answer, D20011, shown as a result (the current CEK is reused).
  await panel.getByRole('button', { name: 'Sign, encrypt and send' }).click()
  await expect(result.getByRole('status')).toContainText('D20011')
  await expect(result.getByRole('status')).not.toContainText(txID)
  await expect(result.getByText(/the app's current CEK/)).toBeVisible()
  await expect(result.getByTestId('try-it-exchange-1')).toHaveCount(0)

  // Back to the first call: it is in the request inspector, opened by the link.
  await page.goto(`/console/inspector?app=${clientID}&tx=${txID}`)
  const detail = page.getByTestId('request-detail')
  await expect(detail.getByRole('heading', { name: 'initiateAnonymousEmeRequest' })).toBeVisible()
  await expect(detail).toContainText(txID)
})

test('getToken with a code from a headless login: the decrypted token, and the panel in Chinese', async ({
  page,
  context,
}) => {
  const { clientID } = await memberWithApp(context)
  const q = new URLSearchParams({
    clientID,
    responseType: 'code',
    source: 'PC_Browser',
    redirectURI: RETURN_URI,
    scope: 'eidapi_auth',
    state: 'try',
  })
  const back = await fetch(`${BASE_URL}/api/v1/auth/getQR?${q}`, {
    redirect: 'manual',
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  const code = new URL(back.headers.get('location')!).searchParams.get('code')!

  await page.goto('/docs/api/get-token')
  const panel = page.getByTestId('try-it')
  await panel
    .getByLabel('Request JSON, before encryption')
    .fill(JSON.stringify({ code, grantType: 'authorization_code' }))
  await panel.getByRole('button', { name: 'Sign, encrypt and send' }).click()
  const result = panel.getByTestId('try-it-result')
  await expect(result.getByRole('status')).toContainText('D00000')
  await expect(result.getByTestId('try-it-content')).toContainText('"tokenType": "Bearer"')
  await expect(result.getByTestId('try-it-content')).toContainText(/"openID": "[0-9a-f]{64}"/)

  await page.goto('/zh-Hant/docs/api/get-token')
  await expect(page.getByRole('heading', { name: '以你的沙盒應用程式試用' })).toBeVisible()
  await expect(page.getByRole('button', { name: '簽名、加密並傳送' })).toBeVisible()
})
