/** Staff triage of either kind of item: status, priority, category, assignee, internal notes, merge; provider moves. */
import { ProblemError } from '../../errors'
import { contractProblems } from '../../http/contract-validator'
import { newId } from '../../ids'
import { maskHkidsInText } from '../../personas/hkid'
import type { Principal } from '../access'
import type { Desk } from './desk'
import { notifyStatus } from './notify'
import type { Category, Enquiry, Item, Note, Priority, WorkStatus } from './support.types'
import { assertTransition, isOpen, PROVIDER_TRANSITIONS, reopen, transition } from './workflow'

type Staff = Exclude<Principal, { kind: 'member' }>
export const isLead = (p: Principal): boolean =>
  p.kind === 'admin' || (p.kind === 'staff' && p.role === 'lead')

/** PATCH by staff: every field checked before anything changes. Only leads take work from another assignee. */
export async function triage(
  desk: Desk,
  item: Item,
  p: Staff,
  patch: Record<string, unknown>,
): Promise<Item> {
  // The statuses, priorities, categories and the assignee's type are the contract's (TriageRequest).
  const errors = contractProblems('support', 'triageEnquiry', patch)
  const status = patch.status as WorkStatus | undefined
  const priority = patch.priority as Priority | undefined
  const category = patch.category as Category | undefined
  // Not in the contract: a category is an enquiry's alone; an assignee is a staff account.
  if (category !== undefined && item.kind !== 'enquiry') errors.category ??= 'enquiries only'
  const assignee = patch.assigneeId
  const staffAccount = typeof assignee === 'string' ? await desk.d.accounts.get(assignee) : undefined
  if (typeof assignee === 'string' && staffAccount?.kind !== 'staff')
    errors.assigneeId ??= 'must be the id of a staff account, or null'
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid change', 'Fix the listed fields and try again.', { errors })
  const me = p.kind === 'staff' ? p.accountId : undefined
  if (assignee !== undefined && (assignee ?? undefined) !== item.assigneeId && !isLead(p)) {
    if (item.assigneeId !== undefined && item.assigneeId !== me)
      throw new ProblemError(
        403,
        'Lead role required',
        `${item.reference} is assigned to someone else; a lead reassigns it.`,
      )
  }
  if (
    status !== undefined &&
    item.kind === 'application' &&
    (status === 'resolved' || status === 'waiting_on_provider')
  )
    throw new ProblemError(
      409,
      'Use approve or return',
      'An application is resolved by approving it and sent back by returning it.',
    )
  if (status !== undefined) assertTransition(item, status)

  const now = desk.now()
  const by = await desk.actor(p)
  const before = item.status
  if (priority !== undefined && priority !== item.priority) {
    item.history.push({ at: now, by, type: 'priority', from: item.priority, to: priority })
    item.priority = priority
  }
  if (category !== undefined && item.kind === 'enquiry' && category !== item.category) {
    item.history.push({ at: now, by, type: 'category', from: item.category, to: category })
    item.category = category
  }
  if (assignee !== undefined && (assignee ?? undefined) !== item.assigneeId) {
    item.history.push({
      at: now,
      by,
      type: 'assigned',
      from: item.assigneeId ?? null,
      to: (assignee as string | null) ?? null,
    })
    item.assigneeId = (assignee as string | null) ?? undefined
  }
  if (status !== undefined) transition(item, status, by, now)
  item.updatedAt = now
  await desk.put(item)
  if (item.status !== before) await notifyStatus(desk, item, false)
  return item
}

/** An internal note: staff only, never shown to the provider or mailed. */
export async function addNote(desk: Desk, item: Item, p: Staff, body: unknown): Promise<Note> {
  // 1 to 10 000 characters is the contract's (NoteRequest); not in it: a note is not white space alone.
  const errors = contractProblems('support', 'addEnquiryNote', { body })
  if (typeof body === 'string' && body.trim().length === 0) errors.body ??= 'must not be blank'
  if (Object.keys(errors).length > 0 || typeof body !== 'string')
    throw new ProblemError(422, 'Invalid note', 'Fix the listed fields and try again.', { errors })
  const note: Note = {
    id: newId(),
    at: desk.now(),
    by: await desk.actor(p),
    body: maskHkidsInText(body.trim()),
  }
  item.notes.push(note)
  item.updatedAt = note.at
  await desk.put(item)
  return note
}

/** Provider or staff: resolved ("that solved it"), closed, or reopened. */
export async function move(
  desk: Desk,
  item: Item,
  p: Principal,
  action: 'resolve' | 'close' | 'reopen',
): Promise<Item> {
  const now = desk.now()
  const by = await desk.actor(p)
  const member = p.kind === 'member'
  if (action === 'reopen') {
    if (item.kind === 'enquiry' && item.mergedInto)
      throw new ProblemError(
        409,
        'Merged',
        `${item.reference} was merged; continue in the enquiry it was merged into.`,
      )
    reopen(item, by, now)
  } else {
    if (item.kind === 'application' && action === 'resolve')
      throw new ProblemError(409, 'Use approve', 'An application is resolved by approving it.')
    transition(
      item,
      action === 'resolve' ? 'resolved' : 'closed',
      by,
      now,
      member ? PROVIDER_TRANSITIONS : undefined,
    )
  }
  await desk.put(item)
  await notifyStatus(desk, item, member)
  return item
}

/** Leads only: `source` becomes a closed duplicate of `target` (same organisation), its requests carried over. */
export async function merge(desk: Desk, source: Enquiry, target: Enquiry, p: Staff): Promise<Enquiry> {
  if (source.id === target.id)
    throw new ProblemError(409, 'Same enquiry', 'An enquiry cannot be merged into itself.')
  if (source.orgId !== target.orgId)
    throw new ProblemError(
      409,
      'Different organisations',
      'Only enquiries of the same organisation can be merged.',
    )
  if (!isOpen(source) || !isOpen(target))
    throw new ProblemError(409, 'Not open', 'Both enquiries must be open (not resolved, closed or merged).')
  const now = desk.now()
  const by = await desk.actor(p)
  const note = `Merged into ${target.reference}.`
  source.history.push({ at: now, by, type: 'merged', to: target.id, note })
  transition(source, 'closed', by, now)
  source.mergedInto = target.id
  target.mergedFrom.push(source.id)
  target.requestIds = [...new Set([...target.requestIds, ...source.requestIds])]
  target.history.push({
    at: now,
    by,
    type: 'merged',
    from: source.id,
    note: `${source.reference} merged in: ${source.subject}`,
  })
  target.updatedAt = now
  const carried = (await desk.snapshots.get(source.id))?.items ?? []
  if (carried.length > 0) {
    const mine = (await desk.snapshots.get(target.id))?.items ?? []
    await desk.snapshots.put({
      id: target.id,
      items: [...mine, ...carried.filter((c) => !mine.some((m) => m.txID === c.txID))],
    })
  }
  await desk.enquiries.put(source)
  await desk.enquiries.put(target)
  await notifyStatus(
    desk,
    source,
    false,
    `${source.reference} is a duplicate of ${target.reference}: the work continues there.`,
  )
  return target
}
