// Agents and leads: only leads merge, reassign others' work and change targets; providers never triage; transitions enforced.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { provider, staff } from './support.fixtures'

async function setup() {
  const h = await harness()
  const agent = await staff(h, 'agent@support.example', 'agent')
  const other = await staff(h, 'other@support.example', 'agent')
  const lead = await staff(h, 'lead@support.example', 'lead')
  const p = await provider(h, 'dev@alpha.example', 'Alpha')
  const file = (subject: string, description: string) =>
    p.dev.json('/support/v1/enquiries', 'POST', {
      clientID: p.clientID,
      requestIds: [p.failedTxID],
      subject,
      description,
    })
  return { h, agent, other, lead, p, file }
}

describe('roles on the support desk', () => {
  it('agents cannot merge (403); leads can, and the duplicate closes into the original', async () => {
    const { agent, lead, p, file } = await setup()
    const first = await file(
      'getKey refused with D20006',
      'Our getKey signature check fails with D20006 every time.',
    )
    const dup = await file('D20006 on getKey again', 'The getKey signature check still fails with D20006.')
    await file('Consent status', 'How do we read the consent status of a resident?')

    const suggestions = await agent.json(`/support/v1/enquiries/${dup.id}/suggestions`)
    expect(suggestions.similar.map((x: { reference: string }) => x.reference)).toEqual(['ENQ-0001'])
    expect(suggestions.similar[0]).toMatchObject({ sameOrganisation: true, status: 'new' })
    expect(suggestions.similar[0].shared).toContain('d20006')

    const refused = await agent.call(`/support/v1/enquiries/${dup.id}/merge`, 'POST', { into: first.id })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ title: 'Lead role required' })
    const merged = await lead.json(`/support/v1/enquiries/${dup.id}/merge`, 'POST', { into: first.id })
    expect(merged).toMatchObject({
      reference: 'ENQ-0001',
      mergedFrom: [{ id: dup.id, reference: 'ENQ-0002' }],
    })
    const closed = await p.dev.json(`/support/v1/enquiries/${dup.id}`)
    expect(closed).toMatchObject({ status: 'closed', mergedInto: { id: first.id, reference: 'ENQ-0001' } })
    expect((await p.dev.call(`/support/v1/enquiries/${dup.id}/reopen`, 'POST')).status).toBe(409)
    expect(
      (await lead.call(`/support/v1/enquiries/${dup.id}/merge`, 'POST', { into: first.id })).status,
    ).toBe(409)
    expect(
      (await lead.call(`/support/v1/enquiries/${first.id}/merge`, 'POST', { into: first.id })).status,
    ).toBe(409)
  })

  it('agents take unassigned work and hand back their own; only leads reassign someone else’s', async () => {
    const { agent, other, lead, file } = await setup()
    const e = await file('Help', 'Something fails.')
    const path = `/support/v1/enquiries/${e.id}`
    expect((await agent.json(path, 'PATCH', { assigneeId: agent.accountId })).assignee.id).toBe(
      agent.accountId,
    )
    const taken = await other.call(path, 'PATCH', { assigneeId: other.accountId })
    expect(taken.status).toBe(403)
    expect(await taken.json()).toMatchObject({ title: 'Lead role required' })
    expect((await other.call(path, 'PATCH', { assigneeId: null })).status).toBe(403)
    // The other agent may still triage it (priority, category, status).
    expect(
      await other.json(path, 'PATCH', { priority: 'urgent', category: 'keys', status: 'triaged' }),
    ).toMatchObject({
      priority: 'urgent',
      category: 'keys',
      status: 'triaged',
      assignee: { id: agent.accountId },
    })
    expect((await lead.json(path, 'PATCH', { assigneeId: other.accountId })).assignee.id).toBe(
      other.accountId,
    )
    expect((await other.json(path, 'PATCH', { assigneeId: null })).assignee).toBeNull()
    const bad = await lead.call(path, 'PATCH', { assigneeId: 'f'.repeat(32), priority: 'critical' })
    expect((await bad.json()).errors).toEqual({
      priority: 'must be one of low, normal, high, urgent',
      assigneeId: 'must be the id of a staff account, or null',
    })
  })

  it('enforces the workflow: no way back to new, resolved only closes, reopen is explicit', async () => {
    const { agent, file } = await setup()
    const e = await file('Help', 'Something fails.')
    const path = `/support/v1/enquiries/${e.id}`
    await agent.json(path, 'PATCH', { status: 'in_progress' })
    const back = await agent.call(path, 'PATCH', { status: 'triaged' })
    expect(back.status).toBe(409)
    expect(await back.json()).toMatchObject({
      title: 'Status change not allowed',
      status: 409,
      detail: 'ENQ-0001 is in_progress; it can move to waiting_on_provider, resolved, closed.',
      current: 'in_progress',
      allowed: ['waiting_on_provider', 'resolved', 'closed'],
    })
    await agent.json(path, 'PATCH', { status: 'resolved' })
    expect((await agent.call(path, 'PATCH', { status: 'in_progress' })).status).toBe(409)
    expect((await agent.json(`${path}/reopen`, 'POST')).status).toBe('in_progress')
    await agent.json(`${path}/close`, 'POST')
    expect((await agent.call(path, 'PATCH', { status: 'resolved' })).status).toBe(409)
  })

  it('providers do not triage, note or decide; staff do not file', async () => {
    const { agent, p, file } = await setup()
    const e = await file('Help', 'Something fails.')
    for (const [path, method, body] of [
      [`/support/v1/enquiries/${e.id}`, 'PATCH', { priority: 'urgent' }],
      [`/support/v1/enquiries/${e.id}/notes`, 'POST', { body: 'x' }],
      [`/support/v1/enquiries/${e.id}/suggestions`, 'GET', undefined],
      ['/support/v1/queue', 'GET', undefined],
      ['/support/v1/mail', 'GET', undefined],
      ['/support/v1/canned-answers', 'GET', undefined],
    ] as const) {
      const res = await p.dev.call(path, method, body)
      expect(res.status, `${method} ${path}`).toBe(403)
    }
    const canned = await p.dev.call(`/support/v1/enquiries/${e.id}/replies`, 'POST', {
      cannedAnswerId: 'signature-mismatch',
    })
    expect((await canned.json()).errors).toEqual({
      cannedAnswerId: 'staff only',
      body: 'must be text of 1–10000 characters',
    })
    const filed = await agent.call('/support/v1/enquiries', 'POST', { subject: 'x', description: 'y' })
    expect(filed.status).toBe(403)
    expect(await filed.json()).toMatchObject({ title: 'Providers only' })
  })

  it('cookie-authenticated changes need the session’s CSRF token and a same-origin Origin, like the sandbox API', async () => {
    const { agent, p, file } = await setup()
    const e = await file('Help', 'Something fails.')
    for (const headers of [{ 'X-CSRF-Token': '' }, { Origin: 'https://evil.example' }] as Record<
      string,
      string
    >[]) {
      const reply = await p.dev.call(`/support/v1/enquiries/${e.id}/replies`, 'POST', { body: 'x' }, headers)
      expect(reply.status).toBe(403)
      const triage = await agent.call(
        `/support/v1/enquiries/${e.id}`,
        'PATCH',
        { priority: 'urgent' },
        headers,
      )
      expect(triage.status).toBe(403)
    }
    const stored = (await agent.json(`/support/v1/enquiries/${e.id}`)) as {
      replies: unknown[]
      priority: string
    }
    expect([stored.replies, stored.priority]).toEqual([[], 'normal'])
  })
})
