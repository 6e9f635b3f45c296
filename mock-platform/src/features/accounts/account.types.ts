/** Portal accounts (provider developers and support staff) and their server-side sessions. */

export type StaffRole = 'agent' | 'lead'
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'lead']

export interface Account {
  id: string
  /** Lower-cased; unique. */
  email: string
  /** `scrypt$N$r$p$salt$hash` (see password.ts); never leaves the service. */
  passwordHash: string
  kind: 'developer' | 'staff'
  staffRole?: StaffRole
  createdAt: number
}

/** A staff account configured at start (AppDeps.staff): the password only as its scrypt hash. */
export interface StaffSeed {
  email: string
  role: StaffRole
  passwordHash: string
}

export interface Session {
  /** 128-bit random, the cookie value. */
  id: string
  accountId: string
  /** Bound to the session; the double-submit token for unsafe methods (X-CSRF-Token). */
  csrfToken: string
  createdAt: number
  lastSeenAt: number
}

/** What an account looks like on the wire. */
export const accountView = (a: Account) => ({
  id: a.id,
  email: a.email,
  kind: a.kind,
  ...(a.staffRole ? { staffRole: a.staffRole } : {}),
  createdAt: new Date(a.createdAt).toISOString(),
})
