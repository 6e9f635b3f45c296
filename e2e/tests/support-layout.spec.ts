/**
 * Support desk and staff console (issue 17): an application reads under the form's labels, not the API's field
 * names, for staff and provider; the support desk does not scroll sideways at 390 px (English and 繁體中文).
 */
import { randomBytes } from 'node:crypto'
import { type BrowserContext, expect, type Page, test } from '@playwright/test'
import { ADMIN_TOKEN, BASE_URL } from './env'

const PASSWORD = 'correct horse battery staple'
const uniqueEmail = (who: string) => `${who}-${randomBytes(5).toString('hex')}@e2e.example`

async function signUp(context: BrowserContext) {
  const res = await context.request.post('/sandbox/v1/accounts', {
    headers: { Origin: BASE_URL },
    data: { email: uniqueEmail('applicant'), password: PASSWORD, orgName: 'Layout Museum' },
  })
  expect(res.status(), await res.text()).toBe(201)
  return ((await res.json()) as { csrfToken: string }).csrfToken
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0)
}

test('an application shows labelled answers to staff and to the provider', async ({
  page,
  context,
  browser,
}) => {
  const csrfToken = await signUp(context)
  const created = await context.request.post('/support/v1/applications', {
    headers: { Origin: BASE_URL, 'X-CSRF-Token': csrfToken },
    data: {
      type: 'programme',
      organisationName: 'Layout Museum',
      sector: 'culture',
      useCase: 'Visitors log in with iAM Smart to book exhibitions.',
      contacts: [{ name: 'Chan Tai Man', email: 'it@museum.example', role: 'Project lead' }],
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { id } = (await created.json()) as { id: string }

  await page.goto(`/support-desk?application=${id}`)
  const mine = page.getByTestId('application-fields')
  await expect(mine.getByText('Organisation name', { exact: true })).toBeVisible()
  await expect(mine.getByText('Use case', { exact: true })).toBeVisible()
  await expect(mine).not.toContainText('organisationName')

  const email = uniqueEmail('agent')
  const staff = await context.request.post('/sandbox/v1/staff', {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { email, password: PASSWORD, role: 'agent' },
  })
  expect(staff.status(), await staff.text()).toBe(201)
  const agentContext = await browser.newContext({ baseURL: BASE_URL, locale: 'en-US' })
  const agent = await agentContext.newPage()
  await agent.goto(`/staff-console?application=${id}`)
  await agent.getByLabel('Email address').fill(email)
  await agent.getByLabel('Password').fill(PASSWORD)
  await agent.getByRole('button', { name: 'Sign in' }).click()
  const fields = agent.getByTestId('application-fields')
  await expect(fields.getByText('Industry sector', { exact: true })).toBeVisible()
  await expect(fields.getByText('Contacts', { exact: true })).toBeVisible()
  await expect(fields).toContainText('Chan Tai Man · Project lead · it@museum.example')
  await expect(agent.locator('pre', { hasText: '"organisationName"' })).toHaveCount(0)
  await agentContext.close()
})

for (const [locale, prefix] of [
  ['en', ''],
  ['zh-Hant', '/zh-Hant'],
] as const) {
  test(`the support desk does not scroll sideways at 390 px (${locale})`, async ({ page, context }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await signUp(context)
    await page.goto(`${prefix}/support-desk`)
    await expect(page.getByTestId('signed-in-as')).toBeVisible()
    await noSidewaysScroll(page)
    await page.goto(`${prefix}/support-desk?tab=applications`)
    await expect(page.getByTestId('programme-stage')).toBeVisible()
    await noSidewaysScroll(page)
  })
}
