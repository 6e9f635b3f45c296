/** The sample e-Service return page: where demo logins land, showing code / error_code / state; also a callback sink. */
import { Hono } from 'hono'
import { readJson } from '../../http/body'
import { langOf, t } from '../../views/i18n'
import { renderPage } from '../../views/layout'

export interface ReceivedCallback {
  at: number
  body: unknown
}

export function demoRoutes(received: ReceivedCallback[], now: () => number): Hono {
  const r = new Hono()
  r.get('/callback', (c) => {
    const lang = langOf(c.req.query('lang'))
    const code = c.req.query('code')
    const errorCode = c.req.query('error_code')
    return renderPage(
      c,
      { lang, title: 'Sample e-Service' },
      <div class={`card${errorCode ? ' error' : ''}`} data-testid="demo-callback">
        <h1>Sample e-Service: back from iAM Smart</h1>
        <dl>
          <dt>code</dt>
          <dd data-testid="demo-code">{code ?? '—'}</dd>
          <dt>error_code</dt>
          <dd data-testid="demo-error-code">{errorCode ?? '—'}</dd>
          <dt>state</dt>
          <dd data-testid="demo-state">{c.req.query('state') ?? '—'}</dd>
        </dl>
        <p class="muted">
          {code
            ? 'Your back end now calls auth/getToken with this code (single use, valid 120 s).'
            : errorCode
              ? 'The resident did not authorise. Show a friendly message and offer to try again.'
              : t(lang).done}
        </p>
      </div>,
    )
  })
  /** Callbacks are JSON: 415/400 otherwise; each body is under the body limit (app.ts) and only the last 100 are kept. */
  r.post('/callback', async (c) => {
    const body = await readJson(c)
    received.push({ at: now(), body })
    if (received.length > 100) received.shift()
    return c.body(null, 200)
  })
  return r
}
