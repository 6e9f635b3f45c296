/**
 * The osp-web sample e-Service (sdk-samples/osp-web, on port 3000 beside the sandbox on 8787) in Debian Chromium:
 * login with the desktop QR → e-ME form filling → PDF signing → the downloaded PDF validated by pdfsig against the
 * sandbox's mock root (OCSP answered by the sandbox). The "phone" is the virtual app in a second tab.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test'

/** The journey also fails on a console error or uncaught exception in any tab (osp-web's, the sandbox's, the phone's). */
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

const OSP = 'http://127.0.0.1:3000'
const POLL = { timeout: 20_000 } // the QR page polls every second, osp-web's waiting page reloads every second

/** Opens the QR page's link in the "phone" tab and authorises there as magic-approve. */
async function approveOnPhone(page: Page, context: BrowserContext, expectSignCode?: string): Promise<void> {
  await expect(page.getByTestId('qr-page')).toBeVisible()
  const href = await page.getByTestId('open-virtual-app').getAttribute('href')
  const phone = await context.newPage()
  await phone.goto(href!)
  await expect(phone.getByTestId('request-service')).toHaveText('Demo e-Service')
  const choose = phone.getByTestId('choose-magic-approve')
  if (await choose.isVisible()) await choose.click()
  if (expectSignCode) await expect(phone.getByTestId('app-sign-code')).toHaveText(expectSignCode)
  await phone.getByTestId('approve').click()
  await expect(phone.getByTestId('outcome')).toHaveText('Authorised')
  await phone.close()
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => execFile(cmd, args, (_e, out, err) => resolve(`${out}${err}`)))
}

test('osp-web: login → form filling → PDF signing → a download pdfsig validates', async ({
  page,
  context,
  request,
}) => {
  // The button per the UI guidelines, in three languages.
  await page.goto(`${OSP}/?lang=zh-HK`)
  await expect(page.getByTestId('iams-login')).toHaveText('智方便登入')
  await expect(page.getByTestId('more-info')).toHaveAttribute('href', 'https://www.iamsmart.gov.hk/tc/')
  await page.getByRole('link', { name: 'English' }).click()
  await expect(page.getByTestId('iams-login')).toHaveText('Login with iAM Smart')
  await expect(page.getByTestId('iams-login')).toHaveCSS('background-color', 'rgb(43, 115, 103)')

  // 1. Login: the sandbox's QR page, the virtual app, back with a code; a local account is created and linked.
  await page.getByTestId('iams-login').click()
  const sandbox = new URL(page.url()).origin // the sandbox osp-web talks to (http://127.0.0.1:8787 in this suite)
  await approveOnPhone(page, context)
  await expect(page).toHaveURL(`${OSP}/`, POLL)
  await expect(page.getByTestId('welcome')).toContainText('We created your account ACC-')
  await expect(page.getByTestId('user-name')).toHaveText('CHAN, Tai Man')

  // 2. Form filling: "Continue with iAM Smart", approved on the phone, the callback fills the form.
  await page.getByTestId('go-form').click()
  await page.getByTestId('iams-continue').click()
  await approveOnPhone(page, context)
  await expect(page).toHaveURL(`${OSP}/form`, POLL)
  await expect(page.locator('#email')).toHaveValue('taiman.chan@example.com')
  await expect(page.locator('#mobile')).toHaveValue('+852 91234567')
  await expect(page.getByTestId('from-iamsmart-email')).toHaveText('from iAM Smart')
  await page.getByTestId('save').click()
  await expect(page.getByTestId('flash')).toHaveText('Form saved.')

  // 3. PDF signing: the identification code on osp-web's page, the same in the app; the signed PDF to download.
  await page.getByTestId('iams-signing').click()
  const signCode = (await page.getByTestId('sign-code').textContent())!.trim()
  expect(signCode).toMatch(/^\d{4}$/)
  await page.getByTestId('continue-to-qr').click()
  await expect(page.getByTestId('sign-code')).toHaveText(signCode) // the QR page shows it too
  await approveOnPhone(page, context, signCode)
  await expect(page).toHaveURL(`${OSP}/form`, POLL)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download').first().click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^application-pdf-[0-9a-f-]+\.pdf$/)
  const dir = mkdtempSync(join(tmpdir(), 'e2e-osp-web-'))
  const pdf = join(dir, 'signed.pdf')
  await download.saveAs(pdf)

  // 4. pdfsig, trusting only the mock root, asking the sandbox's OCSP responder.
  writeFileSync(join(dir, 'root.pem'), await (await request.get(`${sandbox}/pki/root.pem`)).text())
  const db = `sql:${dir}`
  await run('certutil', ['-N', '-d', db, '--empty-password'])
  await run('certutil', ['-A', '-d', db, '-n', 'mock-root', '-t', 'C,C,C', '-i', join(dir, 'root.pem')])
  const out = await run('pdfsig', ['-nssdir', db, pdf])
  expect(out).toContain('Signer Certificate Common Name: CHAN, Tai Man')
  expect(out).toContain('Total document signed')
  expect(out).toContain('Signature Validation: Signature is Valid.')
  expect(out).toContain('Certificate Validation: Certificate is Trusted.')

  // 5. What happened, step by step, with the D-codes.
  await page.getByTestId('nav-timeline').click()
  const rows = page.getByTestId('timeline-row')
  for (const call of [
    'getToken',
    'getProfiles',
    'initiateEmeRequest',
    'initiatePdfSigningRequest',
    'ackSigningResult',
  ])
    await expect(rows.filter({ hasText: call }).filter({ hasText: 'D00000' }).first()).toBeVisible()
})
