/** `npm run check-includes -w tutorials` (or `--write` to refresh): every README code block matches its source region. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type IncludeProblem, processMarkdown } from './includes'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The READMEs that may carry includes: tutorials/README.md, tutorials/NN-slug/README.md, sdk-samples/<name>/README.md. */
export function readmes(root = ROOT): string[] {
  const found: string[] = []
  for (const top of ['tutorials', 'sdk-samples']) {
    const dir = join(root, top)
    const entries = readdirSync(dir, { withFileTypes: true })
    if (entries.some((e) => e.name === 'README.md')) found.push(join(dir, 'README.md'))
    for (const e of entries) {
      if (!e.isDirectory() || e.name === 'node_modules') continue
      const sub = join(dir, e.name)
      if (readdirSync(sub).includes('README.md')) found.push(join(sub, 'README.md'))
    }
  }
  return found.sort()
}

export function checkIncludes(o: { root?: string; write?: boolean } = {}): {
  files: number
  includes: number
  problems: IncludeProblem[]
} {
  const files = readmes(o.root)
  const problems: IncludeProblem[] = []
  let includes = 0
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const r = processMarkdown(text, file)
    includes += r.includes
    if (o.write && r.output !== text) writeFileSync(file, r.output)
    problems.push(...r.problems.filter((p) => !(o.write && p.fixable)))
  }
  return { files: files.length, includes, problems }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const write = process.argv.includes('--write')
  const r = checkIncludes({ write })
  for (const p of r.problems) console.error(`${relative(ROOT, p.file)}:${p.line}: ${p.message}`)
  console.log(
    `${r.includes} includes in ${r.files} READMEs, ${r.problems.length} problems${write ? ' (written)' : ''}`,
  )
  process.exit(r.problems.length > 0 ? 1 : 0)
}
