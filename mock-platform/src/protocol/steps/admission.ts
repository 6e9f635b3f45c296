/** Steps `signature`, `memory`, `rate`, `timestamp` and `nonce`: whether this call may be handled at all. */
import { verifySignature } from '@iamsmart-sandbox/openapi/codec'
import { PlatformError } from '../../errors'
import type { SignedRouteDeps } from '../ports'
import type { SignedCall, Step } from '../signed-call'

/** HMAC over the string to sign with the app's current secret, then its former one during a rotation's overlap. */
export const checkSignature: Step = async (call, deps) => {
  const app = call.app!
  const signatureHeader = call.headers.signature!
  for (const secret of deps.apps.secretsOf(app)) {
    call.verdict = await verifySignature({ secret, parts: call.parts!, signatureHeader })
    if (call.verdict.valid) break
  }
  if (!call.verdict?.valid) throw new PlatformError('D20006', 'signature does not match the string to sign')
  call.record.signatureEncoding = call.verdict.wasUrlEncoded ? 'url' : 'raw'
  if (!call.verdict.wasUrlEncoded && deps.apps.strict(app))
    throw new PlatformError('D20006', 'strict mode: the signature header must be URL-encoded Base64')
}

/** Load shedding while the heap is above HEAP_LIMIT_PERCENT of its limit. */
export const shedLoad: Step = (_call, deps) => {
  if (deps.memory?.busy())
    throw new PlatformError(
      'D20026',
      'the sandbox is at its memory bound (HEAP_LIMIT_PERCENT): retry in a moment',
      429,
      { 'Retry-After': '1' },
    )
}

/** Calls per app, then per organisation, per minute (hosted: with the nonce, in one step). */
export const limitRate: Step = async (call, deps) => {
  const [wait, orgWait] = await rateWaits(call, deps)
  if (wait > 0) throw new PlatformError('D20026', 'rate limit exceeded', 429, { 'Retry-After': String(wait) })
  if (orgWait > 0)
    throw new PlatformError(
      'D20026',
      'organisation rate limit exceeded (ORG_RATE_LIMIT_PER_MINUTE, shared by all the apps of the organisation)',
      429,
      { 'Retry-After': String(orgWait) },
    )
}

async function rateWaits(call: SignedCall, deps: SignedRouteDeps): Promise<[number, number]> {
  const { clientID, nonce, timestamp } = call.parts!
  const rateKey = `client:${clientID}`
  if (deps.admission) {
    const v = await deps.admission.admit({
      clientID,
      rateKey,
      orgKey: deps.apps.rateKey(call.app!),
      nonce,
      timestamp: Number(timestamp),
      inWindow: inWindow(call, deps),
    })
    call.admitted = v.nonce
    return [v.rateWaitS, v.orgWaitS]
  }
  const wait = await deps.limiter.hit(rateKey)
  if (wait > 0) return [wait, 0]
  return [0, (await deps.orgLimiter?.hit(deps.apps.rateKey(call.app!))) ?? 0]
}

const skewOf = (call: SignedCall, deps: SignedRouteDeps) => Number(call.parts!.timestamp) - deps.clock.now()
const inWindow = (call: SignedCall, deps: SignedRouteDeps) => deps.replay.withinWindow(skewOf(call, deps))

/** The timestamp within the replay window of server time. */
export const checkWindow: Step = (call, deps) => {
  const skew = skewOf(call, deps)
  if (!deps.replay.withinWindow(skew))
    throw new PlatformError('D20004', `timestamp is ${Math.round(skew / 60_000)} minute(s) off server time`)
}

/** The nonce never seen from this app inside the window (and room for it in the app's bound). */
export const rememberNonce: Step = async (call, deps) => {
  const { clientID, nonce, timestamp } = call.parts!
  const verdict = call.admitted ?? (await deps.replay.remember(clientID, nonce, Number(timestamp)))
  if (verdict.ok) return
  if (verdict.reason === 'replay') throw new PlatformError('D20004', 'nonce already used')
  throw new PlatformError(
    'D20026',
    `NONCES_PER_APP reached: this app holds ${verdict.limit} nonces inside the replay window; the oldest leaves it in ${verdict.retryAfterS} s`,
    429,
    { 'Retry-After': String(verdict.retryAfterS) },
  )
}
