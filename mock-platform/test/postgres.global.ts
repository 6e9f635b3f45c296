/**
 * Vitest global setup: a real PostgreSQL for the storage suites. `.ci/run` starts one and passes TEST_DATABASE_URL;
 * otherwise this starts a private cluster in a temporary directory and stops it at the end. Without PostgreSQL on
 * the machine the hosted-engine suites are skipped with a warning — except in CI, where that is a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startCluster, stopCluster } from '../scripts/postgres.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster ('' when none); each suite creates its own database in it. */
    databaseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    project.provide('databaseUrl', given)
    return
  }
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-pg-'))
  try {
    project.provide('databaseUrl', await startCluster(dir))
  } catch (e) {
    rmSync(dir, { recursive: true, force: true })
    if (process.env.CI) throw e
    console.warn(`PostgreSQL suites skipped: ${(e as Error).message}`)
    project.provide('databaseUrl', '')
    return
  }
  return () => {
    stopCluster(dir)
    rmSync(dir, { recursive: true, force: true })
  }
}
