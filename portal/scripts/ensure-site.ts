/** `npm start` runs this first: builds the portal into build/ when it is missing, so the server has a site to serve. */
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSite } from './build'
import { REPO_ROOT } from './generate-tables'

export const SITE_INDEX = join(REPO_ROOT, 'build/index.html')

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (existsSync(SITE_INDEX)) {
    const when = statSync(SITE_INDEX).mtime.toISOString().replace('T', ' ').slice(0, 16)
    console.log(`[portal] serving build/ (built ${when} UTC; \`npm run build\` rebuilds it)`)
  } else {
    console.log('[portal] build/ is missing: building the portal once (about 30–60 s)…')
    try {
      buildSite()
    } catch (e) {
      console.error(`[portal] ${(e as Error).message}`)
      process.exit(1)
    }
  }
}
