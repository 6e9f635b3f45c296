/** The demo app created on first start: credentials and a KEK key pair written to the data directory (Node only). */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { NewApp } from '../apps/apps.service'
import { randomHex } from '../../ids'

export interface DemoCredentials {
  clientID: string
  clientSecret: string
  kekPrivateKeyPath: string
  redirectURIs: string[]
}

/** Reads the demo app's files, creating them on first start. */
export function demoApp(
  dataDir: string,
  publicBaseUrl: string,
): { app: NewApp; credentials: DemoCredentials } {
  mkdirSync(dataDir, { recursive: true })
  const credsPath = join(dataDir, 'demo-app.json')
  const keyPath = resolve(dataDir, 'demo-kek-private.pem')
  if (!existsSync(credsPath) || !existsSync(keyPath)) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    const creds = {
      clientID: randomHex(16),
      clientSecret: randomHex(24),
      kekPublicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    }
    writeFileSync(credsPath, JSON.stringify(creds, null, 2), { mode: 0o600 })
  }
  const saved = JSON.parse(readFileSync(credsPath, 'utf8')) as {
    clientID: string
    clientSecret: string
    kekPublicKey: string
  }
  const redirectURIs = [
    `${publicBaseUrl}/demo/callback`,
    'http://127.0.0.1:3000/callback',
    'http://localhost:3000/callback',
  ]
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
