/** What the inspector needs: the services it reads, its request log (one partition per app) and its limits. */
import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import type { AppsService } from '../apps'
import type { Outbox } from '../callbacks'
import type { AppClock, Scenarios } from '../scenarios'
import type { Keys } from '../security'
import type { RecordLog } from '../../store/record-log'
import type { InspectedItem } from './inspector.types'

export interface InspectorOptions {
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: Keys
  scenarios: Scenarios
  appClock: AppClock
  outbox: () => Outbox
  /** The request log: one partition per app (segments of JSON lines in lowdb mode, memory otherwise). */
  log: RecordLog<InspectedItem>
  /** Records kept in memory per app (default 500). */
  tailSize?: number
  /** Calls waiting to be built and written, all apps together; beyond it observe() makes the caller wait. */
  queueMax?: number
  /**
   * Every observe() resolves only once its record is in the request log, so no answered call is missing from it even
   * when the process is killed (hosted mode: the programme's log of record). Records still go in groups (one INSERT).
   */
  answerAfterWrite?: boolean
}
