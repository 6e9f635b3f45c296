/** Who may see what on the support API: providers their organisation's items (404 otherwise), staff all, audited. */
import type { Context } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import type { Principal } from '../access'
import { isLead } from './triage'

export type Staff = Exclude<Principal, { kind: 'member' }>
export type Member = Extract<Principal, { kind: 'member' }>

const staffOnly = () =>
  new ProblemError(403, 'Staff only', 'Only support staff (agents and leads) may do this.')

export function supportAccess(s: Services) {
  const audit = (p: Principal, c: Context, action: string, target: string) =>
    p.kind === 'member'
      ? Promise.resolve()
      : s.audit.write({
          accountId: p.kind === 'staff' ? p.accountId : 'admin',
          action,
          target,
          path: c.req.path,
        })

  /** An item of the support desk if the caller may see it: staff any, a member its organisation's (404 otherwise). */
  async function visible<T extends { id: string; orgId: string }>(
    c: Context,
    kind: 'enquiry' | 'application',
    store: { get(id: string): Promise<T | undefined> },
    id: string,
    action: string,
  ): Promise<{ p: Principal; item: T }> {
    const p = await s.access.principal(c)
    const item = await store.get(id)
    if (!item || (p.kind === 'member' && item.orgId !== p.orgId))
      throw new ProblemError(
        404,
        `${kind === 'enquiry' ? 'Enquiry' : 'Application'} not found`,
        `No ${kind} "${id}".`,
      )
    await audit(p, c, action, `${kind}:${item.id}`)
    return { p, item }
  }

  const a = {
    principal: (c: Context) => s.access.principal(c),
    audit,

    async member(c: Context): Promise<Member> {
      const p = await s.access.principal(c)
      if (p.kind !== 'member')
        throw new ProblemError(
          403,
          'Providers only',
          'Enquiries and applications are filed by an organisation’s members.',
        )
      return p
    },

    async staff(c: Context): Promise<Staff> {
      const p = await s.access.principal(c)
      if (p.kind === 'member') throw staffOnly()
      return p
    },

    async lead(c: Context): Promise<Staff> {
      const p = await a.staff(c)
      if (!isLead(p)) throw new ProblemError(403, 'Lead role required', 'Only a support lead may do this.')
      return p
    },

    /** The enquiry if the caller may see it (404 otherwise); a staff read is written to the audit log. */
    enquiry: (c: Context, id: string, action = 'enquiry.read') =>
      visible(c, 'enquiry', s.support.enquiries, id, action).then(({ p, item }) => ({ p, enquiry: item })),

    application: (c: Context, id: string, action = 'application.read') =>
      visible(c, 'application', s.support.applications, id, action).then(({ p, item }) => ({
        p,
        application: item,
      })),

    /** Staff acting on an item they may see (a member of its organisation gets 403, anyone else's 404 first). */
    asStaff(p: Principal): Staff {
      if (p.kind === 'member') throw staffOnly()
      return p
    },

    asMember(p: Principal): Member {
      if (p.kind !== 'member')
        throw new ProblemError(403, 'Providers only', 'Only a member of the organisation may do this.')
      return p
    },
  }
  return a
}

export type SupportAccess = ReturnType<typeof supportAccess>
