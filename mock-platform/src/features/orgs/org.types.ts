/** Organisations (OSPs) and their members with the programme's two roles. */

/** A creator proposes app changes; an approver approves them (and manages the organisation). */
export type MemberRole = 'creator' | 'approver'

export interface Member {
  id: string
  /** Lower-cased; the invitee signs up (or is already signed up) with this address. */
  email: string
  role: MemberRole
  /** Set once the account exists and joined; undefined while the invitation is pending. */
  accountId?: string
  invitedAt: number
  joinedAt?: number
}

export interface Org {
  id: string
  name: string
  /** Auto-approve every change request (an organisation of one). */
  solo: boolean
  /** The built-in "sandbox" organisation that owns admin-created and seeded apps. */
  builtIn?: boolean
  createdAt: number
  members: Member[]
  /** Sandbox Programme stage; undefined is `applicant`. Moved on by approved support-desk applications. */
  programmeStatus?: ProgrammeStatus
}

/** Sandbox Programme stages (reference §10): applied → joined the sandbox → enrolled for the ITE. */
export type ProgrammeStatus = 'applicant' | 'sandbox' | 'ite-ready'
export const PROGRAMME_STATUSES: readonly ProgrammeStatus[] = ['applicant', 'sandbox', 'ite-ready']

/** The organisation that owns apps created with the admin token and apps seeded at start. */
export const SANDBOX_ORG_ID = 'sandbox'

export const memberView = (m: Member) => ({
  id: m.id,
  email: m.email,
  role: m.role,
  status: m.accountId ? ('active' as const) : ('invited' as const),
  invitedAt: new Date(m.invitedAt).toISOString(),
  ...(m.joinedAt !== undefined ? { joinedAt: new Date(m.joinedAt).toISOString() } : {}),
})

export const orgView = (o: Org) => ({
  id: o.id,
  name: o.name,
  solo: o.solo,
  builtIn: o.builtIn === true,
  createdAt: new Date(o.createdAt).toISOString(),
  memberCount: o.members.filter((m) => m.accountId).length,
})
