/** The synthetic residents: the shared seed set plus residents organisations add; create, edit, reset, all validated. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { checkOrgLimit } from '../../http/org-limit'
import { randomHex } from '../../ids'
import { ymdOf } from '../../personas/birth-date'
import { DEFAULT_BEHAVIOUR, type Resident } from '../../personas/resident.types'
import { type Documents, findAll } from '../../store/documents'
import { type RegisteredApp, orgOf } from '../apps'
import { RESIDENT_FIELDS, type ResidentData, residentProblems } from './resident.validate'

/** A stored resident: `orgId` marks one an organisation added (visible to it alone); none = shared sandbox data. */
export interface StoredResident extends Resident {
  orgId?: string
  createdAt?: number
  updatedAt?: number
  /** The HKID without its check digit, top-level so that the store answers a lookup by HKID (not shown). */
  hkid?: string
  /** Set on the shared residents (no `orgId`), so that the store answers "the shared ones" (not shown). */
  shared?: true
  /** Order of creation within this process (ties of one clock reading); not shown. */
  seq?: number
}

/** Who is looking: an organisation sees the shared residents and its own; `all` (admin, staff) sees every one. */
export type Viewer = { orgId: string } | 'all'

export class ResidentsService {
  private initial: () => Resident[] = () => []
  private seedOrder: Map<string, number> | undefined
  private seq = 0
  /** Creates under way in this process, per organisation: RESIDENTS_PER_ORG and HKIDs are checked one at a time. */
  private writing: Promise<unknown> = Promise.resolve()
  constructor(
    private readonly residents: Documents<StoredResident>,
    private readonly clock: Clock,
  ) {}

  /**
   * Fills an empty store with the seeded residents, and remembers the seed for reset. Residents stored before the
   * store answered queries have no `hkid` / `shared` fields: they are given them once here (the one whole read).
   */
  async seed(initial: () => Resident[]): Promise<void> {
    this.initial = initial
    this.seedOrder = undefined
    if ((await this.residents.count()) === 0) {
      await this.residents.replaceAll(initial().map(stored))
      return
    }
    for (const r of await findAll(this.residents)) {
      const s = stored(r)
      if (s.hkid !== r.hkid || s.shared !== r.shared) await this.residents.put(s)
    }
  }

  get(id: string): Promise<StoredResident | undefined> {
    return this.residents.get(id)
  }

  /** The shared residents (the virtual app's picker, counts), in seed then creation order. */
  async list(): Promise<StoredResident[]> {
    return this.ordered(await findAll(this.residents, { shared: true }))
  }

  /** How many shared residents there are. */
  countShared(): Promise<number> {
    return this.residents.count({ shared: true })
  }

  /** How many residents an organisation has added (counted by the store: the limit holds across instances). */
  countInOrg(orgId: string): Promise<number> {
    return this.residents.count({ orgId })
  }

  /** What the viewer can see: the shared residents and its organisation's (two queries), or all for `all`. */
  async visible(viewer: Viewer): Promise<StoredResident[]> {
    if (viewer === 'all') return this.ordered(await findAll(this.residents))
    const [shared, own] = await Promise.all([
      findAll(this.residents, { shared: true }),
      findAll(this.residents, { orgId: viewer.orgId }),
    ])
    return this.ordered([...shared, ...own])
  }

  /**
   * By id, or by HKID with or without the check digit ("QA123456(7)", "QA1234567", "QA123456"). Without a
   * viewer (the platform API's X-Sandbox-Resident, the virtual app) an organisation's resident is found by
   * its unguessable id only, never by HKID; with one, only residents the viewer can see.
   */
  async find(idOrHkid: string, viewer?: Viewer): Promise<StoredResident | undefined> {
    const direct = await this.residents.get(idOrHkid)
    if (direct) return !viewer || canSee(viewer, direct) ? direct : undefined
    const m = /^([A-Z]{1,2}\d{6})\(?([0-9A])?\)?$/.exec(idOrHkid.trim().toUpperCase())
    const r = m ? await this.byHkid(m[1]!) : undefined
    if (!r || (m![2] && r.profile.idNo.CheckDigit !== m![2])) return undefined
    return (viewer ? canSee(viewer, r) : r.orgId === undefined) ? r : undefined
  }

  /**
   * By id or HKID, when an app may use the resident (X-Sandbox-Resident, autopilot, headless decisions): the shared
   * residents and those of the app's own organisation. Another organisation's resident is answered as unknown.
   */
  usableBy(idOrHkid: string, app: RegisteredApp | undefined): Promise<StoredResident | undefined> {
    return app ? this.find(idOrHkid, { orgId: orgOf(app) }) : this.find(idOrHkid)
  }

  /**
   * A new resident owned by `orgId` (or shared when undefined); behaviour defaults to approving at once. `limit`: the
   * most residents that organisation may have (RESIDENTS_PER_ORG); at the limit, 409. Writes run one at a time in a
   * process, so concurrent calls cannot pass the limit or share an HKID.
   */
  create(input: unknown, orgId: string | undefined, limit?: number): Promise<StoredResident> {
    return this.serially(async () => {
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
      const valid = await this.validated(data, undefined, input)
      if (orgId !== undefined && limit !== undefined)
        checkOrgLimit(orgId, await this.countInOrg(orgId), limit, {
          title: 'Resident limit reached',
          things: 'residents',
          verb: 'create',
          advice:
            'Delete the ones you no longer use (DELETE /sandbox/v1/residents/{id}; POST /sandbox/v1/residents/reset ' +
            'removes all of them), or ask the sandbox operator to raise the limit (RESIDENTS_PER_ORG).',
        })
      return this.store({
        id,
        ...valid,
        ...(orgId ? { orgId } : {}),
        createdAt: now,
        updatedAt: now,
        seq: ++this.seq,
      })
    })
  }

  /** Merges an edit (profile, e-ME and behaviour field by field; null removes an e-ME field) and bumps updatedAt. */
  update(r: StoredResident, input: unknown): Promise<StoredResident> {
    return this.serially(async () => {
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
      const valid = await this.validated(data, r.id, input, true)
      return this.store({ ...r, ...valid, updatedAt: this.clock.now() })
    })
  }

  async delete(r: StoredResident): Promise<void> {
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
    const s = stored(seeded)
    await this.residents.put(s)
    return s
  }

  /**
   * Shared residents back to the seed (edits undone, deleted ones back, added ones gone); organisations' kept. The
   * whole collection is replaced in one write, so it is read whole (an operator's reset, not a query).
   */
  async resetShared(): Promise<number> {
    const seed = this.initial().map(stored)
    const own = (await findAll(this.residents)).filter((r) => r.orgId !== undefined)
    await this.residents.replaceAll([...seed, ...own])
    return seed.length
  }

  /** An organisation's residents removed: the seed holds none of them. */
  async resetOrg(orgId: string): Promise<number> {
    const own = await findAll(this.residents, { orgId })
    for (const r of own) await this.residents.delete(r.id)
    return own.length
  }

  /** The resident holding this HKID (without check digit), asked of the store. */
  private async byHkid(hkid: string): Promise<StoredResident | undefined> {
    return (await this.residents.find({ where: { hkid }, limit: 1 })).items[0]
  }

  /** Seeded residents first in seed order, then the created ones in creation order (as they were stored). */
  private ordered(list: StoredResident[]): StoredResident[] {
    this.seedOrder ??= new Map(this.initial().map((r, i) => [r.id, i]))
    const order = this.seedOrder
    const rank = (r: StoredResident) =>
      r.createdAt === undefined ? (order.get(r.id) ?? order.size) : Infinity
    return list.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.createdAt ?? 0) - (b.createdAt ?? 0) ||
        (a.seq ?? 0) - (b.seq ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
  }

  /** Writes of this process one after another (each waits for the one before, whatever its outcome). */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work)
    this.writing = run.catch(() => {})
    return run
  }

  /** `data` made from the body `sent` (on an `edit`, merged with the stored resident), checked as a whole. */
  private async validated(
    data: Record<string, unknown>,
    selfId: string | undefined,
    sent: unknown,
    edit = false,
  ): Promise<ResidentData> {
    const problems = residentProblems(data, ymdOf(this.clock.now()), sent, edit)
    const idNo = (data.profile as Resident['profile']).idNo
    const holder = problems['profile.idNo'] ? undefined : await this.byHkid(idNo?.Identification ?? '')
    if (holder && holder.id !== selfId) problems['profile.idNo'] = 'another resident already has this HKID'
    if (Object.keys(problems).length > 0) throw invalid(problems)
    return pick(data as unknown as ResidentData)
  }

  /** Stores a new or changed resident, with its query fields. */
  private async store(r: StoredResident): Promise<StoredResident> {
    const s = stored(r)
    await this.residents.put(s)
    return s
  }
}

/** A resident with the fields the store is queried on: `hkid`, and `shared` when no organisation owns it. */
function stored(r: StoredResident): StoredResident {
  const { shared: _, ...rest } = r
  return {
    ...rest,
    hkid: r.profile.idNo.Identification,
    ...(r.orgId === undefined ? { shared: true as const } : {}),
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
