/** The names of the support API's fields, and of its categories, statuses, priorities, kinds and programme stages, translated. */
import { translate } from '@docusaurus/Translate'

const TERMS: Record<string, () => string> = {
  login: () => translate({ id: 'support.term.login', message: 'Login' }),
  'e-ME': () => translate({ id: 'support.term.eMe', message: 'e-ME' }),
  signing: () => translate({ id: 'support.term.signing', message: 'Signing' }),
  consent: () => translate({ id: 'support.term.consent', message: 'Consent' }),
  keys: () => translate({ id: 'support.term.keys', message: 'Keys and encryption' }),
  onboarding: () => translate({ id: 'support.term.onboarding', message: 'Onboarding' }),
  other: () => translate({ id: 'support.term.other', message: 'Other' }),
  new: () => translate({ id: 'support.term.new', message: 'New' }),
  triaged: () => translate({ id: 'support.term.triaged', message: 'Triaged' }),
  in_progress: () => translate({ id: 'support.term.inProgress', message: 'In progress' }),
  waiting_on_provider: () =>
    translate({ id: 'support.term.waitingOnProvider', message: 'Waiting on provider' }),
  resolved: () => translate({ id: 'support.term.resolved', message: 'Resolved' }),
  closed: () => translate({ id: 'support.term.closed', message: 'Closed' }),
  low: () => translate({ id: 'support.term.low', message: 'Low' }),
  normal: () => translate({ id: 'support.term.normal', message: 'Normal' }),
  high: () => translate({ id: 'support.term.high', message: 'High' }),
  urgent: () => translate({ id: 'support.term.urgent', message: 'Urgent' }),
  enquiry: () => translate({ id: 'support.term.enquiry', message: 'Enquiry' }),
  application: () => translate({ id: 'support.term.application', message: 'Application' }),
  programme: () => translate({ id: 'support.term.programme', message: 'Programme' }),
  ite: () => translate({ id: 'support.term.ite', message: 'ITE' }),
  applicant: () => translate({ id: 'support.term.applicant', message: 'Applicant' }),
  sandbox: () => translate({ id: 'support.term.sandbox', message: 'Sandbox' }),
  'ite-ready': () => translate({ id: 'support.term.iteReady', message: 'ITE-ready' }),
}

const FIELDS = {
  reference: () => translate({ id: 'support.reference', message: 'Reference' }),
  kind: () => translate({ id: 'support.kind', message: 'Kind' }),
  subject: () => translate({ id: 'support.subject', message: 'Subject' }),
  status: () => translate({ id: 'support.status', message: 'Status' }),
  category: () => translate({ id: 'support.category', message: 'Category' }),
  severity: () => translate({ id: 'support.severity', message: 'Severity' }),
  priority: () => translate({ id: 'support.priority', message: 'Priority' }),
  assignee: () => translate({ id: 'support.assignee', message: 'Assignee' }),
  app: () => translate({ id: 'support.app', message: 'App concerned' }),
  description: () => translate({ id: 'support.description', message: 'Description' }),
  attachments: () => translate({ id: 'support.attachments', message: 'Attachments' }),
  due: () => translate({ id: 'support.due', message: 'Next due' }),
  breach: () => translate({ id: 'support.breach', message: 'Breach' }),
  updated: () => translate({ id: 'support.updated', message: 'Updated' }),
  sort: () => translate({ id: 'support.sort', message: 'Sort' }),
}

/** The reader's name of a field of an enquiry or application: a column, a filter, a form's label. */
export function fieldName(field: keyof typeof FIELDS): string {
  return FIELDS[field]()
}

/** The reader's name of a category, status, priority, kind or stage (the value itself when unknown; — for none). */
export function term(value: string | undefined | null): string {
  if (!value) return '—'
  return TERMS[value]?.() ?? value
}

/** A select's options for these values, each under its name. */
export function termOptions(values: readonly string[]): (readonly [string, string])[] {
  return values.map((v) => [v, term(v)] as const)
}
