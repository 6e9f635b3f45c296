/** @jsxRuntime automatic @jsxImportSource hono/jsx — After initiateRequest: remember the request, then the browser goes to getQR (authByQR) or to the waiting page. */
import type { PreparedPdf } from '@iamsmart-sandbox/openapi/signing'
import type { Context } from 'hono'
import type { Ctx } from '../context'
import { t } from '../i18n'
import type { OspEnv, Session } from '../session'
import { sourceOf } from '../source'
import type { Task } from '../store'
import { WaitingPage } from '../views/form'
import { render } from '../views/layout'

/** The logged-in resident, or a redirect home (also when the 600 s access token has run out). */
export function loggedIn(x: Ctx, c: Context<OspEnv>): NonNullable<Session['user']> | Response {
  const s = c.var.session
  if (!s.user) {
    s.flash = t(s.lang).loginFirst
    return c.redirect('/', 303)
  }
  if (x.now() >= s.user.tokenExpiresAt - 5_000) {
    s.user = undefined
    s.flash = t(s.lang).expired
    x.store.log(s.id, { kind: 'event', title: 'Access token expired: log in again', code: 'D20009' })
    return c.redirect('/', 303)
  }
  return s.user
}

/** A fresh businessID (printable ASCII ≤ 36, never reused) and an unguessable state. */
export function correlation(prefix: string): { businessID: string; state: string } {
  return {
    businessID: `${prefix}-${crypto.randomUUID()}`.slice(0, 36),
    state: crypto.randomUUID().replace(/-/g, ''),
  }
}

export function handOver(
  x: Ctx,
  c: Context<OspEnv>,
  task: Omit<Task, 'status' | 'sessionId'> & { prepared?: PreparedPdf },
  scope: string,
): Response {
  const s = c.var.session
  x.store.tasks.set(task.businessID, { ...task, sessionId: s.id, status: 'waiting' })
  if (!task.authByQR) return c.redirect(`/requests/${task.businessID}`, 303)
  // Desktop: the resident scans the QR code; the browser comes back to GET /callback with this state.
  const url = x.client.buildGetQrUrl({
    redirectURI: x.callbackUrl,
    scope,
    state: task.state,
    source: sourceOf(c.req.header('User-Agent')),
    lang: s.lang,
    ticketID: task.ticketID,
  })
  const stored = x.store.tasks.get(task.businessID)!
  // Signing: show the identification code on our own page first, then the way to the QR code.
  if (stored.signCode)
    return render(
      c,
      <WaitingPage session={s} task={stored} iamsmartBaseUrl={x.iamsmartBaseUrl} qrUrl={url} />,
    )
  x.store.log(s.id, {
    kind: 'event',
    title: 'Browser sent to getQR with the ticketID',
    detail: task.ticketID,
  })
  return c.redirect(url, 303)
}
