/** What signed-route keeps about a failed call so the request inspector can explain it (in memory only, never sent). */
import { decodeSignatureHeader } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import type { CallRecord } from '../../protocol/signed-route'
import type { KeysService } from '../security/keys.service'

/** The pipeline step a call failed at. */
export type CallStage =
  'headers' | 'signature' | 'memory' | 'rate' | 'timestamp' | 'nonce' | 'decrypt' | 'handler'

export interface CekTimes {
  issueAt: number
  expiresAt: number
}

export interface CallEvidence {
  stage: CallStage
  /** The body exactly as received. */
  rawBody: string
  contentLength?: string
  /** The MAC the server computed over the string to sign (an HMAC oracle: never shown, never stored). */
  expectedBase64?: string
  /** The signature header decoded, and whether it was URL-encoded. */
  receivedBase64?: string
  wasUrlEncoded?: boolean
  /** Server time the timestamp was compared with. */
  serverNow: number
  /** The app's CEKs when a D3000x was answered (times only, no key bytes). */
  cek?: { current?: CekTimes; previous?: CekTimes; revokedAt?: number }
}

export function evidenceOf(
  keys: KeysService,
  clock: Clock,
  stage: CallStage,
  rawBody: string,
  contentLength: string | undefined,
  verdict: { expectedBase64: string; wasUrlEncoded: boolean } | undefined,
  record: CallRecord,
): CallEvidence {
  const e: CallEvidence = { stage, rawBody, serverNow: clock.now() }
  if (contentLength !== undefined) e.contentLength = contentLength
  if (verdict) {
    e.expectedBase64 = verdict.expectedBase64
    e.wasUrlEncoded = verdict.wasUrlEncoded
    e.receivedBase64 = decodeSignatureHeader(record.headers.signature ?? '').base64
  }
  if (record.clientID && (record.code === 'D30002' || record.code === 'D30004')) {
    const { current, previous, revokedAt } = keys.inspect(record.clientID)
    const times = (k: CekTimes): CekTimes => ({ issueAt: k.issueAt, expiresAt: k.expiresAt })
    e.cek = {
      ...(current ? { current: times(current) } : {}),
      ...(previous ? { previous: times(previous) } : {}),
      ...(revokedAt !== undefined ? { revokedAt } : {}),
    }
  }
  return e
}
