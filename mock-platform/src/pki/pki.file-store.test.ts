// The PKI in a data directory: keys mode 0600, the same CA and certificates after a restart; none in the repository.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { magicResidents } from '../personas'
import { filePkiStore } from './pki.file-store'
import { Pki } from './pki.service'

const clock = { now: () => Date.UTC(2026, 10, 22, 2, 0, 0) }
const open = (dir: string) =>
  Pki.open({ store: filePkiStore(dir), clock, baseUrl: () => 'http://127.0.0.1:8080' })

describe('PKI file store', () => {
  it('creates <dataDir>/pki with private keys 0600, and reloads the same CA, certificates and revocations', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iams-data-'))
    const first = await open(dataDir)
    const resident = magicResidents()[0]!
    const leaf = await first.leafFor(resident)
    await first.revoke(resident.id)
    const second = await first.leafFor(resident)

    const dir = join(dataDir, 'pki')
    expect(readdirSync(dir).sort()).toEqual(['ca.crt', 'ca.key', 'leaves.json', 'root.crt', 'root.key'])
    for (const f of ['ca.key', 'root.key', 'leaves.json'])
      expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o077).toBe(0)
    expect(readFileSync(join(dir, 'root.crt'), 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n/)

    const again = await open(dataDir)
    expect(again.rootCert).toEqual(first.rootCert)
    expect(again.caCert).toEqual(first.caCert)
    expect(again.status(leaf.serial)).toEqual({ status: 'revoked', revokedAt: clock.now() })
    expect(again.current(resident.id)?.serial).toBe(second.serial)
    expect((await again.leafFor(resident)).cert).toEqual(second.cert)
  })

  it('no private key is committed or left in the working tree (keys live only in data and temp directories)', () => {
    const repo = fileURLToPath(new URL('../../../', import.meta.url))
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
      cwd: repo,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.includes('node_modules/'))
    const privateKey = new RegExp(`-{5}BEGIN (RSA |EC |ENCRYPTED )?${'PRIVATE'} KEY-{5}`)
    const offenders = files.filter((f) => {
      try {
        const s = statSync(join(repo, f))
        return s.isFile() && s.size < 2_000_000 && privateKey.test(readFileSync(join(repo, f), 'utf8'))
      } catch {
        return false
      }
    })
    expect(offenders).toEqual([])
  })
})
