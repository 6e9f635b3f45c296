/** What the inspector needs: the services it reads, its log (one JSONL per app) and its limits. */
import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import type { AppsService } from '../apps/apps.service'
import type { Outbox } from '../callbacks/outbox'
import type { AppClock } from '../scenarios/app-clock'
import type { Scenarios } from '../scenarios/scenarios.service'
import type { KeysService } from '../security/keys.service'
import type { InspectedItem } from './inspector.types'

/** Where the inspector appends its records (one JSONL per app); memory mode has none. */
export interface InspectorLog {
  append(clientID: string, lines: string[]): Promise<void>
  /** The last `limit` lines of the app's log, oldest first. */
  tail(clientID: string, limit: number): Promise<string[]>
}

export interface InspectorOptions {
  clock: Clock
  logger: Logger
  apps: AppsService
  keys: KeysService
  scenarios: Scenarios
  appClock: AppClock
  outbox: () => Outbox
  log?: InspectorLog
  /** Records kept in memory per app (default 500). */
  tailSize?: number
  /** How long records wait before being appended to the log (default 250 ms). */
  flushMs?: number
}

/** The last `limit` records of an app's log; unreadable lines are skipped. */
export async function readLogTail(
  log: InspectorLog,
  clientID: string,
  limit: number,
): Promise<InspectedItem[]> {
  const items: InspectedItem[] = []
  for (const line of await log.tail(clientID, limit)) {
    try {
      items.push(JSON.parse(line) as InspectedItem)
    } catch {}
  }
  return items
}
