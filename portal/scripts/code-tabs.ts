/**
 * The language tabs of the journey guides and concept pages (TypeScript, Java, Python, HTTP). Inside a tab, the
 * block between `{/* include: <repo path>#<region> *\/}` and `{/* /include *\/}` is that region of a tested sample
 * (sdk-samples/java, sdk-samples/python, as tutorials/scripts/includes.ts extracts it), and the block between
 * `{/* http: <name> *\/}` and `{/* /http *\/}` is the wire view generated from the contract's examples, signed with
 * the known-answer vectors' client. `npx tsx portal/scripts/code-tabs.ts [--write]` checks (or refreshes) them all;
 * code-tabs.test.ts runs the check in `npm test`.
 */
import { createHmac } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { extname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildGetQrUrl } from '../../openapi/src/client/get-qr-url'
import { loadPlatformSpec } from '../../sdk-samples/java/gen-types'
import { vectorsPath } from '../../sdk-samples/java/vectors-path'
import { extractRegion } from '../../tutorials/scripts/includes'

type Json = Record<string, any>

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Pages with language tabs, relative to each locale's docs folder. */
export const TAB_PAGES = [
  'guides/login.mdx',
  'guides/profile.mdx',
  'guides/eme-form-filling.mdx',
  'guides/hash-signing.mdx',
  'concepts/request-signing.mdx',
  'concepts/encryption.mdx',
  'concepts/callbacks.mdx',
] as const

export const LOCALE_DIRS = {
  en: 'portal/docs',
  'zh-Hant': 'portal/i18n/zh-Hant/docusaurus-plugin-content-docs/current',
  'zh-Hans': 'portal/i18n/zh-Hans/docusaurus-plugin-content-docs/current',
} as const
export type Locale = keyof typeof LOCALE_DIRS

/** Every tabbed page that exists: all of them in English, the translated ones in Chinese. */
export function tabPages(root = REPO_ROOT): { file: string; locale: Locale; page: string }[] {
  return (Object.keys(LOCALE_DIRS) as Locale[]).flatMap((locale) =>
    TAB_PAGES.map((page) => ({ file: join(root, LOCALE_DIRS[locale], page), locale, page })).filter(
      (p) => locale === 'en' || existsSync(p.file),
    ),
  )
}

const TITLES: Record<
  Locale,
  Record<'request' | 'requestContent' | 'response' | 'responseContent', string>
> = {
  en: {
    request: 'Request',
    requestContent: 'Request content, decrypted (test CEK)',
    response: 'Response',
    responseContent: 'Response content, decrypted (test CEK)',
  },
  'zh-Hant': {
    request: '請求',
    requestContent: '請求的 content，解密後（測試 CEK）',
    response: '回應',
    responseContent: '回應的 content，解密後（測試 CEK）',
  },
  'zh-Hans': {
    request: '请求',
    requestContent: '请求的 content，解密后（测试 CEK）',
    response: '响应',
    responseContent: '响应的 content，解密后（测试 CEK）',
  },
}

const FENCE: Record<string, string> = { '.java': 'java', '.py': 'python', '.ts': 'ts' }
const OPEN = /^\{\/\* (include|http): (\S+) \*\/\}$/
const close = (kind: string) => `{/* /${kind} */}`

export interface TabsContext {
  spec: Json
  vectors: Json
  read?: (path: string) => string | undefined
}

export interface Problem {
  file: string
  line: number
  message: string
  fixable: boolean
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** The lines an include stands for (a titled fence between blank lines), or undefined when it does not resolve. */
export function renderInclude(target: string, read = readText): string[] | undefined {
  const [path, region] = target.split('#') as [string, string | undefined]
  const source = read(join(REPO_ROOT, path))
  if (source === undefined) return undefined
  const code = extractRegion(source, region)
  if (code === undefined) return undefined
  return ['', `\`\`\`${FENCE[extname(path)] ?? ''} title="${path}"`, code, '```', '']
}

const example = (spec: Json, ref: Json): Json =>
  typeof ref.$ref === 'string' ? spec.components.examples[ref.$ref.split('/').at(-1) as string] : ref

function operation(spec: Json, operationId: string): { path: string; op: Json } {
  for (const [path, item] of Object.entries(spec.paths as Json))
    for (const op of Object.values(item as Json))
      if ((op as Json)?.operationId === operationId) return { path, op: op as Json }
  throw new Error(`no operation ${operationId} in the contract`)
}

function signedHeaders(vectors: Json, body: string): string[] {
  const v = vectors.requestSignature
  const mac = createHmac('sha256', v.clientSecret)
    .update(`${v.clientID}HmacSHA256${v.timestamp}${v.nonce}${body}`, 'utf8')
    .digest('base64')
  return [
    `clientID: ${v.clientID}`,
    'signatureMethod: HmacSHA256',
    `timestamp: ${v.timestamp}`,
    `nonce: ${v.nonce}`,
    `signature: ${encodeURIComponent(mac)}`,
  ]
}

const block = (title: string, lang: string, lines: string[]) => [
  `\`\`\`${lang} title="${title}"`,
  ...lines,
  '```',
  '',
]
const plaintext = (title: string, value: unknown) =>
  value === undefined ? [] : block(title, 'json', [JSON.stringify(value, null, 2)])

/**
 * The wire view of `name`: `getQR`; `<operationId>` (request and its D00000 response); `<operationId>:<example>` (a
 * named response example, e.g. `getToken:cekExpired`); `callback:<name>` (the platform's POST to your redirectURI).
 */
export function renderHttp(name: string, ctx: TabsContext, locale: Locale): string[] {
  const { spec, vectors } = ctx
  const t = TITLES[locale]
  const server = new URL(spec.servers[0].url as string)
  const host = `Host: ${server.host}`
  const tokenRequest = spec.components.examples.GetTokenRequestBody['x-plaintext']
  if (name === 'getQR') {
    const state = '6f1d2c3b4a5948e7b6c5d4e3f2a1b0c9'
    const redirectURI = 'https://osp.example.com/iamsmart/return'
    const url = new URL(
      buildGetQrUrl(server.href, vectors.requestSignature.clientID, {
        redirectURI,
        scope: 'eidapi_auth eidapi_profiles',
        state,
      }),
    )
    return [
      '',
      ...block(t.request, 'http', [
        `GET ${url.pathname}${url.search} HTTP/1.1`,
        host,
        'X-Sandbox-Resident: magic-approve',
        'X-Sandbox-Decision: approve',
      ]),
      ...block(t.response, 'http', [
        'HTTP/1.1 302 Found',
        `Location: ${redirectURI}?code=${tokenRequest.code}&state=${state}`,
      ]),
    ]
  }
  if (name.startsWith('callback:')) {
    const cbName = name.slice('callback:'.length)
    for (const [, item] of Object.entries(spec.paths as Json))
      for (const op of Object.values(item as Json)) {
        const cb = (op as Json)?.callbacks?.[cbName]
        if (!cb) continue
        const post = (Object.values(cb)[0] as Json).post
        const examples = Object.values(post.requestBody.content['application/json'].examples as Json).map(
          (e) => example(spec, e as Json),
        )
        const success = examples.find((e) => e.value.code === 'D00000') ?? examples[0]!
        const initiate = example(
          spec,
          Object.values((op as Json).requestBody.content['application/json'].examples as Json)[0] as Json,
        )
        const target = new URL(
          initiate['x-plaintext']?.redirectURI ?? 'https://osp.example.com/iamsmart/callback',
        )
        return [
          '',
          ...block(t.request, 'http', [
            `POST ${target.pathname} HTTP/1.1`,
            `Host: ${target.host}`,
            'Content-Type: application/json',
            '',
            JSON.stringify(success.value),
          ]),
          ...plaintext(t.requestContent, success['x-plaintext']),
          ...block(t.response, 'http', ['HTTP/1.1 204 No Content']),
        ]
      }
    throw new Error(`no callback ${cbName} in the contract`)
  }
  const [operationId, responseName] = name.split(':') as [string, string | undefined]
  const { path, op } = operation(spec, operationId)
  const requestExample = example(
    spec,
    Object.values(op.requestBody.content['application/json'].examples as Json)[0] as Json,
  )
  const responses = op.responses['200'].content['application/json'].examples as Json
  const response = responseName
    ? example(spec, responses[responseName])
    : Object.values(responses)
        .map((e) => example(spec, e as Json))
        .find((e) => e.value.code === 'D00000')!
  if (!response) throw new Error(`no response example ${name}`)
  const body = JSON.stringify(requestExample.value)
  return [
    '',
    ...block(t.request, 'http', [
      `POST ${server.pathname.replace(/\/$/, '')}${path} HTTP/1.1`,
      host,
      'Content-Type: application/json',
      ...signedHeaders(vectors, body),
      '',
      body,
    ]),
    ...plaintext(t.requestContent, requestExample['x-plaintext']),
    ...block(t.response, 'http', [
      'HTTP/1.1 200 OK',
      'Content-Type: application/json',
      '',
      JSON.stringify(response.value),
    ]),
    ...plaintext(t.responseContent, response['x-plaintext']),
  ]
}

/** Checks one page; `output` is the page with every block refreshed. */
export function processPage(
  text: string,
  file: string,
  locale: Locale,
  ctx: TabsContext,
): { output: string; includes: number; http: number; problems: Problem[] } {
  const lines = text.split('\n')
  const out: string[] = []
  const problems: Problem[] = []
  let includes = 0
  let http = 0
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!.trim())
    out.push(lines[i]!)
    if (!open) continue
    const [, kind, target] = open as unknown as [string, 'include' | 'http', string]
    const end = lines.findIndex((l, k) => k > i && l.trim() === close(kind))
    if (end < 0) {
      problems.push({
        file,
        line: i + 1,
        message: `no "${close(kind)}" after ${kind} ${target}`,
        fixable: false,
      })
      continue
    }
    let expected: string[] | undefined
    try {
      expected = kind === 'include' ? renderInclude(target, ctx.read) : renderHttp(target, ctx, locale)
    } catch (e) {
      expected = undefined
      problems.push({ file, line: i + 1, message: (e as Error).message, fixable: false })
    }
    if (kind === 'include') includes++
    else http++
    if (!expected) {
      if (kind === 'include')
        problems.push({
          file,
          line: i + 1,
          message: `${target} does not resolve (file or #region)`,
          fixable: false,
        })
      out.push(...lines.slice(i + 1, end))
    } else {
      if (lines.slice(i + 1, end).join('\n') !== expected.join('\n'))
        problems.push({
          file,
          line: i + 1,
          message: `the block of ${kind} ${target} is stale`,
          fixable: true,
        })
      out.push(...expected)
    }
    out.push(lines[end]!)
    i = end
  }
  return { output: out.join('\n'), includes, http, problems }
}

/** The `<Tabs>` of a page: its opening tag and the values of its TabItems, in order. */
export function tabsOf(text: string): { open: string; items: string[]; body: string }[] {
  return [...text.matchAll(/(<Tabs\b[^>]*>)([\s\S]*?)<\/Tabs>/g)].map((m) => ({
    open: m[1]!,
    items: [...m[2]!.matchAll(/<TabItem value="([^"]+)"/g)].map((v) => v[1]!),
    body: m[2]!,
  }))
}

export async function loadContext(): Promise<TabsContext> {
  return { spec: await loadPlatformSpec(), vectors: JSON.parse(readFileSync(vectorsPath(), 'utf8')) as Json }
}

async function main(write: boolean): Promise<number> {
  const ctx = await loadContext()
  let count = 0
  let problems = 0
  for (const { file, locale } of tabPages()) {
    const text = readFileSync(file, 'utf8')
    const r = processPage(text, file, locale, ctx)
    count += r.includes + r.http
    if (write && r.output !== text) writeFileSync(file, r.output)
    for (const p of r.problems.filter((q) => !(write && q.fixable))) {
      problems++
      console.error(`${relative(REPO_ROOT, p.file)}:${p.line}: ${p.message}`)
    }
  }
  console.log(`${count} blocks, ${problems} problems${write ? ' (refreshed)' : ''}`)
  return problems > 0 ? 1 : 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  void main(process.argv.includes('--write')).then((code) => {
    process.exitCode = code
  })
}
