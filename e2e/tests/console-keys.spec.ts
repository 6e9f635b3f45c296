/**
 * Console keys and secrets (issue 17): a KEK pair generated in the browser (Web Crypto) whose private key is
 * downloaded and never sent, a pasted private key refused before any upload, client-secret rotation with an overlap,
 * and times in Hong Kong time with the zone.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { type BrowserContext, expect, test } from '@playwright/test'
import { BASE_URL } from './env'

const PASSWORD = 'correct horse battery staple'

async function signUpWithApp(context: BrowserContext) {
  const email = `keys-${randomBytes(5).toString('hex')}@e2e.example`
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: { email, password: PASSWORD, orgName: 'Keys Lab' },
  })
  expect(res.status(), await res.text()).toBe(201)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const app = await context.request.post('/sandbox/v1/apps', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
    data: { name: 'Keys e-Service', redirectURIs: ['https://keys.example/return'] },
  })
  expect(app.status(), await app.text()).toBe(201)
  return (await app.json()) as { clientID: string; clientSecret: string }
}

test('a KEK pair generated in the browser: the private key is downloaded, never sent; the public key uploads', async ({
  page,
  context,
}) => {
  const { clientID, clientSecret } = await signUpWithApp(context)
  const sent: string[] = []
  page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`))
  await page.goto(`/console/app?app=${clientID}`)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Generate a key pair for slot A' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`iamsmart-kek-${clientID.slice(0, 8)}-A-private.pem`)
  const privatePem = readFileSync((await file.path())!, 'utf8')
  // Built, not written out: no file in the repository may hold a private-key header (pki.file-store.test.ts).
  expect(privatePem).toMatch(new RegExp(`^-{5}BEGIN ${'PRIVATE'} KEY-{5}\n`))
  await expect(page.getByLabel('Public key for slot A (PEM)')).toHaveValue(/^-----BEGIN PUBLIC KEY-----/)
  await expect(page.getByText(/The private key was saved on this computer/)).toBeVisible()
  await page.getByRole('button', { name: 'Upload key A' }).click()
  await expect(page.getByRole('heading', { name: /Key A\s+active/ })).toBeVisible()

  // Nothing the browser sent holds the private key.
  const privateBase64 = privatePem.split('\n')[1]!
  expect(sent.filter((s) => s.includes('PRIVATE KEY') || s.includes(privateBase64))).toEqual([])

  // The downloaded private key unwraps the platform's content key: the pair works end to end.
  const client = createIamSmartClient({
    baseUrl: `${BASE_URL}/api/v1`,
    clientID,
    clientSecret,
    kekPrivateKeys: [privatePem],
  })
  const state = 'keys-state'
  const res = await fetch(
    client.buildGetQrUrl({ redirectURI: 'https://keys.example/return', scope: 'eidapi_auth', state }),
    {
      redirect: 'manual',
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    },
  )
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!
  const token = await client.getToken({ code, grantType: 'authorization_code' })
  expect(token.ok, JSON.stringify(token)).toBe(true)
})

test('a pasted private key is refused before any upload, with a clear message', async ({ page, context }) => {
  const { clientID } = await signUpWithApp(context)
  const uploads: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/keys/')) uploads.push(r.url())
  })
  await page.goto(`/console/app?app=${clientID}`)
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  const field = page.getByLabel('Public key for slot A (PEM)')
  await field.fill(privateKey)
  await expect(page.getByText(/This is a private key: it is not uploaded/)).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('button', { name: 'Upload key A' })).toBeDisabled()
  expect(uploads).toEqual([])
})

test('rotating the client secret with an overlap keeps the old one until a time shown in HKT', async ({
  page,
  context,
}) => {
  const { clientID } = await signUpWithApp(context)
  await page.goto(`/console/app?app=${clientID}`)
  await page.getByLabel('Keep the old secret working for').selectOption('3600')
  page.once('dialog', (d) => void d.accept())
  await page.getByRole('button', { name: 'Rotate the client secret' }).click()
  await expect(
    page.getByText(/The previous secret keeps working until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d HKT/),
  ).toBeVisible()

  // Change history times are in Hong Kong time with the zone too.
  await expect(page.getByText(/proposed by .* at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d HKT/).first()).toBeVisible()
})
