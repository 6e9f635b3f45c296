/** Registers and looks up OSP apps, applies approved setting changes and rotates client secrets. */
import type { Clock } from '../../clock'
import { checkOrgLimit } from '../../http/org-limit'
import { randomHex } from '../../ids'
import { type Documents, findAll } from '../../store/documents'
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
  /** Creates under way in this process, per organisation: APPS_PER_ORG is counted and written one at a time. */
  private readonly creating = new Map<string, Promise<unknown>>()
  private seq = 0
  constructor(
    private readonly apps: Documents<RegisteredApp>,
    private readonly clock: Clock,
  ) {}

  /**
   * Apps stored before organisations existed have no `orgId` and belong to the sandbox organisation: they are
   * given it once at start (the one whole read of the collection), so that every later query by `orgId` finds them.
   */
  async backfillOrgs(): Promise<number> {
    let n = 0
    for (const a of await findAll(this.apps))
      if (a.orgId === undefined) {
        await this.apps.put({ ...a, orgId: SANDBOX_ORG_ID })
        n++
      }
    return n
  }

  /** How many apps an organisation has registered (counted by the store, so the limit holds across instances). */
  countInOrg(orgId: string): Promise<number> {
    return this.apps.count({ orgId })
  }

  get(clientID: string): Promise<RegisteredApp | undefined> {
    return this.apps.get(clientID)
  }

  /** How many apps there are. */
  count(): Promise<number> {
    return this.apps.count()
  }

  /** Every app, oldest first (read a page at a time). */
  async list(): Promise<RegisteredApp[]> {
    return byCreation(await findAll(this.apps))
  }

  /** The apps of one organisation, oldest first (queried by `orgId`; see backfillOrgs). */
  async listByOrg(orgId: string): Promise<RegisteredApp[]> {
    return byCreation(await findAll(this.apps, { orgId }))
  }

  /**
   * Registers an app. `limit`: the most apps its organisation may have (APPS_PER_ORG; members are limited, the
   * operator is not); at the limit, 409. Creates for one organisation run one at a time in a process, so concurrent
   * calls cannot pass it.
   */
  async create(input: NewApp, limit?: number): Promise<RegisteredApp> {
    const orgId = input.orgId ?? SANDBOX_ORG_ID
    const before = this.creating.get(orgId) ?? Promise.resolve()
    const mine = before.then(
      () => this.createNow(input, orgId, limit),
      () => this.createNow(input, orgId, limit),
    )
    const settled = mine.catch(() => {})
    this.creating.set(orgId, settled)
    void settled.then(() => {
      if (this.creating.get(orgId) === settled) this.creating.delete(orgId)
    })
    return mine
  }

  private async createNow(input: NewApp, orgId: string, limit?: number): Promise<RegisteredApp> {
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
    if (input.clientID && (await this.apps.get(input.clientID))) problems.clientID = 'already registered'
    if (
      input.clientSecret !== undefined &&
      (typeof input.clientSecret !== 'string' || input.clientSecret.length < 16)
    )
      problems.clientSecret = 'must be at least 16 characters'
    throwIfInvalid(problems)
    if (limit !== undefined)
      checkOrgLimit(orgId, await this.countInOrg(orgId), limit, {
        title: 'App limit reached',
        things: 'apps',
        verb: 'register',
        advice:
          'Reuse one of them (PATCH /sandbox/v1/apps/{clientID} changes its name, redirect URIs, scopes and keys), ' +
          'or ask the sandbox operator to raise the limit (APPS_PER_ORG).',
      })
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
      seq: ++this.seq,
    }
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
    const app = await this.apps.get(clientID)
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

const byCreation = (apps: RegisteredApp[]): RegisteredApp[] =>
  apps.sort(
    (a, b) =>
      a.createdAt - b.createdAt || (a.seq ?? 0) - (b.seq ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
