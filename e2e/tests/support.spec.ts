/**
 * The support desk and the staff console in Debian Chromium (issue 7): a provider files an enquiry attaching a failed
 * platform call → an agent finds it in the queue, sees the call and the suggested category, replies with a canned
 * answer and sets the status → the provider sees the reply and resolves it. Then a programme application is
 * submitted, returned with a reason, resubmitted and approved, and the organisation's programme stage moves on.
 * Set-up goes through the API; every step's screenshot is attached to the report.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
  type TestInfo,
} from '@playwright/test'
import { ADMIN_TOKEN, BASE_URL } from './env'

const PASSWORD = 'correct horse battery staple'
const uniqueEmail = (who: string) => `${who}-${randomBytes(5).toString('hex')}@e2e.example`

async function step(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${String(testInfo.attachments.length + 1).padStart(2, '0')}-${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** Signs a provider up with the context's cookie jar; returns the CSRF token and the organisation's id. */
async function signUpProvider(context: BrowserContext, orgName: string) {
  const email = uniqueEmail('provider')
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: { email, password: PASSWORD, orgName },
  })
  expect(res.status(), await res.text()).toBe(201)
  const body = (await res.json()) as { csrfToken: string; organisation: { id: string } }
  return { email, csrfToken: body.csrfToken, orgId: body.organisation.id }
}

/** A support agent (or lead), created with the admin token. */
async function createStaff(request: APIRequestContext, role: 'agent' | 'lead' = 'agent') {
  const email = uniqueEmail(role)
  const res = await request.post('/sandbox/v1/staff', {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { email, password: PASSWORD, role },
  })
  expect(res.status(), await res.text()).toBe(201)
  return email
}

/** A new browser context signed in (through the inline sign-in form) as a staff member, on the staff console. */
async function staffPage(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'en-US' })
  const page = await context.newPage()
  await page.goto('/staff-console')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-as')).toHaveText(email)
  return { context, page }
}

test.describe('support desk', () => {
  test('an enquiry with a failed call: filed → triaged and answered with a canned answer → resolved', async ({
    page,
    context,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(120_000)
    // Set-up through the API: a provider with an app and a KEK, a failed getKey (bad signature → D20006), an agent.
    const provider = await signUpProvider(context, 'Support E2E Library')
    const kek = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    })
    const created = await context.request.post('/sandbox/v1/apps', {
      headers: { Origin: BASE_URL, 'X-CSRF-Token': provider.csrfToken },
      data: { name: 'Support E2E e-Service', kekPublicKeys: { A: kek.publicKey } },
    })
    expect(created.status(), await created.text()).toBe(201)
    const { clientID } = (await created.json()) as { clientID: string }
    const getKey = await fetch(`${BASE_URL}/api/v1/security/getKey`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        clientID,
        signatureMethod: 'HmacSHA256',
        timestamp: String(Date.now()),
        nonce: randomBytes(16).toString('hex'),
        signature: randomBytes(32).toString('base64'),
      },
      body: '{}',
    })
    const envelope = (await getKey.json()) as { code: string; txID: string }
    expect(envelope.code).toBe('D20006')
    const failedTxID = envelope.txID
    const agentEmail = await createStaff(request, 'agent')

    // 1. The provider files an enquiry attaching that failed call.
    await page.goto('/support-desk')
    await expect(page.getByTestId('signed-in-as')).toHaveText(provider.email)
    const subject = `getKey refused ${randomBytes(3).toString('hex')}`
    await page.getByLabel('Subject').fill(subject)
    await page.getByRole('checkbox', { name: new RegExp(failedTxID) }).check()
    await page
      .getByLabel('Description')
      .fill('Our getKey call is refused with D20006 every time, although we sign with the client secret.')
    await page.getByLabel('Severity').selectOption('high')
    await step(page, testInfo, 'provider-new-enquiry')
    await page.getByRole('button', { name: 'Submit' }).click()
    await expect(page.getByRole('heading', { level: 2, name: subject })).toBeVisible()
    await expect(page).toHaveURL(/\/support-desk\?enquiry=[0-9a-f]{32}$/)
    const enquiryId = new URL(page.url()).searchParams.get('enquiry')!
    await expect(page.getByTestId('enquiry-status')).toHaveText('New')
    await expect(page.getByText(failedTxID)).toBeVisible()
    await step(page, testInfo, 'provider-enquiry-filed')

    // 2. The agent: the queue shows it; the attached call, its D-code and diagnosis, the suggested category.
    const agent = await staffPage(browser, agentEmail)
    const row = agent.page.getByTestId('queue').getByRole('row').filter({ hasText: subject })
    await expect(row).toBeVisible()
    await step(agent.page, testInfo, 'agent-queue')
    await row.getByRole('link', { name: subject }).click()
    await expect(agent.page).toHaveURL(new RegExp(`/staff-console\\?enquiry=${enquiryId}$`))
    await expect(agent.page.getByTestId('suggested-category')).toHaveText('Keys and encryption')
    const call = agent.page.getByTestId('attached-call')
    await expect(call).toContainText('D20006')
    await expect(call).toContainText('getKey')
    await expect(call).toContainText(failedTxID)
    await expect(call).toContainText('Diagnosis')
    await step(agent.page, testInfo, 'agent-enquiry')

    // An internal note, visibly marked, separate from the replies.
    await agent.page.getByLabel('Add note').fill('Probably signing with an old secret.')
    await agent.page.getByRole('button', { name: 'Add note' }).click()
    await expect(agent.page.getByTestId('internal-notes')).toContainText(
      'Probably signing with an old secret.',
    )

    // Reply with the suggested canned answer and ask the provider to check.
    await expect(agent.page.getByLabel('Canned answer')).toHaveValue('signature-mismatch')
    await expect(agent.page.getByTestId('canned-preview')).toBeVisible()
    await agent.page.getByLabel('Your reply').fill('Please check the secret your service signs with.')
    await agent.page.getByLabel('Then set status').selectOption('waiting_on_provider')
    await agent.page.getByRole('button', { name: 'Send' }).click()
    await expect(agent.page.getByTestId('staff-enquiry-status')).toHaveText('Waiting on provider')
    await expect(agent.page.getByText('Please check the secret your service signs with.')).toBeVisible()
    await step(agent.page, testInfo, 'agent-replied')
    await agent.context.close()

    // 3. The provider sees the reply (not the note) and resolves the enquiry.
    await page.goto(`/support-desk?enquiry=${enquiryId}`)
    await expect(page.getByTestId('enquiry-status')).toHaveText('Waiting on provider')
    await expect(page.getByTestId('reply').filter({ hasText: 'Please check the secret' })).toBeVisible()
    await expect(page.getByText('Probably signing with an old secret.')).toHaveCount(0)
    await step(page, testInfo, 'provider-sees-reply')
    await page.getByRole('button', { name: 'Mark resolved' }).click()
    await expect(page.getByTestId('enquiry-status')).toHaveText('Resolved')
    await step(page, testInfo, 'provider-resolved')
  })

  test('a programme application: submitted → returned with a reason → resubmitted → approved', async ({
    page,
    context,
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(120_000)
    const provider = await signUpProvider(context, 'Support E2E Museum')
    const agentEmail = await createStaff(request, 'agent')

    // 1. The provider submits the Sandbox Programme application.
    await page.goto('/support-desk')
    await page.getByRole('button', { name: 'Applications' }).click()
    await expect(page.getByTestId('programme-stage')).toHaveText('Applicant')
    await page.getByLabel('Organisation name').fill('Support E2E Museum')
    await page.getByLabel('Industry sector').selectOption('culture')
    await page.getByLabel('Use case').fill('Visitors log in with iAM Smart to book exhibitions.')
    await page.getByLabel('Name 1', { exact: true }).fill('Chan Tai Man')
    await page.getByLabel('Email 1', { exact: true }).fill('it@museum.example')
    await page.getByLabel('Role 1', { exact: true }).fill('Project lead')
    await step(page, testInfo, 'provider-application')
    await page.getByRole('button', { name: 'Submit' }).click()
    await expect(page).toHaveURL(/\/support-desk\?application=[0-9a-f]{32}$/)
    const applicationId = new URL(page.url()).searchParams.get('application')!
    await expect(page.getByTestId('application-status')).toHaveText('New')

    // 2. The agent returns it with a reason.
    const agent = await staffPage(browser, agentEmail)
    await agent.page.goto(`/staff-console?application=${applicationId}`)
    await expect(agent.page.getByTestId('staff-application-status')).toHaveText('New')
    await agent.page.getByLabel('Reasons (one per line)').fill('Please describe the use case in more detail.')
    await agent.page.getByRole('button', { name: 'Return with reasons' }).click()
    await expect(agent.page.getByTestId('staff-application-status')).toHaveText('Waiting on provider')
    await step(agent.page, testInfo, 'agent-returned')

    // 3. The provider sees the reason and resubmits.
    await page.reload()
    await expect(page.getByTestId('returned-reasons')).toContainText(
      'Please describe the use case in more detail.',
    )
    await step(page, testInfo, 'provider-returned')
    await page.getByRole('button', { name: 'Edit and resubmit' }).click()
    await page
      .getByLabel('Use case')
      .fill('Visitors log in with iAM Smart to book exhibitions; members fill forms with e-ME.')
    await page.getByRole('button', { name: 'Resubmit' }).click()
    await expect(page.getByTestId('application-status')).not.toHaveText('Waiting on provider')
    await expect(page.getByText('Revision: 2')).toBeVisible()

    // 4. The agent approves; the organisation's programme stage moves to sandbox.
    await agent.page.reload()
    await expect(agent.page.getByText('Revision: 2')).toBeVisible()
    await agent.page.getByRole('button', { name: 'Approve' }).click()
    await expect(agent.page.getByTestId('staff-application-status')).toHaveText('Resolved')
    await step(agent.page, testInfo, 'agent-approved')
    await agent.context.close()

    const programme = await context.request.get(`/support/v1/organisations/${provider.orgId}/programme`)
    expect(programme.status()).toBe(200)
    expect(
      ((await programme.json()) as { organisation: { programmeStatus: string } }).organisation
        .programmeStatus,
    ).toBe('sandbox')
    await page.reload()
    await page.getByRole('button', { name: 'Back to the list' }).click()
    await expect(page.getByTestId('programme-stage')).toHaveText('Sandbox')
    await step(page, testInfo, 'provider-stage-sandbox')
  })

  test('the staff console dashboard draws its charts with text alternatives', async ({
    browser,
    request,
  }, testInfo) => {
    const agent = await staffPage(browser, await createStaff(request, 'agent'))
    await agent.page.getByRole('button', { name: 'Dashboard' }).click()
    await expect(agent.page.getByRole('img', { name: /Volume by category per week/ })).toBeVisible()
    await expect(agent.page.getByRole('img', { name: /Time to first response/ })).toBeVisible()
    await expect(agent.page.getByRole('img', { name: /Backlog age/ })).toBeVisible()
    await expect(agent.page.getByTestId('first-response-median')).toContainText('Median')
    await step(agent.page, testInfo, 'dashboard')
    await agent.context.close()
  })
})
