/** Programme and ITE applications: submit, return with reasons, resubmit, approve (which moves the organisation on). */
import { ProblemError } from '../../errors'
import { contractProblems } from '../../http/contract-validator'
import { newId } from '../../ids'
import { maskHkidsInText } from '../../personas/hkid'
import { findAll } from '../../store/documents'
import type { Principal } from '../access'
import { orgOf } from '../apps'
import type { Desk } from './desk'
import { notifyCreated, notifyDecision } from './notify'
import { APPLICATION_STAGES, iteContent, programmeContent } from './programme'
import type { Application, ApplicationType, WorkStatus } from './support.types'
import { isOpen, PROVIDER_TRANSITIONS, transition } from './workflow'

type Body = Record<string, unknown>
type Member = Extract<Principal, { kind: 'member' }>
type Staff = Exclude<Principal, { kind: 'member' }>

/** A decision may be taken on an open application that is not waiting for the provider's resubmission. */
const DECIDE: Record<WorkStatus, readonly WorkStatus[]> = {
  new: ['resolved', 'waiting_on_provider'],
  triaged: ['resolved', 'waiting_on_provider'],
  in_progress: ['resolved', 'waiting_on_provider'],
  waiting_on_provider: [],
  resolved: [],
  closed: [],
}

const stageOf = async (desk: Desk, orgId: string) =>
  (await desk.d.orgs.get(orgId))?.programmeStatus ?? 'applicant'

async function content(desk: Desk, p: Member, type: ApplicationType, body: Body) {
  const now = desk.now()
  if (type === 'programme') return programmeContent(body)
  const app = typeof body.clientID === 'string' ? await desk.d.apps.get(body.clientID) : undefined
  return iteContent(body, now, (id) => app !== undefined && app.clientID === id && orgOf(app) === p.orgId)
}

export async function submit(desk: Desk, p: Member, body: Body): Promise<Application> {
  const type = body.type as ApplicationType
  if (type !== 'programme' && type !== 'ite')
    throw new ProblemError(422, 'Invalid application', 'Fix the listed fields and try again.', {
      errors: { type: 'must be programme or ite' },
    })
  const stage = await stageOf(desk, p.orgId)
  if (APPLICATION_STAGES[type].requires !== stage)
    throw new ProblemError(
      409,
      'Not at this stage',
      type === 'ite' && stage === 'applicant'
        ? 'Join the Sandbox Programme first: its application must be approved before the ITE application.'
        : `Your organisation is at stage ${stage}; a ${type} application is for stage ${APPLICATION_STAGES[type].requires}.`,
      { stage },
    )
  const open = (await findAll(desk.applications, { orgId: p.orgId, type })).find(isOpen)
  if (open)
    throw new ProblemError(
      409,
      'Application already open',
      `${open.reference} is ${open.status}; resubmit or close it.`,
    )
  const c = await content(desk, p, type, body)
  const now = desk.now()
  const by = await desk.actor(p)
  const a: Application = {
    kind: 'application',
    id: newId(),
    reference: desk.reference('application'),
    orgId: p.orgId,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
    status: 'new',
    priority: 'normal',
    openedAt: now,
    history: [{ at: now, by, type: 'created' }],
    notes: [],
    type,
    revision: 1,
    content: c,
  }
  await desk.applications.put(a)
  await notifyCreated(desk, a)
  return a
}

/** The provider answers a return: new contents, the next revision, back to staff. */
export async function resubmit(desk: Desk, a: Application, p: Member, body: Body): Promise<Application> {
  if (a.status !== 'waiting_on_provider')
    throw new ProblemError(
      409,
      'Not returned',
      `${a.reference} is ${a.status}: only a returned application is resubmitted.`,
    )
  const c = await content(desk, p, a.type, { ...body, type: a.type })
  const now = desk.now()
  const by = await desk.actor(p)
  transition(a, 'in_progress', by, now, PROVIDER_TRANSITIONS)
  a.history.push({ at: now, by, type: 'resubmitted', to: String(a.revision + 1) })
  a.content = c
  a.revision++
  a.decision = undefined
  await desk.applications.put(a)
  await notifyCreated(desk, a)
  return a
}

/**
 * The decision's reasons: a list of at most 10, each 1–1000 characters, is the contract's (DecisionRequest). Not in
 * it: a return needs at least one reason, and a reason is not white space alone.
 */
function reasonsOf(value: unknown, required: boolean): string[] {
  const errors = contractProblems(
    'support',
    'approveApplication',
    value === undefined ? {} : { reasons: value },
  )
  const list = Array.isArray(value) ? value : []
  if (required && list.length === 0) errors.reasons ??= 'must list 1–10 reasons: say what to change'
  const blank = list.findIndex((r) => typeof r === 'string' && r.trim().length === 0)
  if (blank >= 0) errors[`reasons[${blank}]`] ??= 'must not be blank'
  if (Object.keys(errors).length > 0)
    throw new ProblemError(422, 'Invalid decision', 'Fix the listed fields and try again.', { errors })
  return (list as string[]).map((r) => maskHkidsInText(r.trim()))
}

/** Staff: approve (the organisation reaches the next stage) or return with reasons. */
export async function decide(
  desk: Desk,
  a: Application,
  p: Staff,
  outcome: 'approved' | 'returned',
  body: Body,
): Promise<Application> {
  const reasons = reasonsOf(body.reasons, outcome === 'returned')
  const to: WorkStatus = outcome === 'approved' ? 'resolved' : 'waiting_on_provider'
  const org = await desk.d.orgs.get(a.orgId)
  const stage = org?.programmeStatus ?? 'applicant'
  if (outcome === 'approved' && stage !== APPLICATION_STAGES[a.type].requires)
    throw new ProblemError(409, 'Stage already reached', `The organisation is at stage ${stage}.`)
  const now = desk.now()
  const by = await desk.actor(p)
  transition(a, to, by, now, DECIDE)
  a.firstResponseAt ??= now
  a.decision = { outcome, at: now, by, reasons }
  a.history.push({ at: now, by, type: outcome, ...(reasons.length ? { note: reasons.join('\n') } : {}) })
  await desk.applications.put(a)
  if (outcome === 'approved' && org)
    await desk.d.orgs.setProgrammeStatus(org, APPLICATION_STAGES[a.type].grants)
  await notifyDecision(desk, a)
  return a
}
