/** A small keep-alive HTTP/1.1 client over node:http (cheaper per request than fetch, so the client steals less CPU). */
import { Agent, request } from 'node:http'

export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export class HttpClient {
  readonly agent: Agent
  constructor(
    readonly port: number,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets })
  }

  send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<HttpResponse> {
    return new Promise((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers:
            body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          )
          res.on('error', fail)
        },
      )
      // Whether the request went over a reused kept-alive socket (a reset there may mean the server closed it idle).
      req.on('error', (e) => fail(Object.assign(e, { reusedSocket: req.reusedSocket })))
      req.end(body)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
