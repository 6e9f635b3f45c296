/** Guards the sandbox admin API: bearer admin token compared in constant time; loopback callers only in local mode. */
import { timingSafeEqualString } from '@iamsmart-sandbox/openapi/codec'
import type { MiddlewareHandler } from 'hono'
import { ProblemError } from '../../errors'
import { clientIp } from '../login/get-qr.routes'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|local)$/

export function adminGuard(
  token: () => string | undefined,
  mode: () => 'local' | 'hosted',
): MiddlewareHandler {
  return async (c, next) => {
    if (mode() === 'local' && !LOOPBACK.test(clientIp(c))) {
      throw new ProblemError(
        403,
        'Admin API is loopback-only in local mode',
        'Call it from the machine running the sandbox.',
      )
    }
    const expected = token()
    const got = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1]
    if (!expected || !got || !timingSafeEqualString(got, expected)) {
      throw new ProblemError(
        401,
        'Admin token required',
        'Send Authorization: Bearer <SANDBOX_ADMIN_TOKEN> (printed at start).',
      )
    }
    await next()
  }
}
