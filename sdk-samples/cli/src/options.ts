/** The CLI's flags and environment (IAMSMART_*), falling back to the sandbox's demo app (`loadDemoApp()`). */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type DemoApp, findDemoAppDir, loadDemoApp } from '@iamsmart-sandbox/openapi/demo'

export const USAGE = `iamsmart-sandbox-cli <command> [options]

Commands
  getkey                 fetch a content key (CEK) and show the grant
  qr-url                 print a getQR URL (login, or --ticket-id to hand over a request)
  wait                   log in and wait for the result: the browser's return on --redirect-uri, then getToken
                         and the profile; with --eme, an e-ME request whose callback comes to the same URI
  decrypt [file|-]       decrypt a callback body {txID, code, message, content, secretKey}
  profile [name]         show the app's compatibility profile, or set it (evidence, flat-callbacks,
                         earlier-address-names, expire-in, unencrypted); needs --admin-token (matrix mode)

Options (or the environment)
  --base-url <url>       IAMSMART_BASE_URL            (the demo app's sandbox, else http://127.0.0.1:8080)
  --client-id <id>       IAMSMART_CLIENT_ID           (else the demo app: .iamsmart-sandbox/demo-app.json here or above)
  --client-secret <s>    IAMSMART_CLIENT_SECRET
  --kek <file>           IAMSMART_KEK_PRIVATE_KEY_PATH
  --redirect-uri <url>   registered URI to listen on  (http://127.0.0.1:3000/callback)
  --scope <list>         (eidapi_auth eidapi_profiles)   --source <source> (PC_Browser)   --lang <lang> (en-US)
  --state <s>            --ticket-id <id>
  --resident <id>        decide at once as this resident (sandbox only: X-Sandbox-Resident)
  --decision <d>         approve | reject | cancel | timeout (with --resident)
  --eme <fields>         e.g. emailAddress,mobileNumber (wait)
  --timeout <s>          how long wait waits (240)
  --admin-token <t>      IAMSMART_ADMIN_TOKEN         (the sandbox API's admin token: profile)
`

const STRING_OPTIONS = [
  'base-url',
  'client-id',
  'client-secret',
  'kek',
  'redirect-uri',
  'scope',
  'source',
  'lang',
].concat(['state', 'ticket-id', 'resident', 'decision', 'eme', 'timeout', 'admin-token'])

export function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...Object.fromEntries(STRING_OPTIONS.map((k) => [k, { type: 'string' as const }])),
      help: { type: 'boolean' as const },
    },
  })
  const { help, ...flags } = values
  return {
    command: positionals[0],
    file: positionals[1],
    help: help === true,
    flags: flags as Record<string, string | undefined>,
  }
}

export interface Credentials {
  baseUrl: string
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
}

export function credentials(flags: Record<string, string | undefined>, env = process.env): Credentials {
  let clientID = flags['client-id'] ?? env.IAMSMART_CLIENT_ID
  let clientSecret = flags['client-secret'] ?? env.IAMSMART_CLIENT_SECRET
  let kek = flags.kek ?? env.IAMSMART_KEK_PRIVATE_KEY_PATH
  // The sandbox's demo app, where it keeps it (IAMSMART_DEMO_APP_DIR names its data directory when elsewhere).
  const where = env.IAMSMART_DEMO_APP_DIR ? { dir: env.IAMSMART_DEMO_APP_DIR } : {}
  let demo: DemoApp | undefined
  if (!clientID && findDemoAppDir(where)) {
    demo = loadDemoApp(where)
    clientID = demo.clientID
    clientSecret ??= demo.clientSecret
    kek ??= demo.kekPrivateKeyPath
  }
  if (!clientID || !clientSecret || !kek)
    throw new Error(
      'no credentials: pass --client-id, --client-secret and --kek (or start the sandbox first for the demo app)',
    )
  const base = (
    flags['base-url'] ??
    env.IAMSMART_BASE_URL ??
    demo?.baseUrl ??
    'http://127.0.0.1:8080'
  ).replace(/\/+$/, '')
  return {
    baseUrl: base.replace(/\/api\/v1$/, ''),
    clientID,
    clientSecret,
    kekPrivateKeyPem: readFileSync(kek, 'utf8'),
  }
}
