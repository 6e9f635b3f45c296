// Change requests: a creator proposes, an approver approves or rejects, only then do settings change; solo auto-approves.
import { describe, expect, it } from 'vitest'
import { type Harness, harness, kek } from '../../../test/harness'
import { signUp } from '../../../test/session.fixtures'

/** An organisation with an approver (its founder) and a creator, and one app. */
async function team(h: Harness) {
  const approver = await signUp(h, 'approver@osp.example', { orgName: 'OSP' })
  const app = await approver.json('/sandbox/v1/apps', 'POST', {
    name: 'Library e-Service',
    redirectURIs: ['https://osp.example/old'],
  })
  await approver.json(`/sandbox/v1/orgs/${approver.orgId}/members`, 'POST', { email: 'creator@osp.example' })
  const creator = await signUp(h, 'creator@osp.example')
  return { approver, creator, clientID: app.clientID as string }
}

describe('creator proposes, approver approves', () => {
  it('keeps the old settings until an approver approves, and records who did what', async () => {
    const h = await harness()
    const { approver, creator, clientID } = await team(h)
    const proposed = await creator.call(`/sandbox/v1/apps/${clientID}/redirect-uris`, 'PUT', {
      redirectURIs: ['https://osp.example/new'],
    })
    expect(proposed.status).toBe(202)
    const { change } = (await proposed.json()) as { change: { id: string; status: string } }
    expect(change).toMatchObject({
      status: 'pending',
      changes: { redirectURIs: ['https://osp.example/new'] },
    })
    expect((await h.platform.services.apps.get(clientID))!.redirectURIs).toEqual(['https://osp.example/old'])
    expect((await creator.json(`/sandbox/v1/apps/${clientID}`)).redirectURIs).toEqual([
      'https://osp.example/old',
    ])
    // The creator cannot approve their own (or any) change.
    const self = await creator.call(`/sandbox/v1/apps/${clientID}/changes/${change.id}/approve`, 'POST')
    expect(self.status).toBe(403)
    const pending = await approver.json(`/sandbox/v1/apps/${clientID}/changes?status=pending`)
    expect(pending.items.map((c: { id: string }) => c.id)).toEqual([change.id])
    const approved = await approver.call(`/sandbox/v1/apps/${clientID}/changes/${change.id}/approve`, 'POST')
    expect(approved.status).toBe(200)
    expect(await approved.json()).toMatchObject({
      change: {
        status: 'applied',
        proposedBy: { kind: 'member', email: 'creator@osp.example' },
        decidedBy: { kind: 'member', email: 'approver@osp.example' },
      },
      app: { redirectURIs: ['https://osp.example/new'] },
    })
    expect((await h.platform.services.apps.get(clientID))!.redirectURIs).toEqual(['https://osp.example/new'])
    const again = await approver.call(`/sandbox/v1/apps/${clientID}/changes/${change.id}/approve`, 'POST')
    expect(again.status).toBe(409)
  })

  it('a rejected change never applies, and keeps its reason', async () => {
    const h = await harness()
    const { approver, creator, clientID } = await team(h)
    const { change } = await creator.json(`/sandbox/v1/apps/${clientID}/scopes`, 'PUT', {
      scopes: ['eidapi_sign'],
    })
    const rejected = await approver.json(`/sandbox/v1/apps/${clientID}/changes/${change.id}/reject`, 'POST', {
      reason: 'Signing is not in our enrolment.',
    })
    expect(rejected.change).toMatchObject({ status: 'rejected', reason: 'Signing is not in our enrolment.' })
    expect((await h.platform.services.apps.get(clientID))!.scopes).toEqual(['eidapi_auth'])
    const late = await approver.call(`/sandbox/v1/apps/${clientID}/changes/${change.id}/approve`, 'POST')
    expect(late.status).toBe(409)
    const history = await creator.json(`/sandbox/v1/apps/${clientID}/changes`)
    expect(history.items.map((c: { action: string; status: string }) => `${c.action}:${c.status}`)).toEqual([
      'update:rejected',
      'create:applied',
    ])
  })

  it('validates a proposal when it is made and again when it is approved', async () => {
    const h = await harness()
    const { approver, creator, clientID } = await team(h)
    const bad = await creator.call(`/sandbox/v1/apps/${clientID}`, 'PATCH', { activeKek: 'B' })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { errors: object }).errors).toEqual({
      activeKek: 'key B is not registered',
    })
    await approver.json(`/sandbox/v1/apps/${clientID}/keys/A`, 'PUT', { publicKey: kek(0).publicPem })
    await approver.json(`/sandbox/v1/apps/${clientID}/keys/B`, 'PUT', { publicKey: kek(1).publicPem })
    // Both valid when proposed; once key B is removed, activating it no longer is.
    const remove = await creator.json(`/sandbox/v1/apps/${clientID}/keys/B`, 'DELETE')
    const activate = await creator.json(`/sandbox/v1/apps/${clientID}/active-key`, 'PUT', { slot: 'B' })
    await approver.json(`/sandbox/v1/apps/${clientID}/changes/${remove.change.id}/approve`, 'POST')
    const late = await approver.call(
      `/sandbox/v1/apps/${clientID}/changes/${activate.change.id}/approve`,
      'POST',
    )
    expect(late.status).toBe(422)
    expect(((await late.json()) as { errors: object }).errors).toEqual({
      activeKek: 'key B is not registered',
    })
    expect((await h.platform.services.apps.get(clientID))!.activeKek).toBe('A')
    const still = await approver.json(`/sandbox/v1/apps/${clientID}/changes/${activate.change.id}`)
    expect(still.status).toBe('pending')
    const unknown = await approver.call(
      `/sandbox/v1/apps/${clientID}/changes/${'0'.repeat(32)}/approve`,
      'POST',
    )
    expect(unknown.status).toBe(404)
  })

  it('an approver’s own change and any change in a solo organisation apply at once', async () => {
    const h = await harness()
    const { approver, creator, clientID } = await team(h)
    const own = await approver.call(`/sandbox/v1/apps/${clientID}`, 'PATCH', { strict: true })
    expect(own.status).toBe(200)
    expect((await h.platform.services.apps.get(clientID))!.strict).toBe(true)
    await approver.json(`/sandbox/v1/orgs/${approver.orgId}`, 'PATCH', { solo: true })
    const solo = await creator.call(`/sandbox/v1/apps/${clientID}`, 'PATCH', { strict: false })
    expect(solo.status).toBe(200)
    expect(await solo.json()).toMatchObject({
      change: { status: 'applied', decidedBy: { email: 'creator@osp.example' } },
    })
    expect((await h.platform.services.apps.get(clientID))!.strict).toBe(false)
  })
})
