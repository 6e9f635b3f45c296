/** Registers and looks up OSP apps, applies approved setting changes and rotates client secrets. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { randomHex } from '../../ids'
import type { Collection } from '../../store/collection'
import { SANDBOX_ORG_ID } from '../orgs'
import type { RegisteredApp } from './app.types'
import { type CompatibilityProfile, isProfile } from './compatibility'
import {
  createAppProblems,
  PROFILE_PROBLEM,
  type Problems,
  throwIfInvalid,
  validateKeks,
  validateName,
  validateRedirectUris,
  validateScopes,
} from './app.validate'

export { redirectUriProblem } from './app.validate'

export interface NewApp {
  name: string
  redirectURIs?: string[]
  scopes?: string[]
  kekPublicKeys?: { A?: string; B?: string } | string[]
  strict?: boolean
  /** Compatibility profile (default `evidence`). */
  compatibilityProfile?: CompatibilityProfile
  clientID?: string
  clientSecret?: string
  /** The owning organisation; the built-in sandbox organisation by default. */
  orgId?: string
}

export class AppsService {
  /** Apps per organisation: counted once at start, then kept on create (apps are never deleted or moved). */
  private readonly perOrg = new Map<string, number>()
  constructor(
    private readonly apps: Collection<RegisteredApp>,
    private readonly clock: Clock,
  ) {
    for (const a of apps.list()) this.perOrg.set(orgOf(a), this.countInOrg(orgOf(a)) + 1)
  }

  /** How many apps an organisation has registered. */
  countInOrg(orgId: string): number {
    return this.perOrg.get(orgId) ?? 0
  }

  get(clientID: string): RegisteredApp | undefined {
    return this.apps.get(clientID)
  }

  list(): RegisteredApp[] {
    return this.apps.list()
  }

  /** The apps of one organisation (apps stored before organisations existed belong to the sandbox one). */
  listByOrg(orgId: string): RegisteredApp[] {
    return this.apps.list().filter((a) => orgOf(a) === orgId)
  }

  /**
   * Registers an app. `limit`: the most apps its organisation may have (APPS_PER_ORG; members are limited, the
   * operator is not); at the limit, 409. Checked and counted before the write, so concurrent calls cannot pass it.
   */
  async create(input: NewApp, limit?: number): Promise<RegisteredApp> {
    const problems: Problems = createAppProblems(input)
    const name = validateName(input.name, problems)
    const redirectURIs = validateRedirectUris(input.redirectURIs, problems)
    const scopes = validateScopes(input.scopes ?? ['eidapi_auth'], problems)
    const kekPublicKeys = validateKeks(input.kekPublicKeys, problems)
    if (input.strict !== undefined && typeof input.strict !== 'boolean')
      problems.strict = 'must be true or false'
    if (input.compatibilityProfile !== undefined && !isProfile(input.compatibilityProfile))
      problems.compatibilityProfile = PROFILE_PROBLEM
    if (input.clientID !== undefined && !/^[0-9a-f]{32}$/.test(input.clientID))
      problems.clientID = 'must be 32 hex characters'
    if (input.clientID && this.apps.get(input.clientID)) problems.clientID = 'already registered'
    if (
      input.clientSecret !== undefined &&
      (typeof input.clientSecret !== 'string' || input.clientSecret.length < 16)
    )
      problems.clientSecret = 'must be at least 16 characters'
    throwIfInvalid(problems)
    const orgId = input.orgId ?? SANDBOX_ORG_ID
    const count = this.countInOrg(orgId)
    if (limit !== undefined && count >= limit)
      throw new ProblemError(
        409,
        'App limit reached',
        `Organisation "${orgId}" has ${count} apps, the most one organisation may register (${limit}). ` +
          'Reuse one of them (PATCH /sandbox/v1/apps/{clientID} changes its name, redirect URIs, scopes and keys), ' +
          'or ask the sandbox operator to raise the limit (APPS_PER_ORG).',
        { limit, count },
      )
    const clientID = input.clientID ?? randomHex(16)
    const now = this.clock.now()
    const app: RegisteredApp = {
      id: clientID,
      clientID,
      clientSecret: input.clientSecret ?? randomHex(24),
      name,
      redirectURIs,
      scopes,
      kekPublicKeys,
      activeKek: kekPublicKeys.A || !kekPublicKeys.B ? 'A' : 'B',
      strict: input.strict ?? false,
      ...(input.compatibilityProfile ? { compatibilityProfile: input.compatibilityProfile } : {}),
      createdAt: now,
      orgId,
      updatedAt: now,
    }
    this.perOrg.set(orgId, count + 1)
    await this.apps.put(app)
    return app
  }

  /** Stores an app's new settings (validated by patchedApp); the platform API sees them on its next call. */
  async replace(app: RegisteredApp): Promise<RegisteredApp> {
    const next = { ...app, updatedAt: this.clock.now() }
    await this.apps.put(next)
    return next
  }

  /**
   * A new client secret, valid at once. The old one is refused from the next call, or, with `overlapMs` > 0, still
   * accepted until then (deploy the new secret meanwhile); a rotation during an overlap ends the earlier one.
   */
  async rotateSecret(clientID: string, overlapMs = 0): Promise<RegisteredApp | undefined> {
    const app = this.apps.get(clientID)
    if (!app) return undefined
    const { previousSecret: _ended, ...rest } = app
    const previousSecret =
      overlapMs > 0 ? { secret: app.clientSecret, validUntil: this.clock.now() + overlapMs } : undefined
    return this.replace({
      ...rest,
      clientSecret: randomHex(24),
      ...(previousSecret ? { previousSecret } : {}),
    })
  }

  /** The secrets a signed call may use now: the current one, then the former one during its overlap. */
  secretsOf(app: RegisteredApp): string[] {
    const prev = app.previousSecret
    return prev && this.clock.now() < prev.validUntil ? [app.clientSecret, prev.secret] : [app.clientSecret]
  }

  /** Exact string comparison: no normalisation, no prefix match (security checklist #1). */
  isRegisteredRedirect(app: RegisteredApp, uri: string): boolean {
    return app.redirectURIs.includes(uri)
  }
}

/** The organisation that owns an app. */
export const orgOf = (app: RegisteredApp): string => app.orgId ?? SANDBOX_ORG_ID
