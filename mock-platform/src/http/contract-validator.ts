/** Checks a request against the contract's schema for its operation (Ajv standalone code generated from openapi/dist). */
import { ProblemError } from '../errors'
import {
  requestValidators as platform,
  queryValidators as platformQueries,
} from '@iamsmart-sandbox/openapi/generated/platform-validators'
import {
  requestValidators as sandbox,
  queryValidators as sandboxQueries,
} from '@iamsmart-sandbox/openapi/generated/sandbox-validators'
import {
  requestValidators as support,
  queryValidators as supportQueries,
} from '@iamsmart-sandbox/openapi/generated/support-validators'

/** An error as Ajv reports it. */
interface AjvError {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
  /** The schema of the failing keyword (the generated code is `verbose`). */
  parentSchema?: Record<string, unknown>
}
type ValidateFunction = ((data: unknown) => boolean) & { errors?: AjvError[] | null }

/** One field the contract refuses: where, why, and what it expects, worded for a developer. */
export interface ContractIssue {
  /** The field as a path (`businessID`, `profileFields/2`, `address/region`); empty for the body itself. */
  field: string
  /** `missing`: required and absent, null or ''; `unknown`: not in the schema; `invalid`: any other refusal. */
  kind: 'missing' | 'unknown' | 'invalid'
  /** Ajv's keyword (`required`, `type`, `enum`, `pattern`, `maxLength`…). */
  keyword: string
  /** What the contract expects, e.g. `must be one of en-US, zh-HK, zh-CN`, `must be 1–36 characters`, `is required`. */
  expected: string
}

export type Api = 'platform' | 'sandbox' | 'support'

const VALIDATORS: Record<Api, Record<string, unknown>> = { platform, sandbox, support }
/** Each operation's query parameters as one object of text (a boolean is `true` or `false`). */
const QUERY_VALIDATORS: Record<Api, Record<string, unknown>> = {
  platform: platformQueries,
  sandbox: sandboxQueries,
  support: supportQueries,
}

/** Whether the contract has a request schema for this operation. */
export function hasRequestSchema(api: Api, operationId: string): boolean {
  return typeof VALIDATORS[api][operationId] === 'function'
}

/**
 * The issues of `body` for the operation, first the one to answer with; [] when it conforms or has no schema. Of a
 * `oneOf` that failed, only the most specific issues are kept (a field of the object, not "must be null" beside it).
 */
export function contractIssues(api: Api, operationId: string, body: unknown): ContractIssue[] {
  return issuesOf(VALIDATORS[api][operationId] as ValidateFunction | undefined, body)
}

/**
 * The issues of a query (its parameters by name, as sent), as contractIssues; [] when it conforms or the contract
 * has no query schema for the operation.
 */
export function contractQueryIssues(
  api: Api,
  operationId: string,
  query: Record<string, string | undefined>,
): ContractIssue[] {
  // A parameter sent empty (`state=`) is an absent one, as an optional member sent as '' is in a body.
  const sent = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''))
  return issuesOf(QUERY_VALIDATORS[api][operationId] as ValidateFunction | undefined, sent)
}

function issuesOf(validate: ValidateFunction | undefined, body: unknown): ContractIssue[] {
  if (typeof validate !== 'function' || validate(body)) return []
  const all = (validate.errors ?? []).map((e) => issueOf(e, body))
  const issues = all.filter(
    (i) => !all.some((o) => o.field.startsWith(i.field === '' ? '' : `${i.field}/`) && o.field !== i.field),
  )
  // A missing field outranks a malformed one (the order the hand-written checks answered in), then schema order.
  return [...issues.filter((i) => i.kind === 'missing'), ...issues.filter((i) => i.kind !== 'missing')]
    .filter((issue, i, all) => all.findIndex((o) => o.field === issue.field) === i)
    .map((issue) => withEveryType(issue, issues))
}

/** A value of the wrong type for every branch of a oneOf: `must be an object or null`, not the first branch alone. */
function withEveryType(issue: ContractIssue, all: ContractIssue[]): ContractIssue {
  if (issue.keyword !== 'type') return issue
  const types = all.filter((o) => o.field === issue.field && o.keyword === 'type').map((o) => o.expected)
  if (types.length < 2) return issue
  return { ...issue, expected: types.map((t, i) => (i === 0 ? t : t.replace(/^must be /, ''))).join(' or ') }
}

function issueOf(e: AjvError, body: unknown): ContractIssue {
  const path = e.instancePath.split('/').slice(1).map(unescape)
  if (e.keyword === 'required') {
    const name = String(e.params.missingProperty)
    return { field: [...path, name].join('/'), kind: 'missing', keyword: e.keyword, expected: 'is required' }
  }
  if (e.keyword === 'additionalProperties') {
    const name = String(e.params.additionalProperty)
    return {
      field: [...path, name].join('/'),
      kind: 'unknown',
      keyword: e.keyword,
      expected: 'is not a field of this request',
    }
  }
  if (e.keyword === 'maxProperties' && e.params.limit === 0)
    return { field: path.join('/'), kind: 'unknown', keyword: e.keyword, expected: 'takes no fields' }
  const value = valueAt(body, path)
  // A member sent as null or '' is a missing one (an array's null item is not: it is an illegal item).
  const member = path.length > 0 && !/^\d+$/.test(path[path.length - 1]!)
  const kind = member && (value === null || value === '') ? 'missing' : 'invalid'
  return { field: path.join('/'), kind, keyword: e.keyword, expected: expected(e) }
}

/** The expectation in words: both limits where the schema has both, the sandbox's wording for types. */
function expected(e: AjvError): string {
  const p = e.params
  const s = e.parentSchema ?? {}
  const whole = s.type === 'integer' ? 'a whole number, ' : ''
  if (
    (e.keyword === 'minLength' || e.keyword === 'maxLength') &&
    s.minLength !== undefined &&
    s.maxLength !== undefined
  )
    return `must be ${String(s.minLength)}–${String(s.maxLength)} characters`
  if (
    (e.keyword === 'minimum' || e.keyword === 'maximum') &&
    s.minimum !== undefined &&
    s.maximum !== undefined
  )
    return `must be ${whole}${String(s.minimum)}–${String(s.maximum)}`
  switch (e.keyword) {
    case 'enum':
      return `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`
    case 'type':
      return `must be ${article(String(p.type))}`
    case 'pattern':
      // A schema may say what its pattern means (`x-pattern-message`): "in the sandbox range", not a regex.
      return typeof s['x-pattern-message'] === 'string'
        ? s['x-pattern-message']
        : `must match ${String(p.pattern)}`
    case 'maxLength':
      return `must be at most ${String(p.limit)} characters`
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`
    case 'minimum':
      return `must be at least ${String(p.limit)}`
    case 'maximum':
      return `must be at most ${String(p.limit)}`
    case 'minProperties':
      return `must name at least ${String(p.limit)} field${p.limit === 1 ? '' : 's'}`
    case 'minItems':
      return `must list at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`
    case 'maxItems':
      return `must list at most ${String(p.limit)} items`
    case 'uniqueItems':
      return `must not list an item twice (items ${String(p.j)} and ${String(p.i)} are the same)`
    default:
      return e.message ?? 'does not match the contract'
  }
}

const TYPE_WORDS: Record<string, string> = {
  boolean: 'true or false',
  integer: 'a whole number',
  array: 'a list',
  null: 'null',
}

const article = (type: string): string =>
  type
    .split(',')
    .map((t) => TYPE_WORDS[t] ?? (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`))
    .join(' or ')

const unescape = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~')

function valueAt(body: unknown, path: string[]): unknown {
  let v = body
  for (const key of path) {
    if (!v || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[key]
  }
  return v
}

/** The sandbox's and support's form of the issues: `errors` of a 422 problem, keyed `a.b[0].c` as the API documents. */
export function contractProblems(api: Api, operationId: string, body: unknown): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const issue of contractIssues(api, operationId, body)) {
    const key = issue.field.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.') || 'body'
    problems[key] ??= issue.expected
  }
  return problems
}

/** The sandbox's and support's 422 for a body the contract refuses: `title`, and `errors` naming each field. */
export function assertConforms(
  api: Exclude<Api, 'platform'>,
  operationId: string,
  body: unknown,
  title: string,
): void {
  const errors = contractProblems(api, operationId, body)
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, title, 'Fix the listed fields and try again.', { errors })
}
