// The Tutorials section shows every lesson with the code its files hold today, and the Samples page every sample
// with how to run it; links point at generated pages or name the repository file.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { processMarkdown } from '../../tutorials/scripts/includes'
import {
  generatedTutorials,
  lessonDirs,
  REPO_ROOT,
  rewriteLinks,
  runBlock,
  SAMPLES,
} from './generate-tutorials'

const codeBlocks = (text: string) => text.match(/```[^\n]*\n[\s\S]*?```/g) ?? []
const files = generatedTutorials()

describe('generated tutorials', () => {
  it('has the ten lessons in order, the lesson list and the samples', () => {
    expect(lessonDirs()).toHaveLength(10)
    expect(Object.keys(files)).toEqual([
      'index.md',
      ...lessonDirs().map((d) => `${d}.md`),
      'samples/index.md',
      ...SAMPLES.map((s) => `samples/${s}.md`),
    ])
  })

  it.each(lessonDirs())('%s shows the code blocks of its files, as Markdown (not MDX)', (dir) => {
    const source = join(REPO_ROOT, 'tutorials', dir, 'README.md')
    const expanded = processMarkdown(readFileSync(source, 'utf8'), source).output
    const page = files[`${dir}.md`]!
    expect(page).toMatch(/^---\n[\s\S]*?mdx:\n {2}format: md\n---\n/)
    expect(page).toContain(`slug: "/${dir}"`)
    expect(codeBlocks(page)).toEqual(codeBlocks(expanded))
    expect(codeBlocks(page).length).toBeGreaterThan(0)
    expect(page).not.toContain('<!-- include:')
  })

  it('rewrites every relative link: lessons and samples to their pages, other files to their repository path', () => {
    for (const [name, text] of Object.entries(files)) {
      const outside = text.replace(/```[\s\S]*?```/g, '')
      for (const m of outside.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!
        if (/^(https?:|mailto:|#)/.test(target)) continue
        expect(target, `${name}: ${target}`).toMatch(/^\.{1,2}\/[\w/-]+\.md(#[\w-]+)?$/)
      }
    }
    expect(files['01-first-login.md']).toContain('`tutorials/01-first-login/login.test.ts`')
    expect(files['01-first-login.md']).toContain(
      '[02 · Mobile browser and app-to-app login](./02-mobile-and-app-login.md)',
    )
    expect(files['10-testing-in-ci.md']).toContain('](./samples/msw-example.md)')
    expect(files['samples/osp-web.md']).toContain('](./osp-backend-tests.md)')
  })

  it('keeps links inside code fences and external links as they are', () => {
    const source = join(REPO_ROOT, 'tutorials/01-first-login/README.md')
    const md = '[a](./login.ts) [b](https://x.example/y) [c](#part)\n```ts\n[d](./login.ts)\n```'
    expect(rewriteLinks(md, source, '01-first-login.md')).toBe(
      'a (`tutorials/01-first-login/login.ts`) [b](https://x.example/y) [c](#part)\n```ts\n[d](./login.ts)\n```',
    )
  })

  it('lists every sample on the Samples page with how to run it', () => {
    const index = files['samples/index.md']!
    for (const s of SAMPLES) {
      expect(index).toContain(`](./${s}.md)`)
      const run = runBlock(readFileSync(join(REPO_ROOT, 'sdk-samples', s, 'README.md'), 'utf8'))
      expect(run, `${s} has a shell block`).toBeTruthy()
      expect(index).toContain(run!)
    }
  })
})
