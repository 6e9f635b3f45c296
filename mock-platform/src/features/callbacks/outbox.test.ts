// Callback delivery: the connection goes to the address that was checked (no second lookup), names resolving to
// refused addresses are never called, and in hosted mode a failure never tells a closed port from a filtered one.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { ManualClock } from '../../clock'
import { createLogger } from '../../logger'
import { MemoryCollection } from '../../store/memory'
import { documentsOf } from '../../store/documents'
import type { RegisteredApp } from '../apps/app.types'
import { AppsService } from '../apps/apps.service'
import { KeysService } from '../security/keys.service'
import type { Ticket } from '../tickets/ticket.types'
import type { GuardMode, Resolver } from '../../http/address-guard'
import { Outbox, type OutboxOptions, UNREACHABLE } from './outbox'
import type { PinnedTransport } from './pinned-request'

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  while (closers.length) await closers.pop()!()
})

const kek = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
  type: 'spki',
  format: 'pem',
})

async function outbox(mode: GuardMode, o: Partial<OutboxOptions> = {}) {
  const clock = new ManualClock()
  const apps = new AppsService(documentsOf(new MemoryCollection<RegisteredApp>()), clock)
  const app = await apps.create({ name: 'Callback test', kekPublicKeys: { A: kek.toString() } })
  const box = new Outbox({
    clock,
    logger: createLogger('silent'),
    apps,
    keys: new KeysService(clock, () => 60_000),
    mode: () => mode,
    timeoutMs: () => 2_000,
    maxAttempts: () => 1,
    backoffMs: () => 1,
    ownAddresses: () => new Set(),
    ...o,
  })
  const send = async (url: string) => {
    box.enqueue({
      ticketID: `t-${Math.random()}`,
      clientID: app.clientID,
      kind: 'stepup',
      callback: { redirectURI: url, state: 'st', businessID: 'b-1' },
      result: { code: 'D00000', content: { isPassed: true } },
    } as unknown as Ticket)
    await box.drain()
    return box.list().at(-1)!
  }
  return { box, send }
}

/** A resolver answering `first` on the first call and `later` on every other call (a DNS rebinding attacker). */
function rebinding(first: string, later: string) {
  const calls: string[] = []
  const resolve: Resolver = async (host) => {
    calls.push(host)
    const address = calls.length === 1 ? first : later
    return [{ address, family: address.includes(':') ? 6 : 4 }]
  }
  return { resolve, calls }
}

describe('callback delivery goes to the checked address', () => {
  it('over a real socket: the pinned address is used, Host keeps the name, the resolver is asked once', async () => {
    const received: Array<{ host?: string; body: string }> = []
    const server = createServer((req: IncomingMessage, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d.toString()))
      req.on('end', () => {
        received.push({ host: req.headers.host, body })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    closers.push(() => new Promise((r) => server.close(() => r())))
    const { port } = server.address() as AddressInfo
    // A second lookup would get 127.0.0.2 (nothing listens there), and the system resolver does not know the name.
    const { resolve, calls } = rebinding('127.0.0.1', '127.0.0.2')
    const { send } = await outbox('local', { resolve })
    const rec = await send(`http://callback.sandbox-test.invalid:${port}/cb`)
    expect(rec.state).toBe('delivered')
    expect(rec.attempts.map((a) => a.status)).toEqual([204])
    expect(calls).toEqual(['callback.sandbox-test.invalid'])
    expect(received).toHaveLength(1)
    expect(received[0]!.host).toBe(`callback.sandbox-test.invalid:${port}`)
    expect(JSON.parse(received[0]!.body)).toMatchObject({ code: 'D00000' })
  })

  it('hosted mode: a rebinding resolver does not matter; the transport gets the public address checked', async () => {
    const { resolve, calls } = rebinding('93.184.216.34', '127.0.0.1')
    const targets: string[] = []
    const transport: PinnedTransport = async (t) => {
      targets.push(`${t.host}→${t.address}`)
      return { status: 500 }
    }
    const { send } = await outbox('hosted', { resolve, transport, maxAttempts: () => 3 })
    const rec = await send('https://osp.example/cb')
    // Try 1 connects to exactly the address its check saw; try 2 checks afresh, sees loopback and stops.
    expect(targets).toEqual(['osp.example→93.184.216.34'])
    expect(calls).toHaveLength(2)
    expect(rec.attempts.map((a) => a.status ?? a.error?.slice(0, 8))).toEqual([500, 'refused:'])
    expect(rec.state).toBe('failed')
  })

  it('hosted mode: a name that resolves to a private address is refused, never called, never retried', async () => {
    const called: string[] = []
    const { send } = await outbox('hosted', {
      resolve: async () => [{ address: '10.0.0.5', family: 4 }],
      fetch: (async (url: string) => {
        called.push(url)
        return new Response(null, { status: 200 })
      }) as unknown as typeof fetch,
      maxAttempts: () => 5,
    })
    const rec = await send('https://internal.provider.example/cb')
    expect(called).toEqual([])
    expect(rec.state).toBe('failed')
    expect(rec.attempts).toHaveLength(1)
    expect(rec.attempts[0]!.error).toMatch(
      /^refused: internal\.provider\.example resolves to an address that is not allowed/,
    )
    expect(rec.attempts[0]!.error).not.toContain('10.0.0.5')
  })

  it('an IP literal in a refused range is refused in every mode, with an injected fetch too', async () => {
    for (const mode of ['local', 'hosted'] as const) {
      const called: string[] = []
      const { send } = await outbox(mode, {
        fetch: (async (url: string) => {
          called.push(url)
          return new Response(null, { status: 200 })
        }) as unknown as typeof fetch,
      })
      for (const url of ['http://169.254.169.254/latest', 'http://[::ffff:a9fe:a9fe]/', 'http://0/cb']) {
        const rec = await send(url)
        expect(rec.attempts[0]!.error, `${mode} ${url}`).toMatch(/^refused:/)
      }
      expect(called).toEqual([])
    }
  })
})

describe('hosted mode is not a port-scan oracle', () => {
  const fail =
    (code: string, message: string): PinnedTransport =>
    async () => {
      throw Object.assign(new Error(message), { code })
    }
  const timeout: PinnedTransport = async () => {
    throw new DOMException('The operation was aborted due to timeout', 'TimeoutError')
  }

  it('a closed port, a filtered one, an unknown name and an unreachable host read the same', async () => {
    const cases: Array<{ transport?: PinnedTransport; resolve: Resolver }> = [
      {
        transport: fail('ECONNREFUSED', 'connect ECONNREFUSED 93.184.216.34:81'),
        resolve: async () => [{ address: '93.184.216.34', family: 4 }],
      },
      { transport: timeout, resolve: async () => [{ address: '93.184.216.34', family: 4 }] },
      {
        transport: fail('EHOSTUNREACH', 'connect EHOSTUNREACH 93.184.216.35:80'),
        resolve: async () => [{ address: '93.184.216.35', family: 4 }],
      },
      {
        resolve: async () =>
          Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' })),
      },
    ]
    const errors: string[] = []
    for (const c of cases) {
      const { send } = await outbox('hosted', { ...c, timeoutMs: () => 30, maxAttempts: () => 2 })
      const rec = await send('https://osp.example:81/cb')
      expect(rec.state).toBe('failed')
      expect(rec.attempts).toHaveLength(2)
      errors.push(...rec.attempts.map((a) => a.error!))
    }
    expect(new Set(errors)).toEqual(new Set([`${UNREACHABLE} (30 ms)`]))
    expect(errors.join(' ')).not.toMatch(/E[A-Z]{4,}|refused|timeout|abort/i)
  })

  it('local mode keeps the detail for the developer', async () => {
    const { send } = await outbox('local', {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
      transport: fail('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
    })
    const rec = await send('http://localhost:9/cb')
    expect(rec.attempts[0]!.error).toBe('connect ECONNREFUSED 127.0.0.1:9')
  })
})
