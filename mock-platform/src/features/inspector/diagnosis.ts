/** Plain-words diagnosis of a call: which fault, why, how to fix it; dispatches on the D-code and the failed step. */
import { dCodes } from '@iamsmart-sandbox/openapi/generated/dcodes'
import { diagnoseCek } from './diagnose-keys'
import { diagnosePath, diagnosePlainBody, getQrStateWarning } from './diagnose-mistakes'
import {
  diagnoseBusinessId,
  diagnoseCode,
  diagnoseLimit,
  diagnoseNonce,
  diagnoseRedirect,
  diagnoseScope,
  diagnoseSource,
  diagnoseTimestamp,
  diagnoseToken,
} from './diagnose-request'
import { diagnoseSignature } from './diagnose-signature'
import { type DiagnosisContext, describeDuration, diagnosis, iso } from './diagnosis.kit'
import type { Diagnosis } from './inspector.types'

type Diagnoser = (ctx: DiagnosisContext, stage: string | undefined) => Diagnosis[] | Promise<Diagnosis[]>

/** The specific diagnoses of a D-code; where a code has several causes, the step that failed (evidence) tells which. */
const SPECIFIC: Partial<Record<string, Diagnoser>> = {
  D20002: (ctx, stage) => (stage === 'decrypt' ? diagnosePlainBody(ctx) : []),
  D20004: (ctx, stage) =>
    stage === 'nonce' ? diagnoseNonce(ctx) : stage === 'timestamp' ? diagnoseTimestamp(ctx) : [],
  D20006: (ctx, stage) => (stage === 'signature' ? diagnoseSignature(ctx) : []),
  D20007: diagnoseSource,
  D20008: diagnoseRedirect,
  D20009: diagnoseToken,
  D20011: diagnoseBusinessId,
  D20012: diagnoseScope,
  D20026: diagnoseLimit,
  D20027: (ctx) => (ctx.record.operationId === 'unknownPath' ? diagnosePath(ctx) : []),
  D30002: diagnoseCek,
  D30004: diagnoseCek,
  D40004: diagnoseCode,
}

/** Every diagnosis of one call, the most specific first. Successful calls may carry warnings. */
export async function diagnoseCall(ctx: DiagnosisContext): Promise<Diagnosis[]> {
  const out: Diagnosis[] = []
  const { record } = ctx
  if (record.forced) {
    const f = record.forced
    const what = [f.dcode && `answered ${f.dcode}`, f.delayMs && `delayed ${f.delayMs} ms`].filter(Boolean)
    out.push(
      diagnosis(
        'scenario-forced',
        'info',
        `Forced by scenario ${f.scenarioId}: ${what.join(' and ')}`,
        `A scenario queued for ${record.operationId} decided this outcome; your request itself was accepted.`,
        `Delete the scenario (DELETE /sandbox/v1/apps/{clientID}/scenarios/${f.scenarioId}) when you no longer want it.`,
      ),
    )
    if (f.dcode) return out
  }
  if (record.code === 'D00000') return [...out, ...successWarnings(ctx)]
  const specific = (await SPECIFIC[record.code]?.(ctx, record.evidence?.stage)) ?? []
  return [...out, ...(specific.length > 0 ? specific : [generic(ctx)])]
}

/** Lenient mode accepted a raw Base64 signature; a clock far off (but inside the window); getQR without state. */
function successWarnings(ctx: DiagnosisContext): Diagnosis[] {
  const out: Diagnosis[] = [...getQrStateWarning(ctx)]
  if (ctx.record.signatureEncoding === 'raw') {
    out.push(
      diagnosis(
        'signature-not-url-encoded',
        'warning',
        'The signature header is raw Base64, not URL-encoded',
        'The sandbox accepted it because this app is in lenient mode; in strict mode (and possibly on the real platform) this call fails with D20006.',
        'URL-encode the Base64 signature before sending it: encodeURIComponent(base64), so + / = become %2B %2F %3D.',
      ),
    )
  }
  const ts = Number(ctx.record.headers.timestamp)
  const skew = ts - ctx.record.at
  if (Number.isFinite(ts) && Math.abs(skew) > 60_000) {
    out.push(
      diagnosis(
        'clock-skew',
        'warning',
        `Your clock is ${describeDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the platform's`,
        `timestamp ${ts} (${iso(ts)}) vs platform time ${iso(ctx.record.at)}; calls fail with D20004 beyond ±300 s.`,
        'Keep the server clock in sync (NTP) and send Date.now() in milliseconds.',
      ),
    )
  }
  return out
}

function generic(ctx: DiagnosisContext): Diagnosis {
  const code = ctx.record.code
  const what = dCodes[code]
  return diagnosis(
    `code-${code.toLowerCase()}`,
    'error',
    `${code} ${what.message}${ctx.record.detail ? `: ${ctx.record.detail}` : ''}`,
    ctx.record.detail ? `The platform found: ${ctx.record.detail}.` : what.description,
    what.description,
  )
}
