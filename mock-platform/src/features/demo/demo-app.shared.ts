/**
 * Hosted mode: one demo app for every instance. Each instance has its own data directory, where `demoApp` would
 * create its own credentials and KEK; the first instance to start claims its pair in the shared state (compare-and-set
 * on nothing: of instances starting at once exactly one wins) and the others adopt it, writing it over their files,
 * so that the demo app's login, its return page and its "Exchange this code" work whichever instance serves them, and
 * `loadDemoApp()` (osp-web, the examples) on any instance's host finds the same app.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_APP_FILE, type DemoAppFile } from '@iamsmart-sandbox/openapi/demo'
import type { SharedState } from '../../store/shared-state'
import { demoApp } from './demo-app'

interface SharedDemo {
  clientID: string
  clientSecret: string
  kekPublicKey: string
  kekPrivateKeyPem: string
}

const KIND = 'demo-app'
const KEY = 'demo'
/** Kept as long as the database (a demo app does not expire). */
const FOREVER = Number.MAX_SAFE_INTEGER

export type DemoAppFiles = ReturnType<typeof demoApp>

/** The demo app of this start: its data directory's (embedded), or the one every instance shares (hosted). */
export async function openDemoApp(
  dataDir: string,
  publicBaseUrl: string,
  shared?: SharedState,
): Promise<DemoAppFiles> {
  const local = demoApp(dataDir, publicBaseUrl)
  if (!shared) return local
  const file = join(dataDir, DEMO_APP_FILE)
  const mine: SharedDemo = {
    clientID: local.credentials.clientID,
    clientSecret: local.credentials.clientSecret,
    kekPublicKey: (JSON.parse(readFileSync(file, 'utf8')) as DemoAppFile).kekPublicKey,
    kekPrivateKeyPem: readFileSync(local.credentials.kekPrivateKeyPath, 'utf8'),
  }
  const now = Date.now()
  const claimed = await shared.swap(KIND, KEY, KEY, undefined, mine, FOREVER, now)
  const stored = claimed ? mine : await shared.get<SharedDemo>(KIND, KEY, now)
  if (!stored || stored.clientID === mine.clientID) return local
  // Another instance's demo app: written over this data directory's files, then read back as on any start.
  writeFileSync(local.credentials.kekPrivateKeyPath, stored.kekPrivateKeyPem, { mode: 0o600 })
  const adopted: DemoAppFile = {
    clientID: stored.clientID,
    clientSecret: stored.clientSecret,
    kekPublicKey: stored.kekPublicKey,
  }
  writeFileSync(file, JSON.stringify(adopted, null, 2), { mode: 0o600 })
  return demoApp(dataDir, publicBaseUrl)
}
