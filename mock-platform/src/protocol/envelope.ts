/** The response envelope {txID, code, message, content} and the headers every platform API answer carries. */
import type { Context } from 'hono'
import type { DCode } from '../errors'
import { messageOf } from '../errors'

export interface Envelope {
  txID: string
  code: DCode
  message: string
  content: unknown
}

export const API_HEADERS = {
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
  'X-Content-Type-Options': 'nosniff',
} as const

export function envelope(txID: string, code: DCode, content: unknown = null): Envelope {
  return { txID, code, message: messageOf(code), content }
}

export function sendEnvelope(
  c: Context,
  body: Envelope,
  status: 200 | 400 | 404 | 405 | 413 | 415 | 429 | 500 = 200,
  extra: Record<string, string> = {},
): Response {
  return c.json(body, status, { ...API_HEADERS, ...extra })
}
