/**
 * Browser journeys against the mock platform, in Debian's Chromium (design §10: browsers cannot be downloaded,
 * so never `npx playwright install`; `apt-get install chromium fonts-noto-cjk` instead).
 * Run from the repository root: `npm run test:e2e` (= playwright test -c e2e/playwright.config.ts).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'
import { BASE_URL, DATA_DIR, PORT } from './tests/env'

const CHROMIUM = '/usr/bin/chromium'
const root = fileURLToPath(new URL('..', import.meta.url))

// The server writes the demo app's credentials to <dataDir>/demo-app.json even with memory storage,
// and fails to start when the directory is missing.
mkdirSync(DATA_DIR, { recursive: true })

if (!existsSync(CHROMIUM)) {
  // Every test then fails at launch (counted in reports/playwright.json): loud, never a silent pass.
  console.error(`[e2e] ${CHROMIUM} not found: install it with "apt-get install -y chromium fonts-noto-cjk".`)
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../reports/playwright.json' }]],
  use: {
    baseURL: BASE_URL,
    headless: true,
    locale: 'en-US',
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // The server also serves the developer portal from build/: ensure-site builds it first when it is missing
      // (once per CI run, about 30–60 s), so portal.spec.ts has a site to test.
      command:
        'node node_modules/.bin/tsx portal/scripts/ensure-site.ts && node node_modules/.bin/tsx mock-platform/src/server.ts',
      cwd: root,
      url: `${BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        PUBLIC_BASE_URL: BASE_URL,
        SANDBOX_STORAGE: 'memory',
        SANDBOX_DATA_DIR: DATA_DIR,
        SANDBOX_ADMIN_TOKEN: 'e2e-admin-token-0123456789',
        // Every spec signs up its own accounts from 127.0.0.1.
        SIGNUPS_PER_IP_PER_HOUR: '1000',
        LOG_LEVEL: 'warn',
      },
    },
    // The osp-web sample e-Service (osp-web.spec.ts) on the port the demo app registers (http://127.0.0.1:3000/callback);
    // it reads the demo app's credentials from the sandbox's data directory, written before the sandbox answers.
    {
      command: 'node node_modules/.bin/tsx sdk-samples/osp-web/src/server.ts',
      cwd: root,
      url: 'http://127.0.0.1:3000/healthz',
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: '3000',
        IAMSMART_BASE_URL: BASE_URL,
        IAMSMART_DEMO_APP_DIR: DATA_DIR,
        OSP_PUBLIC_URL: 'http://127.0.0.1:3000',
      },
    },
  ],
})
