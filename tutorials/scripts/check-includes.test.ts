// The docs cannot drift: every include marker in the tutorials' (and samples') READMEs resolves to a region of
// the lesson's own code, and the block under it is that region exactly.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkIncludes, readmes } from './check-includes'
import { extractRegion, processMarkdown } from './includes'

const TUTORIALS = fileURLToPath(new URL('..', import.meta.url))

describe('check-includes', () => {
  it('every include of every README resolves and is up to date', () => {
    const r = checkIncludes()
    expect(r.problems).toEqual([])
    expect(r.includes).toBeGreaterThanOrEqual(38)
  })

  it('every lesson NN-slug has a README with includes and a test', () => {
    const lessons = readdirSync(TUTORIALS).filter((d) => /^\d\d-/.test(d))
    expect(lessons).toHaveLength(10)
    const withReadme = new Set(readmes().map((f) => f.split('/').at(-2)))
    for (const lesson of lessons) {
      expect(withReadme.has(lesson), lesson).toBe(true)
      expect(
        readdirSync(join(TUTORIALS, lesson)).some((f) => f.endsWith('.test.ts')),
        lesson,
      ).toBe(true)
    }
  })

  const source = [
    '// one',
    '  // #region a',
    '  const x = 1',
    '  // #region inner',
    '  x + 1',
    '  // #endregion inner',
    '  // #endregion a',
  ].join('\n')

  it('extracts a region dedented, other markers dropped; the whole file without a name', () => {
    expect(extractRegion(source, 'a')).toBe('const x = 1\nx + 1')
    expect(extractRegion(source, 'inner')).toBe('x + 1')
    expect(extractRegion(source)).toBe('// one\n  const x = 1\n  x + 1')
    expect(extractRegion(source, 'missing')).toBeUndefined()
  })

  it('reports a stale block (fixable, and the output fixes it), an unknown region and a missing close marker', () => {
    const read = (path: string) => (path.endsWith('/code.ts') ? source : undefined)
    const stale = processMarkdown(
      '<!-- include: ./code.ts#a -->\n```ts\nold\n```\n<!-- /include -->',
      '/x/README.md',
      read,
    )
    expect(stale.problems).toEqual([
      {
        file: '/x/README.md',
        line: 1,
        message: 'the block of ./code.ts#a differs from its source',
        fixable: true,
      },
    ])
    expect(stale.output).toBe(
      '<!-- include: ./code.ts#a -->\n```ts\nconst x = 1\nx + 1\n```\n<!-- /include -->',
    )
    expect(processMarkdown(stale.output, '/x/README.md', read).problems).toEqual([])

    const unknown = processMarkdown('<!-- include: ./code.ts#b -->\n<!-- /include -->', '/x/README.md', read)
    expect(unknown.problems.map((p) => [p.message, p.fixable])).toEqual([
      ['./code.ts#b does not resolve (missing file or #region)', false],
    ])
    const open = processMarkdown('<!-- include: ./other.ts -->\ntext', '/x/README.md', read)
    expect(open.problems.map((p) => p.message)).toEqual([
      'no "<!-- /include -->" after the include of ./other.ts',
    ])
  })
})
