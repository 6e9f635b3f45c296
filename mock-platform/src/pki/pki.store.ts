/** What the mock PKI keeps (CA keys, issued certificates, revocations) and the in-memory store for tests and MSW. */
import { generateKeyMaterial, type KeyMaterial, processKeyMaterial } from './keys'

export interface Authority {
  key: KeyMaterial
  cert: Uint8Array
}

/** One issued iAM Smart-Cert: the current one of a resident, or an older (revoked or superseded) one. */
export interface LeafRecord {
  residentId: string
  /** Lower-case hex of the positive serial number. */
  serial: string
  cert: Uint8Array
  key: KeyMaterial
  issuedAt: number
  notAfter: number
  revokedAt?: number
}

export interface PkiState {
  root: Authority
  ca: Authority
  leaves: LeafRecord[]
  /** The number of the last CRL issued (RFC 5280 cRLNumber, monotonic). */
  crlNumber: number
}

export interface PkiStore {
  load(): Promise<PkiState | undefined>
  /** Resolves once durable (on disk for the file store). */
  save(state: PkiState): Promise<void>
  /** A new RSA-2048 key pair for `label` ('root', 'ca', 'leaf:<residentId>:<n>'). */
  newKey(label: string): Promise<KeyMaterial>
  /** Where the keys live, for logs. */
  readonly location: string
}

/**
 * Memory: nothing survives the process. Keys come from a per-process cache by label so that each test's platform
 * gets its CA in milliseconds; every platform still signs its own certificates, serials and CRLs.
 */
export function memoryPkiStore(o: { shareKeys?: boolean } = {}): PkiStore {
  let state: PkiState | undefined
  const share = o.shareKeys ?? true
  return {
    location: 'memory',
    async load() {
      return state
    },
    async save(s) {
      state = s
    },
    newKey: (label) => (share ? processKeyMaterial(label) : generateKeyMaterial()),
  }
}
