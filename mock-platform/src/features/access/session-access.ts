/** The sandbox API's access policy: admin bearer token or session cookie, every object authorised by organisation. */
import type { Context } from 'hono'
import type { Config } from '../../config'
import { ProblemError } from '../../errors'
import {
  type Account,
  type Session,
  type AccountsService,
  checkCsrfToken,
  checkOrigin,
  isHttps,
  isUnsafe,
  readSessionCookie,
  type Sessions,
} from '../accounts'
import { type AppsService, orgOf, type Actor } from '../apps'
import type { Org, OrgsService } from '../orgs'
import type { ResidentsService, StoredResident, Viewer } from '../residents'
import { type AccessPolicy, adminTokenPrincipal, isApprover, type Principal } from './access'
import type { AuditLog } from './audit'

export interface SessionAccessDeps {
  config: Pick<Config, 'adminToken' | 'mode' | 'publicBaseUrl'>
  accounts: AccountsService
  sessions: Sessions
  orgs: OrgsService
  apps: AppsService
  residents: ResidentsService
  audit: AuditLog
}

/** The policy plus the object lookups the sandbox routes share (organisations, residents, history actors). */
export interface SandboxAccess extends AccessPolicy {
  /** The live session behind the cookie (CSRF-checked on unsafe methods), without needing an organisation. */
  signedIn(c: Context): Promise<{ session: Session; account: Account } | undefined>
  org(c: Context, orgId: string, need: 'read' | 'manage'): Promise<{ principal: Principal; org: Org }>
  resident(
    c: Context,
    id: string,
    need: 'read' | 'write',
  ): Promise<{ principal: Principal; resident: StoredResident }>
  viewer(p: Principal): Viewer
  actor(p: Principal): Promise<Actor>
}

const notFound = (what: string, id: string) =>
  new ProblemError(404, `${what} not found`, `No ${what.toLowerCase()} "${id}".`)
const readOnly = () =>
  new ProblemError(403, 'Staff accounts are read-only', 'Ask a member of the organisation.')

export function sessionAccess(d: SessionAccessDeps): SandboxAccess {
  const policy: SandboxAccess = {
    async signedIn(c) {
      const secure = isHttps(c, d.config.publicBaseUrl)
      const id = readSessionCookie(c, secure)
      const session = id ? await d.sessions.touch(id) : undefined
      const account = session && (await d.accounts.get(session.accountId))
      if (!session || !account) return undefined
      if (isUnsafe(c)) {
        checkOrigin(c, d.config.publicBaseUrl, true)
        checkCsrfToken(c, session)
      }
      return { session, account }
    },

    async principal(c) {
      const admin = adminTokenPrincipal(c, d.config.adminToken, d.config.mode)
      if (admin) return admin
      const signed = await policy.signedIn(c)
      if (!signed)
        throw new ProblemError(
          401,
          'Sign-in required',
          'Sign in (POST /sandbox/v1/session) or send Authorization: Bearer <SANDBOX_ADMIN_TOKEN>.',
        )
      const { account } = signed
      if (account.kind === 'staff')
        return { kind: 'staff', accountId: account.id, role: account.staffRole ?? 'agent' }
      const m = await d.orgs.membershipOf(account.id)
      if (!m)
        throw new ProblemError(
          403,
          'No organisation',
          'Create one (POST /sandbox/v1/orgs) or accept an invitation.',
        )
      return { kind: 'member', accountId: account.id, orgId: m.org.id, role: m.member.role }
    },

    async app(c, clientID, need) {
      const principal = await policy.principal(c)
      const app = await d.apps.get(clientID)
      if (!app || (principal.kind === 'member' && orgOf(app) !== principal.orgId))
        throw notFound('App', clientID)
      if (principal.kind === 'staff') {
        if (need === 'write') throw readOnly()
        await d.audit.write({
          accountId: principal.accountId,
          action: 'app.read',
          target: `app:${clientID}`,
          path: c.req.path,
        })
      }
      return { principal, app }
    },

    async org(c, orgId, need) {
      const principal = await policy.principal(c)
      const org = await d.orgs.get(orgId)
      if (!org || (principal.kind === 'member' && principal.orgId !== orgId))
        throw notFound('Organisation', orgId)
      if (need === 'manage' && principal.kind === 'staff') throw readOnly()
      if (need === 'manage' && !isApprover(principal))
        throw new ProblemError(403, 'Approver role required', 'Only an approver manages the organisation.')
      return { principal, org }
    },

    async resident(c, id, need) {
      const principal = await policy.principal(c)
      const resident = await d.residents.find(id, policy.viewer(principal))
      if (!resident) throw notFound('Resident', id)
      if (need === 'write' && principal.kind === 'staff') throw readOnly()
      if (need === 'write' && principal.kind === 'member' && resident.orgId !== principal.orgId)
        throw new ProblemError(
          403,
          'Shared resident is read-only',
          'Seeded residents are shared by every organisation; create your own (POST /sandbox/v1/residents) to edit.',
        )
      return { principal, resident }
    },

    viewer: (p) => (p.kind === 'member' ? { orgId: p.orgId } : 'all'),

    async actor(p) {
      if (p.kind === 'admin') return { kind: 'admin' }
      return { kind: p.kind, accountId: p.accountId, email: (await d.accounts.get(p.accountId))?.email }
    },
  }
  return policy
}
