/**
 * Scratch projects for the package test (mock-platform/test/package.scratch.test.ts): the same journey — a login, an
 * e-ME request answered by callback, a hash signing verified with the signer's certificate — written for plain Node
 * ESM, `node:test`, CommonJS, TypeScript (`nodenext`, compiled by tsc, then `bundler` type-checked) and a vitest + MSW test, each
 * importing the packed tarballs the way a provider's project does. No tsx anywhere.
 */

/** The journey's body: valid JavaScript and strict TypeScript alike (`$ANY` is `: any` in TypeScript). */
export function journeyBody(ts: boolean): string {
  const ANY = ts ? ': any' : ''
  return `
const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
const BASE = 'https://iamsmart.example/api/v1'
const RETURN = 'https://osp.example/iamsmart/return'
const CALLBACK = 'https://osp.example/iamsmart/callback'
const clientID = randomBytes(16).toString('hex')
const clientSecret = randomBytes(24).toString('hex')
const iam = await createIamSmartHandlers({
  baseUrl: BASE,
  apps: [
    {
      name: 'Scratch e-Service',
      clientID,
      clientSecret,
      redirectURIs: [RETURN, CALLBACK],
      scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling', 'eidapi_sign'],
      kekPublicKeys: { A: kek.publicKey.export({ type: 'spki', format: 'pem' }).toString() },
    },
  ],
})
const received${ANY} = []
const server = setupServer(
  ...iam.handlers,
  http.post(CALLBACK, async ({ request }) => {
    received.push(await request.json())
    return new HttpResponse(null, { status: 200 })
  }),
)
server.listen({ onUnhandledRequest: 'error' })
const client = createIamSmartClient({
  baseUrl: BASE,
  clientID,
  clientSecret,
  kekPrivateKeys: [kek.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
  timeoutMs: 10000,
})
/** The decrypted callback whose content names businessID (the flat or the nested layout). */
const callbackFor = async (businessID${ts ? ': string' : ''}) => {
  await iam.sandbox.settle()
  for (const body of received) {
    const opened = await client.decryptCallback(body)
    if (opened.ok && JSON.stringify(opened.data).includes(businessID)) {
      const data${ANY} = opened.data
      return data.content && typeof data.content === 'object' ? data.content : data
    }
  }
  throw new Error('no callback for ' + businessID + ' among ' + received.length)
}

// 1. Login (headless: the sandbox headers decide at once).
const state = randomUUID()
const url = client.buildGetQrUrl({
  redirectURI: RETURN,
  scope: 'eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign',
  state,
})
const res = await fetch(url, {
  redirect: 'manual',
  headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
})
const back = new URL(res.headers.get('location') ?? 'about:blank')
const code = back.searchParams.get('code')
if (!code || back.searchParams.get('state') !== state) throw new Error('login refused: ' + back.href)
const token = await client.getToken({ code, grantType: 'authorization_code' })
if (!token.ok) throw new Error('getToken: ' + token.error.code + ' ' + token.error.message)
const { accessToken, openID } = token.data

// 2. e-ME: the resident's data arrives by callback.
const emeID = randomUUID()
const eme = await client.initiateEmeRequest({
  businessID: emeID,
  state: randomUUID(),
  accessToken,
  openID,
  source: 'PC_Browser',
  redirectURI: CALLBACK,
  eMEFields: ['emailAddress', 'mobileNumber'],
})
if (!eme.ok) throw new Error('initiateEmeRequest: ' + eme.error.code)
const emeData = await callbackFor(emeID)
if (!JSON.stringify(emeData).includes('@')) throw new Error('e-ME callback without an email: ' + JSON.stringify(emeData))

// 3. Hash signing, verified with the signer's certificate.
const documentBytes = new TextEncoder().encode('Scratch permit ' + clientID)
const hashCode = createHash('sha256').update(documentBytes).digest('hex')
const signID = randomUUID()
const sign = await client.initiateSigningRequest({
  businessID: signID,
  state: randomUUID(),
  accessToken,
  openID,
  source: 'PC_Browser',
  redirectURI: CALLBACK,
  hashCode,
  department: 'Scratch Office',
  serviceName: 'Scratch permits',
  documentName: 'Permit',
})
if (!sign.ok) throw new Error('initiateSigningRequest: ' + sign.error.code)
const signed = await callbackFor(signID)
const verified = verifyHashSignature({
  document: documentBytes,
  hashCode: signed.hashCode,
  signature: signed.signature,
  cert: signed.cert,
})
if (!verified.ok) throw new Error('signature: ' + verified.reason)

server.close()
await iam.platform.close()
console.log(JSON.stringify({ login: openID.length, eme: true, signedBy: verified.subject }))
`
}

const esmImports = `import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'
import { verifyHashSignature } from '@iamsmart-sandbox/openapi/signing'
import { createIamSmartHandlers } from '@iamsmart-sandbox/mock-platform/msw'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
`

/** One scratch project: its files (package.json included) and the commands that run it. */
export interface Scratch {
  name: string
  files: Record<string, string>
  /** Installed besides the tarballs (exact versions, from the npm cache when it has them). */
  devDependencies: string[]
  commands: string[][]
}

export function scratchProjects(versions: Record<string, string>): Scratch[] {
  const v = (name: string) => `${name}@${versions[name]}`
  return [
    {
      name: 'esm',
      files: {
        'package.json': JSON.stringify({ name: 'scratch-esm', private: true, type: 'module' }),
        'journey.js': `${esmImports}${journeyBody(false)}`,
      },
      devDependencies: [v('msw')],
      commands: [['node', 'journey.js']],
    },
    {
      name: 'node-test',
      files: {
        'package.json': JSON.stringify({ name: 'scratch-node-test', private: true, type: 'module' }),
        'journey.test.js': `${esmImports}import { test } from 'node:test'

test('a login, an e-ME callback and a hash signing inside MSW', async () => {${journeyBody(false)}})
`,
      },
      devDependencies: [v('msw')],
      commands: [['node', '--test', 'journey.test.js']],
    },
    {
      name: 'cjs',
      files: {
        'package.json': JSON.stringify({ name: 'scratch-cjs', private: true, type: 'commonjs' }),
        'journey.js': `'use strict'
const { createHash, generateKeyPairSync, randomBytes, randomUUID } = require('node:crypto')
const { createIamSmartClient } = require('@iamsmart-sandbox/openapi/client')
const { verifyHashSignature } = require('@iamsmart-sandbox/openapi/signing')
const { createIamSmartHandlers } = require('@iamsmart-sandbox/mock-platform/msw')
const { http, HttpResponse } = require('msw')
const { setupServer } = require('msw/node')

async function main() {${journeyBody(false)}}
main().catch((e) => {
  console.error(e)
  process.exit(1)
})
`,
      },
      devDependencies: [v('msw')],
      commands: [['node', 'journey.js']],
    },
    {
      name: 'typescript',
      files: {
        'package.json': JSON.stringify({ name: 'scratch-ts', private: true, type: 'module' }),
        // What `tsc --init` gives, strict, without skipLibCheck: no lib, no extra @types for the packages.
        'tsconfig.json': JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            strict: true,
            skipLibCheck: false,
            outDir: 'dist',
            types: ['node'],
          },
          include: ['src'],
        }),
        'tsconfig.bundler.json': JSON.stringify({
          extends: './tsconfig.json',
          compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: true },
          include: ['src/journey.ts'],
        }),
        'src/journey.ts': `${esmImports}import type { components } from '@iamsmart-sandbox/openapi/generated/platform'
type Grant = components['schemas']['GetKeyContent']
const grant: Pick<Grant, 'expiresIn'> = { expiresIn: 1 }
void grant
${journeyBody(true)}`,
        // CommonJS output from TypeScript too: the .d.cts declarations under nodenext.
        'src/types.cts': `import type { DCode, IamSmartErrorCode } from '@iamsmart-sandbox/openapi/client'
import client = require('@iamsmart-sandbox/openapi/client')
const code: DCode = 'D40004'
const any: IamSmartErrorCode = 'TIMEOUT'
console.log(client.isDCode(code), any)
`,
      },
      devDependencies: [v('msw'), v('typescript'), '@types/node@20'],
      commands: [
        ['npx', 'tsc', '-p', 'tsconfig.json'],
        ['npx', 'tsc', '-p', 'tsconfig.bundler.json'],
        ['node', 'dist/journey.js'],
        ['node', 'dist/types.cjs'],
      ],
    },
    {
      name: 'vitest',
      files: {
        'package.json': JSON.stringify({ name: 'scratch-vitest', private: true, type: 'module' }),
        // No vitest config at all: no JSX, oxc or transform settings for the MSW handlers.
        'journey.test.ts': `${esmImports}import { expect, it } from 'vitest'

it('logs in, receives an e-ME callback and verifies a hash signature, all inside MSW', async () => {${journeyBody(true)}
  expect(verified.ok).toBe(true)
}, 60_000)
`,
      },
      devDependencies: [v('msw'), v('vitest')],
      commands: [['npx', 'vitest', 'run', '--reporter=dot']],
    },
  ]
}

/** The code blocks titled `first-login.mjs` of the getting-started page in every locale. */
export function gettingStartedBlocks(pages: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [locale, text] of Object.entries(pages)) {
    const match = /```js title="first-login\.mjs"\n([\s\S]*?)\n```/.exec(text)
    if (!match) throw new Error(`the ${locale} getting-started page has no first-login.mjs block`)
    out[locale] = match[1]!
  }
  return out
}
