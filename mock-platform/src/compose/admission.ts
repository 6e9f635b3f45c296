/**
 * The signed pipeline's admission: the rate limits per app and per organisation and the nonce memory — in this
 * process (embedded), or shared by every instance and counted and claimed in one round trip (hosted).
 */
import type { Clock } from '../clock'
import type { Config } from '../config'
import { SharedAdmission } from '../protocol/admission.shared'
import type { SignedRouteDeps } from '../protocol/ports'
import { RateLimiter } from '../protocol/rate-limiter'
import { SharedRateLimiter } from '../protocol/rate-limiter.shared'
import { ReplayGuard } from '../protocol/replay-guard'
import { SharedReplayGuard } from '../protocol/replay-guard.shared'
import type { SharedState } from '../store/shared-state'

type AdmissionDeps = Pick<SignedRouteDeps, 'replay' | 'limiter' | 'orgLimiter' | 'admission'>

export function admissionDeps(config: Config, clock: Clock, shared?: SharedState): AdmissionDeps {
  const windowMs = () => config.timestampWindowMs
  const perApp = () => config.noncesPerApp
  const appLimit = () => config.rateLimitPerMinute
  const orgLimit = () => config.orgRateLimitPerMinute
  if (!shared)
    return {
      replay: new ReplayGuard(clock, windowMs, perApp),
      limiter: new RateLimiter(clock, appLimit),
      orgLimiter: new RateLimiter(clock, orgLimit),
    }
  const replay = new SharedReplayGuard(shared, clock, windowMs, perApp)
  const limiter = new SharedRateLimiter(shared, 'app', clock, appLimit)
  const orgLimiter = new SharedRateLimiter(shared, 'org', clock, orgLimit)
  return { replay, limiter, orgLimiter, admission: new SharedAdmission(replay, limiter, orgLimiter) }
}
