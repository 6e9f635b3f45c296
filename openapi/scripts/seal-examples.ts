// Fills `value.content` of every encrypted example in platform/components/examples from its `x-plaintext` (--check: verify only).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { exampleIv, seal } from './example-crypto'

export const EXAMPLES_DIR = fileURLToPath(new URL('../platform/components/examples/', import.meta.url))

/** The example files whose `value.content` is out of date with their `x-plaintext`, after optionally rewriting them. */
export function sealExamples(write: boolean): string[] {
  const stale: string[] = []
  for (const file of readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const path = join(EXAMPLES_DIR, file)
    const doc = parseDocument(readFileSync(path, 'utf8'))
    const plaintext = doc.get('x-plaintext')
    if (plaintext === undefined) continue
    const sealed = seal(JSON.stringify(doc.toJS()['x-plaintext']), exampleIv(basename(file, '.yaml')))
    if (doc.getIn(['value', 'content']) === sealed) continue
    stale.push(file)
    if (write) {
      doc.setIn(['value', 'content'], doc.createNode(sealed))
      writeFileSync(path, doc.toString({ lineWidth: 0 }))
    }
  }
  return stale
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check')
  const stale = sealExamples(!check)
  for (const file of stale) console.log(`${check ? 'stale' : 'sealed'}: ${file}`)
  if (check && stale.length > 0) process.exit(1)
}
