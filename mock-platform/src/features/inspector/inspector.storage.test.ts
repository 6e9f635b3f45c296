// Inspector storage: append-only JSONL per app (lowdb mode), written off the request path, re-read after a restart.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { fileInspectorLog } from './inspector.file-log'
import { requests } from './inspector.fixtures'
import type { InspectedCall } from './inspector.types'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'inspector-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('inspector storage', () => {
  it('appends one redacted JSON line per call to <dataDir>/inspector/<clientID>.jsonl, after the answer', async () => {
    const dir = tempDir()
    const h = await harness({ deps: { inspector: { log: fileInspectorLog(dir) } } })
    const file = join(dir, 'inspector', `${h.clientID}.jsonl`)
    const t = await h.token()
    expect(() => statSync(file)).toThrow()
    await h.platform.services.inspector.settle()
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as InspectedCall)
    expect(lines.map((l) => l.operationId)).toEqual(['getQr', 'getKey', 'getToken'])
    const text = readFileSync(file, 'utf8')
    for (const secret of [t.accessToken, h.clientSecret]) expect(text).not.toContain(secret)
    expect(statSync(join(dir, 'inspector')).mode & 0o777).toBe(0o700)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('in lowdb mode the log is on by default, under the configured data directory', async () => {
    const dir = tempDir()
    const h = await harness({ config: { storage: 'lowdb', dataDir: dir } })
    await h.client.getKey()
    await h.platform.close()
    const [line] = readFileSync(join(dir, 'inspector', `${h.clientID}.jsonl`), 'utf8')
      .trim()
      .split('\n')
    expect(JSON.parse(line!)).toMatchObject({ kind: 'call', operationId: 'getKey', code: 'D00000' })
  })

  it('a restarted sandbox shows the calls of before from the log', async () => {
    const dir = tempDir()
    const first = await harness({ deps: { inspector: { log: fileInspectorLog(dir) } } })
    const key = await first.client.getKey()
    await first.platform.close()
    const second = await harness({
      deps: {
        inspector: { log: fileInspectorLog(dir) },
        apps: [{ ...appOf(first), clientSecret: first.clientSecret }],
      },
    })
    expect(second.clientID).toBe(first.clientID)
    await second.client.getKey()
    const items = await requests(second)
    expect(items.map((i) => i.operationId)).toEqual(['getKey', 'getKey'])
    expect(items[1]!.txID).toBe(key.txID)
  })

  it('rotates a full log to .jsonl.1 and reads only the end of a long one', async () => {
    const dir = tempDir()
    const log = fileInspectorLog(dir, 100)
    await log.append('abc', ['{"n":1}', '{"n":2}'])
    writeFileSync(join(dir, 'inspector', 'abc.jsonl'), 'x'.repeat(200))
    await log.append('abc', ['{"n":3}'])
    expect(readFileSync(join(dir, 'inspector', 'abc.jsonl'), 'utf8')).toBe('{"n":3}\n')
    expect(readFileSync(join(dir, 'inspector', 'abc.jsonl.1'), 'utf8')).toBe('x'.repeat(200))
    expect(await log.tail('abc', 10)).toEqual(['{"n":3}'])
    expect(await log.tail('unknown', 10)).toEqual([])
    await expect(log.append('../escape', ['{}'])).rejects.toThrow('unsafe clientID')
  })
})

function appOf(h: Awaited<ReturnType<typeof harness>>) {
  const a = h.platform.services.apps.get(h.clientID)!
  return {
    name: a.name,
    redirectURIs: a.redirectURIs,
    scopes: a.scopes,
    kekPublicKeys: a.kekPublicKeys,
    clientID: a.clientID,
  }
}
