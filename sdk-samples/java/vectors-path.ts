/** Where the known-answer vectors are: CI clones the repository with shared/ beside it (no other imports here). */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export function vectorsPath(): string {
  const path = join(REPO_ROOT, '..', 'shared', 'reference', 'test-vectors.json')
  if (!existsSync(path))
    throw new Error(`known-answer vectors not found at ${path} (shared/ must sit beside the repo)`)
  return path
}
