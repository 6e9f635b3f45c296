// Every diagnosis the request inspector can emit links `/docs/troubleshooting#<id>`: each such anchor must exist on
// the troubleshooting page (its MDX heading ids and the generated D-code table), and in the built page when a build
// newer than the source exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dCodes } from '../../openapi/generated/dcodes'
import { REPO_ROOT, troubleshootingDcodeTableMdx } from './generate-tables'

const INSPECTOR = join(REPO_ROOT, 'mock-platform/src/features/inspector')
const PAGE = join(REPO_ROOT, 'portal/docs/troubleshooting.mdx')
const BUILT = join(REPO_ROOT, 'build/docs/troubleshooting/index.html')
/** The generic diagnosis of a failure without a specific one (diagnosis.ts `generic`). */
const GENERIC = 'code-${code.toLowerCase()}'

/** The first argument of every `diagnosis(…)` call in the inspector's diagnos*.ts files, as written. */
function diagnosisIds(): { literal: string[]; templates: string[] } {
  const literal = new Set<string>()
  const templates = new Set<string>()
  for (const file of readdirSync(INSPECTOR).filter(
    (f) => /^diagnos.*\.ts$/.test(f) && !f.endsWith('.test.ts'),
  )) {
    const source = readFileSync(join(INSPECTOR, file), 'utf8')
    for (const m of source.matchAll(/\bdiagnosis\(\s*(?:'([^']+)'|`([^`]+)`)/g)) {
      if (m[1]) literal.add(m[1])
      if (m[2]) templates.add(m[2])
    }
  }
  return { literal: [...literal].sort(), templates: [...templates].sort() }
}

/** Every anchor the inspector can link: the literal ids, and `code-<d-code>` for every D-code but D00000. */
function inspectorAnchors(): string[] {
  const { literal, templates } = diagnosisIds()
  const generic = templates.includes(GENERIC)
    ? Object.keys(dCodes)
        .filter((c) => c !== 'D00000')
        .map((c) => `code-${c.toLowerCase()}`)
    : []
  return [...literal, ...generic]
}

/** Heading ids of an MDX page: `{/* #id *\/}` (the form future.v4 uses) or `{#id}`. */
function headingIds(mdx: string): string[] {
  const ids: string[] = []
  for (const line of mdx.split('\n')) {
    if (!/^#{1,6} /.test(line)) continue
    const m = /\{\/\*\s*#([\w-]+)\s*\*\/\}\s*$/.exec(line) ?? /\{#([\w-]+)\}\s*$/.exec(line)
    if (m) ids.push(m[1]!)
  }
  return ids
}

/** The `id` attributes of MDX or of built (minified, possibly unquoted) HTML. */
const spanIds = (text: string) =>
  [...text.matchAll(/\bid=(?:"([\w-]+)"|([\w-]+))/g)].map((m) => (m[1] ?? m[2])!)

describe('troubleshooting anchors of the request inspector', () => {
  const page = readFileSync(PAGE, 'utf8')
  const anchors = new Set([...headingIds(page), ...spanIds(troubleshootingDcodeTableMdx())])

  it('finds the diagnoses in the inspector source, and only the known generic template', () => {
    const { literal, templates } = diagnosisIds()
    expect(literal.length).toBeGreaterThanOrEqual(38)
    expect(literal).toEqual(expect.arrayContaining(['signature-mismatch', 'cek-expired', 'callback-timeout']))
    expect(templates).toEqual([GENERIC])
  })

  it('has a section for every diagnosis id', () => {
    const missing = diagnosisIds().literal.filter((id) => !anchors.has(id))
    expect(missing, 'add a "## … {/* #id */}" section to portal/docs/troubleshooting.mdx').toEqual([])
  })

  it('has a row for every D-code (the generic `code-dxxxxx` diagnosis) in the table the page includes', () => {
    expect(page).toContain(
      "import TroubleshootingDcodes from './reference/_generated/troubleshooting-dcodes.mdx'",
    )
    expect(page).toContain('<TroubleshootingDcodes />')
    const missing = inspectorAnchors().filter((id) => !anchors.has(id))
    expect(missing).toEqual([])
    expect(anchors.has('code-d20003')).toBe(true)
  })

  it('keeps every id unique on the page', () => {
    const all = [...headingIds(page), ...spanIds(troubleshootingDcodeTableMdx())]
    expect(all.length).toBe(new Set(all).size)
  })

  it('has every anchor in the built page when the build is newer than the source', () => {
    if (!existsSync(BUILT) || statSync(BUILT).mtimeMs < statSync(PAGE).mtimeMs) return
    const built = new Set(spanIds(readFileSync(BUILT, 'utf8')))
    expect(inspectorAnchors().filter((id) => !built.has(id))).toEqual([])
  })

  it('reads heading ids in both forms', () => {
    expect(headingIds('## A {/* #a-b */}\n### B {#c}\ntext {/* #no */}\n')).toEqual(['a-b', 'c'])
  })
})
