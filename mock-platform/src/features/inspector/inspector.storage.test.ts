// Inspector storage: the request log (segments of JSON lines per app in lowdb mode), written off the request path, re-read after a restart.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { memoryRecordLog, type RecordLog } from '../../store/record-log'
import { fileRecordLog } from '../../store/record-log.file'
import { memorySharedState } from '../../store/shared-state'
import { requests } from './inspector.fixtures'
import type { InspectedCall, InspectedItem } from './inspector.types'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'inspector-'))
  dirs.push(d)
  return d
}
const fileLog = (dir: string) =>
  fileRecordLog<InspectedItem>('requests', join(dir, 'records', 'requests'), { keep: 1000 })
const linesOf = (dir: string, clientID: string) => {
  const pdir = join(dir, 'records', 'requests', clientID)
  return readdirSync(pdir)
    .sort()
    .map((f) => readFileSync(join(pdir, f), 'utf8'))
    .join('')
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('inspector storage', () => {
  it('hosted: a call is answered only once its record is in the request log (a kill loses no answered call)', async () => {
    const log = memoryRecordLog<InspectedItem>('requests', { keep: 1000 })
    let open!: () => void
    const gate = new Promise<void>((r) => (open = r))
    const gated: RecordLog<InspectedItem> = { ...log, append: (p, r) => gate.then(() => log.append(p, r)) }
    const h = await harness({ deps: { shared: memorySharedState(), inspector: { log: gated } } })
    let answered = false
    const call = h.client.getKey().then((r) => ((answered = true), r))
    await new Promise((r) => setTimeout(r, 100))
    expect(answered).toBe(false)
    open()
    expect((await call).code).toBe('D00000')
    const [item] = await log.read(h.clientID, { limit: 1 })
    expect(item).toMatchObject({ operationId: 'getKey', code: 'D00000' })
  })

  it('appends one redacted JSON line per call to <dataDir>/records/requests/<clientID>/, after the answer', async () => {
    const dir = tempDir()
    const h = await harness({ deps: { inspector: { log: fileLog(dir) } } })
    const t = await h.token()
    await h.platform.services.inspector.settle()
    const file = join(dir, 'records', 'requests', h.clientID, '0000000001.jsonl')
    const lines = linesOf(dir, h.clientID)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as InspectedCall)
    expect(lines.map((l) => l.operationId)).toEqual(['getQr', 'getKey', 'getToken'])
    const text = linesOf(dir, h.clientID)
    for (const secret of [t.accessToken, h.clientSecret]) expect(text).not.toContain(secret)
    expect(statSync(join(dir, 'records', 'requests')).mode & 0o777).toBe(0o700)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('in lowdb mode the log is on by default, under the configured data directory', async () => {
    const dir = tempDir()
    const h = await harness({ config: { storage: 'lowdb', dataDir: dir } })
    await h.client.getKey()
    await h.platform.close()
    const [line] = linesOf(dir, h.clientID).trim().split('\n')
    expect(JSON.parse(line!)).toMatchObject({ kind: 'call', operationId: 'getKey', code: 'D00000' })
  })

  it('a restarted sandbox shows the calls of before from the log', async () => {
    const dir = tempDir()
    const first = await harness({ deps: { inspector: { log: fileLog(dir) } } })
    const key = await first.client.getKey()
    await first.platform.close()
    const second = await harness({
      deps: {
        inspector: { log: fileLog(dir) },
        apps: [{ ...(await appOf(first)), clientSecret: first.clientSecret }],
      },
    })
    expect(second.clientID).toBe(first.clientID)
    await second.client.getKey()
    const items = await requests(second)
    expect(items.map((i) => i.operationId)).toEqual(['getKey', 'getKey'])
    expect(items[1]!.txID).toBe(key.txID)
  })

  it('every acknowledged call of a concurrent flood is in the log once the platform is closed', async () => {
    const dir = tempDir()
    const h = await harness({ deps: { inspector: { log: fileLog(dir) } } })
    const t = await h.token()
    let acked = 0
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = 0; i < 30; i++) {
          const r = await h.client.call('/profiles', { ...t, profileFields: ['enName'] })
          if (r.code === 'D00000') acked++
        }
      }),
    )
    await h.platform.close(0)
    const logged = linesOf(dir, h.clientID)
      .split('\n')
      .filter((l) => l.includes('"operationId":"getProfiles"')).length
    expect(acked).toBe(480)
    expect(logged).toBe(acked)
    expect(h.platform.services.inspector.stats()).toMatchObject({ unwritten: 0 })
  })

  it('finds a call by its txID in the log after it left the in-memory tail', async () => {
    const dir = tempDir()
    const h = await harness({ deps: { inspector: { log: fileLog(dir), tailSize: 2 } } })
    const first = await h.client.getKey()
    for (let i = 0; i < 5; i++) await h.client.getKey()
    await h.platform.services.inspector.settle()
    const found = await h.platform.services.inspector.get(h.clientID, first.txID)
    expect(found).toMatchObject({ txID: first.txID, operationId: 'getKey' })
  })

  it('makes the caller wait, never drops a record, when the log is behind', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const written: string[] = []
    const slow = {
      ...fileLog(tempDir()),
      append: async (_: string, item: InspectedItem) => {
        await gate
        written.push(item.txID)
      },
    }
    const h = await harness({ config: { recordQueueMax: 10 }, deps: { inspector: { log: slow } } })
    // 100 unwritten records per app are allowed; the 101st call waits for the log.
    const calls = Array.from({ length: 130 }, () => h.client.getKey())
    let answered = 0
    for (const c of calls) void c.then(() => answered++)
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
    expect(answered).toBeLessThan(130)
    release()
    await Promise.all(calls)
    await h.platform.services.inspector.settle()
    expect(written.length).toBe(130)
  })
})

async function appOf(h: Awaited<ReturnType<typeof harness>>) {
  const a = (await h.platform.services.apps.get(h.clientID))!
  return {
    name: a.name,
    redirectURIs: a.redirectURIs,
    scopes: a.scopes,
    kekPublicKeys: a.kekPublicKeys,
    clientID: a.clientID,
  }
}
