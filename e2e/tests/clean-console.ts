/** Playwright's `test` that fails on an uncaught exception or a console error, except the sandbox API's answers shown on purpose. */
import { test as base, expect } from '@playwright/test'

export const test = base.extend<{ cleanConsole: undefined }>({
  cleanConsole: [
    async ({ context }, use) => {
      const errors: string[] = []
      context.on('console', (m) => {
        const url = m.location().url
        const expectedApiError = /Failed to load resource/.test(m.text()) && url.includes('/sandbox/v1/')
        if (m.type() === 'error' && !expectedApiError && !url.endsWith('/favicon.ico'))
          errors.push(`${url}: ${m.text()}`)
      })
      context.on('weberror', (e) => {
        // Docusaurus's useCodeWordWrap measures a code block's ref after it unmounts on a fast navigation (an
        // upstream race in @docusaurus/theme-common, not the portal's code): not a failure of the page under test.
        if (
          /Cannot destructure property 'scrollWidth' of '\w+\.current' as it is null/.test(e.error().message)
        )
          return
        errors.push(`${e.page()?.url()}: ${e.error().message}`)
      })
      await use(undefined)
      expect(errors, 'console errors in the browser').toEqual([])
    },
    { auto: true },
  ],
})
