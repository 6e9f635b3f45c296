/**
 * For tests of the hosted engines over SharedState: the same cases on the one-process engine and on PostgreSQL (the
 * test cluster, test/postgres.global.ts; skipped when there is none), and two instances on one database: two
 * SharedStates over two pools, as two sandbox processes would have.
 */
import { afterAll, inject } from 'vitest'
import { postgresSharedState } from './postgres/shared-state.pg'
import { createTestDatabase, type TestDatabase } from './postgres/test-database'
import { memorySharedState, type SharedState } from './shared-state'

export interface SharedStateEngine {
  name: 'memory' | 'postgres'
  /** No database to test against: skip. */
  skip: boolean
  /** A SharedState; on PostgreSQL each call opens another pool on the suite's one database (another instance). */
  open(): Promise<SharedState>
  /** Two instances' SharedStates: two pools on one database (memory: one process's state, seen twice). */
  two(): Promise<[SharedState, SharedState]>
}

/** The engines to run a suite on; call once per test file (it drops its database after the file). */
export function sharedStateEngines(): SharedStateEngine[] {
  const clusterUrl = inject('databaseUrl')
  let db: Promise<TestDatabase> | undefined
  afterAll(async () => {
    if (db) await (await db).drop()
  })
  return [
    {
      name: 'memory',
      skip: false,
      open: async () => memorySharedState(),
      async two() {
        const one = memorySharedState()
        return [one, one]
      },
    },
    {
      name: 'postgres',
      skip: !clusterUrl,
      open,
      two: async () => [await open(), await open()],
    },
  ]
  async function open(): Promise<SharedState> {
    db ??= createTestDatabase(clusterUrl)
    return postgresSharedState(await (await db).open(4))
  }
}
