/** The one workflow of enquiries and applications: new → triaged → in progress → waiting → resolved → closed, reopen. */
import { ProblemError } from '../../errors'
import { type Actor, OPEN_STATUSES, type WorkItem, type WorkStatus } from './support.types'

/** What staff may move an item to from each status (reopen is its own action). */
export const STAFF_TRANSITIONS: Record<WorkStatus, readonly WorkStatus[]> = {
  new: ['triaged', 'in_progress', 'waiting_on_provider', 'resolved', 'closed'],
  triaged: ['in_progress', 'waiting_on_provider', 'resolved', 'closed'],
  in_progress: ['waiting_on_provider', 'resolved', 'closed'],
  waiting_on_provider: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed'],
  closed: [],
}

/** What a provider may do: say it is solved or close it at any time; answering a question resumes the work. */
export const PROVIDER_TRANSITIONS: Record<WorkStatus, readonly WorkStatus[]> = {
  new: ['resolved', 'closed'],
  triaged: ['resolved', 'closed'],
  in_progress: ['resolved', 'closed'],
  waiting_on_provider: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed'],
  closed: [],
}

export const isOpen = (item: WorkItem): boolean => OPEN_STATUSES.includes(item.status)

type Table = Record<WorkStatus, readonly WorkStatus[]>

/** 409 naming the allowed moves unless `to` is the current status or one of them. */
export function assertTransition(item: WorkItem, to: WorkStatus, table: Table = STAFF_TRANSITIONS): void {
  const from = item.status
  if (from !== to && !table[from].includes(to)) {
    const allowed = table[from]
    throw new ProblemError(
      409,
      'Status change not allowed',
      `${item.reference} is ${from}; it can move to ${allowed.length ? allowed.join(', ') : 'nothing (reopen it first)'}.`,
      { current: from, allowed: [...allowed] },
    )
  }
}

/** Moves the item (409 naming the allowed moves otherwise) and records it in the history. */
export function transition(
  item: WorkItem,
  to: WorkStatus,
  by: Actor,
  now: number,
  table: Table = STAFF_TRANSITIONS,
  note?: string,
): void {
  const from = item.status
  if (from === to) return
  assertTransition(item, to, table)
  item.status = to
  if (from === 'new') item.triagedAt ??= now
  if (to === 'resolved' || to === 'closed') item.resolvedAt ??= now
  item.updatedAt = now
  item.history.push({ at: now, by, type: 'status', from, to, ...(note ? { note } : {}) })
}

/** Resolved or closed → back to work: in progress (or new, if nobody triaged it yet); the resolution clock restarts. */
export function reopen(item: WorkItem, by: Actor, now: number): void {
  if (item.status !== 'resolved' && item.status !== 'closed')
    throw new ProblemError(
      409,
      'Not resolved or closed',
      `${item.reference} is ${item.status}: it is still open.`,
    )
  const to: WorkStatus = item.triagedAt === undefined ? 'new' : 'in_progress'
  item.history.push({ at: now, by, type: 'status', from: item.status, to, note: 'reopened' })
  item.status = to
  item.resolvedAt = undefined
  item.openedAt = now
  item.updatedAt = now
}
