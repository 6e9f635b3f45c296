/** Serves a fetch handler (the sandbox, a tutorial's e-Service) on a free loopback port, as a real HTTP server. */
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'

export interface Served {
  /** `http://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

export type FetchHandler = (request: Request) => Response | Promise<Response>

/** Listens on 127.0.0.1 with a port the OS chooses. */
export function serveOnLoopback(handler: FetchHandler): Promise<Served> {
  return new Promise((done) => {
    const server = serve({ fetch: handler, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      done({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((closed) => {
            ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
            server.close(() => closed())
          }),
      }),
    )
  })
}

/** A server that answers 503 until its handler is attached: a receiver needs the client, which needs the URL. */
export async function serveDeferred(): Promise<Served & { attach(handler: FetchHandler): void }> {
  let handler: FetchHandler | undefined
  const served = await serveOnLoopback((req) =>
    handler ? handler(req) : new Response(null, { status: 503 }),
  )
  return { ...served, attach: (h) => (handler = h) }
}
