// The PKI in PostgreSQL (hosted mode): every instance uses one CA, even when two start at once on an empty database;
// certificates and revocations are reloaded as they were.
import { afterAll, describe, expect, inject, it } from 'vitest'
import { magicResidents } from '../personas'
import { createTestDatabase, type TestDatabase } from '../store/postgres/test-database'
import { postgresPkiStore } from './pki.pg-store'
import { Pki } from './pki.service'

const clusterUrl = inject('databaseUrl')
const clock = { now: () => Date.UTC(2026, 10, 22, 2, 0, 0) }
let db: TestDatabase | undefined
afterAll(() => db?.drop())

describe.skipIf(!clusterUrl)('PKI PostgreSQL store', () => {
  it('two instances starting at once share the first CA written; leaves and revocations reload', async () => {
    db = await createTestDatabase(clusterUrl)
    const open = async () =>
      Pki.open({ store: postgresPkiStore(await db!.open(2)), clock, baseUrl: () => 'http://127.0.0.1:8080' })
    const [a, b] = await Promise.all([open(), open()])
    expect(b.rootCert).toEqual(a.rootCert)
    expect(b.caCert).toEqual(a.caCert)

    const resident = magicResidents()[0]!
    const leaf = await a.leafFor(resident)
    await a.revoke(resident.id)
    const next = await a.leafFor(resident)
    await b.leafFor(magicResidents()[1]!)

    const again = await open()
    expect(again.rootCert).toEqual(a.rootCert)
    expect(again.status(leaf.serial)).toEqual({ status: 'revoked', revokedAt: clock.now() })
    expect(again.current(resident.id)?.serial).toBe(next.serial)
    // B's save did not lose A's certificates, nor A's B's.
    expect(again.current(magicResidents()[1]!.id)).toBeDefined()
  })
})
