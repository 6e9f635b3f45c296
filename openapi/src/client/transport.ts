/** Signed POST transport over openapi-fetch: one body string, signed and sent as-is, parsed into an envelope. */
import createClient from 'openapi-fetch'
import type { paths } from '../../generated/platform'
import { signRequest } from '../codec'
import { type IamSmartFailure, transportFailure } from './result'

/** The platform's response envelope (reference §2.3). */
export interface Envelope {
  txID: string
  code: string
  message: string
  content: unknown
}

export type FetchLike = (input: Request) => Promise<Response>

/** An envelope (with the HTTP status it came with, 2xx or not) or a transport failure. */
export type SignedPost = (
  path: string,
  body: string,
) => Promise<{ ok: true; envelope: Envelope; status: number } | IamSmartFailure>

type LoosePost = (
  path: string,
  init: {
    body: string
    bodySerializer: (body: string) => string
    headers: Record<string, string>
    parseAs: 'text'
  },
) => Promise<{ data?: string; error?: unknown; response: Response }>

/** Reads an envelope from parsed JSON; `msg` is accepted as a fallback for `message` (reference §2.3). */
export function toEnvelope(value: unknown): Envelope | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  if (typeof v.code !== 'string') return undefined
  const message = typeof v.message === 'string' ? v.message : typeof v.msg === 'string' ? v.msg : ''
  return { txID: typeof v.txID === 'string' ? v.txID : '', code: v.code, message, content: v.content ?? null }
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Creates the signed POST used by every back-channel call. Redirects are refused (a signed request
 * is never replayed to another URL). Failures come back as `IamSmartFailure` values.
 */
export function createSignedPost(o: {
  baseUrl: string
  clientID: string
  clientSecret: string
  fetch?: FetchLike
  now: () => number
}): SignedPost {
  const http = createClient<paths>({
    baseUrl: o.baseUrl,
    redirect: 'error',
    ...(o.fetch ? { fetch: o.fetch } : {}),
  })
  const post = http.POST as unknown as LoosePost
  return async (path, body) => {
    const headers = await signRequest({
      clientID: o.clientID,
      clientSecret: o.clientSecret,
      body,
      timestamp: o.now(),
    })
    let res: Awaited<ReturnType<LoosePost>>
    try {
      res = await post(path, {
        body,
        bodySerializer: (b) => b,
        headers: { ...headers, 'Content-Type': 'application/json' },
        parseAs: 'text',
      })
    } catch (e) {
      return transportFailure(`request to ${path} failed: ${e instanceof Error ? e.message : String(e)}`)
    }
    const status = res.response.status
    const raw = res.response.ok
      ? parseJson(res.data)
      : typeof res.error === 'string'
        ? parseJson(res.error)
        : res.error
    const envelope = toEnvelope(raw)
    if (envelope) return { ok: true, envelope, status }
    return transportFailure(
      res.response.ok ? `${path} answered without an iAM Smart envelope` : `${path} answered HTTP ${status}`,
      status,
    )
  }
}
