// The data directory with real servers (issue 12 §5): `tsx mock-platform/src/server.ts` twice at the same instant on
// one directory (empty, or copied with the LOCK of a dead process) → exactly one runs, the other exits non-zero with
// the lock message; a damaged store file → the server exits non-zero naming the file and the fix, file unchanged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isAlive, spawnServer, type Started, within } from '../../test/real-server'

const started: Started[] = []
const dirs: string[] = []
/** The node processes tsx starts for the servers (tsx runs the server in a child of its own). */
const serverPids = new Set<number>()

function startServer(dataDir: string): Started {
  const s = spawnServer(dataDir, {
    PORT: '0',
    SANDBOX_RESIDENTS: '0',
    SANDBOX_ADMIN_TOKEN: 'data-dir-test-admin-token-0123456789',
  })
  started.push(s)
  return s
}

/** Resolves when the server printed its banner (it is listening) or exited; never on a timer. */
function listeningOrExited(s: Started): Promise<'listening' | 'exited'> {
  return new Promise((resolve) => {
    const check = () => {
      if (s.stdout().includes('listening on http://')) resolve('listening')
    }
    s.child.stdout!.on('data', check)
    check()
    void s.exited.then(() => resolve(s.stdout().includes('listening on http://') ? 'listening' : 'exited'))
  })
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode === null && s.child.signalCode === null) {
    s.child.kill('SIGTERM')
    if ((await within(s.exited, 10_000)) === 'timeout') s.child.kill('SIGKILL')
  }
}

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sandbox-data-dir-'))
  dirs.push(d)
  return d
}

afterAll(async () => {
  await Promise.all(started.map(stop))
  for (const pid of serverPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
}, 30_000)

describe('real servers on one data directory', () => {
  it.each([
    ['an empty data directory', (_dir: string) => {}],
    [
      'a copied data directory whose LOCK names a process that is gone',
      (dir: string) =>
        writeFileSync(
          join(dir, 'LOCK'),
          JSON.stringify({
            pid: 2 ** 22 + 1,
            hostname: hostname(),
            startedAt: 1,
            lockedAt: 2,
            nonce: '0'.repeat(32),
          }),
        ),
    ],
  ] as Array<[string, (dir: string) => void]>)(
    '%s: two servers started at the same instant → exactly one runs, the other exits non-zero with the lock message',
    async (_label, prepare) => {
      const dir = tempDir()
      prepare(dir)
      const pair = [startServer(dir), startServer(dir)]
      const outcomes = await Promise.all(pair.map(listeningOrExited))
      expect(outcomes.sort(), pair.map((s) => s.stderr()).join('\n---\n')).toEqual(['exited', 'listening'])
      const winner = pair.find((s) => s.stdout().includes('listening on'))!
      const loser = pair.find((s) => s !== winner)!
      const holder = JSON.parse(readFileSync(join(dir, 'LOCK'), 'utf8')) as { pid: number; hostname: string }
      serverPids.add(holder.pid)
      expect(holder.hostname).toBe(hostname())
      expect(isAlive(holder.pid)).toBe(true)
      const code = await loser.exited
      expect(code).not.toBe(0)
      expect(code).not.toBeNull()
      expect(loser.stderr()).toContain(
        `The data directory ${dir} is in use by process ${holder.pid} on this host`,
      )
      expect(loser.stderr()).toContain('SANDBOX_DATA_DIR')
      expect(loser.stderr()).not.toMatch(/\n\s+at /) // no stack trace
      // The winner keeps running and answers.
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(winner.stdout())![1]
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
      expect(winner.child.exitCode).toBeNull()
      await stop(winner)
    },
    90_000,
  )

  it('a damaged store file stops the server naming the file and the fix; the file is unchanged and the lock released', async () => {
    const dir = tempDir()
    const path = join(dir, 'apps.json')
    writeFileSync(path, '{}')
    const s = startServer(dir)
    const code = await s.exited
    expect(code).not.toBe(0)
    expect(code).not.toBeNull()
    expect(s.stdout()).not.toContain('listening on')
    expect(s.stderr()).toContain(`The store file ${path} has no "items"`)
    expect(s.stderr()).toContain('without changing it')
    expect(s.stderr()).toContain(`mv "${path}" "${path}.damaged"`)
    expect(s.stderr()).not.toMatch(/\n\s+at /)
    expect(readFileSync(path, 'utf8')).toBe('{}')
    expect(() => readFileSync(join(dir, 'LOCK'))).toThrow(/ENOENT/)
  }, 60_000)
})
