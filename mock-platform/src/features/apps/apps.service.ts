/** Registers and looks up OSP apps; validates redirect URIs, scopes and KEKs on entry. */
import { spkiBase64 } from '@iamsmart-sandbox/openapi/codec'
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { randomHex } from '../../ids'
import type { Collection } from '../../store/collection'
import { type RegisteredApp, SCOPES, type Scope } from './app.types'

export interface NewApp {
  name: string
  redirectURIs: string[]
  scopes?: string[]
  kekPublicKeys: { A?: string; B?: string } | string[]
  strict?: boolean
  clientID?: string
  clientSecret?: string
}

export class AppsService {
  constructor(
    private readonly apps: Collection<RegisteredApp>,
    private readonly clock: Clock,
  ) {}

  get(clientID: string): RegisteredApp | undefined {
    return this.apps.get(clientID)
  }

  list(): RegisteredApp[] {
    return this.apps.list()
  }

  async create(input: NewApp): Promise<RegisteredApp> {
    const problems: Record<string, string> = {}
    const name = typeof input.name === 'string' ? input.name.trim() : ''
    if (name.length < 1 || name.length > 120) problems.name = 'must be 1–120 characters'
    const redirectURIs = validateRedirectUris(input.redirectURIs, problems)
    const scopes = validateScopes(input.scopes ?? ['eidapi_auth'], problems)
    const kekPublicKeys = validateKeks(input.kekPublicKeys, problems)
    if (input.clientID !== undefined && !/^[0-9a-f]{32}$/.test(input.clientID))
      problems.clientID = 'must be 32 hex characters'
    if (input.clientID && this.apps.get(input.clientID)) problems.clientID = 'already registered'
    if (input.clientSecret !== undefined && input.clientSecret.length < 16)
      problems.clientSecret = 'must be at least 16 characters'
    if (Object.keys(problems).length > 0) {
      throw new ProblemError(422, 'Invalid app registration', 'Fix the listed fields and try again.', {
        errors: problems,
      })
    }
    const clientID = input.clientID ?? randomHex(16)
    const app: RegisteredApp = {
      id: clientID,
      clientID,
      clientSecret: input.clientSecret ?? randomHex(24),
      name,
      redirectURIs,
      scopes,
      kekPublicKeys,
      activeKek: kekPublicKeys.A ? 'A' : 'B',
      strict: input.strict ?? false,
      createdAt: this.clock.now(),
    }
    await this.apps.put(app)
    return app
  }

  /** Exact string comparison: no normalisation, no prefix match (security checklist #1). */
  isRegisteredRedirect(app: RegisteredApp, uri: string): boolean {
    return app.redirectURIs.includes(uri)
  }
}

function validateRedirectUris(value: unknown, problems: Record<string, string>): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 20) {
    problems.redirectURIs = 'must be a list of 1–20 absolute URLs'
    return []
  }
  for (const uri of value) {
    const problem = redirectUriProblem(uri)
    if (problem) {
      problems.redirectURIs = `${JSON.stringify(uri)}: ${problem}`
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
  if (u.hash) return 'must not contain a fragment'
  if (u.username || u.password) return 'must not contain user info'
  if (u.protocol === 'javascript:' || u.protocol === 'data:' || u.protocol === 'file:')
    return 'scheme not allowed'
  return undefined
}

function validateScopes(value: unknown, problems: Record<string, string>): Scope[] {
  if (!Array.isArray(value) || value.some((s) => !SCOPES.includes(s as Scope))) {
    problems.scopes = `must be a list of ${SCOPES.join(', ')}`
    return []
  }
  const set = new Set<Scope>(['eidapi_auth', ...(value as Scope[])])
  return SCOPES.filter((s) => set.has(s))
}

function validateKeks(value: unknown, problems: Record<string, string>): { A?: string; B?: string } {
  const pair = Array.isArray(value)
    ? { A: value[0], B: value[1] }
    : ((value ?? {}) as Record<string, unknown>)
  const out: { A?: string; B?: string } = {}
  for (const slot of ['A', 'B'] as const) {
    const key = pair[slot]
    if (key === undefined || key === null) continue
    try {
      if (typeof key !== 'string') throw new Error('not a string')
      out[slot] = spkiBase64(key)
    } catch {
      problems[`kekPublicKeys.${slot}`] = 'must be an RSA public key (PEM, certificate or Base64 SPKI)'
    }
  }
  if (!out.A && !out.B && !problems['kekPublicKeys.A'] && !problems['kekPublicKeys.B']) {
    problems.kekPublicKeys = 'register at least one KEK public key (key A)'
  }
  return out
}
