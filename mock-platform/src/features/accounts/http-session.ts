/** The session cookie (HttpOnly, SameSite=Lax, __Host- + Secure over https) and the CSRF checks on unsafe methods. */
import { timingSafeEqualString } from '@iamsmart-sandbox/openapi/codec'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { ProblemError } from '../../errors'
import type { Session } from './account.types'

export const SESSION_COOKIE = 'sandbox_session'
export const CSRF_HEADER = 'X-CSRF-Token'
const SAFE = /^(GET|HEAD|OPTIONS)$/

/** Served over TLS: the request came in over https, or the public base URL (behind a proxy) is https. */
export const isHttps = (c: Context, publicBaseUrl: string): boolean =>
  new URL(c.req.url).protocol === 'https:' || publicBaseUrl.startsWith('https:')

export const isUnsafe = (c: Context): boolean => !SAFE.test(c.req.method)

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, SESSION_COOKIE, secure ? 'host' : undefined)
}

export function setSessionCookie(c: Context, id: string, secure: boolean, maxAgeMs: number): void {
  setCookie(c, SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
    ...(secure ? { prefix: 'host' as const, secure: true } : {}),
  })
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    ...(secure ? { prefix: 'host' as const, secure: true } : {}),
  })
}

/**
 * Origin check for browser requests: a cross-site fetch is refused; an Origin header must name this server
 * (the request's own origin or the public base URL's). `required`: cookie-authenticated unsafe calls must send one.
 */
export function checkOrigin(c: Context, publicBaseUrl: string, required: boolean): void {
  const origin = c.req.header('Origin')
  const site = c.req.header('Sec-Fetch-Site')
  const allowed = [new URL(c.req.url).origin, new URL(publicBaseUrl).origin]
  const ok = origin ? allowed.includes(origin) : !required
  if (!ok || site === 'cross-site') {
    throw new ProblemError(
      403,
      'Cross-origin request refused',
      origin
        ? `Origin ${origin} may not call the sandbox API with a session cookie.`
        : 'Cookie-authenticated changes must carry an Origin header.',
    )
  }
}

/** Double-submit check: the X-CSRF-Token header must equal the token bound to the session (GET /sandbox/v1/session). */
export function checkCsrfToken(c: Context, session: Session): void {
  const got = c.req.header(CSRF_HEADER) ?? ''
  if (!got || !timingSafeEqualString(got, session.csrfToken)) {
    throw new ProblemError(
      403,
      'CSRF token missing or wrong',
      `Send the csrfToken from GET /sandbox/v1/session in the ${CSRF_HEADER} header.`,
    )
  }
}
