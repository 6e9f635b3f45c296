/**
 * The mock PKI in PostgreSQL (hosted mode): one root and issuing CA for every instance — the first instance to start
 * creates them, the others (and a loser of a race at first start) read that one back — and one row per issued
 * certificate, so no instance's save can lose another's. A revocation is kept once made; the CRL number only grows.
 */
import { generateKeyMaterial } from './keys'
import type { Authority, LeafRecord, PkiState, PkiStore } from './pki.store'
import type { Database } from '../store/postgres/database'
import { inTransaction } from '../store/postgres/database'

interface AuthorityRow {
  name: string
  pkcs8: Buffer
  spki: Buffer
  cert: Buffer
}
interface LeafRow {
  serial: string
  resident_id: string
  cert: Buffer
  pkcs8: Buffer
  spki: Buffer
  issued_at: number
  not_after: number
  revoked_at: number | null
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

export function postgresPkiStore(db: Database): PkiStore {
  /** What this instance knows is in the table (serial → revoked at): a save writes only what changed. */
  const written = new Map<string, number | undefined>()
  return {
    location: 'PostgreSQL (pki_authorities, pki_leaves)',
    async load() {
      const [authorities, leaves, crl] = await Promise.all([
        db.pool.query<AuthorityRow>('SELECT name, pkcs8, spki, cert FROM pki_authorities'),
        db.pool.query<LeafRow>('SELECT * FROM pki_leaves ORDER BY issued_at, serial'),
        db.pool.query<{ number: number }>('SELECT number FROM pki_crl'),
      ])
      const by = new Map(authorities.rows.map((r) => [r.name, r]))
      const authority = (name: string): Authority | undefined => {
        const r = by.get(name)
        return r && { key: { pkcs8: bytes(r.pkcs8), spki: bytes(r.spki) }, cert: bytes(r.cert) }
      }
      const root = authority('root')
      const ca = authority('ca')
      if (!root || !ca) return undefined
      for (const r of leaves.rows) written.set(r.serial, r.revoked_at ?? undefined)
      return {
        root,
        ca,
        crlNumber: crl.rows[0]?.number ?? 0,
        leaves: leaves.rows.map((r): LeafRecord => ({
          residentId: r.resident_id,
          serial: r.serial,
          cert: bytes(r.cert),
          key: { pkcs8: bytes(r.pkcs8), spki: bytes(r.spki) },
          issuedAt: r.issued_at,
          notAfter: r.not_after,
          ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
        })),
      }
    },
    async save(state: PkiState) {
      await inTransaction(db.pool, async (c) => {
        for (const [name, a] of [
          ['root', state.root],
          ['ca', state.ca],
        ] as const)
          await c.query(
            `INSERT INTO pki_authorities (name, pkcs8, spki, cert) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING`,
            [name, Buffer.from(a.key.pkcs8), Buffer.from(a.key.spki), Buffer.from(a.cert)],
          )
        const changed = state.leaves.filter(
          (l) => !written.has(l.serial) || written.get(l.serial) !== l.revokedAt,
        )
        for (const l of changed)
          await c.query(
            `INSERT INTO pki_leaves (serial, resident_id, cert, pkcs8, spki, issued_at, not_after, revoked_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (serial) DO UPDATE SET revoked_at = COALESCE(pki_leaves.revoked_at, EXCLUDED.revoked_at)`,
            [
              l.serial,
              l.residentId,
              Buffer.from(l.cert),
              Buffer.from(l.key.pkcs8),
              Buffer.from(l.key.spki),
              l.issuedAt,
              l.notAfter,
              l.revokedAt ?? null,
            ],
          )
        await c.query(
          `INSERT INTO pki_crl (id, number) VALUES (true, $1)
           ON CONFLICT (id) DO UPDATE SET number = GREATEST(pki_crl.number, EXCLUDED.number)`,
          [state.crlNumber],
        )
        for (const l of changed) written.set(l.serial, l.revokedAt)
      })
    },
    newKey: () => generateKeyMaterial(),
  }
}
