/** Serves a fetch handler with @hono/node-server on 127.0.0.1 and a free port chosen by the OS (port 0). */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

export interface Listening {
  port: number
  close(): Promise<void>
}

export function listen(
  fetch: (req: Request, env: unknown) => Response | Promise<Response>,
): Promise<Listening> {
  return new Promise((resolveListening, reject) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolveListening({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            ;(server as { closeAllConnections?: () => void }).closeAllConnections?.()
          }),
      })
    })
    server.once('error', reject)
  })
}
