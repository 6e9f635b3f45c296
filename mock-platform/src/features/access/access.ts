/** Who may call the sandbox API, and on which app: the one authorisation point every sandbox route uses. */
import { timingSafeEqualString } from '@iamsmart-sandbox/openapi/codec'
import type { Context } from 'hono'
import { ProblemError } from '../../errors'
import type { RegisteredApp } from '../apps/app.types'
import type { AppsService } from '../apps/apps.service'
import { clientIp } from '../login/get-qr.routes'

export type Principal =
  | { kind: 'admin' }
  | { kind: 'member'; accountId: string; orgId: string; role: 'creator' | 'approver' }
  | { kind: 'staff'; accountId: string; role: 'agent' | 'lead' }

export interface AccessPolicy {
  /** The caller, from the admin bearer token (or, once accounts exist, the session); 401 when anonymous. */
  principal(c: Context): Promise<Principal>
  /** The app if the caller may use it; 404 otherwise (never 403, which would reveal that it exists). */
  app(
    c: Context,
    clientID: string,
    need: 'read' | 'write',
  ): Promise<{ principal: Principal; app: RegisteredApp }>
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|local)$/

/** Admin-token access: the bearer SANDBOX_ADMIN_TOKEN (loopback-only in local mode) may use every app. */
export function adminTokenPrincipal(
  c: Context,
  token: string | undefined,
  mode: 'local' | 'hosted',
): Principal | undefined {
  const got = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]
  if (!got) return undefined
  if (mode === 'local' && !LOOPBACK.test(clientIp(c))) {
    throw new ProblemError(
      403,
      'Admin API is loopback-only in local mode',
      'Call it from the machine running the sandbox.',
    )
  }
  if (!token || !timingSafeEqualString(got, token)) {
    throw new ProblemError(
      401,
      'Admin token required',
      'Send Authorization: Bearer <SANDBOX_ADMIN_TOKEN> (printed at start).',
    )
  }
  return { kind: 'admin' }
}

export function adminAccess(
  apps: AppsService,
  token: () => string | undefined,
  mode: () => 'local' | 'hosted',
): AccessPolicy {
  const policy: AccessPolicy = {
    async principal(c) {
      const p = adminTokenPrincipal(c, token(), mode())
      if (!p)
        throw new ProblemError(401, 'Sign-in required', 'Send Authorization: Bearer <SANDBOX_ADMIN_TOKEN>.')
      return p
    },
    async app(c, clientID) {
      const principal = await policy.principal(c)
      const app = apps.get(clientID)
      if (!app) throw new ProblemError(404, 'App not found', `No app with clientID ${clientID}`)
      return { principal, app }
    },
  }
  return policy
}
