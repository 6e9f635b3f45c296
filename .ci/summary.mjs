// Reads the test runners' JSON reports (vitest, Playwright) and prints one line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? 'reports'
let passed = 0
let failed = 0

const vitest = join(dir, 'vitest.json')
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests ?? 0
  failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0)
  // A suite that failed to load counts as a failure even when it has no tests.
  for (const s of r.testResults ?? [])
    if (s.status === 'failed' && (s.assertionResults ?? []).length === 0) failed++
}

const playwright = join(dir, 'playwright.json')
if (existsSync(playwright)) {
  const r = JSON.parse(readFileSync(playwright, 'utf8'))
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0)
  failed += r.stats?.unexpected ?? 0
  if ((r.errors ?? []).length > 0) failed += r.errors.length
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
