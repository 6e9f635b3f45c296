/**
 * Live access tokens, per app, in as little memory as a token can take (at full speed hundreds of thousands live for
 * their 10 minutes): the token's 128 bits as the key of a typed-array table (store/expiring-tables.ts), the resident,
 * scope set and kind as small numbers and the expiry beside them (the ticket's 128 bits only for anonymous flows, in
 * a table of their own): about 70 bytes a token at the tables' load, no object per token. Bounded per app: expired tokens kept for the "expired" answer make room first; a live token is
 * never dropped (design §7).
 */
import type { Clock } from '../../clock'
import { hexKey, hexOf } from '../../store/binary-keys'
import { ExpiringTables } from '../../store/expiring-tables'
import type { Admission } from '../../store/tenant-ttl-map'
import type { TicketKind } from '../tickets'

/** What a live token stands for: every string is shared (the resident's id, the openID, one array per scope set). */
export interface StoredToken {
  clientID: string
  residentId: string
  openID: string
  scopes: string[]
  /** The ticket the code came from: kept for anonymous flows only, which read their result through it. */
  ticketID?: string
  kind: TicketKind
  expiresAt: number
}

/** Values per token: resident, scope set, kind. */
const RESIDENT = 0
const SCOPES = 1
const KIND = 2
const VALUE_WORDS = 3
/** Anonymous flows read their result through the token's ticket (tasks/anonymous-signing getResult). */
const keepsTicket = (kind: TicketKind): boolean => kind.startsWith('anonymous-')

/** Strings (or string lists) numbered once: a token holds the number. */
class Interned<T> {
  private readonly index = new Map<string, number>()
  readonly values: T[] = []
  ref(key: string, value: T): number {
    let i = this.index.get(key)
    if (i === undefined) this.index.set(key, (i = this.values.push(value) - 1))
    return i
  }
}

/** One app's residents (id and pairwise openID), numbered for its tokens; dropped with the app's last token. */
interface AppResidents {
  residents: Interned<{ residentId: string; openID: string }>
}

export class TokenStore {
  private readonly tables: ExpiringTables
  /** Token → its ticket's 128 bits, for anonymous flows' tokens only. */
  private readonly tickets: ExpiringTables
  private readonly residents = new Map<string, AppResidents>()
  private readonly scopeSets = new Interned<string[]>()
  private readonly kinds = new Interned<TicketKind>()
  private readonly key = new Uint32Array(4)

  constructor(
    private readonly clock: Clock,
    private readonly perApp: () => number,
    /** How long an expired token is kept to answer "expired" rather than "unknown". */
    graceMs: number,
  ) {
    this.tables = new ExpiringTables({
      keyWords: 4,
      valueWords: VALUE_WORDS,
      timed: true,
      spanMs: 30_000,
      keepMs: graceMs,
      onDrop: (clientID) => this.residents.delete(clientID),
    })
    this.tickets = new ExpiringTables({
      keyWords: 4,
      valueWords: 4,
      timed: false,
      spanMs: 30_000,
      keepMs: graceMs,
    })
  }

  /** Whether the app may hold one more token now (its expired ones make room first). */
  admits(clientID: string): Admission {
    const now = this.clock.now()
    const tokens = this.tables.tenant(clientID, now)
    if (!tokens) return { ok: true }
    const limit = this.perApp()
    if (tokens.size >= limit) tokens.removeExpired(now, limit - 1)
    if (tokens.size < limit) return { ok: true }
    return { ok: false, limit, retryAfterMs: Math.max(0, tokens.oldest!.first - now) }
  }

  set(token: string, stored: StoredToken): Admission {
    const admission = this.admits(stored.clientID)
    if (!admission.ok) return admission
    if (!hexKey(token, this.key)) throw new Error('access tokens are 32 hex characters')
    const tokens = this.tables.tenant(stored.clientID, this.clock.now(), true)
    const found = tokens.add(this.key, stored.expiresAt)
    const v = found.table.values
    const at = found.slot * VALUE_WORDS
    let app = this.residents.get(stored.clientID)
    if (!app) this.residents.set(stored.clientID, (app = { residents: new Interned() }))
    v[at + RESIDENT] = app.residents.ref(stored.residentId, {
      residentId: stored.residentId,
      openID: stored.openID,
    })
    v[at + SCOPES] = this.scopeSets.ref(stored.scopes.join(' '), stored.scopes)
    v[at + KIND] = this.kinds.ref(stored.kind, stored.kind)
    if (keepsTicket(stored.kind)) {
      const ticket = this.tickets
        .tenant(stored.clientID, this.clock.now(), true)
        .add(this.key, stored.expiresAt)
      if (!hexKey(stored.ticketID ?? '', ticket.table.values, ticket.slot * 4))
        throw new Error('ticket ids are 32 hex characters')
    }
    return admission
  }

  /** The app's token (expired ones within the grace included: the caller says "expired"); another app's is unknown. */
  get(clientID: string, token: string): StoredToken | undefined {
    const now = this.clock.now()
    const tokens = this.tables.tenant(clientID, now)
    if (!tokens || !hexKey(token, this.key)) return undefined
    const found = tokens.find(this.key)
    if (!found) return undefined
    const expiresAt = tokens.time(found)
    if (expiresAt + this.tables.keepMs <= now) return undefined
    const v = found.table.values
    const at = found.slot * VALUE_WORDS
    const resident = this.residents.get(clientID)!.residents.values[v[at + RESIDENT]!]!
    const kind = this.kinds.values[v[at + KIND]!]!
    const stored: StoredToken = {
      clientID,
      residentId: resident.residentId,
      openID: resident.openID,
      scopes: this.scopeSets.values[v[at + SCOPES]!]!,
      kind,
      expiresAt,
    }
    const ticket = keepsTicket(kind) ? this.tickets.tenant(clientID, now)?.find(this.key) : undefined
    if (ticket) stored.ticketID = hexOf(ticket.table.values, ticket.slot * 4)
    return stored
  }

  delete(clientID: string, token: string): boolean {
    const tokens = this.tables.tenant(clientID, this.clock.now())
    const found = tokens && hexKey(token, this.key) ? tokens.find(this.key) : undefined
    if (!found) return false
    found.table.remove(found.slot)
    return true
  }

  /** Test clock: every token of the app comes `ms` closer to its expiry. */
  shift(clientID: string, ms: number): void {
    const tokens = this.tables.tenant(clientID, this.clock.now())
    if (tokens) tokens.shift += ms
  }

  count(clientID: string): number {
    return this.tables.tenant(clientID, this.clock.now())?.size ?? 0
  }

  /** Bytes the tokens' tables take (memory probes). */
  get bytes(): number {
    return this.tables.bytes + this.tickets.bytes
  }
}
