/** Validation of app settings on entry (registration and change requests): every problem named by its field. */
import { spkiBase64 } from '@iamsmart-sandbox/openapi/codec'
import { isIP } from 'node:net'
import { ProblemError } from '../../errors'
import { addressProblem } from '../../http/address-guard'
import { COMPATIBILITY_PROFILES, isProfile } from './compatibility'
import { type AppPatch, PATCH_FIELDS, type RegisteredApp, SCOPES, type Scope } from './app.types'

export type Problems = Record<string, string>

export const PROFILE_PROBLEM = `must be one of ${COMPATIBILITY_PROFILES.join(', ')}`

export function throwIfInvalid(problems: Problems, title = 'Invalid app registration'): void {
  if (Object.keys(problems).length > 0)
    throw new ProblemError(422, title, 'Fix the listed fields and try again.', { errors: problems })
}

export function validateName(value: unknown, problems: Problems): string {
  const name = typeof value === 'string' ? value.trim() : ''
  if (name.length < 1 || name.length > 120) problems.name = 'must be 1–120 characters'
  return name
}

/** 0–20 distinct redirect URIs, each one checked by redirectUriProblem. */
export function validateRedirectUris(value: unknown, problems: Problems): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.length > 20) {
    problems.redirectURIs = 'must be a list of at most 20 absolute URLs'
    return []
  }
  for (const [i, uri] of value.entries()) {
    const problem = redirectUriProblem(uri)
    if (problem) {
      problems.redirectURIs = `item ${i} ${JSON.stringify(uri)}: ${problem}`
      return []
    }
  }
  return [...new Set(value as string[])]
}

/** Why a redirect URI cannot be registered, or undefined when it can. App links (custom schemes) are allowed. */
export function redirectUriProblem(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.length > 2048) return 'must be a string of at most 2048 characters'
  let u: URL
  try {
    u = new URL(uri)
  } catch {
    return 'must be an absolute URL'
  }
  if (u.hash || uri.includes('#')) return 'must not contain a fragment'
  if (u.username || u.password) return 'must not contain user info'
  if (u.protocol === 'javascript:' || u.protocol === 'data:' || u.protocol === 'file:')
    return 'scheme not allowed'
  // Callbacks go to redirect URIs: an address the sandbox never calls in any mode cannot be registered (the
  // hosted-mode ranges and host names are checked when a callback is sent, since a name may move).
  const host = u.hostname.replace(/^\[|\]$/g, '')
  if ((u.protocol === 'http:' || u.protocol === 'https:') && isIP(host)) {
    const why = addressProblem(host, 'local')
    if (why) return `${host} is a ${why} address, which the sandbox never calls`
  }
  return undefined
}

export function validateScopes(value: unknown, problems: Problems): Scope[] {
  if (!Array.isArray(value) || value.some((s) => !SCOPES.includes(s as Scope))) {
    problems.scopes = `must be a list of ${SCOPES.join(', ')}`
    return []
  }
  const set = new Set<Scope>(['eidapi_auth', ...(value as Scope[])])
  return SCOPES.filter((s) => set.has(s))
}

/** One KEK as Base64 DER SPKI, from a PEM public key, a PEM or DER certificate or Base64 SPKI. */
export function validateKek(value: unknown, field: string, problems: Problems): string | undefined {
  try {
    if (typeof value !== 'string') throw new Error('not a string')
    return spkiBase64(value)
  } catch {
    problems[field] = 'must be an RSA public key (PEM, certificate or Base64 SPKI)'
    return undefined
  }
}

/** Key A and optional key B, as a pair or a list; none is allowed (getKey then answers D30001). */
export function validateKeks(value: unknown, problems: Problems): { A?: string; B?: string } {
  const pair = Array.isArray(value)
    ? { A: value[0], B: value[1] }
    : ((value ?? {}) as Record<string, unknown>)
  const out: { A?: string; B?: string } = {}
  for (const slot of ['A', 'B'] as const) {
    if (pair[slot] === undefined || pair[slot] === null) continue
    const key = validateKek(pair[slot], `kekPublicKeys.${slot}`, problems)
    if (key) out[slot] = key
  }
  return out
}

/** The app as it would be with the patch applied; 422 naming every bad field (nothing is changed here). */
export function patchedApp(app: RegisteredApp, input: unknown): { app: RegisteredApp; patch: AppPatch } {
  const problems: Problems = {}
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throwIfInvalid({ body: 'must be a JSON object with the settings to change' }, 'Invalid change')
  }
  const p = input as Record<string, unknown>
  for (const key of Object.keys(p))
    if (!(PATCH_FIELDS as readonly string[]).includes(key)) problems[key] = 'unknown field'
  const patch: AppPatch = {}
  const next: RegisteredApp = { ...app, kekPublicKeys: { ...app.kekPublicKeys } }
  if (p.name !== undefined) next.name = patch.name = validateName(p.name, problems)
  if (p.redirectURIs !== undefined)
    next.redirectURIs = patch.redirectURIs = validateRedirectUris(p.redirectURIs, problems)
  if (p.scopes !== undefined) next.scopes = validateScopes(p.scopes, problems)
  if (p.scopes !== undefined) patch.scopes = next.scopes
  if (p.strict !== undefined) {
    if (typeof p.strict !== 'boolean') problems.strict = 'must be true or false'
    else next.strict = patch.strict = p.strict
  }
  if (p.compatibilityProfile !== undefined) {
    if (!isProfile(p.compatibilityProfile)) problems.compatibilityProfile = PROFILE_PROBLEM
    else next.compatibilityProfile = patch.compatibilityProfile = p.compatibilityProfile
  }
  if (p.kekPublicKeys !== undefined) {
    const keys = (p.kekPublicKeys ?? {}) as Record<string, unknown>
    if (typeof keys !== 'object' || Array.isArray(keys))
      problems.kekPublicKeys = 'must be {"A"?: key, "B"?: key}'
    patch.kekPublicKeys = {}
    for (const slot of ['A', 'B'] as const) {
      if (!(slot in keys)) continue
      const key = keys[slot] === null ? null : validateKek(keys[slot], `kekPublicKeys.${slot}`, problems)
      if (key === undefined) continue
      patch.kekPublicKeys[slot] = key
      if (key === null) delete next.kekPublicKeys[slot]
      else next.kekPublicKeys[slot] = key
    }
  }
  if (p.activeKek !== undefined) {
    if (p.activeKek !== 'A' && p.activeKek !== 'B') problems.activeKek = 'must be "A" or "B"'
    else next.activeKek = patch.activeKek = p.activeKek
  }
  const hasAny = next.kekPublicKeys.A !== undefined || next.kekPublicKeys.B !== undefined
  const active = next.activeKek
  if (patch.activeKek && !next.kekPublicKeys[active]) problems.activeKek = `key ${active} is not registered`
  else if (hasAny && !next.kekPublicKeys[active] && !problems.activeKek && !problems.kekPublicKeys) {
    if (app.kekPublicKeys[active])
      problems[`kekPublicKeys.${active}`] = 'is the active key: activate the other key before removing it'
    else next.activeKek = active === 'A' ? 'B' : 'A'
  }
  if (!hasAny) next.activeKek = 'A'
  if (Object.keys(patch).length === 0 && Object.keys(problems).length === 0)
    problems.body = `name at least one of ${PATCH_FIELDS.join(', ')}`
  throwIfInvalid(problems, 'Invalid change')
  return { app: next, patch }
}
