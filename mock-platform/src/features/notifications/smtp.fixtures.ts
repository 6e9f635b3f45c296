/** A tiny SMTP server for tests: EHLO, STARTTLS (with a test certificate), AUTH PLAIN, MAIL, RCPT, DATA, QUIT. */
import { createServer, type Server, type Socket } from 'node:net'
import { TLSSocket } from 'node:tls'

export interface Received {
  from: string
  to: string[]
  /** The message as sent, dot-stuffing undone. */
  data: string
  user?: string
  tls: boolean
}

export interface TestSmtp {
  port: number
  received: Received[]
  /** Commands seen, in order (AUTH shown without its credentials). */
  log: string[]
  /** Answers to use for the next RCPT commands (default 250). */
  rcptAnswers: string[]
  close(): Promise<void>
}

export async function smtpServer(
  o: { tls?: { key: string; cert: string }; implicit?: boolean; user?: string; pass?: string } = {},
) {
  const received: Received[] = []
  const log: string[] = []
  const rcptAnswers: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((raw) => {
    sockets.add(raw)
    // smtps://: TLS from the first byte.
    let socket: Socket = o.implicit
      ? new TLSSocket(raw, { isServer: true, key: o.tls!.key, cert: o.tls!.cert })
      : raw
    let secure = o.implicit === true
    let user: string | undefined
    let mail: Received | undefined
    let data: string[] | undefined
    let buffer = ''
    const say = (line: string) => socket.write(`${line}\r\n`)
    const onLine = (line: string) => {
      if (data) {
        if (line === '.') {
          mail!.data = data.join('\r\n')
          received.push(mail!)
          data = undefined
          mail = undefined
          return say(`250 2.0.0 queued as ${received.length}`)
        }
        return data.push(line.startsWith('..') ? line.slice(1) : line)
      }
      const [verb = '', ...rest] = line.split(' ')
      log.push(verb.toUpperCase() === 'AUTH' ? 'AUTH PLAIN ‹credentials›' : line)
      switch (verb.toUpperCase()) {
        case 'EHLO':
          return socket.write(
            `250-test.smtp greets ${rest.join(' ')}\r\n${o.tls && !secure ? '250-STARTTLS\r\n' : ''}250-AUTH PLAIN\r\n250 8BITMIME\r\n`,
          )
        case 'STARTTLS': {
          say('220 2.0.0 ready for TLS')
          socket.removeAllListeners('data')
          socket = new TLSSocket(raw, { isServer: true, key: o.tls!.key, cert: o.tls!.cert })
          secure = true
          return listen()
        }
        case 'AUTH': {
          const [, u, p] = Buffer.from(rest[1] ?? '', 'base64')
            .toString()
            .split('\0')
          if (u !== o.user || p !== o.pass) return say('535 5.7.8 authentication failed')
          user = u
          return say('235 2.7.0 accepted')
        }
        case 'MAIL':
          mail = {
            from: /<(.*)>/.exec(line)?.[1] ?? '',
            to: [],
            data: '',
            tls: secure,
            ...(user ? { user } : {}),
          }
          return say('250 2.1.0 ok')
        case 'RCPT': {
          const answer = rcptAnswers.shift() ?? '250 2.1.5 ok'
          if (answer.startsWith('250')) mail!.to.push(/<(.*)>/.exec(line)?.[1] ?? '')
          return say(answer)
        }
        case 'DATA':
          data = []
          return say('354 end with <CRLF>.<CRLF>')
        case 'QUIT':
          say('221 2.0.0 bye')
          return socket.end()
        default:
          return say('502 5.5.2 unknown command')
      }
    }
    const listen = () =>
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8')
        let i: number
        while ((i = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, i)
          buffer = buffer.slice(i + 2)
          onLine(line)
        }
      })
    socket.on('error', () => undefined)
    listen()
    say('220 test.smtp ESMTP')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const t: TestSmtp = {
    port,
    received,
    log,
    rcptAnswers,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
  return t
}

/** The text of a Base64 body of a received message. */
export function bodyText(data: string): string {
  const [, body = ''] = data.split('\r\n\r\n')
  return Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8')
}

export function header(data: string, name: string): string | undefined {
  const head = data.split('\r\n\r\n')[0]!.replace(/\r\n /g, ' ')
  return new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]
}
