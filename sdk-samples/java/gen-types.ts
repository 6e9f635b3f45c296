/**
 * Types for the Java and Python clients, read from the OpenAPI contract: the decrypted request, response and callback
 * schemas (`x-encrypted-content`) of the operations the samples use. `contractModel(spec)` walks the bundled spec;
 * this file emits Java records (src/iamsmart/Contract.java), ../python/gen-types.ts a Python module of TypedDicts.
 * `npx tsx sdk-samples/java/gen-types.ts [--check]` writes (or compares) both; the tests regenerate and fail on a diff.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// The spec is untyped JSON walked by shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

/** The operations the Java and Python samples call; their schemas (and their callbacks') become types. */
export const SAMPLE_OPERATIONS = [
  'getKey',
  'getToken',
  'initiateProfileRequest',
  'initiateEmeRequest',
  'initiateSigningRequest',
  'ackSigningResult',
] as const

/** Named schemas the clients need besides the operations' own: the callback POST body. */
const EXTRA_SCHEMAS = ['CallbackBody']

export type FieldType =
  | { kind: 'string' | 'integer' | 'number' | 'boolean' | 'map' | 'any' }
  | { kind: 'array'; items: FieldType }
  | { kind: 'record'; name: string }

export interface Field {
  name: string
  type: FieldType
  required: boolean
  description?: string
}

export interface RecordType {
  name: string
  description: string
  fields: Field[]
}

export interface OperationModel {
  operationId: string
  path: string
  encrypted: boolean
  request?: string
  response?: string
  /** Callback name → its decrypted content type. */
  callbacks: Record<string, string>
}

export interface ContractModel {
  records: RecordType[]
  operations: OperationModel[]
}

const refName = (s: Json | undefined): string | undefined =>
  typeof s?.$ref === 'string' ? s.$ref.replace('#/components/schemas/', '') : undefined

const oneLine = (text: unknown): string =>
  typeof text === 'string'
    ? text.replace(/\s+/g, ' ').trim().replace(/\*\//g, '* /').replace(/\\u/g, '\\ u')
    : ''

/** Every POST operation of the spec by operationId. */
function operationsById(spec: Json): Map<string, { path: string; op: Json }> {
  const out = new Map<string, { path: string; op: Json }>()
  for (const [path, item] of Object.entries(spec.paths as Json))
    for (const [method, op] of Object.entries(item as Json))
      if (method === 'post' && op && typeof op === 'object' && 'operationId' in op)
        out.set((op as Json).operationId, { path, op: op as Json })
  return out
}

/** The walk over the bundled platform spec (openapi/dist/platform.json or `bundlePlatform()`). */
export function contractModel(spec: Json): ContractModel {
  const schemas = spec.components.schemas as Json
  const records = new Map<string, RecordType>()
  const queue: string[] = []

  const schema = (name: string): Json => {
    const s = schemas[name]
    if (!s) throw new Error(`the contract has no schema ${name}`)
    return s
  }
  /** A schema with its allOf parts merged into one object (properties, required). */
  const flatten = (s: Json): { properties: Json; required: string[]; object: boolean } => {
    const ref = refName(s)
    if (ref) return flatten(schema(ref))
    const properties: Json = { ...(s.properties ?? {}) }
    const required: string[] = [...(s.required ?? [])]
    let object = s.type === 'object' || s.properties !== undefined
    for (const part of s.allOf ?? []) {
      const f = flatten(part)
      Object.assign(properties, f.properties)
      required.push(...f.required)
      object ||= f.object
    }
    return { properties, required, object }
  }
  const identifier = (n: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)
  const typeOf = (s: Json): FieldType => {
    const ref = refName(s)
    if (ref) {
      const target = schema(ref)
      const f = flatten(target)
      if (f.object && !target.oneOf && Object.keys(f.properties).length > 0) {
        if (!Object.keys(f.properties).every(identifier)) return { kind: 'map' }
        if (!records.has(ref) && !queue.includes(ref)) queue.push(ref)
        return { kind: 'record', name: ref }
      }
      return typeOf({ ...target, title: undefined })
    }
    if (s.oneOf || s.anyOf) return { kind: 'map' }
    if (s.const !== undefined && typeof s.const === 'string') return { kind: 'string' }
    switch (s.type) {
      case 'string':
        return { kind: 'string' }
      case 'integer':
        return { kind: 'integer' }
      case 'number':
        return { kind: 'number' }
      case 'boolean':
        return { kind: 'boolean' }
      case 'array':
        return { kind: 'array', items: s.items ? typeOf(s.items) : { kind: 'any' } }
      case 'object':
        return { kind: 'map' }
      default:
        return { kind: 'any' }
    }
  }
  const addRecord = (name: string) => {
    if (records.has(name)) return
    const s = schema(name)
    const f = flatten(s)
    const fields: Field[] = Object.entries(f.properties).map(([field, p]) => ({
      name: field,
      type: typeOf(p as Json),
      required: f.required.includes(field),
      description: oneLine((p as Json).description) || undefined,
    }))
    records.set(name, { name, description: oneLine(s.description), fields })
  }
  const use = (name: string | undefined) => {
    if (name && !queue.includes(name) && !records.has(name)) queue.push(name)
    return name
  }

  const byId = operationsById(spec)
  const operations: OperationModel[] = SAMPLE_OPERATIONS.map((id) => {
    const found = byId.get(id)
    if (!found) throw new Error(`the contract has no POST operation ${id}`)
    const { path, op } = found
    const enc = op['x-encrypted-content'] as Json | undefined
    let response = use(refName(enc?.response))
    if (!enc) {
      // A plain operation (getKey): the non-null member of the envelope's `content`.
      const envelope = op.responses?.['200']?.content?.['application/json']?.schema as Json | undefined
      const content = envelope ? flatten(envelope).properties.content : undefined
      const target = content ? (refName(content) ?? content.oneOf?.map(refName).find(Boolean)) : undefined
      response = use(target)
    }
    const callbacks: Record<string, string> = {}
    for (const [cbName, cb] of Object.entries((op.callbacks ?? {}) as Json)) {
      for (const item of Object.values(cb as Json)) {
        const name = use(refName((item as Json).post?.['x-encrypted-content']?.request))
        if (name) callbacks[cbName] = name
      }
    }
    return {
      operationId: id,
      path,
      encrypted: Boolean(enc),
      request: use(refName(enc?.request)),
      response,
      callbacks,
    }
  })
  for (const name of EXTRA_SCHEMAS) use(name)
  while (queue.length > 0) addRecord(queue.shift()!)
  return { records: [...records.values()].sort((a, b) => a.name.localeCompare(b.name)), operations }
}

// ---- Java ----

const JAVA_HEADER =
  '// Generated by sdk-samples/java/gen-types.ts from the OpenAPI contract (openapi/platform) — do not edit.\n'

function javaType(t: FieldType): string {
  switch (t.kind) {
    case 'string':
      return 'String'
    case 'integer':
      return 'Long'
    case 'number':
      return 'Double'
    case 'boolean':
      return 'Boolean'
    case 'map':
      return 'Map<String, Object>'
    case 'any':
      return 'Object'
    case 'array':
      return `List<${javaType(t.items)}>`
    case 'record':
      return t.name
  }
}

/** The expression reading `m.get(key)` as type t (`Read` helpers check types and required fields). */
function javaRead(t: FieldType, value: string, where: string): string {
  switch (t.kind) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'map':
      return `Read.${t.kind === 'boolean' ? 'bool' : t.kind}(${value}, ${where})`
    case 'any':
      return value
    case 'array':
      return `Read.list(${value}, ${where}, (item, at) -> ${javaRead(t.items, 'item', 'at')})`
    case 'record':
      return `Read.record(${value}, ${where}, ${t.name}::fromJson)`
  }
}

function javaWrite(t: FieldType, value: string): string {
  if (t.kind === 'record') return `${value} == null ? null : ${value}.toJson()`
  if (t.kind === 'array' && t.items.kind === 'record')
    return `${value} == null ? null : ${value}.stream().map(${t.items.name}::toJson).toList()`
  return value
}

/** Names a record component cannot have (Object's methods, Java keywords): the component gets `Value` appended. */
const JAVA_RESERVED = new Set([
  'hashCode',
  'toString',
  'equals',
  'getClass',
  'notify',
  'notifyAll',
  'wait',
  'clone',
  'finalize',
  'default',
  'class',
  'package',
  'public',
  'private',
  'static',
  'final',
  'new',
  'return',
  'switch',
  'case',
  'int',
  'long',
  'boolean',
  'char',
  'byte',
  'short',
  'double',
  'float',
  'void',
  'import',
  'interface',
  'enum',
  'record',
])

/** The Java name of a JSON member. */
export const javaName = (jsonName: string): string =>
  JAVA_RESERVED.has(jsonName) ? `${jsonName}Value` : jsonName

function javaRecord(r: RecordType): string {
  const fields = r.fields.map((f) => ({ ...f, json: f.name, name: javaName(f.name) }))
  r = { ...r, fields }
  const params = r.fields.map((f) => `${javaType(f.type)} ${f.name}`).join(', ')
  const reads = r.fields
    .map((f) => {
      const where = `"${r.name}.${f.name}"`
      const read = javaRead(f.type, `m.get("${(f as { json?: string }).json ?? f.name}")`, where)
      return f.required ? `Read.required(${read}, ${where})` : read
    })
    .join(',\n          ')
  const writes = fields.map((f) => `    m.put("${f.json}", ${javaWrite(f.type, f.name)});`).join('\n  ')
  const builderFields = r.fields.map((f) => `      private ${javaType(f.type)} ${f.name};`).join('\n')
  const setters = r.fields
    .map(
      (f) =>
        `${f.description ? `      /** ${f.description}${f.required ? '' : ' (optional)'} */\n` : ''}` +
        `      public Builder ${f.name}(${javaType(f.type)} value) {\n        this.${f.name} = value;\n        return this;\n      }`,
    )
    .join('\n\n')
  const requireds = r.fields
    .filter((f) => f.required)
    .map((f) => `        Read.required(${f.name}, "${r.name}.${f.name}");`)
    .join('\n')
  return `  /** ${r.description || r.name} */
  public record ${r.name}(${params}) implements Content {
    /** Reads the decrypted JSON object; a missing required field or a wrong type throws IllegalArgumentException. */
    public static ${r.name} fromJson(Map<String, Object> m) {
      return new ${r.name}(
          ${reads});
    }

    /** The JSON object to encrypt (absent optional fields left out). */
    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
  ${writes}
      return m;
    }

    public static Builder builder() {
      return new Builder();
    }

    public static final class Builder {
${builderFields}

${setters}

      public ${r.name} build() {
${requireds}
        return new ${r.name}(${r.fields.map((f) => f.name).join(', ')});
      }
    }
  }
`
}

const JAVA_READ = `  /** Type checks for fromJson. */
  static final class Read {
    private Read() {}

    static <T> T required(T value, String where) {
      if (value == null) throw new IllegalArgumentException(where + " is required by the contract but missing");
      return value;
    }

    static String string(Object v, String where) {
      if (v == null || v instanceof String) return (String) v;
      throw new IllegalArgumentException(where + " must be a string");
    }

    static Long integer(Object v, String where) {
      if (v == null) return null;
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
      throw new IllegalArgumentException(where + " must be an integer");
    }

    static Double number(Object v, String where) {
      if (v == null) return null;
      if (v instanceof Number n) return n.doubleValue();
      throw new IllegalArgumentException(where + " must be a number");
    }

    static Boolean bool(Object v, String where) {
      if (v == null || v instanceof Boolean) return (Boolean) v;
      throw new IllegalArgumentException(where + " must be a boolean");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v, String where) {
      if (v == null || v instanceof Map) return (Map<String, Object>) v;
      throw new IllegalArgumentException(where + " must be an object");
    }

    static <T> List<T> list(Object v, String where, BiFunction<Object, String, T> item) {
      if (v == null) return null;
      if (!(v instanceof List<?> l)) throw new IllegalArgumentException(where + " must be an array");
      List<T> out = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) out.add(item.apply(l.get(i), where + "[" + i + "]"));
      return out;
    }

    static <T> T record(Object v, String where, Function<Map<String, Object>, T> read) {
      Map<String, Object> m = map(v, where);
      return m == null ? null : read.apply(m);
    }
  }
`

export function emitJava(model: ContractModel): string {
  const ops = model.operations
    .map((o) => {
      const req = o.request ?? 'Void'
      const res = o.response ?? 'Void'
      const read = o.response ? `${o.response}::fromJson` : 'm -> null'
      return `  public static final Operation<${req}, ${res}> ${o.operationId} =\n      new Operation<>("${o.operationId}", "${o.path}", ${o.encrypted}, ${read});`
    })
    .join('\n\n')
  const callbacks = model.operations
    .flatMap((o) =>
      Object.entries(o.callbacks).map(([cb, type]) => `  // ${o.operationId} → callback ${cb}: ${type}`),
    )
    .join('\n')
  const body = model.records.map(javaRecord).join('\n')
  return `${JAVA_HEADER}package iamsmart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The decrypted content of the operations the sample uses, as the contract describes it (x-encrypted-content). */
public final class Contract {
  private Contract() {}

  /** A request or result type: its JSON object, member names as in the contract. */
  public interface Content {
    Map<String, Object> toJson();
  }

  /** An operation: its path, whether its content is encrypted, and how to read its result. */
  public record Operation<Req, Res>(
      String operationId, String path, boolean encrypted, Function<Map<String, Object>, Res> result) {}

${ops}

  // Callbacks (decrypted content types):
${callbacks}

${body}
${JAVA_READ}}
`
}

export const JAVA_CONTRACT_FILE = fileURLToPath(new URL('./src/iamsmart/Contract.java', import.meta.url))

/** The bundled platform spec, bundled afresh from openapi/platform (openapi/dist may be stale or absent). */
export async function loadPlatformSpec(): Promise<Json> {
  const { bundlePlatform } = await import('../../openapi/scripts/bundle')
  return (await bundlePlatform()).document as Json
}

async function main(check: boolean): Promise<number> {
  const { emitPython, PYTHON_CONTRACT_FILE } = await import('../python/gen-types')
  const model = contractModel(await loadPlatformSpec())
  const files: [string, string][] = [
    [JAVA_CONTRACT_FILE, emitJava(model)],
    [PYTHON_CONTRACT_FILE, emitPython(model)],
  ]
  let stale = 0
  for (const [file, text] of files) {
    let current = ''
    try {
      current = readFileSync(file, 'utf8')
    } catch {
      // absent
    }
    if (current === text) continue
    stale++
    if (check) console.error(`differs: ${file}`)
    else writeFileSync(file, text)
  }
  console.log(`${files.length} files, ${stale} ${check ? 'differ' : 'written'}`)
  return check && stale > 0 ? 1 : 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  void main(process.argv.includes('--check')).then((code) => {
    process.exitCode = code
  })
}
