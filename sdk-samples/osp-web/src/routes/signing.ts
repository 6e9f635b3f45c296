/** PDF signing: the saved form as a PDF, prepared, docDigest sent with HKICHash; the signed file for download. */
import { preparePdfForSigning } from '@iamsmart-sandbox/openapi/signing'
import { Hono } from 'hono'
import { codeOf, type Ctx } from '../context'
import { t } from '../i18n'
import { applicationPdf } from '../pdf'
import type { OspEnv } from '../session'
import { sourceOf } from '../source'
import { correlation, handOver, loggedIn } from './tasks'

export function signingRoutes(x: Ctx): Hono<OspEnv> {
  const r = new Hono<OspEnv>()

  r.post('/sign', async (c) => {
    const s = c.var.session
    const user = loggedIn(x, c)
    if (user instanceof Response) return user
    if (!s.form.saved) {
      s.flash = t(s.lang).saveFirst
      return c.redirect('/form', 303)
    }
    const { businessID, state } = correlation('pdf')
    const pdf = await applicationPdf({
      reference: businessID,
      account: user.accountId,
      values: s.form.values,
      fromIamSmart: s.form.fromIamSmart,
      now: new Date(x.now()),
    })
    const prepared = await preparePdfForSigning(pdf, {
      reason: 'Sample permit application',
      location: 'Hong Kong',
    })
    const res = await x.client.initiatePdfSigningRequest({
      businessID,
      state,
      accessToken: user.accessToken,
      openID: user.openID,
      source: sourceOf(c.req.header('User-Agent')),
      redirectURI: x.callbackUrl,
      docDigest: prepared.docDigest,
      // Only the logged-in resident may sign (anyone else: D70005).
      ...(user.hkicHash ? { HKICHash: user.hkicHash } : {}),
      department: 'Sample Permit Office',
      serviceName: 'Sample permit application',
      documentName: `application-${businessID}.pdf`,
    })
    if (!res.ok) {
      s.flash = t(s.lang).failed(codeOf(res.error))
      return c.redirect('/form', 303)
    }
    const { ticketID, authByQR, signCode } = res.data
    x.store.log(s.id, {
      kind: 'event',
      title: `Identification code ${signCode} shown to the resident`,
      detail: businessID,
    })
    return handOver(
      x,
      c,
      { businessID, state, kind: 'pdfsigning', ticketID, authByQR, signCode, prepared },
      'eidapi_sign',
    )
  })

  r.get('/documents/:id', (c) => {
    const doc = x.store.documents.get(c.req.param('id'))
    if (!doc || doc.sessionId !== c.var.session.id) return c.text('Not found', 404)
    return c.body(doc.bytes.slice().buffer, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${doc.name}"`,
    })
  })

  return r
}
