/** The consent ledger's records: one consent per release of resident data, and an append-only history of events. */
import type { TicketKind } from '../tickets'

/** What produced the consent: a task kind, a direct read (`getProfiles`) or a data exchange. */
export type ConsentKind = Exclude<TicketKind, 'login'> | 'getProfiles'

export type ConsentStatus = 'active' | 'expired' | 'revoked'

export interface Consent {
  /** The consent reference (32 hex), given to the provider for data exchange. */
  id: string
  residentId: string
  clientID: string
  /** The app's name when the consent was given. */
  appName: string
  kind: ConsentKind
  /** Fields released (profile, e-ME, `signature`, `isPassed`) or data sets approved (data exchange). */
  items: string[]
  /** Data exchange: the data sets the provider asked for (the resident may approve fewer). */
  requested?: string[]
  /** The provider's stated purpose (data exchange `purpose`, e-ME `formName`/`formDesc`, signing document). */
  purpose?: string
  businessID?: string
  ticketID?: string
  validFrom: number
  /** One-off releases: the release time. Data exchange: validFrom + validityDays (the app's test clock moves it). */
  validUntil: number
  revokedAt?: number
}

export type ConsentEventType = 'granted' | 'revoked' | 'retrieved'

/** One line of the append-only history (never changed or deleted). */
export interface ConsentEvent {
  id: string
  consentRef: string
  residentId: string
  clientID: string
  type: ConsentEventType
  at: number
  /** granted: the items; retrieved: the data sets returned; revoked: none. */
  items: string[]
}

/** Whether the consent is one-off (validity ends when it is given) or lasts a period (data exchange). */
export const isOneOff = (c: Consent): boolean => c.kind !== 'dataexchange'
