/**
 * The hosted admission of a signed call: its two rate counters (per app, per organisation) and its nonce in one
 * round trip to the shared state (SharedState.admit) instead of four statements. Same verdicts as the embedded steps:
 * a call over the app's limit counts nothing further and claims no nonce; a call out of the timestamp window is
 * counted but its nonce is not remembered.
 */
import type { Admission, AdmissionRequest, AdmissionVerdict } from './ports'
import type { SharedRateLimiter } from './rate-limiter.shared'
import type { SharedReplayGuard } from './replay-guard.shared'

export class SharedAdmission implements Admission {
  constructor(
    private readonly replay: SharedReplayGuard,
    private readonly app: SharedRateLimiter,
    private readonly org: SharedRateLimiter,
  ) {}

  async admit(a: AdmissionRequest): Promise<AdmissionVerdict> {
    const nonce = a.inWindow ? { nonce: a.nonce, timestamp: a.timestamp } : undefined
    const hits = [this.app.counter(a.rateKey), this.org.counter(a.orgKey)]
    const { counts, nonce: verdict } = await this.replay.admit(a.clientID, nonce, hits)
    return { rateWaitS: this.app.wait(counts[0]!), orgWaitS: this.org.wait(counts[1]!), nonce: verdict }
  }
}
