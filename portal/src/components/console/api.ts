/**
 * The console's typed client of the sandbox API (`/sandbox/v1`, same origin as the portal), from the OpenAPI types
 * generated into openapi/generated/sandbox.ts. The session cookie goes with every call (same origin); every unsafe
 * call carries the session's CSRF token (`X-CSRF-Token`, from GET /session) and the browser's own `Origin`.
 */
import type { components, paths } from '@iamsmart-sandbox/openapi/generated/sandbox'
import createClient, { type Middleware } from 'openapi-fetch'
import { formatHkTime } from '../hk-time'

export type Schemas = components['schemas']
export type Session = Schemas['Session']
export type App = Schemas['App']
export type NewApp = Schemas['NewApp']
export type Org = Schemas['Org']
export type Member = Schemas['Member']
export type MemberRole = Schemas['MemberRole']
export type ChangeRequest = Schemas['ChangeRequest']
export type ScopeName = Schemas['ScopeName']
export type KeySlot = Schemas['KeySlot']
export type Resident = Schemas['Resident']
export type ResidentRow = Schemas['ResidentRow']
export type ResidentInput = Schemas['ResidentInput']
export type ResidentPatch = Schemas['ResidentPatch']
export type Scenario = Schemas['Scenario']
export type ScenarioCreateRequest = Schemas['ScenarioCreateRequest']
export type Clock = Schemas['Clock']
export type InspectorItem = Schemas['InspectorItem']
export type InspectorCall = Schemas['InspectorCall']
export type InspectorCallback = Schemas['InspectorCallback']
export type InspectorDiagnosis = Schemas['InspectorDiagnosis']
export type Problem = Schemas['Problem']

export const API_BASE = '/sandbox/v1'

export const SCOPES: readonly ScopeName[] = [
  'eidapi_auth',
  'eidapi_profiles',
  'eidapi_formFilling',
  'eidapi_sign',
  'eidapi_fr',
  'eidapi_bulksign',
]

let csrfToken: string | undefined

/** The CSRF token of the current session (set when the session is read or begins, cleared at sign-out). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token
}

const withCsrfToken: Middleware = {
  onRequest({ request }) {
    if (!/^(GET|HEAD|OPTIONS)$/.test(request.method) && csrfToken)
      request.headers.set('X-CSRF-Token', csrfToken)
    return request
  },
}

export const api = createClient<paths>({ baseUrl: API_BASE, credentials: 'same-origin' })
api.use(withCsrfToken)

/** A failed call: the HTTP status and the problem document (RFC 9457), with `errors` per field for a 422. */
export class ApiError extends Error {
  readonly status: number
  readonly problem: Partial<Problem> | undefined
  constructor(status: number, problem: Partial<Problem> | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
  }
  /** Each invalid field (e.g. `profile.birthDate`) with what is wrong with it. */
  get fieldErrors(): Record<string, string> {
    return this.problem?.errors ?? {}
  }
}

/** The data of a successful call, or an ApiError (a network failure becomes status 0). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await call
  } catch (e) {
    throw new ApiError(0, { title: 'The sandbox did not answer', detail: (e as Error).message })
  }
  if (result.response.ok) return result.data as T
  const error = result.error
  throw new ApiError(
    result.response.status,
    error && typeof error === 'object' ? (error as Partial<Problem>) : { title: String(error ?? '') },
  )
}

/** `YYYY-MM-DD HH:MM:SS HKT`: Hong Kong time with its zone, for epoch milliseconds or an ISO string. */
export function formatTime(value: number | string | undefined | null): string {
  return formatHkTime(value)
}
