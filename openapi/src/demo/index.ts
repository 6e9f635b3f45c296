/**
 * `@iamsmart-sandbox/openapi/demo` (Node only): where the sandbox keeps its demo app, and how every consumer finds it.
 * The one place is `<data directory>/demo-app.json` (default data directory `.iamsmart-sandbox/` in the directory
 * where the sandbox was started); `loadDemoApp()` looks for it there and in every parent directory.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'

/** The sandbox's default data directory, relative to the directory it is started in (SANDBOX_DATA_DIR overrides). */
export const DEFAULT_DATA_DIR = '.iamsmart-sandbox'
/** The demo app's credentials in the data directory. */
export const DEMO_APP_FILE = 'demo-app.json'
/** The demo app's KEK private key (PKCS#8 PEM, mode 0600) in the data directory. */
export const DEMO_KEK_FILE = 'demo-kek-private.pem'

/** What `demo-app.json` holds: written on first start, `baseUrl` and `redirectURIs` rewritten on every start. */
export interface DemoAppFile {
  clientID: string
  clientSecret: string
  /** The KEK public key registered for the app (SPKI PEM). */
  kekPublicKey: string
  /** Where the sandbox that wrote the file answers, e.g. `http://127.0.0.1:8080` (no `/api/v1`). */
  baseUrl?: string
  redirectURIs?: string[]
}

/** The demo app, ready for `createIamSmartClient({ baseUrl: demo.apiBaseUrl, … })`. */
export interface DemoApp {
  /** The sandbox root, e.g. `http://127.0.0.1:8080`. */
  baseUrl: string
  /** The platform API root: `${baseUrl}/api/v1`. */
  apiBaseUrl: string
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
  kekPrivateKeyPath: string
  /** The registered redirect URIs: `${baseUrl}/demo/callback`, `http://127.0.0.1:3000/callback`, `http://localhost:3000/callback`. */
  redirectURIs: string[]
  /** The data directory the demo app was read from. */
  dir: string
}

export interface FindDemoAppOptions {
  /** A data directory to use as it is (no search), e.g. the server's SANDBOX_DATA_DIR. */
  dir?: string
  /** Directories (or files) to search from, upwards; default the current directory. */
  from?: string | string[]
}

const DEFAULT_BASE_URL = 'http://127.0.0.1:8080'

/** `dir/demo-app.json` and every parent's `.iamsmart-sandbox/demo-app.json`, nearest first. */
function candidates(options: FindDemoAppOptions): string[] {
  if (options.dir !== undefined) return [resolve(options.dir)]
  const starts = options.from === undefined ? [process.cwd()] : [options.from].flat()
  const out: string[] = []
  for (const start of starts) {
    let dir = resolve(start)
    if (statSync(dir, { throwIfNoEntry: false })?.isFile()) dir = dirname(dir)
    for (;;) {
      const dataDir = join(dir, DEFAULT_DATA_DIR)
      if (!out.includes(dataDir)) out.push(dataDir)
      const parent = dirname(dir)
      if (parent === dir) break
      dir = parent
    }
  }
  return out
}

/** The data directory holding the demo app, or undefined when no sandbox has started here or above. */
export function findDemoAppDir(options: FindDemoAppOptions = {}): string | undefined {
  return candidates(options).find(
    (dir) => existsSync(join(dir, DEMO_APP_FILE)) && existsSync(join(dir, DEMO_KEK_FILE)),
  )
}

/**
 * Reads the demo app the sandbox registered: credentials, the KEK private key and where the sandbox answers.
 * Throws an Error that says what to do when there is none (start the sandbox first, or pass `dir`).
 *
 * @example
 * const demo = loadDemoApp()
 * const client = createIamSmartClient({ baseUrl: demo.apiBaseUrl, clientID: demo.clientID,
 *   clientSecret: demo.clientSecret, kekPrivateKeys: [demo.kekPrivateKeyPem] })
 */
export function loadDemoApp(options: FindDemoAppOptions = {}): DemoApp {
  const dir = findDemoAppDir(options)
  if (!dir) {
    const where =
      options.dir ??
      `${DEFAULT_DATA_DIR}/ in ${[options.from ?? process.cwd()].flat().join(', ')} or a parent`
    throw new Error(
      `No demo app found (${where}). Start the sandbox first (\`npx @iamsmart-sandbox/server\`, or \`npm start\` in ` +
        'its repository) in this directory or a parent, or pass the data directory: loadDemoApp({ dir }).',
    )
  }
  const saved = JSON.parse(readFileSync(join(dir, DEMO_APP_FILE), 'utf8')) as DemoAppFile
  const kekPrivateKeyPath = join(dir, DEMO_KEK_FILE)
  const baseUrl = (saved.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
  return {
    baseUrl,
    apiBaseUrl: `${baseUrl}/api/v1`,
    clientID: saved.clientID,
    clientSecret: saved.clientSecret,
    kekPrivateKeyPem: readFileSync(kekPrivateKeyPath, 'utf8'),
    kekPrivateKeyPath: isAbsolute(kekPrivateKeyPath) ? kekPrivateKeyPath : resolve(kekPrivateKeyPath),
    redirectURIs: saved.redirectURIs ?? [`${baseUrl}/demo/callback`],
    dir,
  }
}
