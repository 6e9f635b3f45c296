/** Contract test walk: every support operation at least once with a success, plus typical refusals. */
import type { Harness } from '../../../test/harness'
import type { Browser } from '../../../test/session.fixtures'
import { iteBody, programmeBody, provider, staff } from './support.fixtures'

const b64 = (s: string) => Buffer.from(s).toString('base64')

export async function walk(h: Harness): Promise<void> {
  const agent = await staff(h, 'agent@support.example', 'agent')
  const lead = await staff(h, 'lead@support.example', 'lead')
  const p = await provider(h, 'dev@library.example', 'Public Library')
  const dev = p.dev
  const json = async (b: Browser, path: string, method = 'GET', body?: unknown) =>
    (await b.call(path, method, body)).json()

  const e = await json(dev, '/support/v1/enquiries', 'POST', {
    clientID: p.clientID,
    requestIds: [p.failedTxID],
    subject: 'getKey answers D20006',
    description: 'Every getKey call answers D20006.',
    attachments: [{ filename: 'getkey.log', data: b64('POST /api/v1/security/getKey -> D20006\n') }],
  })
  await dev.call('/support/v1/enquiries', 'POST', {
    subject: 'x',
    description: 'y',
    attachments: [{ filename: 'a.exe', data: b64('MZ') }],
  })
  await dev.call('/support/v1/enquiries', 'POST', {
    subject: 'x',
    description: 'y',
    attachments: [{ filename: 'a.txt', data: b64('a'.repeat(2_100_000)) }],
  })
  await dev.call('/support/v1/enquiries', 'POST', { subject: '' })
  await dev.call('/support/v1/enquiries', 'POST', 'text', { 'Content-Type': 'text/plain' })
  await agent.call('/support/v1/enquiries', 'POST', { subject: 'x', description: 'y' })
  const e2 = await json(dev, '/support/v1/enquiries', 'POST', {
    subject: 'D20006 again',
    description: 'getKey D20006.',
  })
  await dev.call('/support/v1/enquiries?status=open')
  await dev.call('/support/v1/enquiries?status=nonsense')
  await dev.call(`/support/v1/enquiries/${e.id}`)
  await agent.call(`/support/v1/enquiries/${e.id}`)
  await dev.call(`/support/v1/enquiries/${'0'.repeat(32)}`)
  await agent.call(`/support/v1/enquiries/${e.id}/suggestions`)
  await agent.call(`/support/v1/enquiries/${e.id}/requests`)
  await agent.call(`/support/v1/enquiries/${e.id}/attachments/${e.attachments[0].id}`)
  await agent.call(`/support/v1/enquiries/${e.id}`, 'PATCH', {
    status: 'triaged',
    assigneeId: agent.accountId,
  })
  await agent.call(`/support/v1/enquiries/${e.id}`, 'PATCH', { status: 'new' })
  await dev.call(`/support/v1/enquiries/${e.id}`, 'PATCH', { priority: 'urgent' })
  await agent.call(`/support/v1/enquiries/${e.id}/notes`, 'POST', { body: 'Rotated secret.' })
  await agent.call(`/support/v1/enquiries/${e.id}/replies`, 'POST', {
    cannedAnswerId: 'signature-mismatch',
    status: 'waiting_on_provider',
  })
  await agent.call(`/support/v1/enquiries/${e2.id}/merge`, 'POST', { into: e.id })
  await lead.call(`/support/v1/enquiries/${e2.id}/merge`, 'POST', { into: e.id })
  await dev.call(`/support/v1/enquiries/${e.id}/replies`, 'POST', { body: 'Works now.' })
  await dev.call(`/support/v1/enquiries/${e.id}/resolve`, 'POST')
  await dev.call(`/support/v1/enquiries/${e.id}/replies`, 'POST', { body: 'Again?' })
  await dev.call(`/support/v1/enquiries/${e.id}/reopen`, 'POST')
  await dev.call(`/support/v1/enquiries/${e.id}/close`, 'POST')

  const a = await json(dev, '/support/v1/applications', 'POST', programmeBody())
  await dev.call('/support/v1/applications', 'POST', programmeBody())
  await dev.call('/support/v1/applications', 'POST', iteBody(h.clock.now()))
  await agent.call('/support/v1/applications?status=open')
  await dev.call(`/support/v1/applications/${a.id}`)
  await agent.call(`/support/v1/applications/${a.id}`, 'PATCH', { status: 'in_progress' })
  await agent.call(`/support/v1/applications/${a.id}/notes`, 'POST', { body: 'Check the sector.' })
  await agent.call(`/support/v1/applications/${a.id}/return`, 'POST', { reasons: ['Describe the users.'] })
  await dev.call(`/support/v1/applications/${a.id}`, 'PUT', programmeBody('education'))
  await agent.call(`/support/v1/applications/${a.id}/approve`, 'POST')
  await dev.call(`/support/v1/organisations/${dev.orgId}/programme`)
  const ite = await json(dev, '/support/v1/applications', 'POST', iteBody(h.clock.now()))
  await dev.call(`/support/v1/applications/${ite.id}/close`, 'POST')

  await agent.call('/support/v1/queue?status=all')
  await agent.call('/support/v1/queue?breach=sometimes')
  await dev.call('/support/v1/queue')
  await agent.call('/support/v1/dashboard?weeks=2')
  await agent.call('/support/v1/targets')
  await agent.call('/support/v1/targets', 'PUT', { hours: { urgent: { firstResponse: 1, resolution: 4 } } })
  await lead.call('/support/v1/targets', 'PUT', { hours: { urgent: { firstResponse: 1, resolution: 4 } } })
  await agent.call('/support/v1/canned-answers')
  await agent.call('/support/v1/staff')
  await lead.call('/support/v1/audit?action=request')
  await dev.call('/support/v1/meta')
  const mail = await json(agent, '/support/v1/mail?limit=2')
  await agent.call(`/support/v1/mail/${mail.items[0].id}`)
  await agent.call(`/support/v1/mail/${'0'.repeat(32)}`)
  await h.request('/support/v1/queue')
}
