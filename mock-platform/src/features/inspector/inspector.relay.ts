/**
 * Hosted mode: the inspector's tail across instances. Each instance announces the txIDs it wrote to the shared request
 * log on the events channel `inspector`; the others read those records from the log and adopt them into the tails
 * they hold and their live subscribers (an app whose tail an instance has not read yet is skipped: its first read
 * comes from the log). A gap in events (a lost database connection) makes every tail re-read the log.
 */
import { EVENT_PAYLOAD_MAX, type Events } from '../../store/events'
import type { RecordLog } from '../../store/record-log'
import type { Inspector } from './inspector.service'
import type { InspectedItem } from './inspector.types'

interface Announcement {
  from: string
  clientID: string
  ids: string[]
}

const CHANNEL = 'inspector'
/** txIDs are 32 characters; this many fit one NOTIFY with room to spare. */
const IDS_PER_EVENT = Math.floor((EVENT_PAYLOAD_MAX - 300) / 40)

export function relayInspector(
  inspector: Inspector,
  events: Events,
  log: RecordLog<InspectedItem>,
  instanceId: string,
): () => void {
  const offEvents = events.subscribe(CHANNEL, (payload) => {
    const a = JSON.parse(payload) as Announcement
    if (a.from === instanceId || !inspector.holds(a.clientID)) return
    const wanted = new Set(a.ids)
    void log
      .read(a.clientID, { limit: wanted.size, filter: (i) => wanted.has(i.txID), scan: 10_000 })
      .then((items) => inspector.adopt(a.clientID, items.reverse()))
      .catch(() => inspector.rehydrate())
  })
  const offWritten = inspector.onWritten((clientID, items) => {
    for (let i = 0; i < items.length; i += IDS_PER_EVENT) {
      const ids = items.slice(i, i + IDS_PER_EVENT).map((x) => x.txID)
      const a: Announcement = { from: instanceId, clientID, ids }
      void events.publish(CHANNEL, JSON.stringify(a)).catch(() => {})
    }
  })
  const offGap = events.onGap(() => inspector.rehydrate())
  return () => {
    offEvents()
    offWritten()
    offGap()
  }
}
