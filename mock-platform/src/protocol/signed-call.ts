/** One signed call on its way through the pipeline: what each step reads and leaves for the next. */
import type { Context } from 'hono'
import type { CallRecord, CallStage } from './call-record'
import type { SignedApp, SignedRouteDeps } from './ports'
import type { NonceVerdict } from './replay-guard'

export const HEADER_NAMES = ['clientID', 'signatureMethod', 'timestamp', 'nonce', 'signature'] as const
export type HeaderName = (typeof HEADER_NAMES)[number]

export interface SignedCall {
  readonly c: Context
  readonly operationId: string
  /** Encrypted operations take `{"content": ...}` and answer encrypted content. */
  readonly encrypted: boolean
  readonly record: CallRecord
  /** The step under way (the inspector explains a failure by it). */
  stage: CallStage
  /** The body exactly as received. */
  raw: string
  headers: Partial<Record<HeaderName, string>>
  /** Set by `readRequest`: every later step has it. */
  app?: SignedApp
  parts?: { clientID: string; signatureMethod: string; timestamp: string; nonce: string; body: string }
  verdict?: { valid: boolean; expectedBase64: string; wasUrlEncoded: boolean }
  /** The nonce's verdict when the admission counted the rate and claimed the nonce in one step. */
  admitted?: NonceVerdict
  /** The CEK that opened the request (its answer is sealed with it). */
  cek?: Uint8Array
  /** The compatibility profile `unencrypted`: the request came plain, the answer goes plain. */
  plain: boolean
  request: unknown
  /** The handler's result (the response content before sealing). */
  result?: unknown
}

/** One named step: throws a PlatformError to answer with its D-code, or returns to go on. */
export type Step = (call: SignedCall, deps: SignedRouteDeps) => Promise<void> | void
