/** The local mail viewer: GET /support/v1/mail (JSON) and the /mail page, for staff and the admin token; reads audited. */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { renderPage } from '../../views/layout'
import type { Principal } from '../access'
import { NO_STORE } from '../../http/json-body'
import { hkt } from '../support'
import type { MailMessage } from './mail-outbox'

/** Staff or the admin token; every read written to the audit log. */
async function staffReader(s: Services, c: Context, target: string): Promise<Principal> {
  const p = await s.access.principal(c)
  if (p.kind === 'member')
    throw new ProblemError(403, 'Staff only', 'The mail viewer is for support staff and the sandbox admin.')
  await s.audit.write({
    accountId: p.kind === 'staff' ? p.accountId : 'admin',
    action: 'mail.read',
    target,
    path: c.req.path,
  })
  return p
}

const filterOf = (c: Context) => ({ to: c.req.query('to'), kind: c.req.query('kind') })

/** JSON API under /support/v1. */
export function mailApiRoutes(s: Services): Hono {
  const r = new Hono()
  r.get('/mail', async (c) => {
    await staffReader(s, c, 'mail')
    const limit = Number(c.req.query('limit') ?? 100)
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new ProblemError(422, 'Invalid filter', 'Fix the listed query parameters.', {
        errors: { limit: 'must be a whole number, 1–500' },
      })
    const all = await s.mail.list(filterOf(c))
    return c.json(
      { items: all.slice(0, limit).map(mailView), total: all.length, sending: s.mail.sending },
      200,
      NO_STORE,
    )
  })
  r.get('/mail/:messageId', async (c) => {
    await staffReader(s, c, `mail:${c.req.param('messageId')}`)
    const m = await s.mail.get(c.req.param('messageId'))
    if (!m) throw new ProblemError(404, 'Message not found', 'Only the last 1000 messages are kept.')
    return c.json(mailView(m), 200, NO_STORE)
  })
  return r
}

export function mailView(m: MailMessage) {
  return {
    id: m.id,
    kind: m.kind,
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.ref ? { ref: m.ref } : {}),
    createdAt: new Date(m.createdAt).toISOString(),
    state: m.state,
    attempts: m.attempts,
    ...(m.sentAt !== undefined ? { sentAt: new Date(m.sentAt).toISOString() } : {}),
    ...(m.lastError ? { lastError: m.lastError } : {}),
  }
}

/** The HTML page at /mail: newest first, each message unfolded on a click. */
export function mailPageRoutes(s: Services): Hono {
  const r = new Hono()
  r.get('/', async (c) => {
    try {
      await staffReader(s, c, 'mail')
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e
      const page = renderPage(
        c,
        { lang: 'en-US', title: 'Mail viewer' },
        <div class="card error">
          <h1>{e.title}</h1>
          <p class="muted">Sign in to the portal with a support staff account, then open this page again.</p>
        </div>,
      )
      return new Response(page.body, { status: e.status, headers: page.headers })
    }
    const filter = filterOf(c)
    const items = (await s.mail.list(filter)).slice(0, 200)
    return renderPage(
      c,
      { lang: 'en-US', title: 'Mail viewer' },
      <div class="card">
        <h1>Mail viewer</h1>
        <p class="muted">
          {s.mail.sending
            ? 'Notifications are sent by SMTP (SMTP_URL); each is also listed here.'
            : 'SMTP_URL is not set: notifications are kept here instead of being sent.'}{' '}
          {items.length} message{items.length === 1 ? '' : 's'}
          {filter.to ? ` to ${filter.to}` : ''}.
        </p>
        <ul class="list">
          {items.map((m) => (
            <li>
              <details>
                <summary>
                  <span class="pill">{m.state}</span> <strong>{m.subject}</strong>
                  <br />
                  <span class="muted">
                    {hkt(m.createdAt)} · to {m.to.join(', ')} · {m.kind}
                  </span>
                </summary>
                <pre style="white-space:pre-wrap">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      </div>,
    )
  })
  return r
}
