// The outbox: every notification stored first; sent by SMTP when SMTP_URL is set (retried, then failed), else kept.
import { afterEach, describe, expect, it } from 'vitest'
import { harness } from '../../../test/harness'
import { ManualClock } from '../../clock'
import { createLogger } from '../../logger'
import { MemoryCollection } from '../../store/memory'
import { documentsOf } from '../../store/documents'
import { provider, staff } from '../support/support.fixtures'
import { type MailMessage, MailOutbox } from './mail-outbox'
import { bodyText, header, smtpServer, type TestSmtp } from './smtp.fixtures'

const open: TestSmtp[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

async function until(check: () => Promise<boolean>, ms = 2_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('notifications outbox', () => {
  it('with SMTP_URL: a new enquiry is mailed to staff by SMTP and listed as sent', async () => {
    const s = await smtpServer({ user: 'desk', pass: 'secret' })
    open.push(s)
    const h = await harness({
      config: { smtpUrl: `smtp://desk:secret@127.0.0.1:${s.port}`, mailFrom: 'Desk <desk@sandbox.example>' },
    })
    const agent = await staff(h, 'agent@support.example', 'agent')
    const p = await provider(h, 'dev@alpha.example', 'Alpha')
    await p.dev.json('/support/v1/enquiries', 'POST', {
      subject: 'QR never completes',
      description: 'Stuck.',
    })
    await h.platform.services.mail.drain()
    expect(s.received).toHaveLength(1)
    const m = s.received[0]!
    expect(m).toMatchObject({ from: 'desk@sandbox.example', to: ['agent@support.example'], user: 'desk' })
    expect(header(m.data, 'Subject')).toBe('[ENQ-0001] New: QR never completes')
    expect(header(m.data, 'From')).toBe('Desk <desk@sandbox.example>')
    expect(bodyText(m.data)).toContain('Alpha filed ENQ-0001 (login enquiry, severity normal).')
    const listed = await agent.json('/support/v1/mail')
    expect(listed.sending).toBe(true)
    expect(listed.items[0]).toMatchObject({ state: 'sent', attempts: 1, sentAt: '2026-11-22T02:00:00.000Z' })
  })

  it('retries a refused message with back-off, then gives up as failed with the last error', async () => {
    const s = await smtpServer()
    open.push(s)
    const messages = documentsOf(new MemoryCollection<MailMessage>())
    const outbox = new MailOutbox({
      messages,
      clock: new ManualClock(),
      logger: createLogger('silent'),
      from: 'desk@sandbox.example',
      transport: (e) =>
        import('./smtp').then(({ sendMail }) => sendMail({ url: `smtp://127.0.0.1:${s.port}` }, e)),
      maxAttempts: 3,
      backoffMs: () => 1,
    })
    s.rcptAnswers.push('451 4.3.0 try later')
    const ok = await outbox.enqueue({
      kind: 'enquiry.reply',
      to: ['Dev <Dev@Alpha.example>'],
      subject: 'One',
      text: 'x',
    })
    expect(ok.to).toEqual(['dev@alpha.example'])
    await until(async () => (await outbox.get(ok.id))!.state !== 'queued')
    expect(await outbox.get(ok.id)).toMatchObject({ state: 'sent', attempts: 2 })

    s.rcptAnswers.push('550 5.1.1 no such user', '550 5.1.1 no such user', '550 5.1.1 no such user')
    const bad = await outbox.enqueue({
      kind: 'enquiry.reply',
      to: ['nobody@alpha.example'],
      subject: 'Two',
      text: 'x',
    })
    await until(async () => (await outbox.get(bad.id))!.state !== 'queued')
    expect(await outbox.get(bad.id)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'SMTP RCPT answered 550 5.1.1 no such user',
    })
    expect(s.received.map((m) => m.to)).toEqual([['dev@alpha.example']])
    await outbox.drain()
  })

  it('without SMTP_URL: messages are kept for the viewer; the /mail page lists them, escaped, for staff only', async () => {
    const h = await harness()
    const agent = await staff(h, 'agent@support.example', 'agent')
    const p = await provider(h, 'dev@alpha.example', 'Alpha')
    await p.dev.json('/support/v1/enquiries', 'POST', {
      subject: '<script>alert(1)</script>',
      description: 'x',
    })
    const [m] = await h.platform.services.mail.list()
    expect(m).toMatchObject({ state: 'kept', attempts: 0, kind: 'enquiry.created' })
    const one = await agent.json(`/support/v1/mail/${m!.id}`)
    expect(one).toMatchObject({
      id: m!.id,
      subject: '[ENQ-0001] New: <script>alert(1)</script>',
      state: 'kept',
    })
    expect((await agent.call(`/support/v1/mail/${'0'.repeat(32)}`)).status).toBe(404)
    const page = await agent.call('/mail')
    const html = await page.text()
    expect(page.headers.get('content-security-policy')).toContain("script-src 'nonce-")
    expect(html).toContain('[ENQ-0001] New: &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('SMTP_URL is not set')
    const filtered = await agent.json('/support/v1/mail?to=nobody@x.example')
    expect(filtered).toMatchObject({ items: [], total: 0 })
    const denied = await p.dev.call('/mail')
    expect(denied.status).toBe(403)
    expect(await denied.text()).toContain('Staff only')
    expect((await h.request('/mail')).status).toBe(401)
  })
})
