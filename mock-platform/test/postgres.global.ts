/**
 * Vitest global setup: a real PostgreSQL for the storage suites. `.ci/run` starts one and passes TEST_DATABASE_URL;
 * otherwise this starts a private cluster in a temporary directory and stops it at the end. Without PostgreSQL on
 * the machine the hosted-engine suites are skipped with a warning — except in CI, where that is a failure.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
  reapOrphans()
  const dir = mkdtempSync(join(tmpdir(), PREFIX))
  writeFileSync(join(dir, 'owner'), String(process.pid))
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

const PREFIX = 'sandbox-pg-'

/**
 * A run killed before its teardown (SIGKILL, a timeout) leaves its cluster running: the next run stops every cluster
 * of this kind whose owning process is gone, and removes its directory.
 */
function reapOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue
    const dir = join(tmpdir(), name)
    const ownerFile = join(dir, 'owner')
    if (!existsSync(ownerFile)) continue
    const owner = Number(readFileSync(ownerFile, 'utf8'))
    if (alive(owner)) continue
    try {
      stopCluster(dir)
    } catch {
      // Not running, or not ours to stop: the directory goes either way.
    }
    rmSync(dir, { recursive: true, force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
