/** A minimal SMTP client over node:net/node:tls: EHLO, STARTTLS when offered, AUTH PLAIN, MAIL, RCPT, DATA, QUIT. */
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls'
import { dotStuff } from './message'

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

interface Reply {
  code: number
  lines: string[]
}

/** One connection: replies are read line by line; a multi-line reply ends at "NNN " (RFC 5321 §4.2.1). */
class Connection {
  private buffer = ''
  private lines: string[] = []
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined
  private failure: Error | undefined

  constructor(public socket: Socket | TLSSocket) {
    this.attach(socket)
  }

  attach(socket: Socket | TLSSocket): void {
    this.socket = socket
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      this.buffer += chunk
      let i: number
      while ((i = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, i).replace(/\r$/, ''))
        this.buffer = this.buffer.slice(i + 1)
      }
      this.deliver()
    })
    socket.on('error', (e) => this.fail(e))
    socket.on('close', () => this.fail(new Error('connection closed')))
  }

  private fail(e: Error): void {
    this.failure ??= e
    this.waiting?.reject(this.failure)
    this.waiting = undefined
  }

  private deliver(): void {
    if (!this.waiting) return
    const end = this.lines.findIndex((l) => /^\d{3}(?: |$)/.test(l))
    if (end < 0) return
    const lines = this.lines.splice(0, end + 1)
    const w = this.waiting
    this.waiting = undefined
    w.resolve({ code: Number(lines[end]!.slice(0, 3)), lines: lines.map((l) => l.slice(4)) })
  }

  read(): Promise<Reply> {
    if (this.failure && this.lines.length === 0) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject }
      this.deliver()
    })
  }

  /** Sends a command and expects one of the codes. */
  async command(line: string | undefined, expect: number[], label = line?.split(' ')[0]): Promise<Reply> {
    if (line !== undefined) this.socket.write(`${line}\r\n`)
    const reply = await this.read()
    if (!expect.includes(reply.code))
      throw new SmtpError(
        reply.code,
        `SMTP ${label ?? 'greeting'} answered ${reply.code} ${reply.lines.join(' ')}`,
      )
    return reply
  }
}

/** Sends one message; resolves with the server's answer to DATA (its queue id), rejects with SmtpError. */
export async function sendMail(o: SmtpOptions, mail: Envelope): Promise<string> {
  const url = new URL(o.url)
  const implicit = url.protocol === 'smtps:'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = Number(url.port || (implicit ? 465 : 25))
  const tlsOptions = { ...o.tls, servername: /^[\d.:]+$/.test(host) ? undefined : host }
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = implicit
      ? tlsConnect({ host, port, ...tlsOptions }, () => resolve(s))
      : netConnect({ host, port }, () => resolve(s))
    s.once('error', reject)
  })
  socket.setTimeout(o.timeoutMs ?? 10_000, () => socket.destroy(new Error('SMTP timeout')))
  const conn = new Connection(socket)
  try {
    const name = o.clientName ?? 'iamsmart-sandbox.local'
    await conn.command(undefined, [220])
    let ehlo = await conn.command(`EHLO ${name}`, [250])
    let secure = implicit
    if (!implicit && ehlo.lines.some((l) => /^STARTTLS\b/i.test(l))) {
      await conn.command('STARTTLS', [220])
      socket.removeAllListeners('data').removeAllListeners('error').removeAllListeners('close')
      const upgraded = await new Promise<TLSSocket>((resolve, reject) => {
        const t = tlsConnect({ socket, host, ...tlsOptions }, () => resolve(t))
        t.once('error', reject)
      })
      conn.attach(upgraded)
      secure = true
      ehlo = await conn.command(`EHLO ${name}`, [250])
    }
    if (url.username) {
      // Credentials only over TLS, or to this machine (a local relay).
      if (!secure && !/^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(host))
        throw new SmtpError(530, 'SMTP server offers no TLS: refusing to send the password in clear')
      const plain = `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`
      await conn.command(`AUTH PLAIN ${Buffer.from(plain).toString('base64')}`, [235], 'AUTH')
    }
    await conn.command(`MAIL FROM:<${mail.from}>`, [250], 'MAIL')
    for (const to of mail.to) await conn.command(`RCPT TO:<${to}>`, [250, 251], 'RCPT')
    await conn.command('DATA', [354])
    const body = dotStuff(mail.data)
    conn.socket.write(`${body}${body.endsWith('\r\n') ? '' : '\r\n'}.\r\n`)
    const accepted = await conn.command(undefined, [250], 'DATA')
    await conn.command('QUIT', [221]).catch(() => undefined)
    return accepted.lines.join(' ')
  } finally {
    conn.socket.destroy()
  }
}
