/** Change requests: a creator proposes app settings, an approver approves (or rejects) them, then they apply; with history. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { assertConforms } from '../../http/contract-validator'
import { newId } from '../../ids'
import { type Documents, findAll } from '../../store/documents'
import type { AppPatch, RegisteredApp } from './app.types'
import { patchedApp } from './app.validate'
import { type AppsService, orgOf } from './apps.service'

/** Who did something, as history shows it. */
export interface Actor {
  kind: 'admin' | 'member' | 'staff'
  accountId?: string
  email?: string
}

export type ChangeStatus = 'pending' | 'applied' | 'rejected'

export interface ChangeRequest {
  id: string
  clientID: string
  orgId: string
  /** `update` changes settings (needs approval); `create` and `rotateSecret` are recorded as applied. */
  action: 'create' | 'update' | 'rotateSecret'
  changes: AppPatch
  status: ChangeStatus
  proposedBy: Actor
  proposedAt: number
  decidedBy?: Actor
  decidedAt?: number
  reason?: string
  /** Order of proposal within this process (ties of one clock reading); not shown. */
  seq?: number
}

export class ChangesService {
  private seq = 0
  constructor(
    private readonly changes: Documents<ChangeRequest>,
    private readonly apps: AppsService,
    private readonly clock: Clock,
  ) {}

  /** Newest first (the order of proposal breaks ties within one clock reading); queried by app and status. */
  async history(clientID: string, status?: ChangeStatus): Promise<ChangeRequest[]> {
    const found = await findAll(this.changes, status ? { clientID, status } : { clientID })
    return found.sort((a, b) => b.proposedAt - a.proposedAt || (b.seq ?? 0) - (a.seq ?? 0))
  }

  /** A change of this app (404 for another app's change, so ids of other apps reveal nothing). */
  async get(app: RegisteredApp, id: string): Promise<ChangeRequest> {
    const change = await this.changes.get(id)
    if (!change || change.clientID !== app.clientID)
      throw new ProblemError(404, 'Change request not found', `No change request ${id} for this app.`)
    return change
  }

  /** Validates the change now; applies it at once when `approved` (admin, an approver or a solo organisation). */
  async propose(actor: Actor, app: RegisteredApp, input: unknown, approved: boolean) {
    const { patch } = patchedApp(app, input)
    const change: ChangeRequest = {
      id: newId(),
      clientID: app.clientID,
      orgId: orgOf(app),
      action: 'update',
      changes: patch,
      status: 'pending',
      proposedBy: actor,
      proposedAt: this.clock.now(),
      seq: ++this.seq,
    }
    if (!approved) {
      await this.changes.put(change)
      return { change, app }
    }
    return this.apply(change, actor)
  }

  async approve(actor: Actor, app: RegisteredApp, id: string) {
    return this.apply(await this.pending(app, id), actor)
  }

  async reject(actor: Actor, app: RegisteredApp, id: string, reason: unknown) {
    // Text of at most 500 characters: the contract's (RejectRequest).
    assertConforms('sandbox', 'rejectChange', reason === undefined ? {} : { reason }, 'Invalid reason')
    const change = await this.pending(app, id)
    const done: ChangeRequest = {
      ...change,
      status: 'rejected',
      decidedBy: actor,
      decidedAt: this.clock.now(),
      ...(reason ? { reason: reason as string } : {}),
    }
    await this.changes.put(done)
    return { change: done, app }
  }

  /** Records an action that takes effect at once (app created, secret rotated). */
  async record(actor: Actor, app: RegisteredApp, action: 'create' | 'rotateSecret'): Promise<void> {
    const now = this.clock.now()
    await this.changes.put({
      id: newId(),
      clientID: app.clientID,
      orgId: orgOf(app),
      action,
      changes: {},
      status: 'applied',
      proposedBy: actor,
      proposedAt: now,
      decidedBy: actor,
      decidedAt: now,
      seq: ++this.seq,
    })
  }

  private async pending(app: RegisteredApp, id: string): Promise<ChangeRequest> {
    const change = await this.get(app, id)
    if (change.status !== 'pending')
      throw new ProblemError(409, 'Change request already decided', `It is ${change.status}.`)
    return change
  }

  /** Applies on top of the current settings, validated again (another change may have landed meanwhile). */
  private async apply(change: ChangeRequest, actor: Actor) {
    const current = await this.apps.get(change.clientID)
    if (!current) throw new ProblemError(404, 'App not found', `No app with clientID ${change.clientID}`)
    const { app } = patchedApp(current, change.changes)
    const stored = await this.apps.replace(app)
    const done: ChangeRequest = {
      ...change,
      status: 'applied',
      decidedBy: actor,
      decidedAt: this.clock.now(),
    }
    await this.changes.put(done)
    return { change: done, app: stored }
  }
}

export const changeView = (c: ChangeRequest) => ({
  id: c.id,
  clientID: c.clientID,
  action: c.action,
  changes: c.changes,
  status: c.status,
  proposedBy: c.proposedBy,
  proposedAt: new Date(c.proposedAt).toISOString(),
  ...(c.decidedBy ? { decidedBy: c.decidedBy } : {}),
  ...(c.decidedAt !== undefined ? { decidedAt: new Date(c.decidedAt).toISOString() } : {}),
  ...(c.reason ? { reason: c.reason } : {}),
})
