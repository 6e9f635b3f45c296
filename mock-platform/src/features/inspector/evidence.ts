/** The CEK facts the inspector adds to a failed call's evidence when it answered D30002/D30004 (times only, no key bytes). */
import type { CallRecord, CekTimes } from '../../protocol/call-record'
import type { CekState, Keys } from '../security'

/** Synchronous in the embedded engine; a promise when the CEKs are shared (hosted), to await before recording. */
export function addCekFacts(keys: Keys, record: CallRecord): void | Promise<void> {
  const e = record.evidence
  if (!e || !record.clientID || (record.code !== 'D30002' && record.code !== 'D30004')) return
  const state = keys.inspect(record.clientID)
  if (state instanceof Promise) return state.then((s) => setCekFacts(e, s))
  setCekFacts(e, state)
}

function setCekFacts(e: NonNullable<CallRecord['evidence']>, state: CekState): void {
  const { current, previous, revokedAt } = state
  const times = (k: CekTimes): CekTimes => ({ issueAt: k.issueAt, expiresAt: k.expiresAt })
  e.cek = {
    ...(current ? { current: times(current) } : {}),
    ...(previous ? { previous: times(previous) } : {}),
    ...(revokedAt !== undefined ? { revokedAt } : {}),
  }
}
