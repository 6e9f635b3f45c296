/** Sends one built message through nodemailer's SMTP connection: STARTTLS when offered, AUTH PLAIN, then QUIT. */
import type { ConnectionOptions } from 'node:tls'
import SMTPConnection, { type SentMessageInfo, type SMTPError } from 'nodemailer/lib/smtp-connection'

export interface SmtpOptions {
  /** smtp://[user:pass@]host[:25] (STARTTLS when the server offers it) or smtps://[user:pass@]host[:465]. */
  url: string
  /** Extra TLS options (a private CA in tests); certificates are always verified. */
  tls?: ConnectionOptions
  timeoutMs?: number
  /** The name sent with EHLO. */
  clientName?: string
}

export interface Envelope {
  from: string
  to: string[]
  /** The message, CRLF line ends. */
  data: string
}

export class SmtpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
    this.name = 'SmtpError'
  }
}

/** A refusal by the server becomes an SmtpError naming the command and quoting the reply; other errors pass. */
function refusal(e: unknown): unknown {
  const n = e as SMTPError
  if (!n?.responseCode || !n.response) return e
  const command = n.command && n.command !== 'CONN' ? n.command.split(' ')[0] : 'greeting'
  return new SmtpError(n.responseCode, `SMTP ${command} answered ${n.response}`)
}

/** Sends one message; resolves with the server's answer to DATA (its queue id), rejects with SmtpError. */
export async function sendMail(o: SmtpOptions, mail: Envelope): Promise<string> {
  const url = new URL(o.url)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const secure = url.protocol === 'smtps:'
  const timeout = o.timeoutMs ?? 10_000
  const local = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host)
  const conn = new SMTPConnection({
    host,
    port: Number(url.port || (secure ? 465 : 25)),
    secure,
    // Credentials only over TLS, or to this machine (a local relay).
    requireTLS: url.username !== '' && !secure && !local,
    name: o.clientName ?? 'iamsmart-sandbox.local',
    ...(o.tls ? { tls: o.tls } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
  const failed = new Promise<never>((_, reject) => conn.on('error', reject))
  failed.catch(() => undefined)
  const step = <T>(run: (done: (err: Error | null | undefined, value?: T) => void) => void) =>
    Promise.race([
      failed,
      new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T)))),
    ])
  try {
    await step<void>((done) => conn.connect((err) => done(err)))
    if (url.username)
      await step<boolean>((done) =>
        conn.login(
          {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
            method: 'PLAIN',
          },
          done,
        ),
      )
    const info = await step<SentMessageInfo>((done) =>
      conn.send({ from: mail.from, to: mail.to }, mail.data, done),
    )
    await step<void>((done) => {
      conn.once('end', () => done(null))
      conn.quit()
    }).catch(() => undefined)
    const refused = info.rejected.length > 0 ? ` (refused: ${info.rejected.join(', ')})` : ''
    return `${info.response.replace(/^\d{3}[ -]/, '')}${refused}`
  } catch (e) {
    throw refusal(e)
  } finally {
    conn.close()
  }
}
