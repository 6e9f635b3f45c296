/** Change requests: a creator proposes app settings, an approver approves (or rejects) them, then they apply; with history. */
import type { Clock } from '../../clock'
import { ProblemError } from '../../errors'
import { assertConforms } from '../../http/contract-validator'
import { newId } from '../../ids'
import type { Collection } from '../../store/collection'
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
}

export class ChangesService {
  constructor(
    private readonly changes: Collection<ChangeRequest>,
    private readonly apps: AppsService,
    private readonly clock: Clock,
  ) {}

  /** Newest first (insertion order breaks ties within one clock reading). */
  history(clientID: string, status?: ChangeStatus): ChangeRequest[] {
    return this.changes
      .list()
      .filter((c) => c.clientID === clientID && (!status || c.status === status))
      .reverse()
      .sort((a, b) => b.proposedAt - a.proposedAt)
  }

  /** A change of this app (404 for another app's change, so ids of other apps reveal nothing). */
  get(app: RegisteredApp, id: string): ChangeRequest {
    const change = this.changes.get(id)
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
    }
    if (!approved) {
      await this.changes.put(change)
      return { change, app }
    }
    return this.apply(change, actor)
  }

  async approve(actor: Actor, app: RegisteredApp, id: string) {
    return this.apply(this.pending(app, id), actor)
  }

  async reject(actor: Actor, app: RegisteredApp, id: string, reason: unknown) {
    // Text of at most 500 characters: the contract's (RejectRequest).
    assertConforms('sandbox', 'rejectChange', reason === undefined ? {} : { reason }, 'Invalid reason')
    const change = this.pending(app, id)
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
    })
  }

  private pending(app: RegisteredApp, id: string): ChangeRequest {
    const change = this.get(app, id)
    if (change.status !== 'pending')
      throw new ProblemError(409, 'Change request already decided', `It is ${change.status}.`)
    return change
  }

  /** Applies on top of the current settings, validated again (another change may have landed meanwhile). */
  private async apply(change: ChangeRequest, actor: Actor) {
    const current = this.apps.get(change.clientID)
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
