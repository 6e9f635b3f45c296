/** What every diagnosis file shares: the context of one call, the shape of a diagnosis, how times and durations read. */
import type { CallRecord } from '../../protocol/call-record'
import type { RegisteredApp } from '../apps'
import type { Scenarios } from '../scenarios'
import type { Keys } from '../security'
import { type Diagnosis, type InspectedCall, TROUBLESHOOTING } from './inspector.types'

export interface DiagnosisContext {
  record: CallRecord
  /** The call as the inspector shows it (request/response already masked). */
  view: InspectedCall
  app: RegisteredApp | undefined
  keys: Keys
  scenarios: Scenarios
  /** The app's test clock offset now. */
  clockOffsetMs: number
  /** Finds the newest earlier call of this app matching `test` (the inspector's tail). */
  earlier(test: (c: InspectedCall) => boolean): InspectedCall | undefined
}

export function diagnosis(
  id: string,
  severity: Diagnosis['severity'],
  title: string,
  detail: string,
  fix: string,
): Diagnosis {
  return { id, severity, title, detail, fix, link: `${TROUBLESHOOTING}#${id}` }
}

export const iso = (ms: number): string => new Date(ms).toISOString()

export function describeDuration(ms: number): string {
  const abs = Math.abs(ms)
  if (abs < 1000) return `${Math.round(abs)} ms`
  if (abs < 120_000) return `${Math.round(abs / 1000)} s`
  if (abs < 7_200_000) return `${Math.round(abs / 60_000)} minutes`
  if (abs < 172_800_000) return `${Math.round(abs / 3_600_000)} hours`
  return `${Math.round(abs / 86_400_000)} days`
}
