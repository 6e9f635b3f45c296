/**
 * The include convention of the tutorials' READMEs: a code block between `<!-- include: ./file.ts#region -->` and
 * `<!-- /include -->` is the text of `// #region region` … `// #endregion region` in that file (the whole file
 * without the markers when no `#region` is named). The portal can expand the markers; this module checks them.
 */
import { readFileSync } from 'node:fs'
import { dirname, extname, resolve } from 'node:path'

export interface IncludeProblem {
  file: string
  line: number
  message: string
  /** A stale block, which `--write` refreshes (a marker that does not resolve is not). */
  fixable: boolean
}

export interface IncludeResult {
  /** The markdown with every block refreshed from its source. */
  output: string
  includes: number
  problems: IncludeProblem[]
}

const OPEN = /^<!-- include: (\S+?) -->$/
const CLOSE = '<!-- /include -->'
const MARKER = /^\s*(?:\/\/|#|\{\/\*)\s*#(?:end)?region\b/
const FENCE: Record<string, string> = {
  '.ts': 'ts',
  '.tsx': 'tsx',
  '.sh': 'sh',
  '.json': 'json',
  '.yaml': 'yaml',
}

/** The lines of `region` (or of the whole file), other region markers dropped, dedented; undefined when absent. */
export function extractRegion(source: string, region?: string): string | undefined {
  let lines = source.replace(/\r\n/g, '\n').split('\n')
  if (region !== undefined) {
    const name = region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const start = lines.findIndex((l) => new RegExp(`^\\s*(?://|#|\\{/\\*)\\s*#region ${name}\\b`).test(l))
    if (start < 0) return undefined
    const end = lines.findIndex(
      (l, i) => i > start && new RegExp(`^\\s*(?://|#|\\{/\\*)\\s*#endregion ${name}\\b`).test(l),
    )
    if (end < 0) return undefined
    lines = lines.slice(start + 1, end)
  }
  lines = lines.filter((l) => !MARKER.test(l))
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift()
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop()
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length))
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n')
}

/** The fenced block an include stands for. */
export function renderInclude(target: string, baseDir: string, read = readText): string | undefined {
  const [path, region] = target.split('#') as [string, string | undefined]
  const source = read(resolve(baseDir, path))
  if (source === undefined) return undefined
  const code = extractRegion(source, region)
  if (code === undefined) return undefined
  return `\`\`\`${FENCE[extname(path)] ?? ''}\n${code}\n\`\`\``
}

/** Checks every include of one markdown file; `output` is the file as it should be. */
export function processMarkdown(markdown: string, file: string, read = readText): IncludeResult {
  const lines = markdown.split('\n')
  const out: string[] = []
  const problems: IncludeProblem[] = []
  let includes = 0
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!)
    out.push(lines[i]!)
    if (!open) continue
    includes++
    const close = lines.indexOf(CLOSE, i + 1)
    if (close < 0) {
      problems.push({
        file,
        line: i + 1,
        message: `no "${CLOSE}" after the include of ${open[1]}`,
        fixable: false,
      })
      continue
    }
    const current = lines.slice(i + 1, close).join('\n')
    const expected = renderInclude(open[1]!, dirname(file), read)
    if (expected === undefined) {
      problems.push({
        file,
        line: i + 1,
        message: `${open[1]} does not resolve (missing file or #region)`,
        fixable: false,
      })
      out.push(...lines.slice(i + 1, close))
    } else {
      if (current !== expected)
        problems.push({
          file,
          line: i + 1,
          message: `the block of ${open[1]} differs from its source`,
          fixable: true,
        })
      out.push(expected)
    }
    out.push(CLOSE)
    i = close
  }
  return { output: out.join('\n'), includes, problems }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
