/** What the virtual app remembers of the requests a resident decided (its history page). */
import type { Ticket } from '../tickets'

export interface HistoryEntry {
  ticketID: string
  residentId: string
  serviceName: string
  kind: Ticket['kind']
  status: Ticket['status']
  fields: string[]
  at: number
}
