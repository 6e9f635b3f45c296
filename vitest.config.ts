/** Test runner config: one vitest run over every workspace; JSON report feeds .ci/run's summary line. */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['{openapi,mock-platform,tutorials,sdk-samples,portal}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // A real PostgreSQL for the hosted engine's suites (started here unless .ci/run passes TEST_DATABASE_URL).
    globalSetup: ['mock-platform/test/postgres.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
})
