/** What each audience sees: providers never see notes, assignees, staff addresses or suggestions; staff see all. */
import type { Desk } from './desk'
import type { Actor, Application, Enquiry, HistoryEvent, Item } from './support.types'

export type Audience = 'provider' | 'staff'

/** Who reads: an organisation's member sees the provider's view, staff (and the admin) the staff one. */
export const audienceOf = (p: { kind: string }): Audience => (p.kind === 'member' ? 'provider' : 'staff')

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

/** Staff appear to providers as "support", without their address. */
export function actorView(a: Actor, audience: Audience) {
  if (audience === 'provider' && a.kind !== 'member')
    return { kind: 'staff' as const, name: 'Sandbox support' }
  return defined({ kind: a.kind, accountId: a.accountId, email: a.email })
}

const historyView = (h: HistoryEvent, audience: Audience) =>
  defined({
    at: iso(h.at),
    by: actorView(h.by, audience),
    type: h.type,
    from: h.from,
    to: h.to,
    note: h.note,
  })

function common(i: Item, audience: Audience) {
  const history = i.history.filter(
    (h) => audience === 'staff' || (h.type !== 'assigned' && h.type !== 'priority'),
  )
  return defined({
    kind: i.kind,
    id: i.id,
    reference: i.reference,
    orgId: i.orgId,
    status: i.status,
    createdBy: actorView(i.createdBy, audience),
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    firstResponseAt: iso(i.firstResponseAt),
    resolvedAt: iso(i.resolvedAt),
    history: history.map((h) => historyView(h, audience)),
  })
}

/** Staff-only fields: priority, assignee, notes, targets and breach flags. */
async function triageFields(desk: Desk, i: Item) {
  const d = desk.targets.deadlines(i, desk.now())
  return defined({
    orgName: (await desk.d.orgs.get(i.orgId))?.name,
    priority: i.priority,
    assignee: i.assigneeId ? defined({ id: i.assigneeId, email: await desk.emailOf(i.assigneeId) }) : null,
    notes: i.notes.map((n) => ({ id: n.id, at: iso(n.at), by: actorView(n.by, 'staff'), body: n.body })),
    targets: defined({
      firstResponseDue: iso(d.firstResponseDue),
      resolutionDue: iso(d.resolutionDue),
      nextDue: iso(d.nextDue),
      breach: { firstResponse: d.firstResponseBreached, resolution: d.resolutionBreached },
      dueSoon: d.dueSoon,
      paused: d.paused,
    }),
  })
}

export async function enquiryView(desk: Desk, e: Enquiry, audience: Audience) {
  const ids = [...(e.mergedInto ? [e.mergedInto] : []), ...(audience === 'staff' ? e.mergedFrom : [])]
  const found = await Promise.all(ids.map((id) => desk.enquiries.get(id)))
  const references = new Map(ids.map((id, n) => [id, found[n]?.reference]))
  const merged = (id: string) => references.get(id)
  const view = {
    ...common(e, audience),
    ...defined({
      category: e.category,
      severity: e.severity,
      clientID: e.clientID,
      appName: e.clientID ? (await desk.d.apps.get(e.clientID))?.name : undefined,
      subject: e.subject,
      description: e.description,
      requestIds: e.requestIds,
      attachments: e.attachments.map((a) =>
        defined({ ...a, uploadedAt: iso(a.uploadedAt), uploadedBy: actorView(a.uploadedBy, audience) }),
      ),
      replies: e.replies.map((r) =>
        defined({
          id: r.id,
          at: iso(r.at),
          by: actorView(r.by, audience),
          body: r.body,
          attachmentIds: r.attachmentIds,
        }),
      ),
      mergedInto: e.mergedInto ? { id: e.mergedInto, reference: merged(e.mergedInto) } : undefined,
    }),
  }
  if (audience === 'provider') return view
  return {
    ...view,
    ...(await triageFields(desk, e)),
    suggestedCategory: e.suggestedCategory,
    mergedFrom: e.mergedFrom.map((id) => ({ id, reference: merged(id) })),
    cannedAnswersUsed: e.replies.flatMap((r) => (r.cannedAnswerId ? [r.cannedAnswerId] : [])),
  }
}

export async function applicationView(desk: Desk, a: Application, audience: Audience) {
  const org = await desk.d.orgs.get(a.orgId)
  const view = {
    ...common(a, audience),
    type: a.type,
    revision: a.revision,
    content: a.content,
    organisation: {
      id: a.orgId,
      name: org?.name ?? a.orgId,
      programmeStatus: org?.programmeStatus ?? 'applicant',
    },
    ...defined({
      decision: a.decision && {
        outcome: a.decision.outcome,
        at: iso(a.decision.at),
        by: actorView(a.decision.by, audience),
        reasons: a.decision.reasons,
      },
    }),
  }
  return audience === 'provider' ? view : { ...view, ...(await triageFields(desk, a)) }
}

export const itemView = (desk: Desk, i: Item, audience: Audience) =>
  i.kind === 'enquiry' ? enquiryView(desk, i, audience) : applicationView(desk, i, audience)

/** One row of the staff queue. */
export async function queueRow(desk: Desk, i: Item) {
  const t = await triageFields(desk, i)
  return defined({
    kind: i.kind,
    id: i.id,
    reference: i.reference,
    title: i.kind === 'enquiry' ? i.subject : `${i.type === 'ite' ? 'ITE' : 'Sandbox Programme'} application`,
    orgId: i.orgId,
    orgName: t.orgName,
    status: i.status,
    priority: i.priority,
    category: i.kind === 'enquiry' ? i.category : undefined,
    type: i.kind === 'application' ? i.type : undefined,
    assignee: t.assignee,
    createdAt: iso(i.createdAt),
    updatedAt: iso(i.updatedAt),
    targets: t.targets,
  })
}
