/** What the protocol records of every platform call, for the request inspector (which renders and explains it). */
import type { DCode } from '../errors'

/** The pipeline step a call failed at (signed-route.ts runs them in this order). */
export type CallStage =
  'headers' | 'signature' | 'memory' | 'rate' | 'timestamp' | 'nonce' | 'decrypt' | 'validate' | 'handler'

/** A scenario's override of one call: a D-code to answer and/or a delay (scenarios implement it). */
export interface Override {
  scenarioId: string
  dcode?: DCode
  delayMs?: number
}

export interface CekTimes {
  issueAt: number
  expiresAt: number
}

/** What the pipeline keeps about a failed call so the inspector can explain it (in memory only, never sent). */
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
  /** The app's CEKs when a D3000x was answered (times only, no key bytes; the inspector adds them). */
  cek?: { current?: CekTimes; previous?: CekTimes; revokedAt?: number }
}

/** What the request inspector sees of every call. */
export interface CallRecord {
  txID: string
  operationId: string
  clientID: string | undefined
  at: number
  durationMs: number
  code: DCode
  status: number
  headers: Record<string, string>
  stringToSign?: string
  request?: unknown
  response?: unknown
  detail?: string
  /** How the signature header was encoded: raw Base64 passes in lenient mode, with an inspector warning. */
  signatureEncoding?: 'url' | 'raw'
  /** Set when a scenario forced this call's D-code or delay. */
  forced?: Override
  /** Failures only: what the request inspector needs to explain the fault. Never sent, never stored. */
  evidence?: CallEvidence
}
