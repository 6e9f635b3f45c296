/** Request bodies for every non-platform surface: size limits (413), JSON and form parsing (400/415), nesting depth. */
import type { Context, MiddlewareHandler } from 'hono'
import { ProblemError } from '../errors'
import { bodyLimit } from '../protocol/body-limit'
import { MAX_JSON_DEPTH, nestedTooDeep } from './json-depth'

export { MAX_JSON_DEPTH, nestedTooDeep }

/** A 413 problem+json for bodies above `limit`, checked before the body is read (Content-Length, or counted chunks). */
export function problemBodyLimit(limit: number): MiddlewareHandler {
  return bodyLimit(limit, () => {
    throw new ProblemError(413, 'Body too large', `The body may be at most ${limit} bytes.`)
  })
}

const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()

async function bodyBytes(c: Context): Promise<Uint8Array> {
  try {
    return new Uint8Array(await c.req.arrayBuffer())
  } catch {
    throw new ProblemError(400, 'Unreadable body', 'The request body could not be read to its end.')
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function utf8(bytes: Uint8Array, what: string): string {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    throw new ProblemError(400, `Malformed ${what}`, `The ${what} body is not valid UTF-8.`)
  }
}

/** Parses JSON text: 400 with the parser's reason when it does not parse or nests deeper than `maxDepth`. */
export function parseJsonText(text: string, maxDepth: number = MAX_JSON_DEPTH): unknown {
  if (text.trim() === '')
    throw new ProblemError(400, 'Malformed JSON', 'The request body is empty; send a JSON value.')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const reason = e instanceof SyntaxError ? ` (${e.message.slice(0, 200)})` : ''
    throw new ProblemError(400, 'Malformed JSON', `The request body is not valid JSON${reason}.`)
  }
  if (nestedTooDeep(value, maxDepth))
    throw new ProblemError(
      400,
      'JSON nested too deeply',
      `Objects and arrays may nest at most ${maxDepth} levels.`,
    )
  return value
}

/** The JSON body: 415 unless Content-Type is application/json, 400 when malformed or nested too deeply. */
export async function readJson<T = unknown>(c: Context, o: { maxDepth?: number } = {}): Promise<T> {
  if (mediaType(c) !== 'application/json')
    throw new ProblemError(415, 'Unsupported media type', 'Send Content-Type: application/json')
  return parseJsonText(utf8(await bodyBytes(c), 'JSON'), o.maxDepth) as T
}

export type FormValue = string | File
export type FormBody = Record<string, FormValue | FormValue[]>

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * A form body (urlencoded or multipart), as hono's parseBody gives it (`all`: repeated fields as arrays).
 * No body at all reads as an empty form; another content type is 415; bad percent-escapes, invalid UTF-8 or
 * broken multipart (no boundary, unterminated parts) are 400.
 */
export async function readForm(c: Context, o: { all?: boolean } = {}): Promise<FormBody> {
  const type = mediaType(c)
  if (!FORM_TYPES.includes(type)) {
    if ((await bodyBytes(c)).length === 0) return {}
    throw new ProblemError(
      415,
      'Unsupported media type',
      'Send the form as application/x-www-form-urlencoded or multipart/form-data.',
    )
  }
  if (type === FORM_TYPES[0]) {
    const text = utf8(await bodyBytes(c), 'form')
    for (const part of text.split('&')) {
      try {
        decodeURIComponent(part.replace(/\+/g, ' '))
      } catch {
        throw new ProblemError(
          400,
          'Malformed form',
          `The form field "${part.slice(0, 40)}" has an invalid percent-escape (use %XX of UTF-8 bytes).`,
        )
      }
    }
  }
  try {
    return (await c.req.parseBody({ all: o.all ?? false })) as FormBody
  } catch {
    throw new ProblemError(
      400,
      'Malformed form',
      type === FORM_TYPES[1]
        ? 'The body is not valid multipart/form-data: check the boundary parameter and that every part is terminated.'
        : 'The body is not a valid form.',
    )
  }
}
