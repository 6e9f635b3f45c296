/** A ticket is one pending request a resident decides in the virtual app: a login or an asynchronous task. */
import type { DCode } from '../../errors'

export type TicketKind =
  | 'login'
  | 'profile'
  | 'eme'
  | 'stepup'
  | 'signing'
  | 'pdfsigning'
  | 'anonymous-eme'
  | 'anonymous-signing'
  | 'anonymous-pdfsigning'
  /** Preview: consented data exchange from departments (features/departments). */
  | 'dataexchange'

/** `fail`: the platform fails the request (D40002 at login, D50002, D60002, D70002, D80002 in callbacks). */
export type Decision = 'approve' | 'reject' | 'cancel' | 'timeout' | 'fail'
export const DECISIONS: readonly Decision[] = ['approve', 'reject', 'cancel', 'timeout', 'fail']

export type TicketStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'timeout' | 'failed'

/** Where the resident's browser goes back to (getQR): registered redirect URI + state. */
export interface BrowserReturn {
  redirectURI: string
  state: string
  lang: Lang
  source: string
  /** Secret bound to the browser that opened the QR page (cookie), so only it receives the result. */
  binding?: string
  /** Set when decided: where the QR page sends the browser. */
  location?: string
}

/** Where the result is POSTed (authenticated tasks). */
export interface CallbackTarget {
  redirectURI: string
  state: string | undefined
  businessID: string
}

export type Lang = 'en-US' | 'zh-HK' | 'zh-CN'

export interface Ticket {
  ticketID: string
  kind: TicketKind
  clientID: string
  createdAt: number
  expiresAt: number
  status: TicketStatus
  /** Known from the access token for authenticated tasks; chosen in the app for logins and anonymous tasks. */
  residentId?: string
  scopes: string[]
  authByQR: boolean
  browser?: BrowserReturn
  callback?: CallbackTarget
  /** The decrypted initiate request (fields asked, document to sign, ...). */
  request: Record<string, unknown>
  signCode?: string
  /** Fields the resident chose to share in the app (subset of those requested); all when unset. */
  agreedFields?: string[]
  /** Outcome once decided: the D-code and, on success, the released data. */
  result?: { code: DCode; content?: Record<string, unknown> }
  decidedAt?: number
}
