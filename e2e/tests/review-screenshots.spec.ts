/**
 * For review (issue 17): screenshots of the home page, getting started, an API reference page, the request inspector
 * and the staff console at 1280 and 390 px, in English and 繁體中文, saved to reports/screenshots/; and axe-core
 * (WCAG 2.1 A and AA) finding no violation on every kind of page, the API reference included.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { ADMIN_TOKEN, BASE_URL, getQrUrl } from './env'

const SHOTS = fileURLToPath(new URL('../../reports/screenshots', import.meta.url))
const PASSWORD = 'correct horse battery staple'
const RETURN_URI = 'https://review.example/return'
const LOCALES = [
  ['en', ''],
  ['zh-Hant', '/zh-Hant'],
] as const
const WIDTHS = [1280, 390] as const

/** A member with an app that has a few calls in its inspector (one failure with a diagnosis). */
async function memberWithTraffic(context: BrowserContext): Promise<string> {
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: {
      email: `review-${randomBytes(5).toString('hex')}@e2e.example`,
      password: PASSWORD,
      orgName: 'Review Library',
    },
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
    data: { name: 'Review e-Service', redirectURIs: [RETURN_URI], kekPublicKeys: { A: kek.publicKey } },
  })
  expect(created.status(), await created.text()).toBe(201)
  const app = (await created.json()) as { clientID: string; clientSecret: string }
  const client = createIamSmartClient({
    baseUrl: `${BASE_URL}/api/v1`,
    clientID: app.clientID,
    clientSecret: app.clientSecret,
    kekPrivateKeys: [kek.privateKey],
  })
  const back = await fetch(
    client.buildGetQrUrl({ redirectURI: RETURN_URI, scope: 'eidapi_auth', state: 'r' }),
    {
      redirect: 'manual',
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    },
  )
  const code = new URL(back.headers.get('location')!).searchParams.get('code')!
  expect((await client.getToken({ code, grantType: 'authorization_code' })).ok).toBe(true)
  expect((await client.getToken({ code, grantType: 'authorization_code' })).ok).toBe(false)
  return app.clientID
}

/** A support agent signed in on the staff console in this context. */
async function staffSignedIn(context: BrowserContext, page: Page): Promise<void> {
  const email = `review-agent-${randomBytes(5).toString('hex')}@e2e.example`
  const res = await context.request.post('/sandbox/v1/staff', {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { email, password: PASSWORD, role: 'agent' },
  })
  expect(res.status(), await res.text()).toBe(201)
  await page.goto('/staff-console')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-as')).toHaveText(email)
}

/** Every axe-core violation (any impact) of the page, as readable lines; the full result is kept beside the screenshots. */
async function axeViolations(page: Page, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  mkdirSync(`${SHOTS}/axe`, { recursive: true })
  writeFileSync(
    `${SHOTS}/axe/${name}.json`,
    JSON.stringify({ url: page.url(), violations: result.violations }, null, 2),
  )
  return result.violations.map(
    (v) => `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

test('screenshots for review: five pages × 1280/390 px × English/繁體中文', async ({ page, context }) => {
  test.setTimeout(240_000)
  mkdirSync(SHOTS, { recursive: true })
  const clientID = await memberWithTraffic(context)
  const staff = await context.browser()!.newContext({ baseURL: BASE_URL })
  const staffPage = await staff.newPage()
  await staffSignedIn(staff, staffPage)

  const pages: [string, string, (p: Page) => Promise<void>, Page][] = [
    ['home', '/', (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(), page],
    ['getting-started', '/docs/getting-started', (p) => expect(p.locator('article h1')).toBeVisible(), page],
    ['api-get-token', '/docs/api/get-token', (p) => expect(p.getByTestId('api-facts')).toBeVisible(), page],
    [
      'inspector',
      `/console/inspector?app=${clientID}`,
      (p) => expect(p.getByTestId('requests').locator('tr').filter({ hasText: 'D40004' })).toBeVisible(),
      page,
    ],
    [
      'staff-console',
      '/staff-console',
      (p) => expect(p.getByTestId('signed-in-as')).toBeVisible(),
      staffPage,
    ],
  ]
  for (const [locale, prefix] of LOCALES)
    for (const width of WIDTHS)
      for (const [name, path, ready, p] of pages) {
        await p.setViewportSize({ width, height: width === 390 ? 844 : 800 })
        const res = await p.goto(`${prefix}${path}`)
        expect(res?.status(), `${prefix}${path}`).toBe(200)
        await ready(p)
        await p.screenshot({ path: `${SHOTS}/${name}-${locale}-${width}.png`, fullPage: true })
      }
  await staff.close()
})

test('axe finds no violation on any kind of page, the API reference included', async ({ page, context }) => {
  test.setTimeout(240_000)
  const clientID = await memberWithTraffic(context)
  const kinds: [string, string, (p: Page) => Promise<void>][] = [
    ['home', '/', async (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible()],
    ['doc', '/docs/getting-started', async (p) => expect(p.locator('article h1')).toBeVisible()],
    [
      'api-overview',
      '/docs/api/iam-smart-platform-api-sandbox',
      async (p) => expect(p.locator('h1')).toBeVisible(),
    ],
    ['api-tag', '/docs/api/login', async (p) => expect(p.locator('h1')).toBeVisible()],
    [
      'api-operation',
      '/docs/api/initiate-signing-request',
      async (p) => {
        await expect(p.getByTestId('api-facts')).toBeVisible()
        await p.getByTestId('api-facts').locator('summary').click()
      },
    ],
    ['tutorial', '/tutorials/01-first-login', async (p) => expect(p.locator('article h1')).toBeVisible()],
    ['news', '/news', async (p) => expect(p.locator('main')).toBeVisible()],
    [
      'console-inspector',
      `/console/inspector?app=${clientID}`,
      async (p) => expect(p.getByTestId('requests')).toBeVisible(),
    ],
    ['console-app', `/console/app?app=${clientID}`, async (p) => expect(p.locator('#keks')).toBeVisible()],
    ['support-desk', '/support-desk', async (p) => expect(p.getByTestId('signed-in-as')).toBeVisible()],
    [
      'staff-console',
      '/staff-console',
      async (p) => expect(p.getByRole('heading', { level: 1 })).toBeVisible(),
    ],
    ['virtual-app', '/app', async (p) => expect(p.getByTestId('resident-picker')).toBeVisible()],
    ['qr-page', getQrUrl({ state: 'axe' }), async (p) => expect(p.getByTestId('qr-page')).toBeVisible()],
  ]
  const problems: string[] = []
  for (const [locale, prefix] of LOCALES)
    for (const [name, path, ready] of kinds) {
      const platformPage = path.startsWith('/app') || path.startsWith('/api/')
      if (platformPage && locale !== 'en') continue
      await page.goto(platformPage ? path : `${prefix}${path}`)
      await ready(page)
      problems.push(...(await axeViolations(page, `${name}-${locale}`)))
    }
  expect(problems).toEqual([])
})
