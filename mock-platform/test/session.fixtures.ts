/** Test fixtures: sign up or sign in through the sandbox API and call it as that browser (cookie, CSRF token, Origin). */
import type { Harness } from './harness'

export const ORIGIN = 'http://localhost'
export const PASSWORD = 'correct horse battery staple'

export interface Browser {
  email: string
  cookie: string
  csrfToken: string
  accountId: string
  orgId: string | undefined
  /** A JSON call with the session cookie, the CSRF token and a same-origin Origin header. */
  call: (path: string, method?: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>
  json: <T = Record<string, any>>(path: string, method?: string, body?: unknown) => Promise<T>
}

type SessionBody = { account: { id: string }; organisation: { id: string } | null; csrfToken: string }

export function browser(h: Harness, email: string, res: Response, body: SessionBody): Browser {
  const cookie = /(?:__Host-)?sandbox_session=[0-9a-f]{32}/.exec(res.headers.get('set-cookie') ?? '')?.[0]
  if (!cookie) throw new Error(`no session cookie in ${res.headers.get('set-cookie')}`)
  const b: Browser = {
    email,
    cookie,
    csrfToken: body.csrfToken,
    accountId: body.account.id,
    orgId: body.organisation?.id,
    call: (path, method = 'GET', payload, headers = {}) =>
      h.request(path, {
        method,
        headers: {
          Cookie: b.cookie,
          Origin: ORIGIN,
          'X-CSRF-Token': b.csrfToken,
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      }),
    async json(path, method, payload) {
      const res = await b.call(path, method, payload)
      if (res.status >= 300)
        throw new Error(`${method ?? 'GET'} ${path} answered ${res.status}: ${await res.text()}`)
      return (res.status === 204 ? undefined : await res.json()) as never
    },
  }
  return b
}

const post = (h: Harness, path: string, body: unknown) =>
  h.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(body),
  })

export async function signUp(
  h: Harness,
  email: string,
  extra: Record<string, unknown> = {},
): Promise<Browser> {
  const res = await post(h, '/sandbox/v1/accounts', { email, password: PASSWORD, ...extra })
  if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`)
  return browser(h, email, res, (await res.json()) as SessionBody)
}

export async function signIn(h: Harness, email: string, password = PASSWORD): Promise<Browser> {
  const res = await post(h, '/sandbox/v1/session', { email, password })
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`)
  return browser(h, email, res, (await res.json()) as SessionBody)
}

export const signInRaw = (h: Harness, email: string, password: string) =>
  post(h, '/sandbox/v1/session', { email, password })
