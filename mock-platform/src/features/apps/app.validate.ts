/**
 * Validation of app settings on entry (registration and change requests): every problem named by its field. What the
 * contract states (`AppCreateRequest`, `AppPatch`: types, lengths, enums, list limits, unknown fields) is checked by
 * it (contractProblems, decision 0017); the rules below are what it cannot state, each saying why it stays.
 */
import { spkiBase64 } from '@iamsmart-sandbox/openapi/codec'
import { isIP } from 'node:net'
import { ProblemError } from '../../errors'
import { addressProblem } from '../../http/address-guard'
import { contractProblems } from '../../http/contract-validator'
import { COMPATIBILITY_PROFILES, isProfile } from './compatibility'
import { type AppPatch, PATCH_FIELDS, type RegisteredApp, SCOPES, type Scope } from './app.types'

export type Problems = Record<string, string>

export const PROFILE_PROBLEM = `must be one of ${COMPATIBILITY_PROFILES.join(', ')}`

export function throwIfInvalid(problems: Problems, title = 'Invalid app registration'): void {
  if (Object.keys(problems).length > 0)
    throw new ProblemError(422, title, 'Fix the listed fields and try again.', { errors: problems })
}

/**
 * The contract's problems with a registration (`AppCreateRequest`). `orgId` is left to the route (an organisation
 * that exists, else 404; the seed API's may be any id). A list of keys (`[A, B]`, the seed API's `NewApp` form) is
 * read as the pair; a problem of a list's item is named by its list, as the console shows it.
 */
export function createAppProblems(input: unknown): Problems {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    return byList(contractProblems('sandbox', 'createApp', input), input)
  const { orgId: _route, ...body } = input as Record<string, unknown>
  const keks = body.kekPublicKeys
  if (Array.isArray(keks)) body.kekPublicKeys = { A: keks[0], B: keks[1] }
  return byList(contractProblems('sandbox', 'createApp', body), body)
}

/** `redirectURIs[1]: must …` as `redirectURIs: item 1 "…": must …`, the form the console shows by its field. */
function byList(problems: Problems, body: unknown): Problems {
  const out: Problems = {}
  for (const [key, problem] of Object.entries(problems)) {
    const item = /^(\w+)\[(\d+)\]$/.exec(key)
    if (!item) out[key] ??= problem
    else {
      const value = (body as Record<string, unknown[]>)[item[1]!]?.[Number(item[2])]
      out[item[1]!] ??= `item ${item[2]} ${JSON.stringify(value)}: ${problem}`
    }
  }
  return out
}

/** Trimmed, 1–120 characters. By hand: the contract counts the name as sent, so it cannot refuse a blank one. */
export function validateName(value: unknown, problems: Problems): string {
  const name = typeof value === 'string' ? value.trim() : ''
  if (name.length < 1 || name.length > 120) problems.name ??= 'must be 1–120 characters'
  return name
}

/**
 * Each redirect URI checked by redirectUriProblem (the contract's `RedirectUriList` states the list: at most 20,
 * distinct strings of 1–2048 characters; what makes a string a URI that may be registered it cannot state).
 */
export function validateRedirectUris(value: unknown, problems: Problems): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problems.redirectURIs ??= 'must be a list'
    return []
  }
  for (const [i, uri] of value.entries()) {
    const problem = redirectUriProblem(uri)
    if (problem) {
      problems.redirectURIs ??= `item ${i} ${JSON.stringify(uri)}: ${problem}`
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

/** The scopes granted: `eidapi_auth` added, in the contract's order (the names themselves are the contract's). */
export function validateScopes(value: unknown, problems: Problems): Scope[] {
  if (!Array.isArray(value) || value.some((s) => !SCOPES.includes(s as Scope))) {
    problems.scopes ??= `must be a list of ${SCOPES.join(', ')}`
    return []
  }
  const set = new Set<Scope>(['eidapi_auth', ...(value as Scope[])])
  return SCOPES.filter((s) => set.has(s))
}

/**
 * One KEK as Base64 DER SPKI, from a PEM public key, a PEM or DER certificate or Base64 SPKI. By hand: the contract
 * says `PublicKeyText` is a string of 1–16384 characters; only parsing it tells an RSA public key.
 */
export function validateKek(value: unknown, field: string, problems: Problems): string | undefined {
  try {
    if (typeof value !== 'string') throw new Error('not a string')
    return spkiBase64(value)
  } catch {
    problems[field] ??= 'must be an RSA public key (PEM, certificate or Base64 SPKI)'
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

/**
 * The app as it would be with the patch applied; 422 naming every bad field (nothing is changed here). The patch is
 * checked by the contract (`AppPatch`: the fields, their types, lengths and enums), then by the rules it cannot
 * state: a parsed KEK, a redirect URI that may be registered, and the slots taken together (the active key must be
 * registered, and stays). Run again when a change is approved, on the settings as they are then.
 */
export function patchedApp(app: RegisteredApp, input: unknown): { app: RegisteredApp; patch: AppPatch } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throwIfInvalid({ body: 'must be a JSON object with the settings to change' }, 'Invalid change')
  }
  const p = input as Record<string, unknown>
  const problems: Problems = byList(contractProblems('sandbox', 'updateApp', p), p)
  // The contract's "at least one field" (minProperties), said with the fields to choose from.
  if (problems.body !== undefined && Object.keys(p).length === 0)
    problems.body = `name at least one of ${PATCH_FIELDS.join(', ')}`
  const patch: AppPatch = {}
  const next: RegisteredApp = { ...app, kekPublicKeys: { ...app.kekPublicKeys } }
  if (p.name !== undefined) next.name = patch.name = validateName(p.name, problems)
  if (p.redirectURIs !== undefined)
    next.redirectURIs = patch.redirectURIs = validateRedirectUris(p.redirectURIs, problems)
  if (p.scopes !== undefined) next.scopes = validateScopes(p.scopes, problems)
  if (p.scopes !== undefined) patch.scopes = next.scopes
  if (typeof p.strict === 'boolean') next.strict = patch.strict = p.strict
  if (isProfile(p.compatibilityProfile))
    next.compatibilityProfile = patch.compatibilityProfile = p.compatibilityProfile
  if (p.kekPublicKeys !== undefined && !problems.kekPublicKeys) {
    const keys = p.kekPublicKeys as Record<string, unknown>
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
  if (p.activeKek === 'A' || p.activeKek === 'B') next.activeKek = patch.activeKek = p.activeKek
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
