/**
 * The developer console in Debian Chromium: the newcomer journey (home → sign up → create an app → upload a KEK →
 * run the getting-started code → see the call in the inspector's live tail → switch language → search), the other
 * console pages (residents with field errors, scenarios and the test clock, members and change requests), and the
 * quality bar of the portal: no serious or critical axe-core violations, keyboard access to the main call to action,
 * no horizontal scrolling at phone width. Every step's screenshot is kept in the test's output directory.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, expect, type Page, type TestInfo } from '@playwright/test'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { test } from './clean-console'
import { BASE_URL } from './env'

const PASSWORD = 'correct horse battery staple'
const RETURN_URI = 'https://newcomer.example/iamsmart/return'

const uniqueEmail = (who: string) => `${who}-${randomBytes(5).toString('hex')}@e2e.example`

/** A screenshot of the current step, kept as a file in the test's output directory and attached to the report. */
async function step(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${String(testInfo.attachments.length + 1).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** Serious and critical axe-core violations of the page (WCAG 2.1 A and AA rules), attached as JSON. */
async function axeProblems(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const path = testInfo.outputPath(`axe-${name}.json`)
  writeFileSync(path, JSON.stringify({ url: page.url(), violations: result.violations }, null, 2))
  await testInfo.attach(`axe-${name}.json`, { path, contentType: 'application/json' })
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}

/** Signs up through the API with the browser context's cookie jar (the console then shows that account). */
async function signUpQuickly(context: BrowserContext, email: string, orgName?: string) {
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: { email, password: PASSWORD, ...(orgName ? { orgName } : {}) },
  })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()) as { csrfToken: string; organisation: { id: string } }
}

/** Types into the local search box and waits for a suggestion matching `expected`. */
async function search(page: Page, query: string, expected: RegExp): Promise<void> {
  const box = page.getByRole('searchbox').or(page.locator('input.navbar__search-input')).first()
  await box.click()
  await box.fill(query)
  await expect(page.getByRole('option', { name: expected }).first()).toBeVisible({ timeout: 20_000 })
}

test.describe('developer console', () => {
  test('newcomer journey: home → sign up → app → KEK → first login in code → inspector, in two languages', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000)
    // 1. Home: the call to action leads to the console's sign-up.
    await page.goto('/')
    await step(page, testInfo, 'home')
    await page.getByRole('link', { name: 'Sign up for the console' }).click()
    await expect(page).toHaveURL(/\/console\/sign-up$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account')

    // 2. Sign up: the organisation is solo, so every change applies at once.
    const email = uniqueEmail('newcomer')
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByLabel('Organisation name').fill('Newcomer Library')
    await step(page, testInfo, 'sign-up')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page).toHaveURL(/\/console\/apps$/)
    // Signed in: the console names the account (in its header, and in the welcome notice after sign-up).
    await expect(page.getByText(email).first()).toBeVisible()

    // 3. Register an app: the client secret is shown once.
    await page.getByLabel('App name').fill('Newcomer e-Service')
    await page.getByLabel('Redirect URIs').fill(RETURN_URI)
    await page.getByRole('button', { name: 'Register app' }).click()
    const clientID = (await page.getByTestId('client-id').textContent())!.trim()
    const clientSecret = (await page.getByTestId('client-secret').textContent())!.trim()
    expect(clientID).toMatch(/^[0-9a-f]{32}$/)
    expect(clientSecret.length).toBeGreaterThanOrEqual(16)
    await step(page, testInfo, 'app-created')

    // 4. Upload the public half of a fresh KEK (PEM); the private half stays with "the e-Service" (this test).
    const kek = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    })
    await page.getByRole('link', { name: 'Next: upload its key encryption key' }).click()
    await expect(page).toHaveURL(new RegExp(`/console/app\\?app=${clientID}$`))
    await page.getByLabel('Public key for slot A (PEM)').fill(kek.publicKey)
    await page.getByRole('button', { name: 'Upload key A' }).click()
    await expect(page.getByText('Saved: the change applies at once.')).toBeVisible()
    await expect(page.getByRole('heading', { name: /Key A\s+active/ })).toBeVisible()
    await step(page, testInfo, 'kek-uploaded')

    // 5. Open the inspector: the live tail is connected before the code runs.
    await page.getByRole('link', { name: 'Request inspector' }).first().click()
    await expect(page).toHaveURL(new RegExp(`/console/inspector\\?app=${clientID}$`))
    await expect(page.getByTestId('live-state')).toContainText('Live')
    await step(page, testInfo, 'inspector-empty')

    // 6. The getting-started code, with the new app's credentials: a headless login and getToken.
    const client = createIamSmartClient({
      baseUrl: `${BASE_URL}/api/v1`,
      clientID,
      clientSecret,
      kekPrivateKeys: [kek.privateKey],
    })
    const state = crypto.randomUUID()
    const getQrUrl = client.buildGetQrUrl({
      redirectURI: RETURN_URI,
      scope: 'eidapi_auth',
      state,
      lang: 'en-US',
    })
    const res = await fetch(getQrUrl, {
      redirect: 'manual',
      headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
    })
    const back = new URL(res.headers.get('location')!)
    expect(back.searchParams.get('state')).toBe(state)
    const token = await client.getToken({
      code: back.searchParams.get('code')!,
      grantType: 'authorization_code',
    })
    expect(token.ok, JSON.stringify(token)).toBe(true)

    // 7. The live tail shows getToken answered D00000, without reloading the page.
    const row = page.getByTestId('requests').getByRole('row').filter({ hasText: 'getToken' })
    await expect(row).toContainText('D00000')
    await expect(page.getByTestId('requests').getByRole('row').filter({ hasText: 'getKey' })).toContainText(
      'D00000',
    )
    await row.getByRole('button', { name: 'getToken' }).click()
    const detail = page.getByTestId('request-detail')
    await expect(detail.getByRole('heading', { name: 'getToken' })).toBeVisible()
    await expect(detail).toContainText('No problem found')
    await expect(detail).toContainText('authorization_code')
    await step(page, testInfo, 'inspector-get-token')

    // A mistake the inspector explains: the same code exchanged twice, diagnosed and linked to troubleshooting.
    const replay = await client.getToken({
      code: back.searchParams.get('code')!,
      grantType: 'authorization_code',
    })
    expect(replay.ok).toBe(false)
    const failed = page.getByTestId('requests').getByRole('row').filter({ hasText: 'D40004' })
    await expect(failed).toContainText('already used')
    await failed.getByRole('button', { name: 'getToken' }).click()
    await expect(detail.getByText(/^Fix:/)).toBeVisible()
    await step(page, testInfo, 'inspector-diagnosis')
    await detail.getByRole('link', { name: 'Troubleshooting: code-reused' }).click()
    await expect(page).toHaveURL(/\/docs\/troubleshooting#code-reused$/)
    await expect(page.locator('#code-reused')).toBeInViewport()
    await page.goBack()
    await expect(
      page.getByTestId('requests').getByRole('row').filter({ hasText: 'D00000' }).first(),
    ).toBeVisible()

    // 8. Switch to Traditional Chinese: the same page, translated, still signed in.
    await page
      .locator('.navbar')
      .getByRole('button', { name: /English/ })
      .hover()
    await page.getByRole('link', { name: '繁體中文' }).first().click()
    await expect(page).toHaveURL(new RegExp(`/zh-Hant/console/inspector\\?app=${clientID}$`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('請求檢查器')
    await expect(
      page
        .getByTestId('requests')
        .getByRole('row')
        .filter({ hasText: 'getToken' })
        .filter({ hasText: 'D00000' }),
    ).toBeVisible()
    await step(page, testInfo, 'inspector-zh-hant')

    // 9. Search finds a page in Chinese, then in English.
    await search(page, '疑難排解', /疑難排解|Troubleshooting/)
    await step(page, testInfo, 'search-zh-hant')
    await page.goto('/docs/getting-started')
    await search(page, 'request inspector', /Troubleshooting|inspector/i)
    await step(page, testInfo, 'search-en')
  })

  test('residents: search, add with field errors shown, edit, reset', async ({ page, context }, testInfo) => {
    await signUpQuickly(context, uniqueEmail('residents'), 'Residents Lab')
    await page.goto('/console/residents')
    await page.getByLabel('Name, id or HKID').fill('magic-approve')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByRole('heading', { name: 'Residents found: 1' })).toBeVisible()
    await page.getByRole('button', { name: 'magic-approve' }).click()
    await expect(page.getByText('A shared resident of the sandbox')).toBeVisible()

    await page.getByRole('button', { name: 'New resident' }).click()
    await page.getByLabel('HKID number').fill('QA123456(0)')
    await page.getByLabel('English name').fill('LEE, Siu Fong')
    await page.getByLabel('Date of birth').fill('2090-01-01')
    await page.getByLabel('e-ME mobile number').fill('1234')
    await page.getByRole('button', { name: 'Add resident' }).click()
    // Each invalid field shows the sandbox's own message, under that field.
    await expect(page.getByText('is not the check digit of QA123456 (it is 5)')).toBeVisible()
    await expect(page.getByText('must not be in the future')).toBeVisible()
    await expect(page.getByText('must be 8 digits for a Hong Kong number')).toBeVisible()
    await expect(page.getByLabel('HKID number')).toHaveAttribute('aria-invalid', 'true')
    await step(page, testInfo, 'resident-field-errors')

    await page.getByLabel('HKID number').fill('QA123456(5)')
    await page.getByLabel('Date of birth').fill('1990-05-04')
    await page.getByLabel('e-ME mobile number').fill('91234567')
    await page.getByRole('button', { name: 'Add resident' }).click()
    await expect(page.getByText(/^Added u-[0-9a-f]{32}\.$/)).toBeVisible()
    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('English name').fill('LEE, Siu Fong Mary')
    await page.getByRole('button', { name: 'Save resident' }).click()
    await expect(page.getByRole('heading', { name: /LEE, Siu Fong Mary/ })).toBeVisible()
    await step(page, testInfo, 'resident-saved')

    page.once('dialog', (d) => void d.accept())
    await page.getByRole('button', { name: "Reset my organisation's residents" }).click()
    await expect(page.getByText('Residents removed: 1.')).toBeVisible()
  })

  test('scenarios, CEK expiry and the test clock of an app', async ({ page, context }, testInfo) => {
    const { csrfToken } = await signUpQuickly(context, uniqueEmail('scenarios'), 'Scenario Lab')
    const created = await context.request.post('/sandbox/v1/apps', {
      headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
      data: { name: 'Scenario app', redirectURIs: [RETURN_URI] },
    })
    const { clientID } = (await created.json()) as { clientID: string }
    await page.goto(`/console/scenarios?app=${clientID}`)
    await page.getByLabel('Operation').selectOption('getToken')
    await page.getByLabel('D-code').selectOption('D40004')
    await page.getByLabel('For the next calls').fill('2')
    await page.getByRole('button', { name: 'Queue scenario' }).click()
    const row = page.getByRole('row').filter({ hasText: 'getToken' })
    await expect(row).toContainText('D40004')
    await expect(row).toContainText('2 / 2')

    await page.getByRole('button', { name: 'Force CEK expiry' }).click()
    await expect(page.getByText(/content keys expired at/)).toBeVisible()

    await page.getByRole('button', { name: '+10 min (a token expires)' }).click()
    await expect(page.getByTestId('clock-offset')).toHaveText('10 min 0.001 s (600,001 ms)')
    await step(page, testInfo, 'scenarios-and-clock')
    await page.getByRole('button', { name: 'Back to real time' }).click()
    await expect(page.getByTestId('clock-offset')).toHaveText('0 ms')

    await row.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText("None: the app's calls run normally.", { exact: false })).toBeVisible()
  })

  test('members and change requests: a creator proposes, an approver approves', async ({
    browser,
  }, testInfo) => {
    const approverContext = await browser.newContext()
    const creatorContext = await browser.newContext()
    try {
      const approver = await approverContext.newPage()
      const creator = await creatorContext.newPage()
      const { csrfToken } = await signUpQuickly(approverContext, uniqueEmail('approver'), 'Approval Office')
      const created = await approverContext.request.post('/sandbox/v1/apps', {
        headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
        data: { name: 'Shared app', redirectURIs: [RETURN_URI] },
      })
      const { clientID } = (await created.json()) as { clientID: string }

      // The approver invites a creator: inviting ends solo, so changes now need approval.
      await approver.goto('/console/organisation')
      const creatorEmail = uniqueEmail('creator')
      await approver.getByLabel('Email address').fill(creatorEmail)
      await approver.getByLabel('Role', { exact: true }).selectOption('creator')
      await approver.getByRole('button', { name: 'Send invitation' }).click()
      await expect(approver.getByRole('row').filter({ hasText: creatorEmail })).toContainText('invited')
      await expect(approver.getByText(`Invited ${creatorEmail}.`)).toBeVisible()
      await expect(approver.getByLabel('Solo: changes apply at once, without approval')).not.toBeChecked()

      // The creator signs up with the invited address and joins; the redirect URI change waits.
      await signUpQuickly(creatorContext, creatorEmail)
      await creator.goto(`/console/app?app=${clientID}`)
      await creator
        .getByLabel('Registered redirect URIs, one per line')
        .fill(`${RETURN_URI}\nhttps://newcomer.example/iamsmart/callback`)
      await creator.getByRole('button', { name: 'Save redirect URIs' }).click()
      await expect(creator.getByText('Proposed: the change waits for an approver')).toBeVisible()
      await step(creator, testInfo, 'creator-proposed')

      // The approver sees it pending and approves it.
      await approver.goto(`/console/app?app=${clientID}`)
      await expect(approver.getByText('pending').first()).toBeVisible()
      await approver.getByRole('button', { name: 'Approve' }).click()
      await expect(approver.getByText('applied').first()).toBeVisible()
      await expect(approver.getByLabel('Registered redirect URIs, one per line')).toBeVisible()
      await step(approver, testInfo, 'approver-approved')
      const app = await approverContext.request.get(`/sandbox/v1/apps/${clientID}`)
      expect(((await app.json()) as { redirectURIs: string[] }).redirectURIs).toHaveLength(2)
    } finally {
      await approverContext.close()
      await creatorContext.close()
    }
  })
})

test.describe('portal quality', () => {
  test('axe-core finds no serious or critical violations on the main pages and the console', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(120_000)
    const problems: string[] = []
    const check = async (path: string, name: string, ready: () => Promise<void>) => {
      await page.goto(path)
      await ready()
      problems.push(...(await axeProblems(page, testInfo, name)))
    }
    const h1 = (text: string | RegExp) => () =>
      expect(page.getByRole('heading', { level: 1 })).toHaveText(text)
    await check('/', 'home', h1('iAM Smart Developer Sandbox'))
    await check('/docs/getting-started', 'getting-started', h1('Getting started'))
    await check('/docs/guides/login', 'guide-login', h1(/Login/))
    await check('/tutorials/01-first-login', 'tutorial', h1(/First login/))
    await check('/zh-Hant/', 'home-zh-hant', h1('智方便開發者沙盒'))
    await check('/console/sign-up', 'console-sign-up', h1('Create an account'))
    await check('/console/sign-in', 'console-sign-in', h1('Sign in'))

    const { csrfToken } = await signUpQuickly(context, uniqueEmail('axe'), 'Axe Office')
    const created = await context.request.post('/sandbox/v1/apps', {
      headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
      data: { name: 'Axe app', redirectURIs: [RETURN_URI], scopes: ['eidapi_auth'] },
    })
    const { clientID } = (await created.json()) as { clientID: string }
    const loaded = (text: string) => () => expect(page.getByText(text).first()).toBeVisible()
    await check('/console', 'console-overview', loaded('Axe app'))
    await check('/console/apps', 'console-apps', loaded('Axe app'))
    await check(`/console/app?app=${clientID}`, 'console-app', loaded('Change requests'))
    await check(`/console/inspector?app=${clientID}`, 'console-inspector', () =>
      expect(page.getByTestId('live-state')).toContainText('Live'),
    )
    await check(`/console/scenarios?app=${clientID}`, 'console-scenarios', loaded('Queued scenarios'))
    await check('/console/residents', 'console-residents', loaded('magic-approve'))
    await check('/console/organisation', 'console-organisation', loaded('Invite a member'))
    await check(`/zh-Hant/console/app?app=${clientID}`, 'console-app-zh-hant', loaded('變更申請'))
    expect(problems).toEqual([])
  })

  test('the keyboard reaches the main call to action from the top of the home page', async ({ page }) => {
    await page.goto('/')
    const cta = page.getByRole('link', { name: 'Get started in five minutes' })
    let reached = false
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await cta.evaluate((el) => el === document.activeElement)
    }
    expect(reached, 'Tab reaches "Get started in five minutes"').toBe(true)
    // A visible focus ring, and Enter follows the link.
    const outline = await cta.evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/docs\/getting-started$/)
  })

  test('pages render at phone width (375 px) without horizontal scrolling', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 375, height: 740 })
    for (const [path, name] of [
      ['/', 'home'],
      ['/docs/getting-started', 'getting-started'],
      ['/docs/guides/login', 'guide-login'],
      ['/docs/troubleshooting', 'troubleshooting'],
      ['/tutorials/01-first-login', 'tutorial'],
      ['/console', 'console'],
      ['/console/sign-up', 'console-sign-up'],
      ['/zh-Hant/', 'home-zh-hant'],
    ] as const) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0)
      await step(page, testInfo, `phone-${name}`)
    }
  })
})
