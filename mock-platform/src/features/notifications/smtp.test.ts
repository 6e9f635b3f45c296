// The minimal SMTP client against a tiny in-test server: plain + AUTH on loopback, STARTTLS, refusals, dot-stuffing.
import { afterEach, describe, expect, it } from 'vitest'
import { rsaCertificateAndKey } from '../support/support.fixtures'
import { buildMessage, encodeHeader } from './message'
import { sendMail, SmtpError } from './smtp'
import { bodyText, header, smtpServer, type TestSmtp } from './smtp.fixtures'

const YEAR = 365 * 86_400_000
const open: TestSmtp[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})
const server = async (o: Parameters<typeof smtpServer>[0] = {}) => {
  const s = await smtpServer(o)
  open.push(s)
  return s
}

const message = (text: string) =>
  buildMessage(
    {
      id: 'a1b2c3',
      from: 'iAM Smart Sandbox Support <support@sandbox.invalid>',
      to: ['dev@alpha.example'],
      subject: '[ENQ-0001] 新回覆: getKey',
      text,
      date: Date.UTC(2026, 10, 22, 2, 0, 0),
      headers: { 'Sandbox-Notification': 'enquiry.reply' },
    },
    'sandbox.invalid',
  )

describe('SMTP client', () => {
  it('sends over plain SMTP with AUTH PLAIN on loopback: headers, UTF-8 Base64 body, every recipient', async () => {
    const s = await server({ user: 'desk', pass: 'p@ss word' })
    const answer = await sendMail(
      { url: `smtp://desk:p%40ss%20word@127.0.0.1:${s.port}` },
      {
        from: 'support@sandbox.invalid',
        to: ['dev@alpha.example', 'ops@alpha.example'],
        data: message('Hello\n.dot line\n香港'),
      },
    )
    expect(answer).toBe('2.0.0 queued as 1')
    expect(s.log).toEqual([
      'EHLO iamsmart-sandbox.local',
      'AUTH PLAIN ‹credentials›',
      'MAIL FROM:<support@sandbox.invalid>',
      'RCPT TO:<dev@alpha.example>',
      'RCPT TO:<ops@alpha.example>',
      'DATA',
      'QUIT',
    ])
    const [m] = s.received
    expect(m).toMatchObject({
      from: 'support@sandbox.invalid',
      to: ['dev@alpha.example', 'ops@alpha.example'],
      user: 'desk',
      tls: false,
    })
    expect(header(m!.data, 'Subject')).toBe(encodeHeader('[ENQ-0001] 新回覆: getKey').replace(/\r\n /g, ' '))
    expect(header(m!.data, 'Date')).toBe('Sun, 22 Nov 2026 02:00:00 +0000')
    expect(header(m!.data, 'Message-ID')).toBe('<a1b2c3@sandbox.invalid>')
    expect(header(m!.data, 'X-Sandbox-Notification')).toBe('enquiry.reply')
    expect(bodyText(m!.data)).toBe('Hello\r\n.dot line\r\n香港')
  })

  it('dot-stuffs lines starting with a dot, so the server gets the data unchanged', async () => {
    const s = await server()
    const data = 'Subject: raw\r\n\r\n.\r\n..two\r\nend'
    await sendMail({ url: `smtp://127.0.0.1:${s.port}` }, { from: 'a@b.example', to: ['c@d.example'], data })
    expect(s.received[0]!.data).toBe(data)
  })

  it('upgrades with STARTTLS when offered, verifying the certificate, then authenticates', async () => {
    const now = Date.now()
    const tls = rsaCertificateAndKey({
      cn: 'smtp.test',
      from: now - YEAR,
      to: now + YEAR,
      ips: ['127.0.0.1'],
    })
    const s = await server({ tls, user: 'desk', pass: 'secret' })
    await sendMail(
      { url: `smtp://desk:secret@127.0.0.1:${s.port}`, tls: { ca: tls.cert } },
      { from: 'a@b.example', to: ['c@d.example'], data: message('over TLS') },
    )
    expect(s.log.slice(0, 4)).toEqual([
      'EHLO iamsmart-sandbox.local',
      'STARTTLS',
      'EHLO iamsmart-sandbox.local',
      'AUTH PLAIN ‹credentials›',
    ])
    expect(s.received[0]).toMatchObject({ tls: true, user: 'desk' })
    // A certificate nobody vouches for is refused before anything is sent.
    await expect(
      sendMail(
        { url: `smtp://127.0.0.1:${s.port}` },
        { from: 'a@b.example', to: ['c@d.example'], data: 'x' },
      ),
    ).rejects.toThrow(/self[- ]signed certificate/)
    expect(s.received).toHaveLength(1)
  })

  it('speaks TLS from the first byte with smtps://', async () => {
    const now = Date.now()
    const tls = rsaCertificateAndKey({
      cn: 'smtp.test',
      from: now - YEAR,
      to: now + YEAR,
      ips: ['127.0.0.1'],
    })
    const s = await server({ tls, implicit: true })
    await sendMail(
      { url: `smtps://127.0.0.1:${s.port}`, tls: { ca: tls.cert } },
      { from: 'a@b.example', to: ['c@d.example'], data: 'x' },
    )
    expect(s.log[0]).toBe('EHLO iamsmart-sandbox.local')
    expect(s.received[0]).toMatchObject({ tls: true, to: ['c@d.example'] })
  })

  it('reports the server’s refusal with its code', async () => {
    const s = await server({ user: 'desk', pass: 'secret' })
    s.rcptAnswers.push('550 5.1.1 no such user')
    const refused = await sendMail(
      { url: `smtp://127.0.0.1:${s.port}` },
      { from: 'a@b.example', to: ['nobody@d.example'], data: 'x' },
    ).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(SmtpError)
    expect(refused).toMatchObject({ code: 550, message: 'SMTP RCPT answered 550 5.1.1 no such user' })
    const badAuth = await sendMail(
      { url: `smtp://desk:wrong@127.0.0.1:${s.port}` },
      { from: 'a@b.example', to: ['c@d.example'], data: 'x' },
    ).catch((e: unknown) => e)
    expect(badAuth).toMatchObject({ code: 535 })
    expect(s.received).toEqual([])
  })
})
