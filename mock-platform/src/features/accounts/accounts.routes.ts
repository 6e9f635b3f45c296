/** Sign-up, sign-in, the current session and sign-out for developers and staff; staff accounts by the admin token. */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import { newId, randomHex } from '../../ids'
import type { Services } from '../../services'
import { clientIp } from '../../http/client-ip'
import { nameProblem } from '../orgs'
import { NO_STORE, objectBody } from '../../http/json-body'
import { type Account, accountView, type Session } from './account.types'
import { normaliseEmail } from './accounts.service'
import { checkOrigin, clearSessionCookie, isHttps, readSessionCookie, setSessionCookie } from './http-session'

/**
 * Sign-in attempts: 10 per address and IP, 100 per IP, per 15 minutes; sign-ups: 20 per IP per hour; mails telling
 * an owner that someone signed up with their address: 3 per address per hour.
 */
export const LOGIN_LIMITS = {
  perAccount: 10,
  perIp: 100,
  windowMs: 15 * 60_000,
  signUpNoticesPerHour: 3,
}

export function accountsRoutes(s: Services): Hono {
  const r = new Hono()
  const perAccount = s.limiter('sign-in-account', () => LOGIN_LIMITS.perAccount, LOGIN_LIMITS.windowMs)
  const perIp = s.limiter('sign-in-ip', () => LOGIN_LIMITS.perIp, LOGIN_LIMITS.windowMs)
  const signUps = s.limiter('sign-up', () => s.config.signUpsPerIpPerHour, 3_600_000)
  const notices = s.limiter('sign-up-notice', () => LOGIN_LIMITS.signUpNoticesPerHour, 3_600_000)
  const base = () => s.config.publicBaseUrl

  /** 429 with Retry-After when any limiter says wait. */
  const limit = (c: Context, waits: number[]) => {
    const wait = Math.max(...waits)
    if (wait <= 0) return
    c.header('Retry-After', String(wait))
    throw new ProblemError(429, 'Too many attempts', `Try again in ${wait} seconds.`)
  }

  /** Starts a new session (a new id each sign-in) and answers with what GET /session shows. */
  const begin = async (c: Context, account: Account, status: 200 | 201) => {
    const secure = isHttps(c, base())
    const old = readSessionCookie(c, secure)
    if (old) await s.sessions.delete(old)
    const session = await s.sessions.create(account.id)
    setSessionCookie(c, session.id, secure, s.sessions.absoluteMs)
    return c.json(await sessionView(s, session, account), status, NO_STORE)
  }

  /** The owner of an address someone tried to sign up with. */
  const tellOwner = (email: string) =>
    s.mail.enqueue({
      kind: 'account.sign-up-attempt',
      to: [email],
      subject: 'Someone tried to sign up with your address',
      text:
        `Someone tried to create an iAM Smart Developer Sandbox account with ${email} at ` +
        `${new Date(s.clock.now()).toISOString()}. This address already has an account, so nothing was created ` +
        `and nothing changed.\n\nIf it was you, sign in instead: ${base()}/console/sign-in\n` +
        `If it was not you, you can ignore this message.\n\n` +
        '— iAM Smart Developer Sandbox (a mock service: no real iAM Smart data)',
    })

  /** What a new sign-up answers, for an address that is taken: same status, shape and cookie; no session behind it. */
  const decoy = async (
    c: Context,
    email: string,
    invitation: Awaited<ReturnType<typeof s.orgs.invitationFor>>,
    orgName: unknown,
  ) => {
    const secure = isHttps(c, base())
    const old = readSessionCookie(c, secure)
    if (old) await s.sessions.delete(old)
    const now = s.clock.now()
    const session: Session = {
      id: randomHex(16),
      accountId: newId(),
      csrfToken: randomHex(16),
      createdAt: now,
      lastSeenAt: now,
    }
    setSessionCookie(c, session.id, secure, s.sessions.absoluteMs)
    const { expiresAt, idleExpiresAt } = s.sessions.expiries(session)
    const organisation = invitation
      ? {
          id: invitation.org.id,
          name: invitation.org.name,
          role: invitation.member.role,
          solo: invitation.org.solo,
        }
      : {
          id: newId(),
          // As OrgsService.found names it.
          name: orgName === undefined ? `${email.split('@')[0]}'s organisation` : String(orgName).trim(),
          role: 'approver',
          solo: true,
        }
    return c.json(
      {
        account: accountView({
          id: session.accountId,
          email,
          kind: 'developer',
          passwordHash: '',
          createdAt: now,
        }),
        organisation,
        csrfToken: session.csrfToken,
        expiresAt: new Date(expiresAt).toISOString(),
        idleExpiresAt: new Date(idleExpiresAt).toISOString(),
      },
      201,
      NO_STORE,
    )
  }

  /**
   * Sign-up. An address that already has an account gets the same answer as a new one (201, a session-shaped body
   * and a cookie), but the cookie opens nothing and nothing is created: the owner is mailed instead. Both branches
   * hash the password (see AccountsService.signUp), so the timing does not tell them apart either.
   */
  r.post('/accounts', async (c) => {
    checkOrigin(c, base(), false)
    limit(c, [await signUps.hit(`signup:${clientIp(c)}`)])
    const body = await objectBody(c)
    const email = typeof body.email === 'string' ? normaliseEmail(body.email) : ''
    const invitation = email ? await s.orgs.invitationFor(email) : undefined
    if (!invitation && body.orgName !== undefined && nameProblem(body.orgName))
      throw new ProblemError(422, 'Invalid account', 'Fix the listed fields and try again.', {
        errors: { orgName: nameProblem(body.orgName) },
      })
    const { account, existing } = await s.accounts.signUp(body)
    if (account) {
      if (invitation) await s.orgs.join(invitation, account.id)
      else await s.orgs.found(account, body.orgName)
      return begin(c, account, 201)
    }
    if ((await notices.hit(`signup-notice:${existing.email}`)) === 0) await tellOwner(existing.email)
    return decoy(c, existing.email, invitation, body.orgName)
  })

  r.post('/session', async (c) => {
    checkOrigin(c, base(), false)
    const body = await objectBody(c)
    const email = typeof body.email === 'string' ? normaliseEmail(body.email) : ''
    const ip = clientIp(c)
    // The IP's limit first, so one IP cannot flood the per-address table with made-up addresses.
    limit(c, [await perIp.hit(`login-ip:${ip}`)])
    limit(c, [await perAccount.hit(`login:${ip}:${email}`)])
    const account = await s.accounts.authenticate(email, body.password)
    if (!account) {
      s.logger.warn('sign-in failed', { ip })
      throw new ProblemError(401, 'Sign-in failed', 'The email address or the password is wrong.')
    }
    return begin(c, account, 200)
  })

  r.get('/session', async (c) => {
    const signed = await s.access.signedIn(c)
    if (!signed) throw new ProblemError(401, 'Not signed in', 'Sign in with POST /sandbox/v1/session.')
    return c.json(await sessionView(s, signed.session, signed.account), 200, NO_STORE)
  })

  r.delete('/session', async (c) => {
    const signed = await s.access.signedIn(c)
    if (!signed) throw new ProblemError(401, 'Not signed in', 'There is no session to end.')
    await s.sessions.delete(signed.session.id)
    clearSessionCookie(c, isHttps(c, base()))
    return c.body(null, 204)
  })

  r.post('/staff', async (c) => {
    await adminOnly(s, c)
    const account = await s.accounts.create(await objectBody(c), 'staff')
    return c.json(accountView(account), 201, NO_STORE)
  })

  r.get('/staff', async (c) => {
    await adminOnly(s, c)
    return c.json({ items: (await s.accounts.list('staff')).map(accountView) }, 200, NO_STORE)
  })

  return r
}

async function adminOnly(s: Services, c: Context): Promise<void> {
  const p = await s.access.principal(c)
  if (p.kind !== 'admin')
    throw new ProblemError(403, 'Admin token required', 'Only the sandbox admin manages staff.')
}

export async function sessionView(s: Services, session: Session, account: Account) {
  const m = account.kind === 'developer' ? await s.orgs.membershipOf(account.id) : undefined
  const { expiresAt, idleExpiresAt } = s.sessions.expiries(session)
  return {
    account: accountView(account),
    organisation: m ? { id: m.org.id, name: m.org.name, role: m.member.role, solo: m.org.solo } : null,
    csrfToken: session.csrfToken,
    expiresAt: new Date(expiresAt).toISOString(),
    idleExpiresAt: new Date(idleExpiresAt).toISOString(),
  }
}
