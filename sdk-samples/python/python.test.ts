// The Python client and sample (Debian's /usr/bin/python3 + python3-cryptography): the known-answer vectors, the
// whole journey against the sandbox, and the types generated from the contract (drift check; a field renamed in a
// copy of the contract makes the client refuse the platform's answer).
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildGetQrUrl } from '@iamsmart-sandbox/openapi/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contractModel, loadPlatformSpec } from '../java/gen-types'
import {
  renameField,
  requireTool,
  run,
  type SampleSandbox,
  sandboxForSample,
  steps,
  tempDir,
  vectorsPath,
} from '../java/harness'
import { emitPython, PYTHON_CONTRACT_FILE } from './gen-types'

const PYTHON_DIR = fileURLToPath(new URL('.', import.meta.url))
/** Debian's interpreter: another python3 earlier on PATH may not see Debian's python3-cryptography. */
const PYTHON = '/usr/bin/python3'
const INSTALL =
  'install Debian’s python3 and python3-cryptography: apt-get install -y python3-cryptography (.ci/run does)'

/** -B: no __pycache__ in the working tree. */
const python = (args: string[], o: { cwd?: string; env?: Record<string, string> } = {}) =>
  run(PYTHON, ['-B', ...args], { cwd: o.cwd ?? PYTHON_DIR, env: o.env })

/** Every test awaits it, so a missing python3-cryptography fails each test with what to install. */
let prepared: Promise<Record<string, any>> | undefined
function prepare() {
  prepared ??= (async () => {
    requireTool(PYTHON, ['-c', 'import cryptography.hazmat.primitives.ciphers.aead'], INSTALL)
    return loadPlatformSpec()
  })()
  return prepared
}

describe('Python client', () => {
  it('passes the known-answer vectors (signature, envelope, CEK unwrap, signCode, HKICHash, callbacks)', async () => {
    await prepare()
    const r = await python(['vectors.py', vectorsPath()])
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
  }, 60_000)

  describe('against the sandbox', () => {
    let s: SampleSandbox
    beforeAll(async () => {
      s = await sandboxForSample()
    })
    afterAll(() => s?.close())

    it('the journey: logs in headless, profile and e-ME by callback (refreshing the CEK), signs and verifies', async () => {
      await prepare()
      const r = await python(['journey.py'], { env: s.env })
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
      expect(out.eme).toEqual({
        step: 'eme',
        emailAddress: 'taiman.chan@example.com',
        mobile: '91234567',
        getKeyCallsForRetry: 1,
      })
      expect(out.signing).toEqual({
        step: 'signing',
        signCode: expect.stringMatching(/^\d{4}$/),
        signCodeComputed: out.signing!.signCode,
        verified: true,
        getKeyCallsForRetry: 1,
      })
      expect(out.done).toEqual({ step: 'done' })
      const deliveries = s.sandbox.platform.services.outbox.list()
      expect(deliveries.map((d) => d.state)).toEqual(['delivered', 'delivered', 'delivered'])
    }, 120_000)

    it('a field renamed in a copy of the contract: the types change and the client refuses getToken’s answer', async () => {
      const spec = await prepare()
      const renamed = emitPython(contractModel(renameField(spec, 'GetTokenResult', 'openID', 'openId')))
      expect(renamed).not.toBe(readFileSync(PYTHON_CONTRACT_FILE, 'utf8'))
      const copy = tempDir('iamsmart-python-renamed-')
      cpSync(PYTHON_DIR, copy, { recursive: true, filter: (src) => !src.includes('__pycache__') })
      writeFileSync(join(copy, 'iamsmart/contract.py'), renamed)
      const r = await python(['journey.py', '--until', 'login'], { cwd: copy, env: s.env })
      expect(r.code).not.toBe(0)
      expect(r.stderr).toContain('ContractError: getToken result: the contract requires openId')
    }, 60_000)
  })

  it('contract.py is what the generator makes of the current contract (regenerate: npx tsx sdk-samples/java/gen-types.ts)', async () => {
    expect(emitPython(contractModel(await prepare()))).toBe(readFileSync(PYTHON_CONTRACT_FILE, 'utf8'))
  }, 60_000)
})
