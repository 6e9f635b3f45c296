/** Refuses framing by other sites: every HTML answer carries CSP frame-ancestors and X-Frame-Options (clickjacking). */
import type { MiddlewareHandler } from 'hono'

const FRAME_ANCESTORS = /(^|;)\s*frame-ancestors(\s|;|$)/i

/**
 * Adds `frame-ancestors 'self'` to the CSP (or keeps a stricter one already there) and `X-Frame-Options: SAMEORIGIN`
 * (unless already set, e.g. DENY) when the Content-Type is text/html; other answers are left as they are.
 */
export function addFrameHeaders(headers: Headers): void {
  if (!/^\s*text\/html/i.test(headers.get('content-type') ?? '')) return
  const csp = headers.get('content-security-policy')
  if (!csp) headers.set('Content-Security-Policy', "frame-ancestors 'self'")
  else if (!FRAME_ANCESTORS.test(csp))
    headers.set('Content-Security-Policy', `${csp.replace(/[\s;]+$/, '')}; frame-ancestors 'self'`)
  if (!headers.has('x-frame-options')) headers.set('X-Frame-Options', 'SAMEORIGIN')
}

/** Middleware form of addFrameHeaders, for the whole app. */
export function frameGuard(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    addFrameHeaders(c.res.headers)
  }
}
