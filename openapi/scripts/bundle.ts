// Bundles an API of openapi/ (platform@v1, sandbox@v1, support@v1) with the Redocly CLI (same config and plugin as lint) into one document.
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

/** The APIs redocly.yaml declares, each bundled and typed by generate.ts. */
export type ApiName = 'platform@v1' | 'sandbox@v1' | 'support@v1'

export async function bundleApi(api: ApiName): Promise<Bundle> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [redoclyCli, 'bundle', api, '--config', 'redocly.yaml'],
    { cwd: OPENAPI_DIR, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
  )
  return { yaml: stdout, document: parse(stdout) as Record<string, unknown> }
}

export const bundlePlatform = (): Promise<Bundle> => bundleApi('platform@v1')
