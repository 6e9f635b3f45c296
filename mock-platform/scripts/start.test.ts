import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NODE_FLAGS } from './compile.mjs'

describe('npm start', () => {
  it('runs the compiled server with the flags the bench measures it with', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.start).toBe(`cd .. && node ${NODE_FLAGS.join(' ')} mock-platform/scripts/start.mjs`)
  })
})
