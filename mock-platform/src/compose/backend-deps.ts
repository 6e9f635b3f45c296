/**
 * What opened backends give the app: the documents, records and events of every storage mode, the mock PKI's store
 * (files in lowdb mode, tables in hosted mode), and in hosted mode the shared state, leased jobs, this instance's
 * name and the database's health. One mapping for the server, the bench and the tests.
 */
import type { Config } from '../config'
import { filePkiStore } from '../pki/pki.file-store'
import { postgresPkiStore } from '../pki/pki.pg-store'
import type { Backends } from '../store/backends'
import type { AppDeps } from './deps'

type BackendDeps = Pick<
  AppDeps,
  'storage' | 'documents' | 'records' | 'events' | 'pkiStore' | 'shared' | 'jobs' | 'instanceId' | 'health'
>

export function backendDeps(backends: Backends, config: Pick<Config, 'storage' | 'dataDir'>): BackendDeps {
  const { hosted } = backends
  return {
    storage: backends.collections,
    documents: backends.documents,
    records: backends.records,
    events: backends.events,
    // The mock PKI's CA and resident keys: one CA in PostgreSQL for every instance, <dataDir>/pki (mode 0600) in
    // lowdb mode, memory otherwise.
    pkiStore: hosted
      ? postgresPkiStore(hosted.database)
      : config.storage === 'lowdb'
        ? filePkiStore(config.dataDir)
        : undefined,
    ...(hosted && {
      shared: hosted.shared,
      jobs: hosted.jobs,
      instanceId: hosted.instanceId,
      // /healthz reports the database and answers 503 when it cannot be reached.
      health: () => backends.health(),
    }),
  }
}
