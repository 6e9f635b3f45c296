/**
 * Hosted mode: where the signed pipeline's ports meet the shared scenarios (scenarios.shared.ts). A call of an app
 * with a call scenario armed holds the app's lease from the moment it reaches its app until it decides; its record
 * gives back what a call that failed before deciding held. Embedded mode: the ports unchanged.
 */
import type { AppDirectory, CallObserver } from '../../protocol/ports'
import type { Scenarios } from './scenarios.service'

/** The directory whose `get` also prepares the app's scenarios (the last step before the call is admitted). */
export function preparingDirectory<A>(dir: AppDirectory<A>, scenarios: Scenarios): AppDirectory<A> {
  const get = async (clientID: string) => {
    const app = await dir.get(clientID)
    // A store that cannot be reached leaves the call unforced, not failed.
    if (app !== undefined) await scenarios.prepare(clientID)?.catch(() => false)
    return app
  }
  return Object.assign(Object.create(dir) as AppDirectory<A>, { get })
}

/** The observer that first settles the call's part of the scenarios' lease. */
export function settlingObserver(next: CallObserver, scenarios: Scenarios): CallObserver {
  return (record) => {
    const settled = scenarios.settle(record)
    const behind = next(record)
    return settled ? Promise.all([settled, behind]).then(() => {}) : behind
  }
}
