/**
 * The hosted mode's schema, as versioned SQL run at start under an advisory lock (migrate.ts). Append a new version;
 * never edit one that has shipped. Times are epoch milliseconds from the sandbox's clock, not the database's: the test
 * clock moves an app's time, and expiry must follow it.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, records and short-lived protocol state',
    sql: `
      -- Durable documents (apps, residents, accounts, organisations, enquiries ...): one row each, JSON body.
      CREATE TABLE documents (
        collection text NOT NULL,
        id text NOT NULL,
        doc jsonb NOT NULL,
        PRIMARY KEY (collection, id)
      );
      -- Equality queries on fields (the organisation an app belongs to, an enquiry's status ...) use this index.
      CREATE INDEX documents_doc ON documents USING gin (doc jsonb_path_ops);

      -- Append-only records (request log, consent ledger, audit): newest first per partition.
      CREATE TABLE records (
        log text NOT NULL,
        partition text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        record jsonb NOT NULL,
        PRIMARY KEY (log, partition, seq)
      );

      -- Nonces: unique per client while a request carrying one could pass the timestamp window.
      CREATE TABLE nonces (
        client_id text NOT NULL,
        nonce text NOT NULL,
        expires_ms bigint NOT NULL,
        PRIMARY KEY (client_id, nonce)
      );
      CREATE INDEX nonces_expiry ON nonces (expires_ms);

      -- Single-use and short-lived values (authorisation codes, tokens, tickets, CEKs, sessions), by kind.
      CREATE TABLE ephemeral (
        kind text NOT NULL,
        key text NOT NULL,
        tenant text NOT NULL,
        value jsonb NOT NULL,
        expires_ms bigint NOT NULL,
        PRIMARY KEY (kind, key)
      );
      CREATE INDEX ephemeral_tenant ON ephemeral (kind, tenant);
      CREATE INDEX ephemeral_expiry ON ephemeral (expires_ms);

      -- Fixed-window counters (rate limits, push limits), global across instances.
      CREATE TABLE counters (
        key text NOT NULL,
        window_ms bigint NOT NULL,
        n integer NOT NULL,
        expires_ms bigint NOT NULL,
        PRIMARY KEY (key, window_ms)
      );
      CREATE INDEX counters_expiry ON counters (expires_ms);
    `,
  },
  {
    version: 2,
    name: 'jobs claimed under leases',
    sql: `
      -- Work that must happen once across instances (callback deliveries, mail, expiry, target breaches).
      CREATE TABLE jobs (
        kind text NOT NULL,
        id text NOT NULL,
        due_ms bigint NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        owner text,
        lease_until_ms bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (kind, id)
      );
      CREATE INDEX jobs_due ON jobs (kind, due_ms);
    `,
  },
  {
    version: 3,
    name: 'the mock PKI: one CA for every instance, one row per issued certificate',
    sql: `
      -- The TEST root and issuing CA (synthetic: the keys of a mock PKI, never of a real one). Written once.
      CREATE TABLE pki_authorities (
        name text PRIMARY KEY,
        pkcs8 bytea NOT NULL,
        spki bytea NOT NULL,
        cert bytea NOT NULL
      );
      CREATE TABLE pki_leaves (
        serial text PRIMARY KEY,
        resident_id text NOT NULL,
        cert bytea NOT NULL,
        pkcs8 bytea NOT NULL,
        spki bytea NOT NULL,
        issued_at bigint NOT NULL,
        not_after bigint NOT NULL,
        revoked_at bigint
      );
      CREATE INDEX pki_leaves_resident ON pki_leaves (resident_id);
      CREATE TABLE pki_crl (id boolean PRIMARY KEY DEFAULT true CHECK (id), number bigint NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'short-lived values by kind and expiry',
    sql: `
      -- What falls due (SharedState.due: the tickets whose time is up) is a range of this index, not a scan of a kind.
      CREATE INDEX ephemeral_kind_expiry ON ephemeral (kind, expires_ms);
    `,
  },
]
