/**
 * Codes already exchanged → the token each produced, per app, so a replayed code revokes its token (checklist #14):
 * 128 bits of code and 128 of token in a typed-array table per 10 s of expiry (store/expiring-tables.ts), about 40
 * bytes a code. Bounded by the app's tokens: one entry per token issued, kept for less time than a token lives.
 */
import type { Clock } from '../../clock'
import { hexKey, hexOf } from '../../store/binary-keys'
import { ExpiringTables } from '../../store/expiring-tables'

export class RedeemedCodes {
  private readonly tables = new ExpiringTables({ keyWords: 4, valueWords: 4, timed: false, spanMs: 10_000 })
  private readonly key = new Uint32Array(4)

  constructor(private readonly clock: Clock) {}

  /** Remembers that `code` of the app produced `accessToken`, for `ttlMs`. */
  add(clientID: string, code: string, accessToken: string, ttlMs: number): void {
    const now = this.clock.now()
    if (!hexKey(code, this.key)) return // only codes this platform issued are ever redeemed
    const found = this.tables.tenant(clientID, now, true).add(this.key, now + ttlMs)
    hexKey(accessToken, found.table.values, found.slot * 4)
  }

  /** The token a redeemed code of this app produced, forgetting the code (a second replay finds nothing). */
  take(clientID: string, code: string): string | undefined {
    const codes = this.tables.tenant(clientID, this.clock.now())
    const found = codes && hexKey(code, this.key) ? codes.find(this.key) : undefined
    if (!found) return undefined
    found.table.remove(found.slot)
    return hexOf(found.table.values, found.slot * 4)
  }

  /** Bytes the codes' tables take (memory probes). */
  get bytes(): number {
    return this.tables.bytes
  }
}
