// The issue's flow at API level: a provider files an enquiry attaching a failed request → an agent triages it (category
// from the D-code), sees the masked call, replies with a canned answer → the provider sees it; the mail is in the viewer.
import { describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { provider, staff } from './support.fixtures'

describe('support desk: enquiry from filing to resolution', () => {
  it('files, triages, answers with a canned answer, notifies, and the provider resolves it', async () => {
    const h = await harness()
    const agent = await staff(h, 'agent@support.example', 'agent')
    const p = await provider(h, 'dev@alpha.example', 'Alpha')

    const filed = await p.dev.json('/support/v1/enquiries', 'POST', {
      clientID: p.clientID,
      requestIds: [p.failedTxID],
      subject: 'getKey is refused',
      description: 'Every getKey call of our app is refused since this morning.',
      severity: 'high',
    })
    expect(filed).toMatchObject({
      reference: 'ENQ-0001',
      status: 'new',
      category: 'keys',
      severity: 'high',
      clientID: p.clientID,
      appName: 'Alpha e-Service',
      requestIds: [p.failedTxID],
      replies: [],
      createdBy: { kind: 'member', email: 'dev@alpha.example' },
    })
    expect(Object.keys(filed)).not.toContain('notes')
    expect(Object.keys(filed)).not.toContain('priority')

    // The agent: the queue, the enquiry with its suggestion, the failed call as the inspector showed it.
    const queue = await agent.json('/support/v1/queue')
    expect(queue.items.map((i: { reference: string }) => i.reference)).toEqual(['ENQ-0001'])
    expect(queue.items[0]).toMatchObject({
      kind: 'enquiry',
      orgName: 'Alpha',
      priority: 'high',
      category: 'keys',
      assignee: null,
      // Filed Sunday 22 Nov 2026 10:00 HKT: the 4-hour target runs from Monday 09:00.
      targets: {
        firstResponseDue: '2026-11-23T05:00:00.000Z',
        breach: { firstResponse: false, resolution: false },
      },
    })
    const suggestions = await agent.json(`/support/v1/enquiries/${filed.id}/suggestions`)
    expect(suggestions.category.category).toBe('keys')
    expect(suggestions.category.reasons[0]).toBe('D20006 on getKey: request signature or replay check → keys')
    expect(suggestions.pages.map((x: { path: string }) => x.path)).toEqual([
      '/docs/troubleshooting#signature-mismatch',
      '/docs/concepts/request-signing',
      '/docs/concepts/encryption',
    ])
    expect(suggestions.cannedAnswers).toEqual([
      'signature-mismatch',
      'timestamp-window',
      'cek-expired',
      'node-20-rsa',
    ])
    const requests = await agent.json(`/support/v1/enquiries/${filed.id}/requests`)
    expect(requests.items).toHaveLength(1)
    const call = requests.items[0]
    expect(call).toMatchObject({
      txID: p.failedTxID,
      operationId: 'getKey',
      code: 'D20006',
      clientID: p.clientID,
    })
    expect(call.headers.signature).toMatch(/^‹masked · \d+ chars · URL-encoded›$/)
    expect(call.diagnosis.map((d: { id: string }) => d.id)).toContain('signature-mismatch')

    const triaged = await agent.json(`/support/v1/enquiries/${filed.id}`, 'PATCH', {
      status: 'triaged',
      assigneeId: agent.accountId,
    })
    expect(triaged).toMatchObject({
      status: 'triaged',
      assignee: { id: agent.accountId, email: 'agent@support.example' },
    })
    await agent.json(`/support/v1/enquiries/${filed.id}/notes`, 'POST', {
      body: 'Wrong secret: their vault rotated it.',
    })
    const answered = await agent.json(`/support/v1/enquiries/${filed.id}/replies`, 'POST', {
      cannedAnswerId: 'signature-mismatch',
      status: 'waiting_on_provider',
    })
    expect(answered.status).toBe('waiting_on_provider')
    expect(answered.firstResponseAt).toBe('2026-11-22T02:00:00.000Z')
    expect(answered.cannedAnswersUsed).toEqual(['signature-mismatch'])

    // The provider sees the reply (from "support", with the portal link), never the note or the assignee.
    const seen = await p.dev.json(`/support/v1/enquiries/${filed.id}`)
    expect(seen.status).toBe('waiting_on_provider')
    expect(seen.replies).toHaveLength(1)
    expect(seen.replies[0].by).toEqual({ kind: 'staff', name: 'Sandbox support' })
    expect(seen.replies[0].body).toContain('http://127.0.0.1:8080/docs/troubleshooting#signature-mismatch')
    expect(JSON.stringify(seen)).not.toContain('vault rotated')
    expect(JSON.stringify(seen)).not.toContain('agent@support.example')

    // The mail viewer holds both notifications, newest first.
    const mail = await agent.json('/support/v1/mail')
    expect(mail.sending).toBe(false)
    expect(
      mail.items.map((m: { kind: string; to: string[]; subject: string; state: string }) => [
        m.kind,
        m.to,
        m.subject,
        m.state,
      ]),
    ).toEqual([
      ['enquiry.reply', ['dev@alpha.example'], '[ENQ-0001] New reply: getKey is refused', 'kept'],
      ['enquiry.created', ['agent@support.example'], '[ENQ-0001] New: getKey is refused', 'kept'],
    ])
    expect(mail.items[0].text).toContain('/docs/troubleshooting#signature-mismatch')
    expect(mail.items[0].text).not.toContain('vault rotated')
    const page = await agent.call('/mail')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('[ENQ-0001] New reply: getKey is refused')

    // The provider answers (back to in progress), then says it is solved.
    const back = await p.dev.json(`/support/v1/enquiries/${filed.id}/replies`, 'POST', {
      body: 'Fixed, thanks.',
    })
    expect(back.status).toBe('in_progress')
    const resolved = await p.dev.json(`/support/v1/enquiries/${filed.id}/resolve`, 'POST')
    expect(resolved.status).toBe('resolved')
    expect(
      resolved.history.map((e: { type: string; to?: string }) => `${e.type}${e.to ? `:${e.to}` : ''}`),
    ).toEqual([
      'created',
      'status:triaged',
      'status:waiting_on_provider',
      'status:in_progress',
      'status:resolved',
    ])
    expect(
      (await p.dev.call(`/support/v1/enquiries/${filed.id}/replies`, 'POST', { body: 'x' })).status,
    ).toBe(409)
    const reopened = await p.dev.json(`/support/v1/enquiries/${filed.id}/reopen`, 'POST')
    expect(reopened.status).toBe('in_progress')
  })

  it('refuses request ids that are not in the app’s inspector, and apps of another organisation', async () => {
    const h = await harness()
    const a = await provider(h, 'dev@alpha.example', 'Alpha')
    const b = await provider(h, 'dev@bravo.example', 'Bravo')
    const base = { subject: 'Help', description: 'Something fails.' }
    const foreign = await a.dev.call('/support/v1/enquiries', 'POST', { ...base, clientID: b.clientID })
    expect(foreign.status).toBe(422)
    expect((await foreign.json()).errors).toEqual({ clientID: 'must be an app of your organisation' })
    const stolen = await a.dev.call('/support/v1/enquiries', 'POST', {
      ...base,
      clientID: a.clientID,
      requestIds: [b.failedTxID, 'nonsense'],
    })
    expect(stolen.status).toBe(422)
    expect((await stolen.json()).errors).toEqual({
      'requestIds[0]': 'no such request in this app’s inspector (it keeps the last 500)',
      'requestIds[1]': 'no such request in this app’s inspector (it keeps the last 500)',
    })
    const noApp = await a.dev.call('/support/v1/enquiries', 'POST', { ...base, requestIds: [a.failedTxID] })
    expect((await noApp.json()).errors).toEqual({ clientID: 'is needed to attach request ids' })
    expect(await h.platform.services.support.enquiries.count()).toBe(0)
  })
})
