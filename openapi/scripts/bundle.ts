// Bundles openapi/platform with the Redocly CLI (same config and plugin as lint) into one document with internal $refs.
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parse } from 'yaml'

/** The openapi/ workspace folder, whatever the caller's working directory. */
export const OPENAPI_DIR = fileURLToPath(new URL('..', import.meta.url))

const redoclyCli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js')

export interface Bundle {
  /** The bundle as the CLI prints it (YAML). */
  yaml: string
  /** The same bundle parsed: an OpenAPI 3.1 document whose $refs all point inside it. */
  document: Record<string, unknown>
}

export async function bundlePlatform(): Promise<Bundle> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [redoclyCli, 'bundle', 'platform@v1', '--config', 'redocly.yaml'],
    { cwd: OPENAPI_DIR, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
  )
  return { yaml: stdout, document: parse(stdout) as Record<string, unknown> }
}
