/** osp-web's data: local accounts linked by openID, requests in flight, signed documents, a timeline per session. */
import type { PreparedPdf } from '@iamsmart-sandbox/openapi/signing'

export interface Account {
  id: string
  /** The resident's pairwise id for this service: the link between iAM Smart and the local account. */
  openID: string
  name: string
  createdAt: number
  lastLoginAt: number
  logins: number
}

export interface Task {
  businessID: string
  state: string
  kind: 'eme' | 'pdfsigning'
  sessionId: string
  ticketID: string
  authByQR: boolean
  signCode?: string
  /** PDF signing: the exact bytes the signature will fit. */
  prepared?: PreparedPdf
  status: 'waiting' | 'done' | 'failed'
  code?: string
  documentId?: string
}

export interface StoredDocument {
  id: string
  name: string
  bytes: Uint8Array
  sessionId: string
  signedAt: number
}

export interface TimelineEntry {
  at: number
  /** A platform call made by the client, or something the service did. */
  kind: 'call' | 'event'
  title: string
  code?: string
  txID?: string
  detail?: string
}

export const newId = (): string => crypto.randomUUID().replace(/-/g, '')

/** In memory: a real service keeps these in its database. */
export class OspStore {
  readonly accounts = new Map<string, Account>()
  readonly tasks = new Map<string, Task>()
  readonly documents = new Map<string, StoredDocument>()
  readonly #timelines = new Map<string, TimelineEntry[]>()

  /** First login creates the local account; later logins find it by openID. */
  linkAccount(openID: string, name: string, now: number): { account: Account; created: boolean } {
    const existing = this.accounts.get(openID)
    if (existing) {
      Object.assign(existing, { name, lastLoginAt: now, logins: existing.logins + 1 })
      return { account: existing, created: false }
    }
    const account = {
      id: `ACC-${newId().slice(0, 8).toUpperCase()}`,
      openID,
      name,
      createdAt: now,
      lastLoginAt: now,
      logins: 1,
    }
    this.accounts.set(openID, account)
    return { account, created: true }
  }

  taskOfState(sessionId: string, state: string): Task | undefined {
    return [...this.tasks.values()].find((t) => t.sessionId === sessionId && t.state === state)
  }

  timeline(sessionId: string): TimelineEntry[] {
    return this.#timelines.get(sessionId) ?? []
  }

  log(sessionId: string, entry: Omit<TimelineEntry, 'at'>, at = Date.now()): void {
    const list = this.#timelines.get(sessionId) ?? []
    list.push({ at, ...entry })
    if (list.length > 200) list.shift()
    this.#timelines.set(sessionId, list)
  }
}
