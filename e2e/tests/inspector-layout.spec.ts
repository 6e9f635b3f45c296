/**
 * The request inspector (issue 17): the list uses the page's width and wraps diagnoses instead of clipping them, is
 * usable at 390 px, and a callback that could not be delivered reads "failed" with a replay button.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { BASE_URL } from './env'

// Nothing listens on port 9 (discard): every delivery try fails at once with "connection refused".
const DEAD_CALLBACK = 'http://127.0.0.1:9/iamsmart/callback'
const RETURN_URI = 'https://inspector.example/return'

/** A signed-up member with an app and a KEK, and the typed client of that app. */
async function appWithClient(context: BrowserContext) {
  const email = `inspector-${randomBytes(5).toString('hex')}@e2e.example`
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: { email, password: 'correct horse battery staple', orgName: 'Inspector Lab' },
  })
  expect(res.status(), await res.text()).toBe(201)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const kek = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })
  const created = await context.request.post('/sandbox/v1/apps', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
    data: {
      name: 'Inspector e-Service',
      redirectURIs: [RETURN_URI, DEAD_CALLBACK],
      scopes: ['eidapi_auth', 'eidapi_profiles'],
      kekPublicKeys: { A: kek.publicKey },
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const app = (await created.json()) as { clientID: string; clientSecret: string }
  const client = createIamSmartClient({
    baseUrl: `${BASE_URL}/api/v1`,
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    kekPrivateKeys: [kek.privateKey],
  })
  return { clientID: app.clientID, client }
}

/** A headless login and, unless `reuse` is false, its code used twice (a failure with a diagnosis; the token is then revoked). */
async function someTraffic(client: ReturnType<typeof createIamSmartClient>, reuse = true) {
  const res = await fetch(
    client.buildGetQrUrl({ redirectURI: RETURN_URI, scope: 'eidapi_auth eidapi_profiles', state: 's1' }),
    {
      redirect: 'manual',
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    },
  )
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!
  const token = await client.getToken({ code, grantType: 'authorization_code' })
  expect(token.ok, JSON.stringify(token)).toBe(true)
  if (reuse) expect((await client.getToken({ code, grantType: 'authorization_code' })).ok).toBe(false)
  return token.ok ? token.data : undefined
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
}

test('at 1280 px the list uses the page width and shows whole diagnoses', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const { clientID, client } = await appWithClient(context)
  await someTraffic(client)
  await page.goto(`/console/inspector?app=${clientID}`)
  const table = page.getByTestId('requests')
  const failed = table.getByRole('row').filter({ hasText: 'D40004' })
  await expect(failed).toBeVisible()
  const main = await page.locator('main').boundingBox()
  const box = await table.boundingBox()
  expect(box!.width).toBeGreaterThan(main!.width * 0.85)
  // The diagnosis cell shows its whole text: nothing cut off inside the cell.
  const cell = failed.locator('td').last()
  await expect(cell).not.toHaveText('')
  const clipped = await cell.evaluate((el) => el.scrollWidth > el.clientWidth + 1)
  expect(clipped).toBe(false)
  await noSidewaysScroll(page)
})

test('at 390 px every column of a call is on screen, without sideways scrolling', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const { clientID, client } = await appWithClient(context)
  await someTraffic(client)
  await page.goto(`/console/inspector?app=${clientID}`)
  const failed = page.getByTestId('requests').locator('tr').filter({ hasText: 'D40004' })
  await expect(failed).toBeVisible()
  for (const cell of await failed.locator('td').all()) {
    const b = (await cell.boundingBox())!
    expect(b.x).toBeGreaterThanOrEqual(0)
    expect(b.x + b.width).toBeLessThanOrEqual(390)
  }
  await noSidewaysScroll(page)
})

test('a callback that cannot be delivered reads "failed" and can be replayed', async ({ page, context }) => {
  test.setTimeout(90_000)
  const { clientID, client } = await appWithClient(context)
  const token = (await someTraffic(client, false))!
  const started = await client.initiateProfileRequest({
    businessID: `b-${randomBytes(6).toString('hex')}`,
    accessToken: token.accessToken,
    openID: token.openID,
    source: 'PC_Browser',
    redirectURI: DEAD_CALLBACK,
    state: 'cb-state',
    profileFields: ['enName'],
  })
  expect(started.ok, JSON.stringify(started)).toBe(true)
  const ticketID = started.ok ? started.data.ticketID : ''
  const decided = await context.request.post(`/sandbox/v1/tickets/${ticketID}/decision`, {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': await csrf(context) },
    data: { decision: 'approve' },
  })
  expect(decided.status(), await decided.text()).toBe(200)

  await page.goto(`/console/inspector?app=${clientID}`)
  const row = page.getByTestId('requests').getByRole('row').filter({ hasText: 'callback' })
  // Every try is refused at once; the record turns "failed" after the last one (retries back off: allow for them).
  await expect(row.getByText('failed', { exact: true })).toBeVisible({ timeout: 60_000 })
  await row.getByRole('button', { name: 'Replay', exact: true }).click()
  await expect(row.getByText(/^ ?Sent again as callback /)).toBeVisible()
  await row.getByRole('button', { name: 'callback' }).first().click()
  await expect(
    page.getByTestId('request-detail').getByRole('button', { name: 'Replay this callback' }),
  ).toBeVisible()
})

async function csrf(context: BrowserContext): Promise<string> {
  const s = await context.request.get('/sandbox/v1/session')
  return ((await s.json()) as { csrfToken: string }).csrfToken
}
