/** Who may call the sandbox API, and on which app: the one authorisation point every sandbox route uses. */
import { timingSafeEqualString } from '@iamsmart-sandbox/openapi/codec'
import type { Context } from 'hono'
import { ProblemError } from '../../errors'
import type { RegisteredApp } from '../apps'
import { clientIp } from '../../http/client-ip'

export type Principal =
  | { kind: 'admin' }
  | { kind: 'member'; accountId: string; orgId: string; role: 'creator' | 'approver' }
  | { kind: 'staff'; accountId: string; role: 'agent' | 'lead' }

export interface AccessPolicy {
  /** The caller, from the admin bearer token or the session cookie (CSRF-checked on unsafe methods); 401 when anonymous. */
  principal(c: Context): Promise<Principal>
  /**
   * The app if the caller may use it; 404 otherwise (never 403, which would reveal that it exists).
   * `write` is refused to read-only staff with 403 (they may see every app; each read is audited).
   */
  app(
    c: Context,
    clientID: string,
    need: 'read' | 'write',
  ): Promise<{ principal: Principal; app: RegisteredApp }>
}

/** Approvers (and the admin token) decide change requests and manage the organisation; their own changes apply at once. */
export const isApprover = (p: Principal): boolean =>
  p.kind === 'admin' || (p.kind === 'member' && p.role === 'approver')

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
