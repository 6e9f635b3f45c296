/** The app's answers when no route matches or a handler throws: problem+json, or the platform's envelope under /api/v1. */
import type { Context } from 'hono'
import { ProblemError } from '../errors'
import { unknownPath } from '../features/inspector/unknown-path'
import { newId } from '../ids'
import type { Logger } from '../logger'
import { envelope, sendEnvelope } from '../protocol/envelope'
import { toPlatformError } from '../protocol/platform-error'
import type { Services } from '../services'
import { LogFullError } from '../store/record-log'

export function notFound(services: Services) {
  return (c: Context) => {
    if (c.req.path.startsWith('/api/v1/')) return unknownPath(services, c)
    return c.json(
      {
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: `No route ${c.req.path}`,
        requestId: newId(),
      },
      404,
      {
        'Content-Type': 'application/problem+json',
      },
    )
  }
}

/** Sandbox and support API errors: problem+json (RFC 9457) with a request id to quote in an enquiry. */
export function onError(logger: Logger) {
  return (err: Error, c: Context) => {
    const requestId = newId()
    if (err instanceof LogFullError && !c.req.path.startsWith('/api/v1/')) {
      // A log's queue and its waiting room are full: refuse new work until the writer catches up (nothing is lost).
      return c.json(
        { type: 'about:blank', title: 'Busy', status: 503, detail: err.message, requestId },
        503,
        { 'Content-Type': 'application/problem+json', 'Retry-After': '1' },
      )
    }
    if (err instanceof ProblemError) {
      return c.json(
        {
          type: 'about:blank',
          title: err.title,
          status: err.status,
          detail: err.detail,
          ...err.extra,
          requestId,
        },
        err.status,
        { 'Content-Type': 'application/problem+json' },
      )
    }
    if (c.req.path.startsWith('/api/v1/')) {
      const e = toPlatformError(err)
      if (e.code === 'D20000') logger.error('unexpected error', { path: c.req.path, error: String(err) })
      return sendEnvelope(c, envelope(newId(), e.code), e.status === 200 ? 200 : e.status, e.headers)
    }
    logger.error('unexpected error', { path: c.req.path, error: String(err), requestId })
    return c.json({ type: 'about:blank', title: 'Internal error', status: 500, requestId }, 500, {
      'Content-Type': 'application/problem+json',
    })
  }
}
