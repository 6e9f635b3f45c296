/**
 * What the Java and Python sample tests share: the sandbox in this process on a loopback port (tutorials/support),
 * the known-answer vectors beside the repository (../shared/reference/test-vectors.json), a free port for a
 * sample's callback server, and child processes run without blocking the event loop (the sandbox answers them).
 */
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RETURN_URI } from '../../tutorials/support/login'
import { ADMIN_TOKEN, type Sandbox, startSandbox } from '../../tutorials/support/sandbox'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export { vectorsPath } from './vectors-path'

/** Fails (never skips) with what to install when a tool is missing. */
export function requireTool(command: string, args: string[], install: string): void {
  const r = spawnSync(command, args, { encoding: 'utf8' })
  if (r.error || r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${r.error?.message ?? r.stderr.trim()}): ${install}`,
    )
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

export function run(
  command: string,
  args: string[],
  o: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: o.cwd, env: { ...process.env, ...o.env }, timeout: o.timeoutMs ?? 120_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** The JSON lines a journey printed, by step. */
export function steps(stdout: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue
    const parsed = JSON.parse(line) as Record<string, unknown>
    out[String(parsed.step)] = parsed
  }
  return out
}

/** A port no one listens on now (the OS's choice), for a sample's callback server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface SampleSandbox {
  sandbox: Sandbox
  /** The environment a journey reads. */
  env: Record<string, string>
  callbackURI: string
  close(): Promise<void>
}

/** A sandbox whose registered app accepts the browser return and the sample's callback URI. */
export async function sandboxForSample(): Promise<SampleSandbox> {
  const port = await freePort()
  const callbackURI = `http://127.0.0.1:${port}/iamsmart/callback`
  const sandbox = await startSandbox({ redirectURIs: [RETURN_URI, callbackURI] })
  const dir = mkdtempSync(join(tmpdir(), 'iamsmart-sample-'))
  const keyFile = join(dir, 'kek-private.pem')
  writeFileSync(keyFile, sandbox.app.kekPrivateKeyPem, { mode: 0o600 })
  return {
    sandbox,
    callbackURI,
    env: {
      IAMSMART_BASE_URL: sandbox.apiBaseUrl,
      IAMSMART_CLIENT_ID: sandbox.app.clientID,
      IAMSMART_CLIENT_SECRET: sandbox.app.clientSecret,
      IAMSMART_KEK_PRIVATE_KEY: keyFile,
      IAMSMART_RETURN_URI: RETURN_URI,
      IAMSMART_CALLBACK_PORT: String(port),
      SANDBOX_ADMIN_TOKEN: ADMIN_TOKEN,
    },
    close: () => sandbox.close(),
  }
}

/** A copy of the bundled spec with one property renamed in one schema (and in its `required`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>

export function renameField(spec: Spec, schema: string, from: string, to: string): Spec {
  const copy = structuredClone(spec)
  const s = copy.components.schemas[schema]
  if (!s?.properties?.[from]) throw new Error(`${schema} has no property ${from}`)
  s.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k === from ? to : k, v]))
  if (Array.isArray(s.required)) s.required = s.required.map((r: string) => (r === from ? to : r))
  return copy
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix))
