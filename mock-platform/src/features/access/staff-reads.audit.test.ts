// Staff reads of an organisation, its members, a resident and a resident search are written to the audit log.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { signUp } from '../../../test/session.fixtures'
import { staff } from '../support/support.fixtures'

const RESIDENT = {
  tier: 'iAM Smart+',
  profile: {
    idNo: { Identification: 'QA123456', CheckDigit: '5' },
    enName: { UnstructuredName: 'TEST, Resident One' },
    birthDate: '19850615',
    gender: 'F',
  },
  tags: ['mine'],
}

describe('audit: staff reads of organisations and residents', () => {
  it('writes action, target, path and account for each of the four reads; member reads are not audited', async () => {
    const h = await harness()
    const dev = await signUp(h, 'dev@library.example', { orgName: 'Library' })
    const resident = await dev.json('/sandbox/v1/residents', 'POST', RESIDENT)
    // The organisation's own reads: not audited.
    const before = h.platform.services.audit.list().length
    await dev.json(`/sandbox/v1/orgs/${dev.orgId}`)
    await dev.json(`/sandbox/v1/orgs/${dev.orgId}/members`)
    await dev.json(`/sandbox/v1/residents/${resident.id}`)
    await dev.json('/sandbox/v1/residents?q=test')
    expect(h.platform.services.audit.list()).toHaveLength(before)

    const agent = await staff(h, 'agent@sandbox.example', 'agent')
    expect((await agent.json(`/sandbox/v1/orgs/${dev.orgId}`)).id).toBe(dev.orgId)
    expect((await agent.json(`/sandbox/v1/orgs/${dev.orgId}/members`)).items).toHaveLength(1)
    expect((await agent.json(`/sandbox/v1/residents/${resident.id}`)).id).toBe(resident.id)
    expect((await agent.json('/sandbox/v1/residents?q=test&tag=mine')).total).toBe(1)

    const entries = h.platform.services.audit
      .list()
      .slice(before)
      .map(({ accountId, action, target, path }) => ({ accountId, action, target, path }))
    expect(entries).toEqual([
      {
        accountId: agent.accountId,
        action: 'org.read',
        target: `org:${dev.orgId}`,
        path: `/sandbox/v1/orgs/${dev.orgId}`,
      },
      {
        accountId: agent.accountId,
        action: 'org.members.read',
        target: `org:${dev.orgId}`,
        path: `/sandbox/v1/orgs/${dev.orgId}/members`,
      },
      {
        accountId: agent.accountId,
        action: 'resident.read',
        target: `resident:${resident.id}`,
        path: `/sandbox/v1/residents/${resident.id}`,
      },
      {
        accountId: agent.accountId,
        action: 'resident.search',
        target: 'residents:q=test&tag=mine',
        path: '/sandbox/v1/residents',
      },
    ])

    // A lead finds them in the audit API.
    const lead = await staff(h, 'lead@sandbox.example', 'lead')
    const log = await lead.json(`/support/v1/audit?accountId=${agent.accountId}&action=resident`)
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['resident.search', 'resident.read'])
  })
})
