/**
 * The back-channel pipeline as named steps (headers, signature, memory, rate, timestamp, nonce, decrypt, validate,
 * handler), composed in order like node-oidc-provider's actions: each step reads the call and throws a PlatformError
 * to answer with its D-code. Whatever happens, the call is recorded (the inspector explains a failure by its step) before the
 * answer leaves.
 */
import { decodeSignatureHeader } from '@iamsmart-sandbox/openapi/codec'
import type { Context } from 'hono'
import { PlatformError } from '../errors'
import { newId } from '../ids'
import type { CallEvidence, CallRecord, CallStage } from './call-record'
import { envelope, sendEnvelope } from './envelope'
import { toPlatformError } from './platform-error'
import type { SignedApp, SignedRouteDeps } from './ports'
import type { SignedCall, Step } from './signed-call'
import { checkSignature, checkWindow, limitRate, rememberNonce, shedLoad } from './steps/admission'
import { openContent, sealedContent } from './steps/content'
import { readRequest } from './steps/read-request'
import { validateContent } from './steps/validate'

export interface PlatformCall<Req> {
  app: SignedApp
  request: Req
  txID: string
}

export type Handler<Req> = (call: PlatformCall<Req>, c: Context) => Promise<unknown> | unknown

/** Codes worth a security log line (checklist #47). */
const SECURITY_CODES: ReadonlySet<string> = new Set([
  'D20004',
  'D20005',
  'D20006',
  'D20026',
  'D30004',
  'D40004',
])

/** Before the handler, in order. */
const ADMISSION: ReadonlyArray<readonly [CallStage, Step]> = [
  ['headers', readRequest],
  ['signature', checkSignature],
  ['memory', shedLoad],
  ['rate', limitRate],
  ['timestamp', checkWindow],
  ['nonce', rememberNonce],
  ['decrypt', openContent],
  ['validate', validateContent],
]

/** Step `handler`: a scenario's forced outcome, else the operation itself. */
async function handle<Req>(call: SignedCall, deps: SignedRouteDeps, handler: Handler<Req>) {
  call.record.request = call.request
  const forced = await deps.forced?.(call.parts!.clientID, call.operationId)
  if (forced) {
    call.record.forced = forced
    if (forced.delayMs) await new Promise((r) => setTimeout(r, forced.delayMs))
    if (forced.dcode) throw new PlatformError(forced.dcode, `forced by scenario ${forced.scenarioId}`)
  }
  call.result = await handler(
    { app: call.app!, request: call.request as Req, txID: call.record.txID },
    call.c,
  )
  call.record.response = call.result ?? null
}

/** Wraps a platform operation in the protocol. `encrypted` ops take `{"content": ...}` and answer encrypted content. */
export function signedRoute<Req = Record<string, unknown>>(
  deps: SignedRouteDeps,
  operationId: string,
  encrypted: boolean,
  handler: Handler<Req>,
) {
  return async (c: Context): Promise<Response> => {
    const started = performance.now()
    const record: CallRecord = {
      txID: newId(),
      operationId,
      clientID: undefined,
      at: deps.clock.now(),
      durationMs: 0,
      code: 'D00000',
      status: 200,
      headers: {},
    }
    const call: SignedCall = {
      c,
      operationId,
      encrypted,
      record,
      stage: 'headers',
      raw: '',
      headers: {},
      plain: false,
      request: {},
    }
    let response: Response
    try {
      for (const [stage, step] of ADMISSION) {
        call.stage = stage
        await step(call, deps)
      }
      call.stage = 'handler'
      await handle(call, deps, handler)
      response = sendEnvelope(c, envelope(record.txID, 'D00000', await sealedContent(call)))
    } catch (e) {
      const err = toPlatformError(e)
      Object.assign(record, { code: err.code, status: err.status, detail: err.detail })
      record.evidence = evidenceOf(call, deps.clock.now())
      response = sendEnvelope(c, envelope(record.txID, err.code, null), err.status, err.headers)
      if (err.code === 'D20000')
        deps.logger?.error('unexpected error', { txID: record.txID, operationId, error: err.detail })
      if (SECURITY_CODES.has(err.code))
        deps.logger?.warn('security event', {
          txID: record.txID,
          operationId,
          clientID: record.clientID,
          dcode: err.code,
          detail: err.detail,
        })
    }
    record.durationMs = performance.now() - started
    const behind = deps.observe?.(record)
    if (behind) await behind
    return response
  }
}

/** What a failed call leaves for the inspector: the step, the body, the signature verdict (the inspector adds CEK times). */
function evidenceOf(call: SignedCall, serverNow: number): CallEvidence {
  const e: CallEvidence = { stage: call.stage, rawBody: call.raw, serverNow }
  const contentLength = call.c.req.header('content-length')
  if (contentLength !== undefined) e.contentLength = contentLength
  if (call.verdict) {
    e.expectedBase64 = call.verdict.expectedBase64
    e.wasUrlEncoded = call.verdict.wasUrlEncoded
    e.receivedBase64 = decodeSignatureHeader(call.record.headers.signature ?? '').base64
  }
  return e
}
