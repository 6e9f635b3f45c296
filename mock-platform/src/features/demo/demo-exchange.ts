/**
 * The demo e-Service's "Exchange this code": its back end calls getToken with the code, exactly as a provider's
 * would (the typed client: getKey, then a signed, encrypted getToken), and keeps every HTTP exchange to show.
 */
import { createIamSmartClient } from '@iamsmart-sandbox/openapi/client'

/** The demo app's credentials (server.ts reads them from the data directory). */
export interface DemoSecrets {
  clientID: string
  clientSecret: string
  kekPrivateKeyPem: string
  /** Where the KEK private key file is, to show in the sample code. */
  kekPrivateKeyPath?: string
}

export interface Exchange {
  method: string
  url: string
  headers: Record<string, string>
  body: string
  status: number
  response: string
}

export interface ExchangeResult {
  exchanges: Exchange[]
  ok: boolean
  /** The decrypted token (getToken's content) or the failure. */
  result: unknown
}

/** Exchanges `code` with getToken through `send` (the platform in-process), recording each request and answer. */
export async function exchangeCode(
  secrets: DemoSecrets,
  baseUrl: string,
  code: string,
  send: (req: Request) => Promise<Response>,
): Promise<ExchangeResult> {
  const exchanges: Exchange[] = []
  const client = createIamSmartClient({
    baseUrl: `${baseUrl}/api/v1`,
    clientID: secrets.clientID,
    clientSecret: secrets.clientSecret,
    kekPrivateKeys: [secrets.kekPrivateKeyPem],
    fetch: async (input, init) => {
      const req = new Request(input, init)
      const body = await req.clone().text()
      const res = await send(req)
      const text = await res.clone().text()
      exchanges.push({
        method: req.method,
        url: req.url,
        headers: headersOf(req.headers),
        body,
        status: res.status,
        response: text,
      })
      return res
    },
  })
  const token = await client.getToken({ code, grantType: 'authorization_code' })
  return { exchanges, ok: token.ok, result: token.ok ? token.data : token.error }
}

function headersOf(h: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  h.forEach((value, name) => {
    out[name] = value
  })
  return out
}
