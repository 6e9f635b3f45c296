// Writes the operation table (paths, methods, D-codes, decrypted types, callbacks) and the D-code table from the bundled spec.
type Json = Record<string, unknown>
interface Ref {
  $ref: string
}
export interface Operation {
  operationId: string
  'x-dcodes'?: string[]
  'x-encrypted-content'?: { request?: Ref; response?: Ref }
  requestBody?: { content?: Record<string, { schema?: Ref }> }
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Ref }> }>
  callbacks?: Record<string, Record<string, Record<string, Operation>>>
}
export interface PlatformOperation {
  operation: Operation
  method: string
  path: string
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/** The name of the component a local $ref points to (`#/components/schemas/X` → `X`). */
export const refName = (ref: Ref): string => ref.$ref.slice(ref.$ref.lastIndexOf('/') + 1)

/** Every operation of `paths`, in spec order. */
export function listOperations(document: Json): PlatformOperation[] {
  const paths = document.paths as Record<string, Record<string, Operation>>
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      operation: item[method] as Operation,
      method,
      path,
    })),
  )
}

/** The decrypted schema of each operation's callback (`request` of its `x-encrypted-content`). */
export function callbackSchema(operation: Operation): string | undefined {
  const callback = Object.values(operation.callbacks ?? {})[0]
  const post = callback && Object.values(callback)[0]?.post
  const request = post?.['x-encrypted-content']?.request
  return request && refName(request)
}

const quote = (text: string): string =>
  `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`

function schemaOf(document: Json, ref: Ref | undefined): Json {
  const schemas = (document.components as Json).schemas as Record<string, Json>
  const schema = ref && schemas[refName(ref)]
  if (!schema) throw new Error(`unresolved schema ${ref?.$ref}`)
  return schema
}

/** The TypeScript type of a plain (not encrypted) JSON body or envelope content. */
function plainType(document: Json, ref: Ref | undefined, envelope: boolean): string {
  const schema = schemaOf(document, ref)
  if (!envelope) return schema.maxProperties === 0 ? 'Record<string, never>' : `S['${refName(ref as Ref)}']`
  const content = ((schema.allOf ?? []) as Json[])
    .map((part) => (part.properties as Json | undefined)?.content as Json | undefined)
    .find(Boolean)
  const target = ((content?.oneOf ?? []) as Json[]).find((option) => '$ref' in option) as Ref | undefined
  if (target) return `S['${refName(target)}']`
  if (content?.type === 'null') return 'null'
  throw new Error(`cannot type the content of ${ref?.$ref}`)
}

function operationTypes(document: Json, operation: Operation): string {
  const encrypted = operation['x-encrypted-content']
  if (encrypted?.request) {
    const response = encrypted.response ? `S['${refName(encrypted.response)}']` : 'null'
    return `{ request: S['${refName(encrypted.request)}']; response: ${response} }`
  }
  const request = plainType(document, operation.requestBody?.content?.['application/json']?.schema, false)
  const response = plainType(
    document,
    operation.responses['200']?.content?.['application/json']?.schema,
    true,
  )
  return `{ request: ${request}; response: ${response} }`
}

function wrapList(items: string[], indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const item of items) {
    if (line && line.length + item.length > 96) {
      lines.push(line.trimEnd())
      line = ''
    }
    line += `${item}, `
  }
  lines.push(line.trimEnd())
  return lines.length === 1
    ? `[${lines[0]?.slice(0, -1)}]`
    : `[\n${lines.map((l) => `${indent}  ${l}`).join('\n')}\n${indent}]`
}

export function emitOperations(document: Json): string {
  const operations = listOperations(document)
  const out = ["import type { components } from './platform'", '', "type S = components['schemas']", '']
  out.push('export const platformOperations = {')
  for (const { operation, method, path } of operations) {
    const dcodes = wrapList((operation['x-dcodes'] ?? []).map(quote), '    ')
    out.push(`  ${operation.operationId}: {`)
    out.push(`    method: '${method}',`, `    path: '${path}',`)
    out.push(
      `    encrypted: ${operation['x-encrypted-content'] !== undefined},`,
      `    dcodes: ${dcodes},`,
      '  },',
    )
  }
  out.push('} as const', '', 'export type PlatformOperationId = keyof typeof platformOperations', '')
  out.push('export interface PlatformOperationTypes {')
  for (const { operation, method } of operations) {
    if (method === 'post') out.push(`  ${operation.operationId}: ${operationTypes(document, operation)}`)
  }
  out.push('}', '')
  const callbacks = operations.flatMap(({ operation }) => {
    const schema = callbackSchema(operation)
    return schema ? [[operation.operationId, schema] as const] : []
  })
  out.push('export const platformCallbacks = {')
  for (const [id, schema] of callbacks) out.push(`  ${id}: '${schema}',`)
  out.push('} as const', '', 'export interface PlatformCallbackTypes {')
  for (const [id, schema] of callbacks) out.push(`  ${id}: S['${schema}']`)
  out.push('}', '')
  return out.join('\n')
}

export function emitDcodes(document: Json): string {
  const dcode = schemaOf(document, { $ref: '#/components/schemas/DCode' })
  const docs = dcode['x-dcodes'] as Record<string, { message: string; description: string }>
  const out = ['export const dCodes = {']
  for (const code of dcode.enum as string[]) {
    const entry = docs[code]
    if (!entry) throw new Error(`DCode ${code} has no x-dcodes entry`)
    out.push(
      `  ${code}: {`,
      `    message: ${quote(entry.message)},`,
      `    description: ${quote(entry.description)},`,
      '  },',
    )
  }
  out.push('} as const', '', 'export type DCode = keyof typeof dCodes', '')
  return out.join('\n')
}
