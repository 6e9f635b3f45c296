/** What the request inspector shows: calls and callback deliveries of one app, redacted, each failure diagnosed. */

/** One explained fault (or warning) with its fix and a troubleshooting anchor. */
export interface Diagnosis {
  /** Stable id, also the troubleshooting anchor: `signature-mismatch`, `timestamp-window`, … */
  id: string
  severity: 'error' | 'warning' | 'info'
  /** One line naming the cause. */
  title: string
  /** What happened, in plain words, with the facts (times, lengths, lists). */
  detail: string
  /** What to change. */
  fix: string
  /** e.g. `/docs/troubleshooting#signature-mismatch` */
  link: string
}

export interface InspectedCall {
  kind: 'call'
  /** The envelope's txID: the stable id to quote in an enquiry (getQR has no envelope: the sandbox assigns one). */
  txID: string
  operationId: string
  clientID: string
  /** Platform time (epoch ms) the call arrived. */
  at: number
  /** The app's test clock offset at that moment, when it was moved. */
  clockOffsetMs?: number
  durationMs: number
  code: string
  message: string
  status: number
  /** The five signing headers; the signature is masked. */
  headers: Record<string, string>
  /** The string the server computed the HMAC over (truncated when long), with its length and SHA-256. */
  stringToSign?: { text: string; truncated: boolean; length: number; sha256: string }
  /** Decrypted request and response content; secrets masked, personal data shown. */
  request?: unknown
  response?: unknown
  /** The platform's internal reason (never sent on the wire). */
  detail?: string
  forced?: { scenarioId: string; dcode?: string; delayMs?: number }
  diagnosis: Diagnosis[]
}

export interface InspectedAttempt {
  at: number
  /** HTTP status the OSP answered, when it answered. */
  status?: number
  error?: string
  durationMs: number
  forced?: boolean
}

export interface InspectedCallback {
  kind: 'callback'
  /** The callback id (use it to replay). */
  id: string
  /** The id doubles as txID so one lookup serves both kinds. */
  txID: string
  operationId: 'callback'
  clientID: string
  ticketID: string
  at: number
  url: string
  code: string
  /** Decrypted callback content; secrets masked. */
  content: unknown
  state: 'pending' | 'delivered' | 'failed'
  attempts: InspectedAttempt[]
  replayOf?: string
  forced?: { scenarioId: string; fault: 'error' | 'timeout' }
  diagnosis: Diagnosis[]
}

export type InspectedItem = InspectedCall | InspectedCallback

export interface InspectorFilter {
  operation?: string
  code?: string
  since?: number
  limit?: number
}

export const TROUBLESHOOTING = '/docs/troubleshooting'
