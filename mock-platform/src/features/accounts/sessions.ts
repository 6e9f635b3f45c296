/**
 * Server-side sessions: 128-bit ids, idle and absolute expiry read from the injected clock. The port (Sessions), its
 * embedded engine in this process's memory (SessionStore) and, in sessions.shared.ts, the hosted one over
 * SharedState: a session created on one instance is valid on every other and survives restarts.
 */
import type { Clock } from '../../clock'
import { randomHex } from '../../ids'
import { TenantTtlMap } from '../../store/tenant-ttl-map'
import type { Session } from './account.types'

/** A session ends after 30 minutes without a request, and 8 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 8 * 3_600_000
/** Live sessions per account: a new sign-in beyond it ends that account's oldest session (never another's). */
export const SESSIONS_PER_ACCOUNT = 20
/** Live sessions in all: beyond it the oldest session of all ends. */
export const SESSIONS_MAX = 50_000

/** Synchronous in the embedded engine, a promise in the hosted one. */
type Maybe<T> = T | Promise<T>

export interface Sessions {
  readonly idleMs: number
  readonly absoluteMs: number
  /** A new session (sign-in always gets a new id, so a planted id is never promoted). */
  create(accountId: string): Maybe<Session>
  /** The live session, its idle timer restarted; undefined once idle or past its absolute lifetime. */
  touch(id: string): Maybe<Session | undefined>
  delete(id: string): Maybe<void>
  expiries(session: Session): { idleExpiresAt: number; expiresAt: number }
}

/** When a session's idle or absolute lifetime ends, whichever is first. */
export function sessionExpiries(
  session: Session,
  idleMs: number,
  absoluteMs: number,
): { idleExpiresAt: number; expiresAt: number } {
  const expiresAt = session.createdAt + absoluteMs
  return { idleExpiresAt: Math.min(session.lastSeenAt + idleMs, expiresAt), expiresAt }
}

export class SessionStore implements Sessions {
  private readonly sessions: TenantTtlMap<Session>
  constructor(
    private readonly clock: Clock,
    readonly idleMs = SESSION_IDLE_MS,
    readonly absoluteMs = SESSION_ABSOLUTE_MS,
    limits: { perAccount?: number; total?: number } = {},
  ) {
    const perAccount = limits.perAccount ?? SESSIONS_PER_ACCOUNT
    this.sessions = new TenantTtlMap(clock, {
      perTenant: () => perAccount,
      whenFull: 'evict',
      maxTotal: limits.total ?? SESSIONS_MAX,
    })
  }

  /** A new session (sign-in always gets a new id, so a planted id is never promoted). */
  create(accountId: string): Session {
    const now = this.clock.now()
    const session = {
      id: randomHex(16),
      accountId,
      csrfToken: randomHex(16),
      createdAt: now,
      lastSeenAt: now,
    }
    this.sessions.set(accountId, session.id, session, Math.min(this.idleMs, this.absoluteMs))
    return session
  }

  /** The live session, its idle timer restarted; undefined once idle or past its absolute lifetime. */
  touch(id: string): Session | undefined {
    if (!/^[0-9a-f]{32}$/.test(id)) return undefined
    const session = this.sessions.get(id)
    if (!session) return undefined
    const now = this.clock.now()
    const left = session.createdAt + this.absoluteMs - now
    if (left <= 0) {
      this.sessions.delete(id)
      return undefined
    }
    session.lastSeenAt = now
    this.sessions.set(session.accountId, id, session, Math.min(this.idleMs, left))
    return session
  }

  delete(id: string): void {
    this.sessions.delete(id)
  }

  expiries(session: Session): { idleExpiresAt: number; expiresAt: number } {
    return sessionExpiries(session, this.idleMs, this.absoluteMs)
  }
}
