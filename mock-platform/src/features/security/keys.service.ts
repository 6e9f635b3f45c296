/**
 * Content encryption keys: getKey issues a fresh CEK wrapped with the app's KEK; current + previous stay valid until
 * expiry. `Keys` is the port every caller works over; `KeysService` its embedded engine (this process's memory,
 * synchronous), keys.shared.ts the hosted one over SharedState (a CEK from getKey on one instance opens on any).
 */
import { wrapCek } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import { PlatformError } from '../../errors'
import type { RegisteredApp } from '../apps'

export interface Cek {
  key: Uint8Array
  issueAt: number
  expiresAt: number
}

interface Slot {
  current?: Cek
  previous?: Cek
}

export interface IssuedKey {
  secretKey: string
  pubKey: string
  issueAt: number
  expiresIn: number
}

/** Synchronous in the embedded engine (the signed call's hot path stays so), a promise in the hosted one. */
export type Maybe<T> = T | Promise<T>

/** An app's CEKs as the request inspector reads them. */
export interface CekState {
  current?: Cek
  previous?: Cek
  revokedAt?: number
}

export interface Keys {
  /** getKey: a new CEK each call; the old current becomes previous. */
  issue(app: RegisteredApp): Maybe<IssuedKey>
  /** revokeKey: the current and previous CEK stop existing. */
  revoke(clientID: string): Maybe<void>
  /** Marks every CEK of the app expired (scenario "force CEK expiry"). */
  expire(clientID: string): Maybe<void>
  /** Test clock: moves the app's CEKs `ms` closer to their expiry. */
  shift(clientID: string, ms: number): Maybe<void>
  /** The app's CEKs, expired ones included, and when it last revoked them (diagnosis of D30002/D30004). */
  inspect(clientID: string): Maybe<CekState>
  /** Every app's CEKs, at most `limit` (diagnosis: was a content encrypted with another app's CEK?). */
  all(limit: number): Maybe<Iterable<[string, Cek]>>
  /** CEKs of the app that expired or no longer exist (content opening with one answers D30002, not D30004). */
  stale(clientID: string): Maybe<Cek[]>
  /** The app's rotated-out and revoked CEKs, newest first (request inspector). */
  retiredOf(clientID: string): Maybe<readonly Cek[]>
  /** Valid CEKs to try for decryption, newest first. */
  candidates(clientID: string): Maybe<Cek[]>
  /** The CEK for a callback: the current one when still valid, else a new one. Returns it wrapped for the app. */
  forCallback(app: RegisteredApp): Maybe<{ cek: Uint8Array; secretKey: string }>
}

export class KeysService implements Keys {
  private readonly slots = new Map<string, Slot>()
  /** When each app last called revokeKey (for the request inspector's diagnosis). */
  private readonly revokedAt = new Map<string, number>()
  /** Each app's last few CEKs that no longer exist (rotated out by getKey, or revoked), newest first. */
  private readonly retired = new Map<string, Cek[]>()
  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: () => number,
  ) {}

  /** getKey: a new CEK each call; the old current becomes previous. */
  issue(app: RegisteredApp): IssuedKey {
    const kek = activeKek(app)
    const key = new Uint8Array(32)
    crypto.getRandomValues(key)
    const issueAt = this.clock.now()
    const expiresIn = this.ttlMs()
    const slot = this.slots.get(app.clientID) ?? {}
    if (slot.previous) this.retire(app.clientID, [slot.previous])
    this.revokedAt.delete(app.clientID)
    this.slots.set(app.clientID, {
      current: { key, issueAt, expiresAt: issueAt + expiresIn },
      previous: slot.current,
    })
    return { secretKey: wrapCek(key, kek), pubKey: kek, issueAt, expiresIn }
  }

  revoke(clientID: string): void {
    const slot = this.slots.get(clientID)
    this.retire(
      clientID,
      [slot?.current, slot?.previous].filter((k): k is Cek => k !== undefined),
    )
    this.slots.delete(clientID)
    this.revokedAt.set(clientID, this.clock.now())
  }

  /** Marks every CEK of the app expired (scenario "force CEK expiry"). */
  expire(clientID: string): void {
    const slot = this.slots.get(clientID)
    const now = this.clock.now()
    if (slot?.current) slot.current.expiresAt = now
    if (slot?.previous) slot.previous.expiresAt = now
  }

  // --- scenarios, test clock and request inspector hooks ---

  /** Test clock: moves the app's CEKs `ms` closer to their expiry. */
  shift(clientID: string, ms: number): void {
    const slot = this.slots.get(clientID)
    if (slot?.current) slot.current.expiresAt -= ms
    if (slot?.previous) slot.previous.expiresAt -= ms
  }

  /** The app's CEKs, expired ones included, and when it last revoked them (diagnosis of D30002/D30004). */
  inspect(clientID: string): CekState {
    const slot = this.slots.get(clientID)
    const revokedAt = this.revokedAt.get(clientID)
    return { ...slot, ...(revokedAt !== undefined ? { revokedAt } : {}) }
  }

  /** Every app's CEKs (diagnosis: was a content encrypted with another app's CEK?). */
  *all(limit = Infinity): Iterable<[string, Cek]> {
    let n = 0
    for (const [clientID, slot] of this.slots) {
      for (const k of [slot.current, slot.previous]) {
        if (!k) continue
        if (n++ >= limit) return
        yield [clientID, k]
      }
    }
  }

  /**
   * CEKs of the app that no longer exist or expired: its expired current/previous and the last few rotated out or
   * revoked. Content that opens with one of them answers D30002 (not D30004), as the sample's retry logic expects.
   */
  stale(clientID: string): Cek[] {
    const slot = this.slots.get(clientID)
    const now = this.clock.now()
    const expired = [slot?.current, slot?.previous].filter(
      (k): k is Cek => k !== undefined && k.expiresAt <= now,
    )
    return [...expired, ...(this.retired.get(clientID) ?? [])]
  }

  /** The app's rotated-out and revoked CEKs, newest first (request inspector). */
  retiredOf(clientID: string): readonly Cek[] {
    return this.retired.get(clientID) ?? []
  }

  private retire(clientID: string, keys: Cek[]): void {
    if (keys.length === 0) return
    this.retired.set(clientID, [...keys, ...(this.retired.get(clientID) ?? [])].slice(0, MAX_RETIRED))
  }

  /** Valid CEKs to try for decryption, newest first. */
  candidates(clientID: string): Cek[] {
    const slot = this.slots.get(clientID)
    const now = this.clock.now()
    return [slot?.current, slot?.previous].filter((k): k is Cek => k !== undefined && k.expiresAt > now)
  }

  /** The CEK for a callback: the current one when still valid, else a new one. Returns it wrapped for the app. */
  forCallback(app: RegisteredApp): { cek: Uint8Array; secretKey: string } {
    const current = this.candidates(app.clientID)[0]
    if (current) return { cek: current.key, secretKey: wrapCek(current.key, activeKek(app)) }
    const issued = this.issue(app)
    const cek = this.candidates(app.clientID)[0]!
    return { cek: cek.key, secretKey: issued.secretKey }
  }
}

/** How many rotated-out CEKs are remembered per app (only to answer D30002 rather than D30004). */
export const MAX_RETIRED = 4

export function activeKek(app: RegisteredApp): string {
  const kek = app.kekPublicKeys[app.activeKek] ?? app.kekPublicKeys.A ?? app.kekPublicKeys.B
  if (!kek) throw new PlatformError('D30001', 'no KEK public key is registered for this app')
  return kek
}
