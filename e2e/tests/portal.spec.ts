// The developer portal served by the sandbox's own port: home in three languages, guides, API reference, search,
// mermaid diagrams and the troubleshooting anchors the request inspector links to. Screenshots are kept as artefacts.
import { expect, type Page, test } from '@playwright/test'

// A sample; portal/scripts/troubleshooting-anchors.test.ts checks every id the inspector's source can emit.
const TROUBLESHOOTING_ANCHORS = [
  'signature-mismatch',
  'signature-body-reserialised',
  'timestamp-window',
  'nonce-reused',
  'cek-expired',
  'cek-unknown',
  'redirect-uri-not-registered',
  'scope-not-granted',
  'code-reused',
  'token-expired',
  'businessid-reused',
  'source-unsupported',
  'callback-http-error',
  'scenario-forced',
  'code-d20003',
  'node-20-rsa-pkcs1',
  'pdfsig-ocsp',
]

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: false })
}

/** Types into the local search box and waits for a suggestion (a listbox option) matching `expected`. */
async function search(page: Page, query: string, expected: RegExp): Promise<void> {
  const box = page.getByRole('searchbox').or(page.locator('input.navbar__search-input')).first()
  await box.click()
  await box.fill(query)
  await expect(page.getByRole('option', { name: expected }).first()).toBeVisible({ timeout: 20_000 })
}

test.describe('developer portal', () => {
  test('the home page loads in English, from the same port as the platform', async ({ page, request }) => {
    const res = await page.goto('/')
    expect(res?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('iAM Smart Developer Sandbox')
    await expect(page.getByRole('heading', { name: 'Five-minute quick start' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Who it is for' })).toBeVisible()
    await expect(page.locator('.navbar').getByRole('link', { name: 'Console' })).toBeVisible()
    await shot(page, 'home-en')
    // The platform still answers its own paths on the same port.
    expect((await request.get('/healthz')).status()).toBe(200)
    const unknownApi = await request.post('/api/v1/nope', { data: {} })
    expect(unknownApi.status()).toBe(404)
    expect((await unknownApi.json()).code).toBe('D20027')
  })

  test('switching to 繁體中文 and 简体中文 shows the translated home and getting started', async ({
    page,
  }) => {
    await page.goto('/')
    await page
      .locator('.navbar')
      .getByRole('button', { name: /English/ })
      .hover()
    await page.getByRole('link', { name: '繁體中文' }).first().click()
    await expect(page).toHaveURL(/\/zh-Hant\/$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('智方便開發者沙盒')
    await expect(page.getByRole('heading', { name: '五分鐘快速入門' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK')
    await shot(page, 'home-zh-hant')
    await page.locator('.navbar').getByRole('link', { name: '快速入門' }).click()
    await expect(page).toHaveURL(/\/zh-Hant\/docs\/getting-started$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('快速入門')

    await page
      .locator('.navbar')
      .getByRole('button', { name: /繁體中文/ })
      .hover()
    await page.getByRole('link', { name: '简体中文' }).first().click()
    await expect(page).toHaveURL(/\/zh-Hans\/docs\/getting-started$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('快速入门')
    await page.goto('/zh-Hans/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('智方便开发者沙盒')
    await expect(page.getByRole('heading', { name: '五分钟快速入门' })).toBeVisible()
    await shot(page, 'home-zh-hans')
  })

  test('every journey guide is translated', async ({ page }) => {
    for (const [path, title] of [
      ['/zh-Hant/docs/guides/login', '登入'],
      ['/zh-Hant/docs/guides/pdf-signing', 'PDF 簽署'],
      ['/zh-Hans/docs/guides/login', '登录'],
      ['/zh-Hans/docs/guides/eme-form-filling', 'e-ME 填表'],
    ] as const) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
    }
  })

  test('the API reference page for getToken renders from the bundled spec, decrypted fields first-class', async ({
    page,
  }) => {
    await page.goto('/docs/api/get-token')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Exchange an authorisation code for an access token',
    )
    await expect(page.locator('.openapi__method-endpoint').first()).toContainText('/auth/getToken')
    // The decrypted request fields, the fidelity badge and the D-codes with their meaning; no raw extension YAML.
    await expect(page.locator('.openapi-schema__property', { hasText: /^grantType$/ }).first()).toBeVisible()
    await expect(page.getByTestId('fidelity-badge')).toHaveText('Fidelity: Confirmed')
    await expect(page.getByTestId('encrypted-badge')).toBeVisible()
    await page.getByTestId('api-facts').locator('summary').click()
    await expect(page.getByTestId('dcodes').getByRole('row', { name: /D40004/ })).toContainText(
      'AuthCode not existed',
    )
    await expect(page.getByText('x-encrypted-content:')).toHaveCount(0)
    await expect(page.getByText('echoed verbatim.": null')).toHaveCount(0)
    await shot(page, 'api-get-token')
  })

  test('local search finds getToken in English and a guide in Chinese', async ({ page }) => {
    await page.goto('/')
    await search(page, 'getToken', /getToken|access token/i)
    await shot(page, 'search-en')
    await page.goto('/zh-Hant/')
    await search(page, '識別碼', /識別碼/)
    await shot(page, 'search-zh-hant')
  })

  test('the login guide renders its mermaid sequence diagram as SVG', async ({ page }) => {
    await page.goto('/docs/guides/login')
    const diagram = page.locator('.docusaurus-mermaid-container svg').first()
    await expect(diagram).toBeVisible({ timeout: 20_000 })
    await expect(diagram).toContainText('getToken')
    await shot(page, 'login-mermaid')
  })

  test('the troubleshooting page has every anchor the request inspector links to', async ({ page }) => {
    await page.goto('/docs/troubleshooting#node-20-rsa-pkcs1')
    for (const anchor of TROUBLESHOOTING_ANCHORS)
      await expect(page.locator(`[id="${anchor}"]`)).toHaveCount(1)
    await expect(page.locator('#node-20-rsa-pkcs1')).toBeInViewport()
    await expect(page.getByText('--security-revert=CVE-2023-46809').first()).toBeVisible()
  })

  test('the API reference exists in every language: choosing 繁體中文 on an API page keeps the page', async ({
    page,
  }) => {
    await page.goto('/docs/api/get-token')
    await page
      .locator('.navbar')
      .getByRole('button', { name: /English/ })
      .hover()
    await page.getByRole('link', { name: '繁體中文' }).first().click()
    await expect(page).toHaveURL(/\/zh-Hant\/docs\/api\/get-token$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-HK')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Exchange an authorisation code for an access token',
    )
    // The overview is listed once in the API sidebar.
    await expect(
      page.locator('.theme-doc-sidebar-menu a[href$="/docs/api/iam-smart-platform-api-sandbox"]'),
    ).toHaveCount(1)
    await page.goto('/zh-Hans/docs/reference/dcodes')
    await page.locator('a[href="/zh-Hans/docs/api/get-token"]').first().click()
    await expect(page).toHaveURL(/\/zh-Hans\/docs\/api\/get-token$/)
  })

  test('the tutorials and the samples are in the portal', async ({ page }) => {
    await page.goto('/tutorials/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tutorials')
    await page.getByRole('link', { name: 'First login with the desktop QR code' }).click()
    await expect(page).toHaveURL(/\/tutorials\/01-first-login$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      '01 · First login with the desktop QR code',
    )
    await expect(page.getByText('createIamSmartClient').first()).toBeVisible()
    await expect(page.getByText('tutorials/01-first-login/login.test.ts').first()).toBeVisible()
    await page.goto('/tutorials/samples')
    for (const sample of ['osp-web', 'osp-backend-tests', 'msw-example', 'cli'])
      await expect(page.getByRole('link', { name: new RegExp(`^${sample}`) }).first()).toBeVisible()
    await expect(page.getByText('npx vitest run sdk-samples/msw-example').first()).toBeVisible()
    await shot(page, 'samples')
  })

  test('the generated tables list the magic residents and the D-codes; unknown pages get the 404 page', async ({
    page,
  }) => {
    await page.goto('/docs/reference/residents')
    await expect(page.getByRole('cell', { name: 'magic-hkid-mismatch' })).toBeVisible()
    await page.goto('/docs/reference/dcodes#d70004')
    await expect(page.locator('#d70004')).toBeInViewport()
    const missing = await page.goto('/docs/no-such-page')
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })

  test('the UI guidelines show the login button live', async ({ page }) => {
    await page.goto('/docs/ui-guidelines')
    await expect(page.getByRole('button', { name: 'Login with iAM Smart' }).first()).toBeVisible()
    await expect(page.getByRole('button', { name: '智方便登入' }).first()).toBeVisible()
    await shot(page, 'ui-guidelines')
  })
})
