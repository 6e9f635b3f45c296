/** Sessions: an HMAC-signed, HTTP-only cookie naming a server-side session; its id scopes the timeline. */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Lang } from '@iamsmart-sandbox/openapi/client'
import type { MiddlewareHandler } from 'hono'
import { getSignedCookie, setSignedCookie } from 'hono/cookie'
import { newId } from './store'

export const FORM_FIELDS = ['title', 'name', 'email', 'mobile', 'address'] as const
export type FormField = (typeof FORM_FIELDS)[number]

export interface Session {
  id: string
  lang: Lang
  /** The state of a login in flight, checked when the browser comes back. */
  loginState?: string
  user?: {
    accountId: string
    openID: string
    accessToken: string
    tokenExpiresAt: number
    name: string
    /** Base64 SHA-256 of the HKID (without check digit): only this resident may sign. The HKID itself is not kept. */
    hkicHash?: string
    firstLogin: boolean
  }
  form: { values: Partial<Record<FormField, string>>; fromIamSmart: FormField[]; saved: boolean }
  flash?: string
}

export type OspEnv = { Variables: { session: Session } }

const COOKIE = 'osp_session'
/** The session of the request being handled, for the client's call log (timeline.ts). */
export const sessionContext = new AsyncLocalStorage<string>()

export function langFromHeader(accept = ''): Lang {
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? ''
  if (first.startsWith('zh-cn') || first.startsWith('zh-hans')) return 'zh-CN'
  if (first.startsWith('zh')) return 'zh-HK'
  return 'en-US'
}

export function sessionMiddleware(sessions: Map<string, Session>, secret: string): MiddlewareHandler<OspEnv> {
  return async (c, next) => {
    const sid = await getSignedCookie(c, secret, COOKIE)
    let session = typeof sid === 'string' ? sessions.get(sid) : undefined
    if (!session) {
      session = {
        id: newId(),
        lang: langFromHeader(c.req.header('Accept-Language')),
        form: { values: {}, fromIamSmart: [], saved: false },
      }
      sessions.set(session.id, session)
      await setSignedCookie(c, COOKIE, session.id, secret, { httpOnly: true, sameSite: 'Lax', path: '/' })
    }
    const lang = c.req.query('lang')
    if (lang === 'en-US' || lang === 'zh-HK' || lang === 'zh-CN') session.lang = lang
    c.set('session', session)
    await sessionContext.run(session.id, () => next())
  }
}
