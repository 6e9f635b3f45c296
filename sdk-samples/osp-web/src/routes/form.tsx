/** @jsxRuntime automatic @jsxImportSource hono/jsx — The application form: e-ME form filling ("Continue with iAM Smart"), saving, and the waiting page. */
import { Hono } from 'hono'
import { codeOf, type Ctx } from '../context'
import { EME_FIELDS } from '../eme'
import { t } from '../i18n'
import { FORM_FIELDS, type OspEnv } from '../session'
import { sourceOf } from '../source'
import { FormPage, WaitingPage } from '../views/form'
import { render } from '../views/layout'
import { correlation, handOver, loggedIn } from './tasks'

export function formRoutes(x: Ctx): Hono<OspEnv> {
  const r = new Hono<OspEnv>()

  r.get('/form', (c) => {
    const s = c.var.session
    const user = loggedIn(x, c)
    if (user instanceof Response) return user
    const flash = s.flash
    s.flash = undefined
    const documents = [...x.store.documents.values()].filter((d) => d.sessionId === s.id)
    return render(c, <FormPage session={s} documents={documents} flash={flash} />)
  })

  r.post('/form', async (c) => {
    const s = c.var.session
    const user = loggedIn(x, c)
    if (user instanceof Response) return user
    const body = await c.req.parseBody()
    for (const f of FORM_FIELDS) {
      const v = typeof body[f] === 'string' ? (body[f] as string).trim().slice(0, 300) : ''
      // A value the resident changed is theirs now, no longer "from iAM Smart".
      if (v !== (s.form.values[f] ?? '')) s.form.fromIamSmart = s.form.fromIamSmart.filter((x) => x !== f)
      s.form.values[f] = v
    }
    s.form.saved = true
    s.flash = t(s.lang).saved
    x.store.log(s.id, {
      kind: 'event',
      title: 'Form saved',
      detail: `from iAM Smart: ${s.form.fromIamSmart.join(', ') || 'none'}`,
    })
    return c.redirect('/form', 303)
  })

  r.post('/form/fill', async (c) => {
    const s = c.var.session
    const user = loggedIn(x, c)
    if (user instanceof Response) return user
    const { businessID, state } = correlation('eme')
    const res = await x.client.initiateEmeRequest({
      businessID,
      state,
      accessToken: user.accessToken,
      openID: user.openID,
      source: sourceOf(c.req.header('User-Agent')),
      redirectURI: x.callbackUrl,
      lang: s.lang,
      eMEFields: EME_FIELDS,
      formName: 'Sample permit application',
      formDesc: 'Contact details for your permit',
    })
    if (!res.ok) {
      s.flash = t(s.lang).failed(codeOf(res.error))
      return c.redirect('/form', 303)
    }
    const { ticketID, authByQR } = res.data
    return handOver(x, c, { businessID, state, kind: 'eme', ticketID, authByQR }, 'eidapi_formFilling')
  })

  /** Reloads itself every second until the callback has come. */
  r.get('/requests/:businessID', (c) => {
    const s = c.var.session
    const task = x.store.tasks.get(c.req.param('businessID'))
    if (!task || task.sessionId !== s.id) return c.text('Not found', 404)
    if (task.status === 'waiting')
      return render(c, <WaitingPage session={s} task={task} iamsmartBaseUrl={x.iamsmartBaseUrl} />)
    if (task.status === 'failed') s.flash = t(s.lang).failed(task.code ?? 'D20000')
    return c.redirect('/form', 303)
  })

  return r
}
