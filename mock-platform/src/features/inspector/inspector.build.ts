/** Turns a raw call or callback record into what the inspector shows: masked, with the string to sign and a diagnosis. */
import { messageOf } from '../../errors'
import type { CallRecord } from '../../protocol/call-record'
import type { CallbackRecord } from '../callbacks'
import { diagnoseCallback } from './diagnose-callback'
import { diagnoseCall } from './diagnosis'
import type { DiagnosisContext } from './diagnosis.kit'
import type { InspectedCall, InspectedCallback } from './inspector.types'
import { maskSignature, redactContent, sha256Hex } from './redact'

/** Longest string-to-sign kept as text (its length and SHA-256 always cover the whole string). */
export const MAX_STRING_TO_SIGN = 2048

export async function buildCall(
  r: CallRecord,
  offset: number,
  ctx: Omit<DiagnosisContext, 'record' | 'view' | 'clockOffsetMs'>,
): Promise<InspectedCall> {
  const headers = { ...r.headers }
  if (headers.signature !== undefined) headers.signature = maskSignature(headers.signature)
  const view: InspectedCall = {
    kind: 'call',
    txID: r.txID,
    operationId: r.operationId,
    clientID: r.clientID!,
    at: r.at,
    ...(offset !== 0 ? { clockOffsetMs: offset } : {}),
    durationMs: Math.round(r.durationMs * 100) / 100,
    code: r.code,
    message: messageOf(r.code),
    status: r.status,
    headers,
  } as InspectedCall
  if (r.stringToSign !== undefined) {
    const s = r.stringToSign
    view.stringToSign = {
      text: s.length > MAX_STRING_TO_SIGN ? `${s.slice(0, MAX_STRING_TO_SIGN)}…` : s,
      truncated: s.length > MAX_STRING_TO_SIGN,
      length: s.length,
      sha256: await sha256Hex(s),
    }
  }
  if (r.request !== undefined) view.request = await redactContent(r.request)
  if (r.response !== undefined) view.response = await redactContent(r.response)
  if (r.detail !== undefined) view.detail = r.detail
  if (r.forced) view.forced = { ...r.forced }
  view.diagnosis = []
  view.diagnosis = await diagnoseCall({ ...ctx, record: r, view, clockOffsetMs: offset })
  return view
}

export async function buildCallback(r: CallbackRecord, now: number): Promise<InspectedCallback> {
  return {
    kind: 'callback',
    id: r.id,
    txID: r.id,
    operationId: 'callback',
    clientID: r.clientID,
    ticketID: r.ticketID,
    at: r.attempts[0]?.at ?? now,
    url: r.url,
    code: r.code,
    content: await redactContent(r.content),
    state: r.state,
    attempts: r.attempts.map((a) => ({ ...a, durationMs: Math.round(a.durationMs * 100) / 100 })),
    ...(r.replayOf ? { replayOf: r.replayOf } : {}),
    ...(r.forced ? { forced: { ...r.forced } } : {}),
    diagnosis: diagnoseCallback(r),
  }
}
