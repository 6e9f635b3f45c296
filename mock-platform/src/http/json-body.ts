/** JSON request bodies for the sandbox, support and mail APIs (problem+json errors), and the no-store header their answers carry. */
import type { Context } from 'hono'
import { ProblemError } from '../errors'
import { readJson } from './body'

/** Responses that carry secrets or per-user data are never cached. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const

/** The JSON body: 415 unless Content-Type is application/json, 400 when malformed or nested too deeply (http/body). */
export async function jsonBody<T>(c: Context): Promise<T> {
  return readJson<T>(c)
}

/** A JSON object body (422 for arrays, strings, null…). */
export async function objectBody(c: Context): Promise<Record<string, unknown>> {
  const body = await jsonBody<unknown>(c)
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ProblemError(422, 'Invalid body', 'The body must be a JSON object.', {
      errors: { body: 'must be a JSON object' },
    })
  return body as Record<string, unknown>
}

/** A JSON object body, or {} when the request has none. */
export async function optionalJsonBody(c: Context): Promise<Record<string, unknown>> {
  const length = c.req.header('content-length')
  if (!c.req.header('content-type') && (length === undefined || length === '0')) return {}
  return objectBody(c)
}
