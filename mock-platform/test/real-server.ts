/** Starts the real server (`tsx mock-platform/src/server.ts`) for tests that need a process: its output, its exit. */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { ReferenceClient } from './reference-client'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

export interface Started {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

/** The server on `dataDir` (lowdb storage, warn logs), with `env` on top; stdout and stderr are collected. */
export function spawnServer(dataDir: string, env: Record<string, string>): Started {
  const child = spawn(TSX, ['mock-platform/src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      SANDBOX_STORAGE: 'lowdb',
      SANDBOX_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      PUBLIC_BASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => {
    out += String(d)
  })
  child.stderr!.on('data', (d) => {
    err += String(d)
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, stdout: () => out, stderr: () => err, exited }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export const within = <T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([p, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())])

/**
 * A headless login on a running server (magic-approve approves at once), its code exchanged by `client`: the token,
 * asserted D00000.
 */
export async function headlessToken(
  base: string,
  client: ReferenceClient,
  params: { clientID: string; redirectURI: string; state: string },
): Promise<{ accessToken: string; openID: string }> {
  const q = new URLSearchParams({
    responseType: 'code',
    source: 'PC_Browser',
    scope: 'eidapi_auth eidapi_profiles',
    ...params,
  })
  const login = await fetch(`${base}/api/v1/auth/getQR?${q}`, {
    redirect: 'manual',
    headers: { 'X-Sandbox-Resident': 'magic-approve', 'X-Sandbox-Decision': 'approve' },
  })
  const code = new URL(login.headers.get('location')!).searchParams.get('code')!
  const token = await client.call<{ accessToken: string; openID: string }>('/auth/getToken', {
    code,
    grantType: 'authorization_code',
  })
  expect(token.code, JSON.stringify(token)).toBe('D00000')
  return token.content!
}
