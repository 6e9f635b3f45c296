/**
 * The support desk's records: enquiries and programme applications, one workflow, replies, internal notes. The
 * shapes are the contract's generated types; what the desk keeps besides (times as epoch ms, who wrote a note) extends
 * them.
 */
import type { components } from '@iamsmart-sandbox/openapi/generated/support'

type S = components['schemas']

/** `keys` is "keys and encryption" (request signing, KEK/CEK, content encryption). */
export type Category = S['Category']
export const CATEGORIES = [
  'login',
  'e-ME',
  'signing',
  'consent',
  'keys',
  'onboarding',
  'other',
] as const satisfies readonly Category[]

export type Priority = S['Priority']
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly Priority[]
/** What the provider says (severity) starts as what staff work by (priority). */
export type Severity = Priority

export type WorkStatus = S['WorkStatus']
export const STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_provider',
  'resolved',
  'closed',
] as const satisfies readonly WorkStatus[]
export const OPEN_STATUSES: readonly WorkStatus[] = ['new', 'triaged', 'in_progress', 'waiting_on_provider']

/** Who did something: a provider's member, a staff account, the admin token or the desk itself (its view adds the name). */
export type Actor = Omit<S['Actor'], 'name'>

/** One line of an item's timeline (what changed, by whom, when); `note` is a reason (return, merge). */
export interface HistoryEvent extends Omit<S['HistoryEvent'], 'at' | 'by'> {
  at: number
  by: Actor
}

/** What the triage workflow needs from either kind of item. */
export interface WorkItem {
  id: string
  /** Human reference: ENQ-0001, APP-0001. */
  reference: string
  orgId: string
  createdBy: Actor
  createdAt: number
  updatedAt: number
  status: WorkStatus
  priority: Priority
  assigneeId?: string
  /** When the resolution clock (re)started: creation, or the last reopen. */
  openedAt: number
  triagedAt?: number
  firstResponseAt?: number
  resolvedAt?: number
  history: HistoryEvent[]
  notes: Note[]
}

/** Internal note: staff only, never in a provider's view or mail. */
export interface Note extends Omit<S['Note'], 'at' | 'by'> {
  at: number
  by: Actor
}

export interface Reply extends Omit<S['Reply'], 'at' | 'by'> {
  at: number
  by: Actor
  cannedAnswerId?: string
}

export interface AttachmentMeta {
  id: string
  filename: string
  /** Sniffed from the content (never the declared type alone). */
  contentType: string
  size: number
  sha256: string
  uploadedAt: number
  uploadedBy: Actor
  /** HKID numbers outside the sandbox range were masked in this text attachment before storage. */
  masked?: boolean
}

export interface Enquiry extends WorkItem {
  kind: 'enquiry'
  category: Category
  /** The desk's suggestion at filing time (text + D-codes of the attached requests). */
  suggestedCategory: Category
  /** The app concerned (an app of the organisation), when there is one. */
  clientID?: string
  requestIds: string[]
  subject: string
  description: string
  severity: Severity
  attachments: AttachmentMeta[]
  replies: Reply[]
  mergedInto?: string
  mergedFrom: string[]
}

export type ApplicationType = 'programme' | 'ite'

export type Contact = S['Contact']
export type ProgrammeContent = S['ProgrammeContent']
/** A certificate as checked at submission. */
export type CertificateSummary = S['CertificateSummary']
export type IteContent = S['IteContent']

export interface Application extends WorkItem {
  kind: 'application'
  type: ApplicationType
  revision: number
  content: ProgrammeContent | IteContent
  decision?: { outcome: 'approved' | 'returned'; at: number; by: Actor; reasons: string[] }
}

export type Item = Enquiry | Application

/** Limits on what a provider may send. */
export const LIMITS = {
  subject: 200,
  description: 10_000,
  reply: 10_000,
  note: 10_000,
  requestIds: 10,
  attachmentBytes: 2 * 1024 * 1024,
  attachmentsPerEnquiry: 5,
}
