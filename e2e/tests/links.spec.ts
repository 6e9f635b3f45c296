// A link check over the built portal in every locale (e2e/lib/check-links.ts): the e2e web server built
// build/ before the tests start (ensure-site), so this runs in `npm test` on the site the other specs browse.
import { expect, test } from '@playwright/test'
import { BUILD, checkLinks, isCompleteBuild } from '../lib/check-links'

test('the built portal has 0 broken links in English, 繁體中文 and 简体中文', () => {
  expect(isCompleteBuild(BUILD), 'build/ holds the three locales (npm run build)').toBe(true)
  const broken = checkLinks(BUILD).map((b) => `${b.reason}: ${b.page} → ${b.href}`)
  expect(broken).toEqual([])
})
