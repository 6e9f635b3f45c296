/** The schema types of the sandbox and support APIs that the portal's pages use, from openapi/generated/. */
import type { components as Sandbox } from '@iamsmart-sandbox/openapi/generated/sandbox'
import type {
  components as Support,
  operations as SupportOperations,
} from '@iamsmart-sandbox/openapi/generated/support'

export type Schemas = Sandbox['schemas']
export type SupportSchemas = Support['schemas']

/** A problem document of either API; the support API's may add what a refused status change could do instead. */
export type Problem = Schemas['Problem'] & Partial<SupportSchemas['Problem']>

// The sandbox API: the session, apps and keys, organisations, residents, scenarios, the request inspector.
export type Session = Schemas['Session']
export type App = Schemas['App']
export type NewApp = Schemas['NewApp']
export type Member = Schemas['Member']
export type MemberRole = Schemas['MemberRole']
export type ChangeRequest = Schemas['ChangeRequest']
export type ScopeName = Schemas['ScopeName']
export type KeySlot = Schemas['KeySlot']
export type Resident = Schemas['Resident']
export type ResidentRow = Schemas['ResidentRow']
export type ResidentInput = Schemas['ResidentInput']
export type ResidentPatch = Schemas['ResidentPatch']
export type ScenarioCreateRequest = Schemas['ScenarioCreateRequest']
export type Clock = Schemas['Clock']
export type InspectorItem = Schemas['InspectorItem']
export type InspectorCall = Schemas['InspectorCall']
export type InspectorCallback = Schemas['InspectorCallback']
export type InspectorDiagnosis = Schemas['InspectorDiagnosis']

// The support API: enquiries, programme applications, the staff queue and dashboard.
export type Enquiry = SupportSchemas['Enquiry']
export type EnquiryCreateRequest = SupportSchemas['EnquiryCreateRequest']
export type Application = SupportSchemas['Application']
export type ApplicationRequest = SupportSchemas['ApplicationRequest']
export type Meta = SupportSchemas['Meta']
export type QueueItem = SupportSchemas['QueueItem']
export type Suggestions = SupportSchemas['Suggestions']
export type CannedAnswer = SupportSchemas['CannedAnswer']
export type Dashboard = SupportSchemas['Dashboard']
export type Programme = SupportSchemas['Programme']
export type Contact = SupportSchemas['Contact']
export type AttachmentUpload = SupportSchemas['AttachmentUpload']
export type Deadlines = SupportSchemas['Deadlines']
export type StaffList = SupportSchemas['StaffList']['items']
export type TriageRequest = SupportSchemas['TriageRequest']
export type ReplyRequest = SupportSchemas['ReplyRequest']
export type AttachedItem = SupportSchemas['InspectorItem']
/** The staff queue's filters and order (GET /support/v1/queue). */
export type QueueQuery = NonNullable<SupportOperations['getQueue']['parameters']['query']>
