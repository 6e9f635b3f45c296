/** Narrow routes over change requests (KEK slots, the active key, redirect URIs, scopes) and the change history. */
import type { Context } from 'hono'
import { Hono } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import { isApprover } from '../access'
import { NO_STORE, objectBody, optionalJsonBody } from '../../http/json-body'
import { appView, proposeChange } from './apps.routes'
import { changeView, type ChangeStatus } from './changes.service'

const slotOf = (slot: string): 'A' | 'B' => {
  if (slot !== 'A' && slot !== 'B')
    throw new ProblemError(404, 'Key slot not found', 'Key slots are A and B.')
  return slot
}

export function appSettingsRoutes(s: Services): Hono {
  const r = new Hono()

  /** Uploads key A or B (PEM public key, PEM/DER certificate or Base64 SPKI). */
  r.put('/apps/:clientID/keys/:slot', (c) => {
    const slot = slotOf(c.req.param('slot'))
    return proposeChange(
      s,
      c,
      async () => ({ kekPublicKeys: { [slot]: (await objectBody(c)).publicKey ?? '' } }),
      { [`kekPublicKeys.${slot}`]: 'publicKey' },
    )
  })

  r.delete('/apps/:clientID/keys/:slot', (c) => {
    const slot = slotOf(c.req.param('slot'))
    return proposeChange(s, c, async () => ({ kekPublicKeys: { [slot]: null } }), {
      [`kekPublicKeys.${slot}`]: 'slot',
    })
  })

  /** Rotation: new CEKs are wrapped with the chosen key from the next getKey. */
  r.put('/apps/:clientID/active-key', (c) =>
    proposeChange(s, c, async () => ({ activeKek: (await objectBody(c)).slot }), { activeKek: 'slot' }),
  )

  r.put('/apps/:clientID/redirect-uris', (c) =>
    proposeChange(s, c, async () => ({ redirectURIs: (await objectBody(c)).redirectURIs ?? null })),
  )

  r.put('/apps/:clientID/scopes', (c) =>
    proposeChange(s, c, async () => ({ scopes: (await objectBody(c)).scopes ?? null })),
  )

  r.get('/apps/:clientID/changes', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    const status = c.req.query('status')
    if (status !== undefined && !['pending', 'applied', 'rejected'].includes(status))
      throw new ProblemError(400, 'Invalid status', 'status is one of pending, applied, rejected.')
    const items = (await s.changes.history(app.clientID, status as ChangeStatus | undefined)).map(changeView)
    return c.json({ items }, 200, NO_STORE)
  })

  r.get('/apps/:clientID/changes/:changeId', async (c) => {
    const { app } = await s.access.app(c, c.req.param('clientID'), 'read')
    return c.json(changeView(await s.changes.get(app, c.req.param('changeId'))), 200, NO_STORE)
  })

  /** Approve or reject a pending change (approvers and the admin token). */
  const decide = (decision: 'approve' | 'reject') => async (c: Context) => {
    const { principal, app } = await s.access.app(c, c.req.param('clientID')!, 'write')
    const id = c.req.param('changeId')!
    await s.changes.get(app, id)
    if (!isApprover(principal))
      throw new ProblemError(403, 'Approver role required', 'Only an approver decides change requests.')
    const actor = await s.access.actor(principal)
    const out =
      decision === 'approve'
        ? await s.changes.approve(actor, app, id)
        : await s.changes.reject(actor, app, id, (await optionalJsonBody(c)).reason)
    return c.json({ change: changeView(out.change), app: appView(out.app, false) }, 200, NO_STORE)
  }
  r.post('/apps/:clientID/changes/:changeId/approve', decide('approve'))
  r.post('/apps/:clientID/changes/:changeId/reject', decide('reject'))

  return r
}
