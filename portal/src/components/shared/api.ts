/**
 * The portal's one API client: typed clients (openapi-fetch) of the sandbox API (`/sandbox/v1`) and the support API
 * (`/support/v1`), same origin as the portal, from the types generated into openapi/generated/. The session cookie
 * goes with every call; every unsafe call carries the session's CSRF token (`X-CSRF-Token`, from GET /session) and
 * the browser's own `Origin`. A failed call becomes an ApiError, the one error type of every portal page.
 */
import { translate } from '@docusaurus/Translate'
import type { paths as SandboxPaths } from '@iamsmart-sandbox/openapi/generated/sandbox'
import type { paths as SupportPaths } from '@iamsmart-sandbox/openapi/generated/support'
import createClient, { type Client, type Middleware } from 'openapi-fetch'
import type { Problem } from './types'

export const SANDBOX_API = '/sandbox/v1'
export const SUPPORT_API = '/support/v1'

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

/** A typed client of one of the sandbox's APIs, under `baseUrl` on the portal's origin, with the session. */
export function createApiClient<Paths extends object>(baseUrl: string): Client<Paths> {
  const client = createClient<Paths>({ baseUrl, credentials: 'same-origin' })
  client.use(withCsrfToken)
  return client
}

export const sandboxApi = createApiClient<SandboxPaths>(SANDBOX_API)
export const supportApi = createApiClient<SupportPaths>(SUPPORT_API)

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
  /** Each invalid field (e.g. `profile.birthDate`, `contacts[0].email`) with what is wrong with it. */
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
    throw new ApiError(0, {
      title: translate({ id: 'portal.error.noAnswer', message: 'The sandbox did not answer' }),
      detail: (e as Error).message,
    })
  }
  if (result.response.ok) return result.data as T
  const error = result.error
  throw new ApiError(
    result.response.status,
    error && typeof error === 'object' ? (error as Partial<Problem>) : { title: String(error ?? '') },
  )
}
