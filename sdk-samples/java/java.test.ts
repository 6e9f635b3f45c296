// The Java client and sample: javac, the known-answer vectors, the whole journey against the sandbox, and the types
// generated from the contract (drift check; a field renamed in a copy of the contract breaks the build).
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildGetQrUrl } from '@iamsmart-sandbox/openapi/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contractModel, emitJava, JAVA_CONTRACT_FILE, loadPlatformSpec } from './gen-types'
import {
  renameField,
  requireTool,
  run,
  type SampleSandbox,
  sandboxForSample,
  steps,
  tempDir,
  vectorsPath,
} from './harness'

const JAVA_DIR = fileURLToPath(new URL('.', import.meta.url))
const INSTALL = 'install a JDK 17: apt-get install -y openjdk-17-jdk-headless (.ci/run does)'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.java') ? [path] : []
  })
}

const javac = (srcDir: string, out: string) =>
  run('javac', ['-encoding', 'UTF-8', '-d', out, ...sources(srcDir)])

/**
 * javac once per file, the contract bundled once. Every test awaits it, so a missing JDK fails each test with what to
 * install (a failing beforeAll would only skip them).
 */
let prepared: Promise<{ classes: string; spec: Record<string, any> }> | undefined
function prepare() {
  prepared ??= (async () => {
    requireTool('javac', ['-version'], INSTALL)
    requireTool('java', ['-version'], INSTALL)
    const classes = tempDir('iamsmart-java-')
    const [compiled, spec] = await Promise.all([javac(join(JAVA_DIR, 'src'), classes), loadPlatformSpec()])
    if (compiled.code !== 0) throw new Error(`javac failed:\n${compiled.stderr}`)
    return { classes, spec }
  })()
  return prepared
}

describe('Java client', () => {
  it('passes the known-answer vectors (signature, envelope, CEK unwrap, signCode, HKICHash, callbacks)', async () => {
    const { classes } = await prepare()
    const r = await run('java', ['-cp', classes, 'iamsmart.sample.Vectors', vectorsPath()])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const ok = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('ok '))
      .map((l) => l.slice(3))
    expect(ok).toEqual([
      'signature.stringToSign',
      'signature.header',
      'signature.base64',
      'envelope.encrypt',
      'envelope.decrypt',
      'envelope.roundTrip',
      'cekUnwrap.cek',
      'cekUnwrap.pubKey',
      'signCode.5460',
      'HKICHash.A123456',
      'HKICHash.AB987654',
      'callback.flat',
      'callback.nested',
    ])
    expect(r.stdout).toContain('vectors ok')
    // getQR URL: the same as the TypeScript client builds for the same options.
    const url = /^getQrUrl (.*)$/m.exec(r.stdout)?.[1]
    expect(url).toBe(
      buildGetQrUrl('https://sandbox.test/api/v1', 'c1 +/', {
        redirectURI: 'https://osp.test/cb?x=1&y=é',
        scope: 'eidapi_auth eidapi_profiles',
        state: "s!*'()~",
        source: 'iOS_Safari',
        lang: 'zh-HK',
        ticketID: 't 1',
      }),
    )
  }, 180_000)

  describe('the sample journey against the sandbox', () => {
    let s: SampleSandbox
    beforeAll(async () => {
      s = await sandboxForSample()
    })
    afterAll(() => s?.close())

    it('logs in headless, receives profile and e-ME by callback (refreshing the CEK), signs and verifies', async () => {
      const { classes } = await prepare()
      const r = await run('java', ['-cp', classes, 'iamsmart.sample.Journey'], { env: s.env })
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      const out = steps(r.stdout)
      expect(out.login).toEqual({
        step: 'login',
        openID: expect.stringMatching(/^[0-9a-f]{64}$/),
        userType: 'IAM_SMART_PLUS',
        scope: 'eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign',
      })
      expect(out.profile).toEqual({
        step: 'profile',
        idNo: 'QZ000001(1)',
        enName: 'CHAN, Tai Man',
        birthDate: '19850315',
      })
      // After the sandbox expired the CEK: D30002, one getKey, the call retried.
      expect(out.eme).toEqual({
        step: 'eme',
        emailAddress: 'taiman.chan@example.com',
        mobile: '91234567',
        getKeyCallsForRetry: 1,
      })
      // After a forced D30004: one getKey, the call retried; the signature verified against the certificate.
      expect(out.signing).toEqual({
        step: 'signing',
        signCode: expect.stringMatching(/^\d{4}$/),
        signCodeComputed: out.signing!.signCode,
        verified: true,
        getKeyCallsForRetry: 1,
      })
      expect(out.done).toEqual({ step: 'done' })
      // The platform saw the acknowledgement and delivered each callback at the first try.
      const acks = s.sandbox.platform.services.outbox.list()
      expect(acks.map((a) => a.state)).toEqual(['delivered', 'delivered', 'delivered'])
    }, 120_000)
  })

  describe('types from the contract', () => {
    it('Contract.java is what the generator makes of the current contract (regenerate: npx tsx sdk-samples/java/gen-types.ts)', async () => {
      const { spec } = await prepare()
      expect(emitJava(contractModel(spec))).toBe(readFileSync(JAVA_CONTRACT_FILE, 'utf8'))
    }, 180_000)

    it('a field renamed in a copy of the contract changes the types and the sample no longer compiles', async () => {
      const { spec } = await prepare()
      const renamed = emitJava(contractModel(renameField(spec, 'GetTokenResult', 'openID', 'openId')))
      expect(renamed).not.toBe(readFileSync(JAVA_CONTRACT_FILE, 'utf8'))
      const copy = tempDir('iamsmart-java-renamed-')
      cpSync(join(JAVA_DIR, 'src'), join(copy, 'src'), { recursive: true })
      writeFileSync(join(copy, 'src/iamsmart/Contract.java'), renamed)
      const r = await javac(join(copy, 'src'), join(copy, 'out'))
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/Journey\.java:\d+: error: cannot find symbol[\s\S]*openID\(\)/)
    }, 120_000)
  })
})
