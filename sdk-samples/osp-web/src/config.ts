/** osp-web's configuration, read once from the environment; without credentials it uses the sandbox's demo app. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type DemoApp, loadDemoApp } from '@iamsmart-sandbox/openapi/demo'

export interface OspConfig {
  /** The sandbox (or ITE) root, e.g. http://127.0.0.1:8080; the client adds /api/v1. */
  iamsmartBaseUrl: string
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
  port: number
  /** Where the resident's browser reaches this service; `${publicUrl}/callback` must be a registered redirectURI. */
  publicUrl: string
  /** Signs the session cookie. */
  sessionSecret: string
}

/** Where to look for the sandbox's demo app: the current directory and this sample's, and their parents. */
const DEMO_SEARCH = [process.cwd(), fileURLToPath(new URL('.', import.meta.url))]

export function loadOspConfig(env: Record<string, string | undefined>): OspConfig {
  const problems: string[] = []
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`PORT="${env.PORT}" is not a port number`)
  let clientID = env.IAMSMART_CLIENT_ID ?? ''
  let clientSecret = env.IAMSMART_CLIENT_SECRET ?? ''
  let keyPath = env.IAMSMART_KEK_PRIVATE_KEY_PATH ?? ''
  let demo: DemoApp | undefined
  if (!clientID) {
    // No credentials given: the sandbox's demo app (which registers http://127.0.0.1:3000/callback), found where the
    // sandbox keeps it; IAMSMART_DEMO_APP_DIR names its data directory when it is elsewhere.
    try {
      demo = loadDemoApp(
        env.IAMSMART_DEMO_APP_DIR ? { dir: env.IAMSMART_DEMO_APP_DIR } : { from: DEMO_SEARCH },
      )
      clientID = demo.clientID
      clientSecret = clientSecret || demo.clientSecret
      keyPath = keyPath || demo.kekPrivateKeyPath
    } catch (e) {
      problems.push(`IAMSMART_CLIENT_ID is not set and ${(e as Error).message}`)
    }
  }
  if (clientID && !clientSecret) problems.push('IAMSMART_CLIENT_SECRET is not set')
  let kekPrivateKeyPem = ''
  if (clientID && !keyPath) problems.push('IAMSMART_KEK_PRIVATE_KEY_PATH is not set')
  else if (keyPath) {
    try {
      kekPrivateKeyPem = readFileSync(keyPath, 'utf8')
    } catch {
      problems.push(`IAMSMART_KEK_PRIVATE_KEY_PATH: cannot read ${keyPath}`)
    }
  }
  if (problems.length > 0) throw new Error(`osp-web cannot start:\n  - ${problems.join('\n  - ')}`)
  return {
    iamsmartBaseUrl: (env.IAMSMART_BASE_URL ?? demo?.baseUrl ?? 'http://127.0.0.1:8080')
      .replace(/\/+$/, '')
      .replace(/\/api\/v1$/, ''),
    clientID,
    clientSecret,
    kekPrivateKeyPem,
    port,
    publicUrl: (env.OSP_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ''),
    sessionSecret: env.SESSION_SECRET ?? crypto.randomUUID(),
  }
}
