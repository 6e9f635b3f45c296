/**
 * CEKs in SharedState (PostgreSQL in the hosted mode): a CEK from getKey on instance A opens a request on instance B.
 * One value per app under kind `cek` — its current, previous and last few retired CEKs (key bytes in Base64) and when
 * it last revoked them — kept a day past its newest expiry (so the inspector can still say "expired" or "revoked").
 *
 * Every change is a read-modify-write by compare-and-set (SharedState.swap): a writer that lost the race reads again
 * and applies its change on top. Two instances issuing at once both succeed, as if one getKey followed the other:
 * the CEK written last is current, the other previous (both open requests); a third concurrent one rotates the
 * oldest out, exactly as three getKey calls in a row on one instance. The test clock moves the stored expiries (as
 * the embedded engine does), so every instance sees the move.
 */
import { base64ToBytes, bytesToBase64, wrapCek } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import type { SharedState } from '../../store/shared-state'
import type { RegisteredApp } from '../apps'
import { activeKek, type Cek, type CekState, type IssuedKey, type Keys, MAX_RETIRED } from './keys.service'

const KIND = 'cek'
/** How long an app's CEK record outlives its newest CEK (diagnosis of "expired" and "revoked"). */
const KEPT_MS = 86_400_000
/** Compare-and-set rounds before giving up (each lost round means another instance changed this app's CEKs). */
const MAX_ROUNDS = 50

interface StoredCek {
  key: string
  issueAt: number
  expiresAt: number
}

interface StoredSlot {
  current?: StoredCek
  previous?: StoredCek
  /** Rotated out or revoked, newest first. */
  retired?: StoredCek[]
  revokedAt?: number
}

const toCek = (k: StoredCek): Cek => ({
  key: base64ToBytes(k.key),
  issueAt: k.issueAt,
  expiresAt: k.expiresAt,
})
const present = <T>(k: T | undefined): k is T => k !== undefined

export class SharedKeysService implements Keys {
  constructor(
    private readonly shared: SharedState,
    private readonly clock: Clock,
    private readonly ttlMs: () => number,
  ) {}

  async issue(app: RegisteredApp): Promise<IssuedKey> {
    return (await this.issued(app)).issued
  }

  async revoke(clientID: string): Promise<void> {
    await this.update(clientID, (slot, now) => ({
      retired: retire(slot, [slot?.current, slot?.previous].filter(present)),
      revokedAt: now,
    }))
  }

  async expire(clientID: string): Promise<void> {
    await this.update(clientID, (slot, now) => slot && moved(slot, (k) => ({ ...k, expiresAt: now })))
  }

  async shift(clientID: string, ms: number): Promise<void> {
    await this.update(clientID, (slot) => slot && moved(slot, (k) => ({ ...k, expiresAt: k.expiresAt - ms })))
  }

  async inspect(clientID: string): Promise<CekState> {
    const slot = await this.read(clientID)
    return {
      ...(slot?.current ? { current: toCek(slot.current) } : {}),
      ...(slot?.previous ? { previous: toCek(slot.previous) } : {}),
      ...(slot?.revokedAt !== undefined ? { revokedAt: slot.revokedAt } : {}),
    }
  }

  /** A bounded scan of the apps' records (at most `limit` apps, each with its current and previous CEK). */
  async all(limit: number): Promise<Array<[string, Cek]>> {
    const rows = await this.shared.list<StoredSlot>(KIND, this.clock.now(), limit)
    return rows
      .flatMap(([clientID, slot]) =>
        [slot.current, slot.previous].filter(present).map((k): [string, Cek] => [clientID, toCek(k)]),
      )
      .slice(0, limit)
  }

  async stale(clientID: string): Promise<Cek[]> {
    const slot = await this.read(clientID)
    const now = this.clock.now()
    const expired = [slot?.current, slot?.previous].filter((k) => k !== undefined && k.expiresAt <= now)
    return [...expired, ...(slot?.retired ?? [])].filter(present).map(toCek)
  }

  async retiredOf(clientID: string): Promise<readonly Cek[]> {
    return ((await this.read(clientID))?.retired ?? []).map(toCek)
  }

  async candidates(clientID: string): Promise<Cek[]> {
    return valid(await this.read(clientID), this.clock.now())
  }

  async forCallback(app: RegisteredApp): Promise<{ cek: Uint8Array; secretKey: string }> {
    const current = (await this.candidates(app.clientID))[0]
    if (current) return { cek: current.key, secretKey: wrapCek(current.key, activeKek(app)) }
    const { cek, issued } = await this.issued(app)
    return { cek, secretKey: issued.secretKey }
  }

  private async issued(app: RegisteredApp): Promise<{ cek: Uint8Array; issued: IssuedKey }> {
    const kek = activeKek(app)
    const expiresIn = this.ttlMs()
    let made: { cek: Uint8Array; issueAt: number } | undefined
    await this.update(app.clientID, (slot, now) => {
      const key = new Uint8Array(32)
      crypto.getRandomValues(key)
      made = { cek: key, issueAt: now }
      return {
        current: { key: bytesToBase64(key), issueAt: now, expiresAt: now + expiresIn },
        ...(slot?.current ? { previous: slot.current } : {}),
        retired: retire(slot, [slot?.previous].filter(present)),
      }
    })
    const { cek, issueAt } = made!
    return { cek, issued: { secretKey: wrapCek(cek, kek), pubKey: kek, issueAt, expiresIn } }
  }

  private read(clientID: string): Promise<StoredSlot | undefined> {
    return this.shared.get<StoredSlot>(KIND, clientID, this.clock.now())
  }

  /** Applies `change` to the app's record by compare-and-set, again on the newer record when another writer won. */
  private async update(
    clientID: string,
    change: (slot: StoredSlot | undefined, now: number) => StoredSlot | undefined,
  ): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = this.clock.now()
      const before = await this.shared.get<StoredSlot>(KIND, clientID, now)
      const after = change(before, now)
      if (after === undefined) return
      if (await this.shared.swap(KIND, clientID, clientID, before, after, keptUntil(after, now), now)) return
    }
    throw new Error(`the CEKs of ${clientID} kept changing under ${MAX_ROUNDS} attempts to update them`)
  }
}

function valid(slot: StoredSlot | undefined, now: number): Cek[] {
  return [slot?.current, slot?.previous]
    .filter((k): k is StoredCek => k !== undefined && k.expiresAt > now)
    .map(toCek)
}

function retire(slot: StoredSlot | undefined, keys: StoredCek[]): StoredCek[] {
  return [...keys, ...(slot?.retired ?? [])].slice(0, MAX_RETIRED)
}

function moved(slot: StoredSlot, f: (k: StoredCek) => StoredCek): StoredSlot {
  return {
    ...slot,
    ...(slot.current ? { current: f(slot.current) } : {}),
    ...(slot.previous ? { previous: f(slot.previous) } : {}),
  }
}

function keptUntil(slot: StoredSlot, now: number): number {
  const newest = Math.max(
    now,
    slot.current?.expiresAt ?? 0,
    slot.previous?.expiresAt ?? 0,
    slot.revokedAt ?? 0,
  )
  return newest + KEPT_MS
}
