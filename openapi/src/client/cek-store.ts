/** The client's content-key cache: getKey, unwrap with key A/B, expiry, early refresh and coalescing. */
import { bytesToHex, privateKeySpkiBase64, unwrapCek } from '../codec'
import { type IamSmartFailure, platformFailure, protocolFailure, SUCCESS_CODE } from './result'
import type { Envelope, SignedPost } from './transport'

export const GET_KEY_PATH = '/security/getKey'

/** getKey's plain-JSON `content` (reference §2.4). */
export interface CekGrant {
  secretKey: string
  pubKey: string
  issueAt: number
  expiresIn: number
}

export type KekPrivateKey = string | JsonWebKey

/** Lifetime assumed for a CEK adopted from a callback, which carries no expiry (design §5: 24 h). */
export const ADOPTED_CEK_LIFETIME_MS = 86_400_000

export type CekResult = { ok: true; cek: Uint8Array } | IamSmartFailure
export type GrantResult = { ok: true; envelope: Envelope; grant: CekGrant; cek: Uint8Array } | IamSmartFailure

interface Entry {
  cek: Uint8Array
  expiresAt: number
}

function toGrant(content: unknown): CekGrant | undefined {
  if (content === null || typeof content !== 'object') return undefined
  const c = content as Record<string, unknown>
  const issueAt = Number(c.issueAt)
  const expiresIn = Number(c.expiresIn)
  if (typeof c.secretKey !== 'string' || !Number.isFinite(issueAt) || !Number.isFinite(expiresIn))
    return undefined
  return { secretKey: c.secretKey, pubKey: typeof c.pubKey === 'string' ? c.pubKey : '', issueAt, expiresIn }
}

/**
 * Holds the current CEK. `current()` returns it while more than `refreshBeforeMs` of its life
 * remains, otherwise runs one getKey shared by every concurrent caller; if that refresh fails
 * while the old CEK has not yet expired, the old one is still used.
 */
export class CekStore {
  #entry: Entry | undefined
  #inflight: Promise<GrantResult> | undefined
  #generation = 0
  readonly #keys: { key: KekPrivateKey; spki: string }[]

  constructor(
    private readonly post: SignedPost,
    kekPrivateKeys: readonly KekPrivateKey[],
    private readonly now: () => number,
    private readonly refreshBeforeMs: number,
  ) {
    this.#keys = kekPrivateKeys.map((key) => ({ key, spki: privateKeySpkiBase64(key) }))
  }

  get keys(): readonly KekPrivateKey[] {
    return this.#keys.map((k) => k.key)
  }

  async current(): Promise<CekResult> {
    const entry = this.#entry
    if (entry && this.now() < entry.expiresAt - this.refreshBeforeMs) return { ok: true, cek: entry.cek }
    const refreshed = await this.refresh()
    if (refreshed.ok) return { ok: true, cek: refreshed.cek }
    if (entry && this.#entry === entry && this.now() < entry.expiresAt) return { ok: true, cek: entry.cek }
    return refreshed
  }

  /** The cached CEK if it has not expired, without any network call. */
  peek(): Uint8Array | undefined {
    const entry = this.#entry
    return entry && this.now() < entry.expiresAt ? entry.cek : undefined
  }

  /** Runs getKey (coalesced with any getKey already in flight) and caches the unwrapped CEK. */
  refresh(): Promise<GrantResult> {
    if (!this.#inflight) {
      const generation = this.#generation
      this.#inflight = this.#fetchGrant(generation).finally(() => {
        this.#inflight = undefined
      })
    }
    return this.#inflight
  }

  /** Drops `cek` if it is still the cached one (after the platform rejected it with D3000x). */
  invalidate(cek: Uint8Array): void {
    if (this.#entry?.cek === cek) this.#entry = undefined
  }

  /** Forgets every CEK, including one whose getKey is still in flight (revokeKey). */
  clear(): void {
    this.#entry = undefined
    this.#generation++
  }

  /** Caches a CEK received in a callback when it differs from the cached one (reference §2.5). */
  adopt(cek: Uint8Array): void {
    if (this.#entry && bytesToHex(this.#entry.cek) === bytesToHex(cek)) return
    this.#entry = { cek, expiresAt: this.now() + ADOPTED_CEK_LIFETIME_MS }
  }

  /** Unwraps `secretKey` with the configured KEKs, the ones whose SPKI equals `pubKey` first. */
  unwrap(secretKey: string, pubKey = ''): Uint8Array | undefined {
    const ordered = [...this.#keys].sort((a, b) => Number(b.spki === pubKey) - Number(a.spki === pubKey))
    for (const { key } of ordered) {
      try {
        return unwrapCek(secretKey, key)
      } catch {
        // try the next key
      }
    }
    return undefined
  }

  async #fetchGrant(generation: number): Promise<GrantResult> {
    const res = await this.post(GET_KEY_PATH, '{}')
    if (!res.ok) return res
    const { envelope, status } = res
    if (envelope.code !== SUCCESS_CODE || status < 200 || status > 299) {
      return platformFailure(envelope, status)
    }
    const grant = toGrant(envelope.content)
    if (!grant)
      return protocolFailure('D30001', 'getKey content lacks secretKey/issueAt/expiresIn', envelope.txID)
    const cek = this.unwrap(grant.secretKey, grant.pubKey)
    if (!cek)
      return protocolFailure('D30001', 'getKey secretKey could not be unwrapped with any KEK', envelope.txID)
    if (generation === this.#generation) this.#entry = { cek, expiresAt: grant.issueAt + grant.expiresIn }
    return { ok: true, envelope, grant, cek }
  }
}
