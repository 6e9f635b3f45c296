/** Organisations and members: read by members, managed by approvers (and the admin token); invitations by email. */
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { auditStaffRead } from '../access'
import { NO_STORE, objectBody } from '../../http/json-body'
import { memberView, orgView } from './org.types'

export function orgsRoutes(s: Services): Hono {
  const r = new Hono()

  r.get('/orgs', async (c) => {
    const p = await s.access.principal(c)
    const orgs = p.kind === 'member' ? [(await s.orgs.get(p.orgId))!] : await s.orgs.list()
    await auditStaffRead(s.audit, p, c, 'orgs.list', 'orgs:*')
    return c.json({ items: orgs.map(orgView) }, 200, NO_STORE)
  })

  /** A developer without an organisation founds one (solo); the admin may create any. */
  r.post('/orgs', async (c) => {
    const body = await objectBody(c)
    const admin = c.req.header('Authorization') ? await s.access.principal(c) : undefined
    if (admin?.kind === 'admin') {
      const org = await s.orgs.create(body)
      return c.json(orgView(org), 201, NO_STORE)
    }
    const signed = await s.access.signedIn(c)
    if (!signed) throw new ProblemError(401, 'Sign-in required', 'Sign in with POST /sandbox/v1/session.')
    if (signed.account.kind !== 'developer')
      throw new ProblemError(403, 'Staff accounts are read-only', 'Staff do not belong to organisations.')
    if (await s.orgs.membershipOf(signed.account.id))
      throw new ProblemError(409, 'Already a member', 'An account belongs to one organisation.')
    const { org } = await s.orgs.found(signed.account, body.name)
    return c.json(orgView(org), 201, NO_STORE)
  })

  r.get('/orgs/:orgId', async (c) => {
    const { principal, org } = await s.access.org(c, c.req.param('orgId'), 'read')
    await auditStaffRead(s.audit, principal, c, 'org.read', `org:${org.id}`)
    return c.json(orgView(org), 200, NO_STORE)
  })

  r.patch('/orgs/:orgId', async (c) => {
    const { org } = await s.access.org(c, c.req.param('orgId'), 'manage')
    return c.json(orgView(await s.orgs.update(org, await objectBody(c))), 200, NO_STORE)
  })

  r.get('/orgs/:orgId/members', async (c) => {
    const { principal, org } = await s.access.org(c, c.req.param('orgId'), 'read')
    await auditStaffRead(s.audit, principal, c, 'org.members.read', `org:${org.id}`)
    return c.json({ items: org.members.map(memberView) }, 200, NO_STORE)
  })

  /** Invites an address; an account that exists and belongs nowhere joins at once. */
  r.post('/orgs/:orgId/members', async (c) => {
    const { org } = await s.access.org(c, c.req.param('orgId'), 'manage')
    const body = await objectBody(c)
    const existing = typeof body.email === 'string' ? await s.accounts.findByEmail(body.email) : undefined
    if (existing && (existing.kind !== 'developer' || (await s.orgs.membershipOf(existing.id))))
      throw new ProblemError(409, 'Account unavailable', 'That account already belongs to an organisation.')
    const member = await s.orgs.invite(org, body, existing?.id)
    return c.json(memberView(member), 201, NO_STORE)
  })

  r.patch('/orgs/:orgId/members/:memberId', async (c) => {
    const { org } = await s.access.org(c, c.req.param('orgId'), 'manage')
    const body = await objectBody(c)
    const member = await s.orgs.setRole(org, c.req.param('memberId'), body.role)
    return c.json(memberView(member), 200, NO_STORE)
  })

  /** Removes a member or withdraws an invitation; a member may also leave (membership is checked on every request). */
  r.delete('/orgs/:orgId/members/:memberId', async (c) => {
    const p = await s.access.principal(c)
    const self =
      p.kind === 'member' &&
      (await s.orgs.get(p.orgId))?.members.find((m) => m.id === c.req.param('memberId'))
    const { org } = await s.access.org(c, c.req.param('orgId'), self ? 'read' : 'manage')
    await s.orgs.remove(org, c.req.param('memberId'))
    return c.body(null, 204)
  })

  return r
}
