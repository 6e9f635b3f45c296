/** Reads a sandbox API JSON body: 415 without application/json, 400 when malformed (problem+json). */
import type { Context } from 'hono'
import { ProblemError } from '../../errors'

export async function jsonBody<T>(c: Context): Promise<T> {
  if (!/^application\/json/i.test(c.req.header('content-type') ?? '')) {
    throw new ProblemError(415, 'Unsupported media type', 'Send Content-Type: application/json')
  }
  try {
    return (await c.req.json()) as T
  } catch {
    throw new ProblemError(400, 'Malformed JSON', 'The request body is not valid JSON.')
  }
}
