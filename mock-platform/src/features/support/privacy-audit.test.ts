// Privacy and audit: real-looking HKIDs masked before storage (sandbox QA–QZ kept); every staff read in the audit log.
import { describe, expect, it } from 'vitest'
import { findAll } from '../../store/documents'
import { harness } from '../../../test/harness'
import { programmeBody, provider, staff } from './support.fixtures'

const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('privacy: HKID numbers masked before storage', () => {
  it('masks real-looking HKIDs in enquiry text, replies, notes, text attachments and applications', async () => {
    const h = await harness()
    const agent = await staff(h, 'agent@support.example', 'agent')
    const p = await provider(h, 'dev@alpha.example', 'Alpha')
    const e = await p.dev.json('/support/v1/enquiries', 'POST', {
      subject: 'Resident A123456(3) cannot log in',
      description: 'Her card is A123456(3); our test resident QA123456(5) works. Also Z6837265 fails.',
      attachments: [{ filename: 'trace.log', data: b64('user=A123456(3) ok\nresident=QA123456(5)\n') }],
    })
    const stored = (await h.platform.services.support.enquiries.get(e.id))!
    expect(stored.subject).toBe('Resident A1234**(*) cannot log in')
    expect(stored.description).toBe(
      'Her card is A1234**(*); our test resident QA123456(5) works. Also Z6837**(*) fails.',
    )
    const blob = (await h.platform.services.support.blobs.get(stored.attachments[0]!.id))!
    expect(new TextDecoder().decode(blob)).toBe('user=A1234**(*) ok\nresident=QA123456(5)\n')
    expect(stored.attachments[0]).toMatchObject({
      masked: true,
      size: 40,
      contentType: 'text/plain; charset=utf-8',
    })

    await p.dev.json(`/support/v1/enquiries/${e.id}/replies`, 'POST', { body: 'Also try Y1234567.' })
    await agent.json(`/support/v1/enquiries/${e.id}/notes`, 'POST', {
      body: 'Customer HKID A123456(3) again.',
    })
    await p.dev.json('/support/v1/applications', 'POST', {
      ...programmeBody(),
      useCase: 'Applicant director A123456(3) will pilot logins for retail customers.',
    })
    const all = JSON.stringify([
      ...(await findAll(h.platform.services.support.enquiries)),
      ...(await findAll(h.platform.services.support.applications)),
      ...(await h.platform.services.mail.list()),
    ])
    expect(all).not.toMatch(/(?<!Q)A123456/)
    expect(all).not.toContain('Y1234567')
    expect(all).toContain('Y1234**')
    expect(all).toContain('Customer HKID A1234**(*) again.')
  })
})

describe('audit: every staff read is written down', () => {
  it('records reads of enquiries, attached requests, attachments, applications and mail; leads query it', async () => {
    const h = await harness()
    const agent = await staff(h, 'agent@support.example', 'agent')
    const lead = await staff(h, 'lead@support.example', 'lead')
    const p = await provider(h, 'dev@alpha.example', 'Alpha')
    const e = await p.dev.json('/support/v1/enquiries', 'POST', {
      clientID: p.clientID,
      requestIds: [p.failedTxID],
      subject: 'Refused',
      description: 'getKey refused.',
      attachments: [{ filename: 'note.txt', data: b64('hello') }],
    })
    const a = await p.dev.json('/support/v1/applications', 'POST', programmeBody())
    // Provider reads are not audited.
    await p.dev.json(`/support/v1/enquiries/${e.id}`)
    await p.dev.json(`/support/v1/enquiries/${e.id}/requests`)
    const before = h.platform.services.audit.list().length

    await agent.json('/support/v1/queue')
    await agent.json(`/support/v1/enquiries/${e.id}`)
    await agent.json(`/support/v1/enquiries/${e.id}/requests`)
    expect(
      (await agent.call(`/support/v1/enquiries/${e.id}/attachments/${e.attachments[0].id}`)).status,
    ).toBe(200)
    await agent.json(`/support/v1/applications/${a.id}`)
    await agent.json('/support/v1/mail')
    await agent.json('/support/v1/enquiries')

    const entries = h.platform.services.audit.list().slice(before)
    expect(entries.map((x) => [x.accountId, x.action, x.target])).toEqual([
      [agent.accountId, 'queue.read', 'queue'],
      [agent.accountId, 'enquiry.read', `enquiry:${e.id}`],
      [agent.accountId, 'enquiry.read', `enquiry:${e.id}`],
      [agent.accountId, 'request.read', `request:${p.clientID}/${p.failedTxID}`],
      [agent.accountId, 'attachment.read', `enquiry:${e.id}`],
      [agent.accountId, 'application.read', `application:${a.id}`],
      [agent.accountId, 'mail.read', 'mail'],
      [agent.accountId, 'enquiry.list', 'enquiries'],
    ])

    const log = await lead.json(`/support/v1/audit?accountId=${agent.accountId}&action=request`)
    expect(log.items).toHaveLength(1)
    expect(log.items[0]).toMatchObject({
      accountId: agent.accountId,
      action: 'request.read',
      target: `request:${p.clientID}/${p.failedTxID}`,
      path: `/support/v1/enquiries/${e.id}/requests`,
      at: '2026-11-22T02:00:00.000Z',
    })
    expect((await lead.json(`/support/v1/audit?target=enquiry:${e.id}`)).total).toBe(3)
    expect((await agent.call('/support/v1/audit')).status).toBe(403)
    expect((await p.dev.call('/support/v1/audit')).status).toBe(403)
    expect((await lead.call('/support/v1/audit?since=yesterday')).status).toBe(422)
  })
})
