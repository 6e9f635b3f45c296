/** What the desk mails, through the outbox: new items to staff, replies, status changes and decisions to providers. */
import { hkt } from './business-hours'
import type { Desk } from './desk'
import type { Application, Enquiry, Item, Reply } from './support.types'

const STATUS_WORDS: Record<string, string> = {
  new: 'new',
  triaged: 'triaged',
  in_progress: 'in progress',
  waiting_on_provider: 'waiting for your answer',
  resolved: 'resolved',
  closed: 'closed',
}

const PROVIDER_NEWS: readonly string[] = ['waiting_on_provider', 'resolved', 'closed']

const ref = (i: Item) => ({ type: i.kind, id: i.id, reference: i.reference })
const title = (i: Item) =>
  i.kind === 'enquiry' ? i.subject : `${i.type === 'ite' ? 'ITE' : 'Sandbox Programme'} application`
const sign = '\n\n— iAM Smart Developer Sandbox support (a mock service: no real iAM Smart data)'

/** The provider to tell: who filed the item. */
const providerOf = async (desk: Desk, i: Item): Promise<string[]> => {
  const e = (await desk.emailOf(i.createdBy.accountId)) ?? i.createdBy.email
  return e ? [e] : []
}

export async function notifyCreated(desk: Desk, i: Item): Promise<void> {
  const due = desk.targets.deadlines(i, desk.now()).firstResponseDue
  const org = (await desk.d.orgs.get(i.orgId))?.name ?? i.orgId
  const what = i.kind === 'enquiry' ? `${i.category} enquiry, severity ${i.severity}` : title(i)
  await desk.d.mail.enqueue({
    kind: i.kind === 'enquiry' ? 'enquiry.created' : 'application.submitted',
    to: await desk.staffAddresses(),
    subject: `[${i.reference}] New: ${title(i)}`,
    text: `${org} filed ${i.reference} (${what}).\nFirst response due ${hkt(due)}.\n\n${desk.portalLink(i, 'staff')}${sign}`,
    ref: ref(i),
  })
}

export async function notifyReply(desk: Desk, e: Enquiry, reply: Reply, fromStaff: boolean): Promise<void> {
  const to = fromStaff ? await providerOf(desk, e) : await desk.assigneeOrStaff(e)
  if (to.length === 0) return
  const files = reply.attachmentIds.length
    ? `\n\n(${reply.attachmentIds.length} attachment(s) in the portal)`
    : ''
  await desk.d.mail.enqueue({
    kind: 'enquiry.reply',
    to,
    subject: `[${e.reference}] New reply: ${e.subject}`,
    text: `${reply.body}${files}\n\n${desk.portalLink(e, fromStaff ? 'provider' : 'staff')}${sign}`,
    ref: ref(e),
  })
}

/** A status change staff made (or a merge) goes to the provider when it concerns them; a provider's goes to staff. */
export async function notifyStatus(desk: Desk, i: Item, byProvider: boolean, note?: string): Promise<void> {
  // Triage steps (triaged, in progress) are the desk's own business; providers hear of what asks something of them.
  if (!byProvider && !PROVIDER_NEWS.includes(i.status)) return
  const to = byProvider ? await desk.assigneeOrStaff(i) : await providerOf(desk, i)
  if (to.length === 0) return
  const because = note ? `\n\n${note}` : ''
  await desk.d.mail.enqueue({
    kind: 'enquiry.status',
    to,
    subject: `[${i.reference}] Now ${STATUS_WORDS[i.status]}: ${title(i)}`,
    text: `${i.reference} is now ${STATUS_WORDS[i.status]}.${because}\n\n${desk.portalLink(i, byProvider ? 'staff' : 'provider')}${sign}`,
    ref: ref(i),
  })
}

export async function notifyDecision(desk: Desk, a: Application): Promise<void> {
  const d = a.decision!
  const to = await providerOf(desk, a)
  if (to.length === 0) return
  const approved = d.outcome === 'approved'
  const body = approved
    ? a.type === 'programme'
      ? 'Welcome to the Sandbox Programme: your organisation can now use the simulated APIs and apply for the ITE.'
      : 'Enrolment to the iAM Smart Sandbox ITE: your organisation is ready for integration testing.'
    : `Please revise and resubmit it:\n${d.reasons.map((r) => `- ${r}`).join('\n')}`
  await desk.d.mail.enqueue({
    kind: 'application.decision',
    to,
    subject: `[${a.reference}] ${approved ? 'Approved' : 'Returned'}: ${title(a)}`,
    text: `${a.reference} was ${approved ? 'approved' : 'returned'}.${approved && d.reasons.length ? ` ${d.reasons.join(' ')}` : ''}\n\n${body}\n\n${desk.portalLink(a, 'provider')}${sign}`,
    ref: ref(a),
  })
}
