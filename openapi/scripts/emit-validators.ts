// Compiles each operation's request schema into Ajv standalone code (no runtime compile, no `new Function`).
import Ajv, { type Options } from 'ajv'
import standaloneCode from 'ajv/dist/standalone'
import { listOperations, type Operation } from './emit-operations'

type Json = Record<string, unknown>

/** The schema a request is checked against: the decrypted content (platform) or the JSON body (sandbox, support). */
export function requestSchemaRef(operation: Operation, path: string, method: string): string | undefined {
  const encrypted = operation['x-encrypted-content']?.request?.$ref
  if (encrypted) return encrypted
  const body = operation.requestBody?.content?.['application/json']?.schema as Json | undefined
  if (!body) return undefined
  if (typeof body.$ref === 'string') return body.$ref
  const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1')
  return `#/paths/${pointer(path)}/${method}/requestBody/content/application~1json/schema`
}

const OPTIONS: Options = {
  code: { source: true, esm: true, lines: false },
  // Every error, in schema order: the caller picks the one it answers with.
  allErrors: true,
  // Each error carries its schema, so a refusal can name both limits (`must be 1–120 characters`).
  verbose: true,
  strict: false,
  // Formats are named in the contract for documentation; the checks that need them stay with the features.
  validateFormats: false,
}

/** Ajv's runtime helpers, imported from openapi/src/validation/runtime.ts so the generated module needs no Ajv. */
const RUNTIME: Record<string, string> = {
  'ajv/dist/runtime/equal': 'equal',
  'ajv/dist/runtime/ucs2length': 'ucs2length',
}

/**
 * The module text: one validate function per request schema, and `requestValidators`, each operation's function by
 * its operationId. Ajv's output is deterministic for the same document.
 */
export function emitValidators(document: Json): string {
  const ajv = new Ajv(OPTIONS)
  const queries = querySchemas(document)
  ajv.addSchema(
    { $id: 'contract', components: document.components, paths: document.paths, queries },
    'contract',
  )
  // One function a schema (operations may share one), exported under the schema's name or, inline, the operation's.
  const refs: Record<string, string> = {}
  const byOperation: Record<string, string> = {}
  for (const { operation, path, method } of listOperations(document)) {
    const ref = requestSchemaRef(operation, path, method)
    if (!ref?.startsWith('#/')) continue
    const name = ref.startsWith('#/components/schemas/')
      ? ref.slice(ref.lastIndexOf('/') + 1)
      : operation.operationId
    refs[name] = `contract${ref}`
    byOperation[operation.operationId] = name
  }
  for (const operationId of Object.keys(queries))
    refs[`${operationId}Query`] = `contract#/queries/${operationId}`
  let code = standaloneCode(ajv, refs)
  const helpers: string[] = []
  code = code.replace(/require\("([^"]+)"\)\.default/g, (_, module: string) => {
    const helper = RUNTIME[module]
    if (!helper)
      throw new Error(`the generated validators need ${module}: add it to src/validation/runtime.ts`)
    if (!helpers.includes(helper)) helpers.push(helper)
    return helper
  })
  if (/\brequire\(/.test(code)) throw new Error('the generated validators still require a module')
  return [
    '// @ts-nocheck',
    '/* eslint-disable */',
    ...(helpers.length > 0
      ? [`import { ${helpers.sort().join(', ')} } from '../src/validation/runtime'`]
      : []),
    code.replace(/^"use strict";/, ''),
    `export const requestValidators = {\n${Object.entries(byOperation)
      .map(([op, name]) => `  ${op}: ${name},`)
      .join('\n')}\n};`,
    `export const queryValidators = {${Object.keys(queries)
      .map((op) => `\n  ${op}: ${op}Query,`)
      .join('')}\n};`,
    emitEnums(document),
    '',
  ].join('\n')
}

interface Parameter {
  name: string
  in: string
  required?: boolean
  schema?: Json
}

/**
 * Each operation's query as the object of its parameters (`queryValidators`), for a query read as text: a boolean
 * parameter is `true` or `false`. An operation with a numeric query parameter gets none (its bounds need a parse).
 */
function querySchemas(document: Json): Record<string, Json> {
  const resolve = (p: Json): Parameter => {
    const ref = p.$ref
    if (typeof ref !== 'string') return p as unknown as Parameter
    return ref
      .split('/')
      .slice(1)
      .reduce<Json>((o, k) => o[k] as Json, document) as unknown as Parameter
  }
  const out: Record<string, Json> = {}
  for (const { operation } of listOperations(document)) {
    const params = ((operation as { parameters?: Json[] }).parameters ?? [])
      .map(resolve)
      .filter((p) => p.in === 'query')
    if (params.length === 0) continue
    const asText = params.map((p) => ({
      ...p,
      schema: p.schema?.type === 'boolean' ? { type: 'string', enum: ['true', 'false'] } : p.schema,
    }))
    if (asText.some((p) => p.schema?.type === 'integer' || p.schema?.type === 'number')) continue
    out[operation.operationId] = {
      type: 'object',
      required: asText.filter((p) => p.required).map((p) => p.name),
      properties: Object.fromEntries(asText.map((p) => [p.name, p.schema ?? {}])),
    }
  }
  return out
}

/**
 * `schemaEnums`: the values of each named schema that is a list of strings (`Source`, `ProfileField`, `ScopeName`…),
 * in the contract's order, so the code's lists of them are the contract's and cannot drift from it.
 */
export function emitEnums(document: Json): string {
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>
  const lines = Object.entries(schemas)
    .filter(([, schema]) => Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string'))
    .map(([name, schema]) => `  ${name}: ${JSON.stringify(schema.enum)},`)
  return `export const schemaEnums = {\n${lines.join('\n')}\n} as const;`
}
