/** Filing an enquiry (app, attached requests, attachments, HKIDs masked) and replying to it. */
import { ProblemError } from '../../errors'
import { contractProblems } from '../../http/contract-validator'
import { newId } from '../../ids'
import { maskHkidsInText } from '../../personas/hkid'
import type { Principal } from '../access'
import { orgOf } from '../apps'
import type { InspectedItem } from '../inspector'
import { acceptAttachments, type AcceptedAttachment } from './attachments'
import { cannedAnswer, cannedText } from './canned-answers'
import { suggestCategory } from './categorise'
import type { Desk } from './desk'
import { notifyCreated, notifyReply } from './notify'
import {
  type Actor,
  type AttachmentMeta,
  type Category,
  type Enquiry,
  LIMITS,
  type Priority,
  type Reply,
  type WorkStatus,
} from './support.types'
import { assertTransition, PROVIDER_TRANSITIONS, STAFF_TRANSITIONS, transition } from './workflow'

type Body = Record<string, unknown>
type Member = Extract<Principal, { kind: 'member' }>

const TXID = /^[0-9a-f]{32}$/

function text(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= max
    ? maskHkidsInText(v.trim())
    : undefined
}

/** The attached requests, read from the app's inspector (404-proof: another organisation's app is "not yours"). */
async function attachedRequests(desk: Desk, p: Member, body: Body, errors: Record<string, string>) {
  const clientID = body.clientID
  if (clientID !== undefined) {
    const app = typeof clientID === 'string' ? await desk.d.apps.get(clientID) : undefined
    if (!app || orgOf(app) !== p.orgId) errors.clientID = 'must be an app of your organisation'
  }
  // A list of at most 10 txIDs is the contract's (checked before); not in it: each is a request of this app.
  if (errors.requestIds) return []
  const ids = Array.isArray(body.requestIds) ? body.requestIds : []
  if (ids.length > 0 && clientID === undefined) errors.clientID = 'is needed to attach request ids'
  if (errors.clientID) return []
  const found: InspectedItem[] = []
  for (const [i, id] of ids.entries()) {
    const item =
      typeof id === 'string' && TXID.test(id) ? await desk.d.inspector.get(clientID as string, id) : undefined
    if (!item) errors[`requestIds[${i}]`] = 'no such request in this app’s inspector (it keeps the last 500)'
    else if (!found.some((f) => f.txID === item.txID)) found.push(item)
  }
  return found
}

/** Stores the attachments' bytes and answers their metadata. */
async function store(desk: Desk, files: AcceptedAttachment[], by: Actor): Promise<AttachmentMeta[]> {
  const metas: AttachmentMeta[] = []
  for (const f of files) {
    const id = newId()
    await desk.blobs.put(id, f.bytes)
    metas.push({
      id,
      filename: f.filename,
      contentType: f.contentType,
      size: f.bytes.length,
      sha256: f.sha256,
      uploadedAt: desk.now(),
      uploadedBy: by,
      ...(f.masked ? { masked: true } : {}),
    })
  }
  return metas
}

export async function fileEnquiry(desk: Desk, p: Member, body: Body): Promise<Enquiry> {
  // Lengths, severity and category values, the request ids' form and count are the contract's
  // (EnquiryCreateRequest); the attachments are attachments.ts's, which sniffs each file and names those it refuses.
  const { attachments: _, ...fields } = body
  const errors = contractProblems('support', 'createEnquiry', fields)
  // Not in the contract: text is not white space alone.
  const subject = text(body.subject, LIMITS.subject)
  if (!subject) errors.subject ??= 'must not be blank'
  const description = text(body.description, LIMITS.description)
  if (!description) errors.description ??= 'must not be blank'
  const severity = (body.severity ?? 'normal') as Priority
  const requests = await attachedRequests(desk, p, body, errors)
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid enquiry', 'Fix the listed fields and try again.', { errors })
  const files = await acceptAttachments(body.attachments, 0)
  const now = desk.now()
  const by = await desk.actor(p)
  const id = newId()
  const masked = JSON.parse(maskHkidsInText(JSON.stringify(requests))) as InspectedItem[]
  const suggestion = suggestCategory(`${subject} ${description}`, masked)
  const enquiry: Enquiry = {
    kind: 'enquiry',
    id,
    reference: desk.reference('enquiry'),
    orgId: p.orgId,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
    status: 'new',
    priority: severity,
    openedAt: now,
    history: [{ at: now, by, type: 'created' }],
    notes: [],
    category: (body.category as Category | undefined) ?? suggestion.category,
    suggestedCategory: suggestion.category,
    ...(typeof body.clientID === 'string' ? { clientID: body.clientID } : {}),
    requestIds: masked.map((r) => r.txID),
    subject: subject!,
    description: description!,
    severity,
    attachments: await store(desk, files, by),
    replies: [],
    mergedFrom: [],
  }
  if (masked.length > 0) await desk.snapshots.put({ id, items: masked })
  await desk.enquiries.put(enquiry)
  await notifyCreated(desk, enquiry)
  return enquiry
}

/** A reply from the provider or staff; staff may answer with a canned answer and move the status in the same call. */
export async function reply(desk: Desk, e: Enquiry, p: Principal, body: Body): Promise<Reply> {
  const staff = p.kind !== 'member'
  if (e.status === 'resolved' || e.status === 'closed')
    throw new ProblemError(409, `Enquiry ${e.status}`, `Reopen ${e.reference} first (POST …/reopen).`)
  const canned =
    staff && body.cannedAnswerId !== undefined ? cannedAnswer(String(body.cannedAnswerId)) : undefined
  // The text's length, the status's values and the canned answer's type are the contract's (ReplyRequest); the
  // attachments are attachments.ts's.
  const { attachments: _, ...fields } = body
  const errors = contractProblems('support', 'replyToEnquiry', fields)
  // Not in the contract: canned answers and statuses are staff's; a reply has text unless it is a canned answer.
  if (body.cannedAnswerId !== undefined && (!staff || !canned))
    errors.cannedAnswerId ??= staff ? 'no such canned answer (GET /support/v1/canned-answers)' : 'staff only'
  const own = body.body === undefined && canned ? '' : text(body.body, LIMITS.reply)
  if (own === undefined) errors.body ??= `must be text of 1–${LIMITS.reply} characters`
  if (body.status !== undefined && !staff) errors.status ??= 'staff only; use …/resolve or …/close'
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid reply', 'Fix the listed fields and try again.', { errors })
  const next = staff
    ? ((body.status as WorkStatus | undefined) ??
      (e.status === 'new' || e.status === 'triaged' ? 'in_progress' : undefined))
    : e.status === 'waiting_on_provider'
      ? 'in_progress'
      : undefined
  if (next) assertTransition(e, next, staff ? STAFF_TRANSITIONS : PROVIDER_TRANSITIONS)
  const files = await acceptAttachments(body.attachments, e.attachments.length)
  const now = desk.now()
  const by = await desk.actor(p)
  const full = canned
    ? [cannedText(canned, desk.d.config.publicBaseUrl), own].filter(Boolean).join('\n\n')
    : own!
  const metas = await store(desk, files, by)
  const r: Reply = {
    id: newId(),
    at: now,
    by,
    body: full,
    ...(canned ? { cannedAnswerId: canned.id } : {}),
    attachmentIds: metas.map((m) => m.id),
  }
  if (staff) e.firstResponseAt ??= now
  if (next) transition(e, next, by, now, staff ? STAFF_TRANSITIONS : PROVIDER_TRANSITIONS)
  e.attachments.push(...metas)
  e.replies.push(r)
  e.updatedAt = now
  await desk.enquiries.put(e)
  await notifyReply(desk, e, r, staff)
  return r
}
