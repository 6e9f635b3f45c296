/** The support desk's records: enquiries and programme applications, one workflow, replies, internal notes. */
import type { SupportPriority } from '../../config'

export const CATEGORIES = ['login', 'e-ME', 'signing', 'consent', 'keys', 'onboarding', 'other'] as const
/** `keys` is "keys and encryption" (request signing, KEK/CEK, content encryption). */
export type Category = (typeof CATEGORIES)[number]

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = SupportPriority
/** What the provider says (severity) starts as what staff work by (priority). */
export type Severity = Priority

export const STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'waiting_on_provider',
  'resolved',
  'closed',
] as const
export type WorkStatus = (typeof STATUSES)[number]
export const OPEN_STATUSES: readonly WorkStatus[] = ['new', 'triaged', 'in_progress', 'waiting_on_provider']

/** Who did something: a provider's member, a staff account, the admin token or the desk itself. */
export interface Actor {
  kind: 'member' | 'staff' | 'admin' | 'system'
  accountId?: string
  email?: string
}

/** One line of an item's timeline (what changed, by whom, when). */
export interface HistoryEvent {
  at: number
  by: Actor
  type:
    | 'created'
    | 'status'
    | 'priority'
    | 'category'
    | 'assigned'
    | 'merged'
    | 'resubmitted'
    | 'approved'
    | 'returned'
  from?: string | null
  to?: string | null
  /** A reason (return, merge), shown to the provider. */
  note?: string
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
export interface Note {
  id: string
  at: number
  by: Actor
  body: string
}

export interface Reply {
  id: string
  at: number
  by: Actor
  body: string
  cannedAnswerId?: string
  attachmentIds: string[]
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

export interface Contact {
  name: string
  email: string
  phone?: string
  role: string
}

export interface ProgrammeContent {
  organisationName: string
  sector: string
  useCase: string
  contacts: Contact[]
}

/** A certificate as checked at submission. */
export interface CertificateSummary {
  subject: string
  issuer: string
  validFrom: string
  validTo: string
  keyType: string
  keyBits: number
  fingerprint256: string
}

export interface IteContent {
  clientID?: string
  userJourney: string
  implementationPlan: string
  enciphermentCertificate: string
  enciphermentCertificateSummary: CertificateSummary
  domain: string
  tls: { minVersion: 'TLSv1.2' | 'TLSv1.3'; certificate?: string; certificateSummary?: CertificateSummary }
  contacts: Contact[]
}

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
