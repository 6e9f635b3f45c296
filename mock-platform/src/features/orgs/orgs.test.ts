// Organisations: invitations by email, the two roles, the last approver, solo switched off when a team forms.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { signIn, signUp } from '../../../test/session.fixtures'

describe('organisations and members', () => {
  it('an invitee signs up with the invited address and joins with the invited role', async () => {
    const h = await harness()
    const owner = await signUp(h, 'owner@osp.example', { orgName: 'OSP Ltd' })
    const invited = await owner.call(`/sandbox/v1/orgs/${owner.orgId}/members`, 'POST', {
      email: 'Creator@OSP.example',
      role: 'creator',
    })
    expect(invited.status).toBe(201)
    expect(await invited.json()).toMatchObject({
      email: 'creator@osp.example',
      role: 'creator',
      status: 'invited',
    })
    // Inviting ends solo auto-approval: a team gets the four-eyes flow.
    expect((await owner.json(`/sandbox/v1/orgs/${owner.orgId}`)).solo).toBe(false)
    const creator = await signUp(h, 'creator@osp.example')
    expect(creator.orgId).toBe(owner.orgId)
    const session = await creator.json('/sandbox/v1/session')
    expect(session.organisation).toMatchObject({
      id: owner.orgId,
      name: 'OSP Ltd',
      role: 'creator',
      solo: false,
    })
    const members = await owner.json<{ items: { email: string; status: string }[] }>(
      `/sandbox/v1/orgs/${owner.orgId}/members`,
    )
    expect(members.items.map((m) => [m.email, m.status])).toEqual([
      ['owner@osp.example', 'active'],
      ['creator@osp.example', 'active'],
    ])
  })

  it('only approvers manage members and settings; the last approver stays', async () => {
    const h = await harness()
    const owner = await signUp(h, 'owner@osp.example')
    await owner.json(`/sandbox/v1/orgs/${owner.orgId}/members`, 'POST', { email: 'c@osp.example' })
    const creator = await signUp(h, 'c@osp.example')
    const refused = await creator.call(`/sandbox/v1/orgs/${owner.orgId}/members`, 'POST', {
      email: 'x@osp.example',
    })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ title: 'Approver role required' })
    expect((await creator.call(`/sandbox/v1/orgs/${owner.orgId}`, 'PATCH', { solo: true })).status).toBe(403)
    const members = await owner.json<{ items: { id: string; email: string }[] }>(
      `/sandbox/v1/orgs/${owner.orgId}/members`,
    )
    const ownerId = members.items.find((m) => m.email === 'owner@osp.example')!.id
    const creatorId = members.items.find((m) => m.email === 'c@osp.example')!.id
    const demote = await owner.call(`/sandbox/v1/orgs/${owner.orgId}/members/${ownerId}`, 'PATCH', {
      role: 'creator',
    })
    expect(demote.status).toBe(409)
    expect((await owner.call(`/sandbox/v1/orgs/${owner.orgId}/members/${ownerId}`, 'DELETE')).status).toBe(
      409,
    )
    const promote = await owner.call(`/sandbox/v1/orgs/${owner.orgId}/members/${creatorId}`, 'PATCH', {
      role: 'approver',
    })
    expect(await promote.json()).toMatchObject({ role: 'approver' })
    expect(
      (await signIn(h, 'c@osp.example').then((c) => c.json('/sandbox/v1/session'))).organisation.role,
    ).toBe('approver')
    // A member may leave; from then on the organisation's routes refuse them.
    expect((await owner.call(`/sandbox/v1/orgs/${owner.orgId}/members/${ownerId}`, 'DELETE')).status).toBe(
      204,
    )
    expect((await owner.call('/sandbox/v1/apps')).status).toBe(403)
    expect((await owner.call(`/sandbox/v1/orgs/${owner.orgId}`)).status).toBe(403)
  })

  it('an account without an organisation founds a new one; an account in one cannot be invited to another', async () => {
    const h = await harness()
    const a = await signUp(h, 'a@example.com')
    const b = await signUp(h, 'b@example.com')
    const invite = await a.call(`/sandbox/v1/orgs/${a.orgId}/members`, 'POST', { email: 'b@example.com' })
    expect(invite.status).toBe(409)
    expect((await b.call('/sandbox/v1/orgs', 'POST', { name: 'Second' })).status).toBe(409)
    const bMember = (await b.json<{ items: { id: string }[] }>(`/sandbox/v1/orgs/${b.orgId}/members`))
      .items[0]!
    await b.json(`/sandbox/v1/orgs/${b.orgId}/members/${bMember.id}`, 'DELETE')
    const founded = await b.call('/sandbox/v1/orgs', 'POST', { name: 'B Two' })
    expect(founded.status).toBe(201)
    expect(await founded.json()).toMatchObject({ name: 'B Two', solo: true, memberCount: 1 })
  })

  it('validates names and settings, naming the field', async () => {
    const h = await harness()
    const a = await signUp(h, 'a@example.com')
    const res = await a.call(`/sandbox/v1/orgs/${a.orgId}`, 'PATCH', { name: '', solo: 'yes' })
    expect(res.status).toBe(422)
    expect(((await res.json()) as { errors: object }).errors).toEqual({
      name: 'must be 1–120 characters',
      solo: 'must be true or false',
    })
    const invite = await a.call(`/sandbox/v1/orgs/${a.orgId}/members`, 'POST', { email: 'x', role: 'owner' })
    expect(((await invite.json()) as { errors: object }).errors).toEqual({
      email: 'must be an email address',
      role: 'must be one of creator, approver',
    })
  })
})
