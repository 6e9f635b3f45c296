/** Contract helpers: the bundled, dereferenced platform spec and ajv validators for its schemas. */
import { bundle, loadConfig } from '@redocly/openapi-core'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../openapi/platform/openapi.yaml', import.meta.url))

export type Json = Record<string, any>

let cached: Promise<Json> | undefined
export function platformSpec(): Promise<Json> {
  cached ??= (async () => {
    const config = await loadConfig({
      configPath: fileURLToPath(new URL('../../openapi/redocly.yaml', import.meta.url)),
    })
    const { bundle: doc } = await bundle({ ref: root, config, dereference: true })
    return doc.parsed as Json
  })()
  return cached
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
addFormats(ajv)
const compiled = new WeakMap<object, ReturnType<typeof ajv.compile>>()

/** Returns the list of violations (empty when the value matches the schema). */
export function violations(schema: Json, value: unknown): string[] {
  let v = compiled.get(schema)
  if (!v) {
    v = ajv.compile(schema)
    compiled.set(schema, v)
  }
  return v(value)
    ? []
    : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
}

export interface OperationSpec {
  method: string
  path: string
  op: Json
}

export function operations(spec: Json): Map<string, OperationSpec> {
  const out = new Map<string, OperationSpec>()
  for (const [path, item] of Object.entries(spec.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      if (typeof op === 'object' && op && 'operationId' in op) out.set(op.operationId, { method, path, op })
    }
  }
  return out
}

export const responseSchema = (o: OperationSpec, status = '200'): Json =>
  o.op.responses[status].content['application/json'].schema

export const decryptedResponseSchema = (o: OperationSpec): Json | undefined =>
  o.op['x-encrypted-content']?.response

/** The decrypted content schema of the (single) callback an operation sends. */
export function callbackSchemas(o: OperationSpec): { body: Json; content: Json } {
  const cb = Object.values(o.op.callbacks as Json)[0] as Json
  const post = (Object.values(cb)[0] as Json).post as Json
  return {
    body: post.requestBody.content['application/json'].schema,
    content: post['x-encrypted-content'].request,
  }
}
