/**
 * The demo app created on first start: credentials and a KEK key pair in the data directory (Node only). The file
 * names and format are `@iamsmart-sandbox/openapi/demo`'s, whose `loadDemoApp()` every consumer uses to find them.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEMO_APP_FILE, DEMO_KEK_FILE, type DemoAppFile } from '@iamsmart-sandbox/openapi/demo'
import type { NewApp, RegisteredApp } from '../apps'
import { randomHex } from '../../ids'

export interface DemoCredentials {
  clientID: string
  clientSecret: string
  kekPrivateKeyPath: string
  redirectURIs: string[]
}

/** The demo app's redirect URIs: the sandbox's own return page on the port it runs on, and osp-web's on port 3000. */
export function demoRedirectUris(publicBaseUrl: string): string[] {
  return [
    `${publicBaseUrl}/demo/callback`,
    'http://127.0.0.1:3000/callback',
    'http://localhost:3000/callback',
  ]
}

/**
 * Reads the demo app's files, creating them on first start, and records where this sandbox answers (`baseUrl`,
 * `redirectURIs`) so that consumers follow a port change.
 */
export function demoApp(
  dataDir: string,
  publicBaseUrl: string,
): { app: NewApp; credentials: DemoCredentials } {
  mkdirSync(dataDir, { recursive: true })
  const credsPath = join(dataDir, DEMO_APP_FILE)
  const keyPath = resolve(dataDir, DEMO_KEK_FILE)
  let saved: DemoAppFile
  if (!existsSync(credsPath) || !existsSync(keyPath)) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    saved = {
      clientID: randomHex(16),
      clientSecret: randomHex(24),
      kekPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    }
  } else saved = JSON.parse(readFileSync(credsPath, 'utf8')) as DemoAppFile
  const redirectURIs = demoRedirectUris(publicBaseUrl)
  if (
    saved.baseUrl !== publicBaseUrl ||
    JSON.stringify(saved.redirectURIs) !== JSON.stringify(redirectURIs)
  ) {
    saved = { ...saved, baseUrl: publicBaseUrl, redirectURIs }
    writeFileSync(credsPath, JSON.stringify(saved, null, 2), { mode: 0o600 })
  }
  return {
    app: {
      name: 'Demo e-Service',
      clientID: saved.clientID,
      clientSecret: saved.clientSecret,
      redirectURIs,
      scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign'],
      kekPublicKeys: { A: saved.kekPublicKey },
    },
    credentials: {
      clientID: saved.clientID,
      clientSecret: saved.clientSecret,
      kekPrivateKeyPath: keyPath,
      redirectURIs,
    },
  }
}

/**
 * The stored demo app keeps the redirect URIs of the start that created it; this start's port may differ. Returns
 * the app with this start's `${publicBaseUrl}/demo/callback` (and any URIs added in the console kept).
 */
export function followPort(stored: RegisteredApp, redirectURIs: string[]): RegisteredApp | undefined {
  const own = /\/demo\/callback$/
  const kept = stored.redirectURIs.filter((u) => !own.test(u) && !redirectURIs.includes(u))
  const next = [...redirectURIs, ...kept]
  return JSON.stringify(next) === JSON.stringify(stored.redirectURIs)
    ? undefined
    : { ...stored, redirectURIs: next }
}
