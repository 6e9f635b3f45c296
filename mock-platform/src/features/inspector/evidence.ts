/** The CEK facts the inspector adds to a failed call's evidence when it answered D30002/D30004 (times only, no key bytes). */
import type { CallRecord, CekTimes } from '../../protocol/call-record'
import type { KeysService } from '../security'

export function addCekFacts(keys: KeysService, record: CallRecord): void {
  const e = record.evidence
  if (!e || !record.clientID || (record.code !== 'D30002' && record.code !== 'D30004')) return
  const { current, previous, revokedAt } = keys.inspect(record.clientID)
  const times = (k: CekTimes): CekTimes => ({ issueAt: k.issueAt, expiresAt: k.expiresAt })
  e.cek = {
    ...(current ? { current: times(current) } : {}),
    ...(previous ? { previous: times(previous) } : {}),
    ...(revokedAt !== undefined ? { revokedAt } : {}),
  }
}
