// The CLI as a user runs it (node bin/iamsmart-sandbox-cli.js …) against the sandbox served on a loopback port.
import { execFile, spawn } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { createApp, type Platform } from '@iamsmart-sandbox/mock-platform'
import { encryptJson, wrapCek } from '@iamsmart-sandbox/openapi/codec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig } from '../../mock-platform/src/config'
import { createLogger } from '../../mock-platform/src/logger'

const BIN = fileURLToPath(new URL('./bin/iamsmart-sandbox-cli.js', import.meta.url))
const ADMIN = 'cli-test-admin-token-0123456789'
const kek = generateKeyPairSync('rsa', { modulusLength: 2048 })
const publicPem = kek.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const dir = mkdtempSync(join(tmpdir(), 'iamsmart-cli-'))
let platform: Platform
let server: ReturnType<typeof serve>
let base: string
let redirectURI: string
let env: Record<string, string>

/** A port free right now, for the CLI's listener (it must be registered before the CLI starts). */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

beforeAll(async () => {
  redirectURI = `http://127.0.0.1:${await freePort()}/callback`
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  platform = await createApp(
    {
      ...defaultConfig,
      publicBaseUrl: base,
      storage: 'memory',
      residentCount: 5,
      adminToken: ADMIN,
      logLevel: 'silent',
    },
    {
      logger: createLogger('silent'),
      apps: [
        {
          name: 'CLI',
          redirectURIs: [redirectURI],
          scopes: ['eidapi_auth', 'eidapi_profiles', 'eidapi_formFilling'],
          kekPublicKeys: { A: publicPem },
        },
      ],
    },
  )
  server = serve({ fetch: platform.app.fetch, hostname: '127.0.0.1', port })
  writeFileSync(join(dir, 'kek.pem'), kek.privateKey.export({ type: 'pkcs8', format: 'pem' }))
  const app = platform.seededApps[0]!
  env = {
    ...(process.env as Record<string, string>),
    IAMSMART_BASE_URL: base,
    IAMSMART_CLIENT_ID: app.clientID,
    IAMSMART_CLIENT_SECRET: app.clientSecret,
    IAMSMART_KEK_PRIVATE_KEY_PATH: join(dir, 'kek.pem'),
  }
})
afterAll(async () => {
  server.close()
  await platform.close()
})

/** Runs the CLI to completion (asynchronously: the sandbox it calls lives in this process). */
function cli(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('node', [BIN, ...args], { env, timeout: 30_000 }, (e, stdout, stderr) =>
      resolve({ code: e ? Number(e.code ?? 1) : 0, stdout, stderr }),
    )
    if (stdin !== undefined) child.stdin!.end(stdin)
  })
}

describe('iamsmart-sandbox-cli', () => {
  it('getkey: the grant as JSON, the call on stderr', async () => {
    const r = await cli(['getkey'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      code: 'D00000',
      expiresIn: 86_400_000,
      txID: expect.any(String),
    })
    expect(r.stderr).toMatch(/POST \/security\/getKey → D00000 SUCCESS txID=\S+ \(\d+ ms\)/)
  })

  it('qr-url: the getQR URL for the registered redirect URI', async () => {
    const r = await cli(['qr-url', '--state', 'cli-state', '--redirect-uri', redirectURI, '--lang', 'zh-HK'])
    expect(r.stdout.trim()).toBe(
      `${base}/api/v1/auth/getQR?clientID=${env.IAMSMART_CLIENT_ID}&responseType=code&source=PC_Browser` +
        `&redirectURI=${encodeURIComponent(redirectURI)}&scope=eidapi_auth%20eidapi_profiles&state=cli-state&lang=zh-HK`,
    )
  })

  it('wait --resident: login decided at once, getToken and the profile decrypted', async () => {
    const r = await cli(['wait', '--redirect-uri', redirectURI, '--resident', 'magic-approve'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      openID: expect.stringMatching(/^[0-9a-f]{64}$/),
      userType: 'IAM_SMART_PLUS',
      scope: 'eidapi_auth eidapi_profiles',
      profile: {
        enName: { UnstructuredName: 'CHAN, Tai Man' },
        chName: { ChineseName: '陳大文' },
        birthDate: '19850315',
        gender: 'M',
      },
    })
    expect(r.stderr).toContain('POST /auth/getToken → D00000')
    expect(r.stderr).toContain('POST /profiles → D00000')
  })

  it('wait: prints the URL, then waits for the browser to come back', async () => {
    const child = spawn('node', [BIN, 'wait', '--redirect-uri', redirectURI], { env })
    let stderr = ''
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    const url = await new Promise<string>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        stderr += d
        const m = /\n {2}(http\S+getQR\S+)\n/.exec(stderr)
        if (m) resolve(m[1]!)
      }),
    )
    // The "browser": the resident approves (headless here), then the redirect lands on the CLI.
    const res = await fetch(url, { redirect: 'manual', headers: { 'X-Sandbox-Resident': 'magic-slow' } })
    expect((await fetch(res.headers.get('location')!)).status).toBe(200)
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
    expect(JSON.parse(stdout).profile.enName).toEqual({ UnstructuredName: 'LEE, Ka Yan' })
  })

  it('wait: a rejected login ends with exit 1 and the D-code', async () => {
    const r = await cli(['wait', '--redirect-uri', redirectURI, '--resident', 'magic-reject'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('✗ login not completed: D40001')
  })

  it('wait --eme: the e-ME callback comes to the CLI, decrypted and matched', async () => {
    const clientID = env.IAMSMART_CLIENT_ID!
    await platform.app.request(`/sandbox/v1/apps/${clientID}/autopilot`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ residentId: 'magic-approve', decision: 'approve' }),
    })
    const r = await cli([
      'wait',
      '--redirect-uri',
      redirectURI,
      '--resident',
      'magic-approve',
      '--eme',
      'emailAddress,mobileNumber',
    ])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).eme).toMatchObject({
      emailAddress: 'taiman.chan@example.com',
      mobileNumber: { CountryCode: '852', SubscriberNumber: '91234567' },
    })
    expect(r.stderr).toContain('callback D00000 decrypted; businessID and state match')
  })

  it('profile: shows and sets the app’s compatibility profile (matrix mode), refusing an unknown one', async () => {
    const withToken = ['--admin-token', ADMIN]
    expect(JSON.parse((await cli(['profile', ...withToken])).stdout)).toMatchObject({
      compatibilityProfile: 'evidence',
    })
    const set = await cli(['profile', 'flat-callbacks', ...withToken])
    expect(set.code).toBe(0)
    expect(JSON.parse(set.stdout)).toEqual({
      clientID: env.IAMSMART_CLIENT_ID,
      compatibilityProfile: 'flat-callbacks',
      change: 'applied',
    })
    const bad = await cli(['profile', 'legacy', ...withToken])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/HTTP 422 must be one of evidence, flat-callbacks/)
    expect((await cli(['profile', 'evidence', ...withToken])).code).toBe(0)
    expect((await cli(['profile'])).stderr).toMatch(/--admin-token/)
  })

  it('decrypt: a callback body from a file or stdin', async () => {
    const cek = crypto.getRandomValues(new Uint8Array(32))
    const body = {
      txID: 'tx-1',
      code: 'D00000',
      message: 'SUCCESS',
      secretKey: wrapCek(cek, publicPem),
      content: await encryptJson(cek, { businessID: 'b-1', state: 's-1', isPassed: true }),
    }
    writeFileSync(join(dir, 'callback.json'), JSON.stringify(body))
    const fromFile = await cli(['decrypt', join(dir, 'callback.json')])
    expect(JSON.parse(fromFile.stdout)).toEqual({
      code: 'D00000',
      txID: 'tx-1',
      content: { businessID: 'b-1', state: 's-1', isPassed: true },
    })
    const fromStdin = await cli(
      ['decrypt', '-'],
      JSON.stringify({ ...body, code: 'D80001', message: 'Step-up rejected' }),
    )
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ code: 'D80001', content: { businessID: 'b-1' } })
  })
})
