/** A registered online service (OSP app) as the platform knows it. */

export const SCOPES = [
  'eidapi_auth',
  'eidapi_profiles',
  'eidapi_formFilling',
  'eidapi_sign',
  'eidapi_fr',
  'eidapi_bulksign',
] as const
export type Scope = (typeof SCOPES)[number]

export interface RegisteredApp {
  /** Same as clientID (the collection key). */
  id: string
  clientID: string
  clientSecret: string
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
}
