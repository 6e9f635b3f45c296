/** Lesson 03: the requests an e-Service has started and is waiting for, keyed by businessID, each with its state. */

export type Outcome<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; code: string }

interface Pending {
  state: string
  outcome?: Outcome
  waiters: Array<(o: Outcome) => void>
}

// #region pending
/** In production keep these in your database, next to the resident's session. */
export class PendingRequests {
  readonly #byId = new Map<string, Pending>()

  /** A fresh businessID (printable ASCII, at most 36 characters, unique per app) and an unguessable state. */
  open(prefix: string): { businessID: string; state: string } {
    const businessID = `${prefix}-${crypto.randomUUID().slice(0, 18)}`
    const state = crypto.randomUUID().replace(/-/g, '')
    this.#byId.set(businessID, { state, waiters: [] })
    return { businessID, state }
  }

  /** Stores a callback's outcome if (businessID, state) is a request we started; a repeat is accepted again. */
  settle(businessID: string, state: string, outcome: Outcome): 'settled' | 'repeat' | 'unknown' {
    const p = this.#byId.get(businessID)
    if (!p || p.state !== state) return 'unknown'
    if (p.outcome) return 'repeat'
    p.outcome = outcome
    for (const wake of p.waiters.splice(0)) wake(outcome)
    return 'settled'
  }
  // #endregion pending

  /** The outcome once the callback has come (your page polls for it; a test awaits it). */
  wait<T = Record<string, unknown>>(businessID: string, timeoutMs = 10_000): Promise<Outcome<T>> {
    const p = this.#byId.get(businessID)
    if (!p) return Promise.reject(new Error(`no request ${businessID}`))
    if (p.outcome) return Promise.resolve(p.outcome as Outcome<T>)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no callback for ${businessID}`)), timeoutMs)
      p.waiters.push((o) => {
        clearTimeout(timer)
        resolve(o as Outcome<T>)
      })
    })
  }
}
