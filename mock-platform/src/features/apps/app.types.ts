/** A registered online service (OSP app) as the platform knows it. */
import { schemaEnums } from '@iamsmart-sandbox/openapi/generated/sandbox-validators'
import type { CompatibilityProfile } from './compatibility'

/** The scopes an app may be granted, as the contract lists them (`ScopeName`). */
export const SCOPES = schemaEnums.ScopeName
export type Scope = (typeof SCOPES)[number]

export interface RegisteredApp {
  /** Same as clientID (the collection key). */
  id: string
  clientID: string
  clientSecret: string
  /** After a rotation with an overlap: the former secret, still accepted until `validUntil` (epoch ms). */
  previousSecret?: { secret: string; validUntil: number }
  name: string
  /** Exact-match allow-list for redirectURI (browser returns, callbacks and app links). */
  redirectURIs: string[]
  scopes: Scope[]
  /** KEK public keys as Base64 DER SPKI: key A and optional key B. */
  kekPublicKeys: { A?: string; B?: string }
  /** Which KEK wraps new CEKs. */
  activeKek: 'A' | 'B'
  /** Strict mode refuses raw (non-URL-encoded) signature headers. */
  strict: boolean
  createdAt: number
  /** The owning organisation; absent on apps stored before organisations existed (= the sandbox organisation). */
  orgId?: string
  /** When the settings or the secret last changed. */
  updatedAt?: number
  /** Which variant of the unconfirmed details the sandbox serves (compatibility.ts); absent = `evidence`. */
  compatibilityProfile?: CompatibilityProfile
  /** Order of registration within this process (ties of one clock reading); not shown. */
  seq?: number
}

/** A change to an app's settings: proposed by a creator, applied once approved. `null` removes a KEK. */
export interface AppPatch {
  name?: string
  redirectURIs?: string[]
  scopes?: string[]
  kekPublicKeys?: { A?: string | null; B?: string | null }
  activeKek?: 'A' | 'B'
  strict?: boolean
  compatibilityProfile?: CompatibilityProfile
}
export const PATCH_FIELDS = [
  'name',
  'redirectURIs',
  'scopes',
  'kekPublicKeys',
  'activeKek',
  'strict',
  'compatibilityProfile',
] as const
