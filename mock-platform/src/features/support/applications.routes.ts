/** Programme and ITE applications, and an organisation's programme stage; decisions by staff. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { NO_STORE, objectBody, optionalJsonBody } from '../../http/json-body'
import { decide, resubmit, submit } from './applications.service'
import { SECTORS, STAGES } from './programme'
import { listPage, QueryReader } from './query'
import { supportAccess } from './support-access'
import { move } from './triage'
import { applicationView, audienceOf } from './views'
import { byReference } from './desk'
import { findAll } from '../../store/documents'

export function applicationsRoutes(s: Services): Hono {
  const r = new Hono()
  const access = supportAccess(s)

  r.post('/applications', async (c) => {
    const p = await access.member(c)
    const application = await submit(s.support, p, await objectBody(c))
    return c.json(await applicationView(s.support, application, 'provider'), 201, NO_STORE)
  })

  r.get('/applications', async (c) => {
    const p = await access.principal(c)
    const q = new QueryReader(c)
    const wanted = q.statuses()
    const type = q.list('type', ['programme', 'ite'] as const)
    // The organisation (and a single type) is asked of the store; lists of statuses or types are filtered here.
    const where = {
      ...(p.kind === 'member' ? { orgId: p.orgId } : {}),
      ...(type?.length === 1 ? { type: type[0] } : {}),
    }
    const items = (await findAll(s.support.applications, where)).filter(
      (a) => (!wanted || wanted.includes(a.status)) && (!type || type.includes(a.type)),
    )
    const read = () => access.audit(p, c, 'application.list', 'applications')
    const list = await listPage(items, q, read, (a) => applicationView(s.support, a, audienceOf(p)))
    return c.json(list, 200, NO_STORE)
  })

  r.get('/applications/:applicationId', async (c) => {
    const { p, application } = await access.application(c, c.req.param('applicationId'))
    return c.json(await applicationView(s.support, application, audienceOf(p)), 200, NO_STORE)
  })

  /** The provider resubmits a returned application (the whole contents again). */
  r.put('/applications/:applicationId', async (c) => {
    const { p, application } = await access.application(c, c.req.param('applicationId'))
    await resubmit(s.support, application, access.asMember(p), await objectBody(c))
    return c.json(await applicationView(s.support, application, 'provider'), 200, NO_STORE)
  })

  for (const [action, outcome] of [
    ['approve', 'approved'],
    ['return', 'returned'],
  ] as const) {
    r.post(`/applications/:applicationId/${action}`, async (c) => {
      const { p, application } = await access.application(
        c,
        c.req.param('applicationId'),
        `application.${action}`,
      )
      await decide(s.support, application, access.asStaff(p), outcome, await optionalJsonBody(c))
      return c.json(await applicationView(s.support, application, 'staff'), 200, NO_STORE)
    })
  }

  /** Withdrawn by the provider or closed by staff. */
  r.post('/applications/:applicationId/close', async (c) => {
    const { p, application } = await access.application(c, c.req.param('applicationId'), 'application.close')
    await move(s.support, application, p, 'close')
    return c.json(await applicationView(s.support, application, audienceOf(p)), 200, NO_STORE)
  })

  /** An organisation's programme stage, what comes next, and its applications. */
  r.get('/organisations/:orgId/programme', async (c) => {
    const p = await access.principal(c)
    const org = await s.orgs.get(c.req.param('orgId'))
    if (!org || (p.kind === 'member' && p.orgId !== org.id))
      throw new ProblemError(404, 'Organisation not found', `No organisation "${c.req.param('orgId')}".`)
    await access.audit(p, c, 'programme.read', `org:${org.id}`)
    const status = org.programmeStatus ?? 'applicant'
    const stage = STAGES.find((x) => x.status === status)!
    const applications = byReference(await findAll(s.support.applications, { orgId: org.id }))
    return c.json(
      {
        organisation: { id: org.id, name: org.name, programmeStatus: status },
        stages: STAGES.map((x) => ({ ...x, current: x.status === status })),
        next: stage.next ?? null,
        applications: applications
          .sort((a, b) => a.createdAt - b.createdAt)
          .map((a) => ({
            id: a.id,
            reference: a.reference,
            type: a.type,
            status: a.status,
            revision: a.revision,
          })),
        sectors: SECTORS,
      },
      200,
      NO_STORE,
    )
  })

  return r
}
