/**
 * What the signed pipeline needs from the features above it, declared here and implemented there (apps, keys,
 * scenarios, the inspector), so the protocol imports no feature.
 */
import type { Clock } from '../clock'
import type { Logger } from '../logger'
import type { CallRecord, Override } from './call-record'
import type { MemoryGuard } from './memory-guard'
import type { Limiter } from './rate-limiter'
import type { NonceGuard, NonceVerdict } from './replay-guard'

/**
 * The app a handler receives: the apps feature names its type by augmenting this interface (as Hono's
 * ContextVariableMap is augmented), so the protocol never imports it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SignedAppRegistry {}
export type SignedApp = SignedAppRegistry extends { app: infer A } ? A : unknown

/** The registered apps, as the pipeline sees them. */
export interface AppDirectory<A = SignedApp> {
  get(clientID: string): Promise<A | undefined>
  /** The current secret, then the former one while a rotation's overlap lasts. */
  secretsOf(app: A): string[]
  /** Strict mode: the signature header must be URL-encoded Base64. */
  strict(app: A): boolean
  /** The compatibility profile `unencrypted`: a plain JSON request, answered plain. */
  acceptsPlainContent(app: A): boolean
  /** The key its organisation's rate limit counts under (an app of no organisation counts alone). */
  rateKey(app: A): string
}

/** The app's content encryption keys: those that may open a request, and those that expired or were rotated out. */
export interface CekSource {
  /** Synchronous in the embedded engine (this process's CEKs), a promise when they are shared by every instance. */
  candidates(clientID: string): Keys | Promise<Keys>
  stale(clientID: string): Keys | Promise<Keys>
}
type Keys = ReadonlyArray<{ key: Uint8Array }>

/** Records a call; a returned promise means the record is behind: the answer waits for room (backpressure). */
export type CallObserver = (record: CallRecord) => Promise<void> | undefined | void

/**
 * A forced outcome for this app's next call of this operation (consumes one use), or none. A promise when the uses are
 * shared by every instance (one use taken by compare-and-set).
 */
export type OutcomeOverrides = (
  clientID: string,
  operationId: string,
) => Override | undefined | Promise<Override | undefined>

/** A call's rate counters and nonce in one step (hosted: one round trip); steps `rate` and `nonce` answer from it. */
export interface Admission {
  admit(a: AdmissionRequest): Promise<AdmissionVerdict>
}
export interface AdmissionRequest {
  clientID: string
  /** The keys the app's and the organisation's rate limits count under. */
  rateKey: string
  orgKey: string
  nonce: string
  timestamp: number
  /** Outside the timestamp window the call is counted but its nonce is not remembered. */
  inWindow: boolean
}
export interface AdmissionVerdict {
  rateWaitS: number
  orgWaitS: number
  /** Absent when the nonce was not reached (a rate limit, or outside the window). */
  nonce?: NonceVerdict
}

export interface SignedRouteDeps {
  clock: Clock
  apps: AppDirectory
  keys: CekSource
  replay: NonceGuard
  limiter: Limiter
  /** Load shedding: new signed calls are refused while the heap is above HEAP_LIMIT_PERCENT of its limit. */
  memory?: MemoryGuard
  /** Signed calls per organisation (ORG_RATE_LIMIT_PER_MINUTE). */
  orgLimiter?: Limiter
  /** Hosted: `limiter`, `orgLimiter` and `replay` counted and claimed in one step. */
  admission?: Admission
  // The app's test clock is not used for the timestamp window: the OSP signs with its real clock (scenarios/app-clock.ts).
  observe?: CallObserver
  forced?: OutcomeOverrides
  /** Security events (bad signatures, replays, reused codes, rate limits) are logged here, redacted. */
  logger?: Logger
}
