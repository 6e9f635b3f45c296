/**
 * Portal sessions in SharedState (PostgreSQL in the hosted mode): created on one instance, valid on every other and
 * across restarts, each kept until its idle or absolute end (the shared store drops it then).
 *
 * Not expressible over SharedState: SESSIONS_PER_ACCOUNT ("a new sign-in beyond it ends that account's oldest
 * session") and SESSIONS_MAX, which need the account's oldest session; the store can count an account's sessions but
 * not list them. Sessions are bounded here by their lifetimes only (idle 30 min, absolute 8 h).
 */
import type { Clock } from '../../clock'
import { randomHex } from '../../ids'
import type { SharedState } from '../../store/shared-state'
import type { Session } from './account.types'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionExpiries, type Sessions } from './sessions'

const KIND = 'session'

export class SharedSessionStore implements Sessions {
  constructor(
    private readonly shared: SharedState,
    private readonly clock: Clock,
    readonly idleMs = SESSION_IDLE_MS,
    readonly absoluteMs = SESSION_ABSOLUTE_MS,
  ) {}

  async create(accountId: string): Promise<Session> {
    const now = this.clock.now()
    const session: Session = {
      id: randomHex(16),
      accountId,
      csrfToken: randomHex(16),
      createdAt: now,
      lastSeenAt: now,
    }
    await this.shared.put(KIND, session.id, accountId, session, now + Math.min(this.idleMs, this.absoluteMs))
    return session
  }

  async touch(id: string): Promise<Session | undefined> {
    if (!/^[0-9a-f]{32}$/.test(id)) return undefined
    const now = this.clock.now()
    const session = await this.shared.get<Session>(KIND, id, now)
    if (!session) return undefined
    const left = session.createdAt + this.absoluteMs - now
    if (left <= 0) {
      await this.shared.delete(KIND, id)
      return undefined
    }
    session.lastSeenAt = now
    await this.shared.put(KIND, id, session.accountId, session, now + Math.min(this.idleMs, left))
    return session
  }

  async delete(id: string): Promise<void> {
    await this.shared.delete(KIND, id)
  }

  expiries(session: Session): { idleExpiresAt: number; expiresAt: number } {
    return sessionExpiries(session, this.idleMs, this.absoluteMs)
  }
}
