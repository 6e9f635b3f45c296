/** The synthetic residents: the shared seed set plus residents organisations add; create, edit, reset, all validated. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { randomHex } from '../../ids'
import { ymdOf } from '../../personas/birth-date'
import { DEFAULT_BEHAVIOUR, type Resident } from '../../personas/resident.types'
import type { Collection } from '../../store/collection'
import { type RegisteredApp, orgOf } from '../apps'
import { RESIDENT_FIELDS, type ResidentData, residentProblems } from './resident.validate'

/** A stored resident: `orgId` marks one an organisation added (visible to it alone); none = shared sandbox data. */
export interface StoredResident extends Resident {
  orgId?: string
  createdAt?: number
  updatedAt?: number
}

/** Who is looking: an organisation sees the shared residents and its own; `all` (admin, staff) sees every one. */
export type Viewer = { orgId: string } | 'all'

export class ResidentsService {
  private byHkid = new Map<string, StoredResident>()
  /** Residents each organisation added: rebuilt at start and by the bulk resets, kept on create and delete. */
  private perOrg = new Map<string, number>()
  private initial: () => Resident[] = () => []
  constructor(
    private readonly residents: Collection<StoredResident>,
    private readonly clock: Clock,
  ) {
    this.reindex()
  }

  /** Fills an empty store with the seeded residents, and remembers the seed for reset. */
  async seed(initial: () => Resident[]): Promise<void> {
    this.initial = initial
    if (this.residents.list().length === 0) await this.residents.replaceAll(initial())
    this.reindex()
  }

  get(id: string): StoredResident | undefined {
    return this.residents.get(id)
  }

  /** The shared residents (the virtual app's picker, counts). Organisations' own are reached by id. */
  list(): StoredResident[] {
    return this.residents.list().filter((r) => r.orgId === undefined)
  }

  /** How many residents an organisation has added. */
  countInOrg(orgId: string): number {
    return this.perOrg.get(orgId) ?? 0
  }

  visible(viewer: Viewer): StoredResident[] {
    return this.residents.list().filter((r) => canSee(viewer, r))
  }

  /**
   * By id, or by HKID with or without the check digit ("QA123456(7)", "QA1234567", "QA123456"). Without a
   * viewer (the platform API's X-Sandbox-Resident, the virtual app) an organisation's resident is found by
   * its unguessable id only, never by HKID; with one, only residents the viewer can see.
   */
  find(idOrHkid: string, viewer?: Viewer): StoredResident | undefined {
    const direct = this.residents.get(idOrHkid)
    if (direct) return !viewer || canSee(viewer, direct) ? direct : undefined
    const m = /^([A-Z]{1,2}\d{6})\(?([0-9A])?\)?$/.exec(idOrHkid.trim().toUpperCase())
    const r = m ? this.byHkid.get(m[1]!) : undefined
    if (!r || (m![2] && r.profile.idNo.CheckDigit !== m![2])) return undefined
    return (viewer ? canSee(viewer, r) : r.orgId === undefined) ? r : undefined
  }

  /**
   * By id or HKID, when an app may use the resident (X-Sandbox-Resident, autopilot, headless decisions): the shared
   * residents and those of the app's own organisation. Another organisation's resident is answered as unknown.
   */
  usableBy(idOrHkid: string, app: RegisteredApp | undefined): StoredResident | undefined {
    return app ? this.find(idOrHkid, { orgId: orgOf(app) }) : this.find(idOrHkid)
  }

  /**
   * A new resident owned by `orgId` (or shared when undefined); behaviour defaults to approving at once. `limit`: the
   * most residents that organisation may have (RESIDENTS_PER_ORG); at the limit, 409. Checked and counted before the
   * write, so concurrent calls cannot pass it.
   */
  async create(input: unknown, orgId: string | undefined, limit?: number): Promise<StoredResident> {
    const body = isObject(input) ? input : {}
    const profile = isObject(body.profile) ? body.profile : {}
    const data = {
      tags: [],
      eme: {},
      ...body,
      profile: { chNameVerified: profile.chName === undefined ? 'N' : 'Y', ...profile },
      behaviour: { ...DEFAULT_BEHAVIOUR, ...(isObject(body.behaviour) ? body.behaviour : {}) },
    }
    const now = this.clock.now()
    const id = `u-${randomHex(16)}`
    const valid = this.validated(data, undefined, input)
    if (orgId !== undefined) {
      const count = this.countInOrg(orgId)
      if (limit !== undefined && count >= limit)
        throw new ProblemError(
          409,
          'Resident limit reached',
          `Organisation "${orgId}" has ${count} residents, the most one organisation may create (${limit}). ` +
            'Delete the ones you no longer use (DELETE /sandbox/v1/residents/{id}; POST /sandbox/v1/residents/reset ' +
            'removes all of them), or ask the sandbox operator to raise the limit (RESIDENTS_PER_ORG).',
          { limit, count },
        )
    }
    return this.store({ id, ...valid, ...(orgId ? { orgId } : {}), createdAt: now, updatedAt: now })
  }

  /** Merges an edit (profile, e-ME and behaviour field by field; null removes an e-ME field) and bumps updatedAt. */
  async update(r: StoredResident, input: unknown): Promise<StoredResident> {
    if (!isObject(input)) throw invalid({ body: 'must be a JSON object with the fields to change' })
    const eme: Record<string, unknown> = { ...r.eme, ...(isObject(input.eme) ? input.eme : {}) }
    for (const [k, v] of Object.entries(eme)) if (v === null) delete eme[k]
    const data = {
      ...pick(r),
      ...input,
      profile: { ...r.profile, ...(isObject(input.profile) ? input.profile : {}) },
      eme: input.eme === undefined || isObject(input.eme) ? eme : input.eme,
      behaviour: { ...r.behaviour, ...(isObject(input.behaviour) ? input.behaviour : {}) },
    }
    return this.store({ ...r, ...this.validated(data, r.id, input, true), updatedAt: this.clock.now() })
  }

  async delete(r: StoredResident): Promise<void> {
    const stored = this.residents.get(r.id)
    if (!stored) return
    this.unindex(stored)
    await this.residents.delete(r.id)
  }

  /** The seed version of a seeded resident, restored; 409 for one an organisation or the admin added. */
  async reset(r: StoredResident): Promise<StoredResident> {
    const seeded = this.initial().find((s) => s.id === r.id)
    if (!seeded || r.orgId !== undefined)
      throw new ProblemError(
        409,
        'Not a seeded resident',
        'Only seeded residents have a version to reset to.',
      )
    this.unindex(this.residents.get(r.id) ?? r)
    this.index(seeded)
    await this.residents.put(seeded)
    return seeded
  }

  /** Shared residents back to the seed (edits undone, deleted ones back, added ones gone); organisations' kept. */
  async resetShared(): Promise<number> {
    const seed = this.initial()
    await this.residents.replaceAll([...seed, ...this.residents.list().filter((r) => r.orgId !== undefined)])
    this.reindex()
    return seed.length
  }

  /** An organisation's residents removed: the seed holds none of them. */
  async resetOrg(orgId: string): Promise<number> {
    const own = this.residents.list().filter((r) => r.orgId === orgId)
    for (const r of own) {
      this.unindex(r)
      await this.residents.delete(r.id)
    }
    this.reindex()
    return own.length
  }

  /** `data` made from the body `sent` (on an `edit`, merged with the stored resident), checked as a whole. */
  private validated(
    data: Record<string, unknown>,
    selfId: string | undefined,
    sent: unknown,
    edit = false,
  ): ResidentData {
    const problems = residentProblems(data, ymdOf(this.clock.now()), sent, edit)
    const idNo = (data.profile as Resident['profile']).idNo
    const holder = problems['profile.idNo'] ? undefined : this.byHkid.get(idNo?.Identification ?? '')
    if (holder && holder.id !== selfId) problems['profile.idNo'] = 'another resident already has this HKID'
    if (Object.keys(problems).length > 0) throw invalid(problems)
    return pick(data as unknown as ResidentData)
  }

  /** Stores a new or changed resident; the indexes change before the write, so concurrent calls see them. */
  private async store(r: StoredResident): Promise<StoredResident> {
    const before = this.residents.get(r.id)
    if (before) this.unindex(before)
    this.index(r)
    await this.residents.put(r)
    return r
  }

  private index(r: StoredResident): void {
    this.byHkid.set(r.profile.idNo.Identification, r)
    if (r.orgId !== undefined) this.perOrg.set(r.orgId, this.countInOrg(r.orgId) + 1)
  }

  private unindex(r: StoredResident): void {
    if (this.byHkid.get(r.profile.idNo.Identification)?.id === r.id)
      this.byHkid.delete(r.profile.idNo.Identification)
    if (r.orgId !== undefined) {
      const n = this.countInOrg(r.orgId) - 1
      if (n > 0) this.perOrg.set(r.orgId, n)
      else this.perOrg.delete(r.orgId)
    }
  }

  /** Both indexes from the whole collection: at start and after the bulk resets. */
  private reindex(): void {
    this.byHkid = new Map()
    this.perOrg = new Map()
    for (const r of this.residents.list()) this.index(r)
  }
}

export const canSee = (viewer: Viewer, r: StoredResident): boolean =>
  viewer === 'all' || r.orgId === undefined || r.orgId === viewer.orgId

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const pick = (r: ResidentData): ResidentData =>
  Object.fromEntries(RESIDENT_FIELDS.map((k) => [k, r[k]])) as unknown as ResidentData

const invalid = (errors: Record<string, string>) =>
  new ProblemError(422, 'Invalid resident', 'Fix the listed fields and try again.', { errors })
