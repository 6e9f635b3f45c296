/** Listens on a registered redirect URI: the browser's return (GET ?code&state) and callbacks (POST) are queued. */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Listener {
  /** The next browser return (its query) or callback (its JSON body), or an error after `timeoutMs`. */
  next(kind: 'return', timeoutMs: number): Promise<URLSearchParams>
  next(kind: 'callback', timeoutMs: number): Promise<unknown>
  close(): Promise<void>
}

export function listen(redirectURI: string): Promise<Listener> {
  const target = new URL(redirectURI)
  const queues = { return: [] as unknown[], callback: [] as unknown[] }
  const waiting: { return?: (v: unknown) => void; callback?: (v: unknown) => void } = {}
  const push = (kind: 'return' | 'callback', value: unknown) => {
    const wake = waiting[kind]
    waiting[kind] = undefined
    if (wake) wake(value)
    else queues[kind].push(value)
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target)
    if (url.pathname !== target.pathname) return void res.writeHead(404).end()
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end(
        '<!doctype html><title>iamsmart-sandbox-cli</title><p>Back in the CLI: you can close this tab.</p>',
      )
      return push('return', url.searchParams)
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      res.writeHead(204).end() // any 2xx acknowledges the callback
      try {
        push('callback', JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        // not JSON: not a callback
      }
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(Number(target.port || 80), target.hostname, () => {
      const port = (server.address() as AddressInfo).port
      resolve({
        next: ((kind: 'return' | 'callback', timeoutMs: number) => {
          const queued = queues[kind].shift()
          if (queued !== undefined) return Promise.resolve(queued)
          return new Promise((ok, fail) => {
            const timer = setTimeout(
              () => fail(new Error(`nothing came to ${redirectURI} within ${timeoutMs / 1000} s`)),
              timeoutMs,
            )
            waiting[kind] = (v) => {
              clearTimeout(timer)
              ok(v)
            }
          })
        }) as Listener['next'],
        close: () => new Promise<void>((done) => server.close(() => done())),
      })
      void port
    })
  })
}
