/** The sandbox API for apps: register in an organisation, list, read, change settings (via change requests), rotate the secret. */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import { assertConforms } from '../../http/contract-validator'
import type { Services } from '../../services'
import { isApprover } from '../access'
import { SANDBOX_ORG_ID } from '../orgs'
import { NO_STORE, objectBody, optionalJsonBody } from '../../http/json-body'
import type { RegisteredApp } from './app.types'
import { orgOf } from './apps.service'
import { changeView } from './changes.service'
import { profileOf } from './compatibility'

export function appsRoutes(s: Services): Hono {
  const r = new Hono()

  /** Admin: any organisation (`orgId`, default the sandbox one) and chosen credentials; members: their own. */
  r.post('/apps', async (c) => {
    const p = await s.access.principal(c)
    if (p.kind === 'staff') throw new ProblemError(403, 'Staff accounts are read-only', 'Ask a member.')
    const body = await objectBody(c)
    let orgId = p.kind === 'member' ? p.orgId : SANDBOX_ORG_ID
    if (body.orgId !== undefined) {
      if (
        typeof body.orgId !== 'string' ||
        !(await s.orgs.get(body.orgId)) ||
        (p.kind === 'member' && body.orgId !== p.orgId)
      )
        throw new ProblemError(404, 'Organisation not found', `No organisation "${String(body.orgId)}".`)
      orgId = body.orgId
    }
    if (p.kind === 'member' && (body.clientID !== undefined || body.clientSecret !== undefined))
      throw new ProblemError(422, 'Invalid app registration', 'The sandbox chooses the credentials.', {
        errors: { [body.clientID !== undefined ? 'clientID' : 'clientSecret']: 'is set by the sandbox' },
      })
    // Members are held to APPS_PER_ORG; the admin token (the operator) is not.
    const limit = p.kind === 'member' ? s.config.appsPerOrg : undefined
    const app = await s.apps.create({ ...(body as { name: string }), orgId }, limit)
    await s.changes.record(await s.access.actor(p), app, 'create')
    return c.json(appView(app, true), 201, NO_STORE)
  })

  r.get('/apps', async (c) => {
    const p = await s.access.principal(c)
    const orgId = p.kind === 'member' ? p.orgId : c.req.query('orgId')
    const apps = orgId ? await s.apps.listByOrg(orgId) : await s.apps.list()
    if (p.kind === 'staff')
      await s.audit.write({
        accountId: p.accountId,
        action: 'apps.list',
        target: orgId ? `org:${orgId}` : 'apps:*',
        path: c.req.path,
      })
    return c.json({ items: apps.map((a) => appView(a, false)) }, 200, NO_STORE)
  })

  r.get('/apps/:clientID', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    return c.json(appView(app, false), 200, NO_STORE)
  })

  /** Any settings at once (name, redirectURIs, scopes, kekPublicKeys, activeKek, strict, compatibilityProfile) as one change request. */
  r.patch('/apps/:clientID', (c) => proposeChange(s, c, objectBody))

  /** A new secret, shown once; the old one stops working at once, or after `overlapSeconds` (at most 7 days). */
  r.post('/apps/:clientID/secret', async (c) => {
    const { principal, app } = await s.access.app(c, c.req.param('clientID'), 'write')
    const body = await optionalJsonBody(c)
    // A whole number of seconds, 0 to 7 days, and nothing else: the contract's (rotateClientSecret's body).
    assertConforms('sandbox', 'rotateClientSecret', body, 'Invalid body')
    const overlap = (body.overlapSeconds as number | undefined) ?? 0
    const rotated = (await s.apps.rotateSecret(app.clientID, overlap * 1000))!
    await s.changes.record(await s.access.actor(principal), rotated, 'rotateSecret')
    return c.json(
      {
        clientID: rotated.clientID,
        clientSecret: rotated.clientSecret,
        ...(rotated.previousSecret ? { previousSecretValidUntil: rotated.previousSecret.validUntil } : {}),
      },
      200,
      NO_STORE,
    )
  })

  return r
}

/**
 * Proposes a change for the app in the path (authorised before the body is read): applied at once (200) for the
 * admin, an approver or a solo organisation, otherwise pending (202) until an approver approves it. `rename` maps
 * setting names to the body fields of the narrower routes, so 422 errors name the field the caller sent.
 */
export async function proposeChange(
  s: Services,
  c: Context,
  build: (c: Context) => Promise<Record<string, unknown>>,
  rename: Record<string, string> = {},
) {
  const { principal, app } = await s.access.app(c, c.req.param('clientID')!, 'write')
  const patch = await build(c)
  const solo = (await s.orgs.get(orgOf(app)))?.solo === true
  try {
    const out = await s.changes.propose(
      await s.access.actor(principal),
      app,
      patch,
      solo || isApprover(principal),
    )
    return c.json(
      { change: changeView(out.change), app: appView(out.app, false) },
      out.change.status === 'applied' ? 200 : 202,
      NO_STORE,
    )
  } catch (e) {
    const errors = (e as ProblemError).extra?.errors as Record<string, string> | undefined
    if (!(e instanceof ProblemError) || !errors) throw e
    const named = Object.fromEntries(Object.entries(errors).map(([k, v]) => [rename[k] ?? k, v]))
    throw new ProblemError(e.status, e.title, e.detail, { errors: named })
  }
}

export function appView(app: RegisteredApp, withSecret: boolean) {
  return {
    clientID: app.clientID,
    ...(withSecret ? { clientSecret: app.clientSecret } : {}),
    orgId: orgOf(app),
    name: app.name,
    redirectURIs: app.redirectURIs,
    scopes: app.scopes,
    kekPublicKeys: app.kekPublicKeys,
    activeKek: app.activeKek,
    strict: app.strict,
    compatibilityProfile: profileOf(app),
    createdAt: app.createdAt,
    ...(app.updatedAt !== undefined ? { updatedAt: app.updatedAt } : {}),
  }
}
