/**
 * How the API reference pages are generated from the bundled spec (docusaurus-plugin-openapi-docs'
 * `markdownGenerators.createApiPageMD`): the plugin's own page, with what a provider needs made first-class.
 * - Encrypted operations: the request body, the 200 envelope and the callback bodies show the decrypted `content`
 *   (the spec's `x-encrypted-content`) as fields, and their examples the decrypted JSON (`x-plaintext`); the wire
 *   format is said in each `content` description.
 * - `x-fidelity` becomes a badge and `x-dcodes` a table of the codes with their message and meaning (from the
 *   `DCode` schema's `x-dcodes`), instead of raw YAML.
 * - The server URL is a variable (`origin`, default http://127.0.0.1:8080), since a sandbox runs where it is started.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createApiPageMD as pluginApiPage } from 'docusaurus-plugin-openapi-docs/lib/markdown'

type Json = Record<string, unknown>
type ApiPage = Parameters<typeof pluginApiPage>[0]

export interface DCodeInfo {
  code: string
  message: string
  description: string
}

const SPEC = join(process.cwd(), 'openapi/dist/platform.json')

let dcodeTable: Record<string, { message: string; description: string }> | undefined
/** Every D-code's message and meaning, from the bundled spec's DCode schema. */
function dcodeInfo(code: string): DCodeInfo {
  dcodeTable ??= ((JSON.parse(readFileSync(SPEC, 'utf8')) as { components: { schemas: { DCode: Json } } })
    .components.schemas.DCode['x-dcodes'] as typeof dcodeTable)!
  const known = dcodeTable[code]
  return { code, message: known?.message ?? '', description: known?.description ?? '' }
}

const WIRE_REQUEST =
  'Encrypted on the wire: this JSON, AES-256-GCM with the content encryption key from getKey, sent as Base64 in `content` (EncryptedRequest). Shown here decrypted.'
const WIRE_RESPONSE =
  'Encrypted on the wire: on D00000 `content` is the Base64 AES-256-GCM encryption of this JSON with the CEK of the request; `null` on every other code. Shown here decrypted.'
const WIRE_CALLBACK =
  'Encrypted on the wire: Base64 AES-256-GCM of this JSON with the CEK that `secretKey` wraps. Shown here decrypted.'

const clone = <T>(x: T): T => structuredClone(x)

/** `schema` (an object schema with a `content` property) with `content` replaced by the decrypted schema. */
function withDecryptedContent(
  schema: Json | undefined,
  decrypted: Json,
  wire: string,
  nullable: boolean,
): Json {
  const flat = flatten(schema ?? {})
  const properties = { ...((flat.properties as Json | undefined) ?? {}) }
  const content = {
    ...decrypted,
    description: `${wire}${decrypted.description ? `\n\n${String(decrypted.description)}` : ''}`,
  }
  properties.content = nullable ? { ...content, type: ['object', 'null'] } : content
  return { ...flat, title: flat.title ? `${String(flat.title)} (decrypted)` : undefined, properties }
}

/** An `allOf` of object schemas merged into one (the envelope is `allOf: [Envelope, {content}]`). */
function flatten(schema: Json): Json {
  if (!Array.isArray(schema.allOf)) return schema
  const { allOf, ...rest } = schema
  let out: Json = { ...rest, type: 'object', properties: {}, required: [] }
  for (const part of allOf as Json[]) {
    const p = flatten(part)
    out = {
      ...p,
      ...out,
      properties: { ...(out.properties as Json), ...((p.properties as Json) ?? {}) },
      required: [...new Set([...(out.required as string[]), ...((p.required as string[]) ?? [])])],
    }
  }
  return out
}

/** Examples whose `content` is shown decrypted (from the example's `x-plaintext`), others unchanged. */
function decryptedExamples(examples: Json | undefined): Json | undefined {
  if (!examples) return undefined
  const out: Json = {}
  for (const [name, ex] of Object.entries(examples)) {
    const e = ex as Json
    const value = e.value as Json | undefined
    if (e['x-plaintext'] !== undefined && value && typeof value === 'object' && 'content' in value) {
      const { 'x-plaintext': plain, ...rest } = e
      out[name] = { ...rest, value: { ...value, content: plain } }
    } else out[name] = e
  }
  return out
}

/** The JSON body of a request body or response, with `content` decrypted. */
function decryptBody(
  body: Json | undefined,
  decrypted: Json | undefined,
  wire: string,
  nullable: boolean,
): void {
  const media = (body?.content as Json | undefined)?.['application/json'] as Json | undefined
  if (!media || !decrypted) return
  media.schema = withDecryptedContent(media.schema as Json, decrypted, wire, nullable)
  if (media.examples) media.examples = decryptedExamples(media.examples as Json)
}

function extension(api: Json, key: string): unknown {
  if (api[key] !== undefined) return api[key]
  return (api.extensions as { key: string; value: unknown }[] | undefined)?.find((x) => x.key === key)?.value
}

/** The operation as the reference shows it: encrypted bodies decrypted, callbacks too. */
export function decryptedOperation(api: Json): Json {
  // Only the parts rewritten are copied (the operation also holds the plugin's Postman objects).
  const op: Json = { ...api }
  for (const key of ['requestBody', 'responses', 'callbacks'] as const)
    if (op[key] !== undefined) op[key] = clone(op[key])
  const enc = extension(op, 'x-encrypted-content') as { request?: Json; response?: Json } | undefined
  if (enc?.request) decryptBody(op.requestBody as Json, enc.request, WIRE_REQUEST, false)
  if (enc?.response) decryptBody((op.responses as Json)?.['200'] as Json, enc.response, WIRE_RESPONSE, true)
  for (const callback of Object.values((op.callbacks as Json | undefined) ?? {})) {
    for (const pathItem of Object.values(callback as Json)) {
      for (const cbOp of Object.values(pathItem as Json)) {
        const c = cbOp as Json
        const cbEnc = c['x-encrypted-content'] as { request?: Json } | undefined
        if (cbEnc?.request) decryptBody(c.requestBody as Json, cbEnc.request, WIRE_CALLBACK, false)
      }
    }
  }
  return op
}

/** The reader's own sandbox: the server URL's origin is a variable (PUBLIC_BASE_URL), not fixed to port 8080. */
export function readerServers(servers: Json[] | undefined): Json[] | undefined {
  return servers?.map((s) => {
    const m = /^http:\/\/127\.0\.0\.1:8080(\/.*)$/.exec(String(s.url))
    if (!m) return s
    return {
      ...s,
      url: `{origin}${m[1]}`,
      variables: {
        origin: {
          default: 'http://127.0.0.1:8080',
          description:
            'Where your sandbox runs: its PUBLIC_BASE_URL, http://127.0.0.1:<PORT> by default (PORT 8080).',
        },
      },
    }
  })
}

const FACTS_IMPORT =
  'import ApiFacts from "@site/portal/src/components/api/ApiFacts";\nimport TryIt from "@site/portal/src/components/api/TryIt";\n'

/**
 * The request examples the try-it panel starts from: each example's decrypted JSON (`x-plaintext`) for encrypted
 * operations, its value for the others (getKey's `{}`).
 */
export function tryItExamples(api: Json): { summary: string; value: unknown }[] {
  const media = ((api.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as
    Json | undefined
  const examples = (media?.examples as Json | undefined) ?? {}
  return Object.entries(examples).map(([name, ex]) => {
    const e = ex as Json
    return { summary: String(e.summary ?? name), value: e['x-plaintext'] ?? e.value ?? {} }
  })
}

/** The "Try it against your sandbox app" panel of an operation (components/api/TryIt.tsx). */
export function tryItPanel(api: Json): string {
  const props = {
    operationId: String(api.operationId ?? ''),
    encrypted: extension(api, 'x-encrypted-content') !== undefined,
    method: String(api.method ?? 'post'),
    examples: tryItExamples(api),
  }
  const attrs = Object.entries(props)
    .map(([k, v]) => `${k}={${JSON.stringify(v)}}`)
    .join(' ')
  return `\n<TryIt ${attrs} />\n\n`
}

/** The page: the plugin's, from the decrypted operation, with the fidelity badge and the D-code table after the endpoint. */
export function createApiPageMD(page: ApiPage): string {
  const item = page as ApiPage & { api: Json }
  item.api.servers = readerServers(item.api.servers as Json[] | undefined)
  const api = decryptedOperation(item.api)
  const md = pluginApiPage({
    ...page,
    api,
    frontMatter: { ...page.frontMatter, show_extensions: false },
  } as ApiPage)
  const fidelity = extension(api, 'x-fidelity') as string | undefined
  const codes = ((extension(api, 'x-dcodes') as string[] | undefined) ?? []).map(dcodeInfo)
  const encrypted = extension(api, 'x-encrypted-content') !== undefined
  const facts = `\n<ApiFacts fidelity={${JSON.stringify(fidelity ?? null)}} encrypted={${encrypted}} dcodes={${JSON.stringify(codes)}} />\n\n`
  // The try-it panel goes after the description, before the request schema (at the end when there is none).
  const tryIt = item.api.operationId ? tryItPanel(item.api) : ''
  const requestAt = md.indexOf('<Heading\n  id={"request"}')
  const withTry = requestAt < 0 ? md + tryIt : md.slice(0, requestAt) + tryIt + md.slice(requestAt)
  const endpointEnd = withTry.indexOf('</MethodEndpoint>')
  if (endpointEnd < 0) return FACTS_IMPORT + withTry + facts
  const at = endpointEnd + '</MethodEndpoint>'.length
  return FACTS_IMPORT + withTry.slice(0, at) + facts + withTry.slice(at)
}
