/**
 * Work that must happen once across instances, at or after a due time, retried until done: callback deliveries, mail
 * notifications, the expiry of tasks and tickets, support-desk target breaches. A worker claims due jobs with a lease
 * (PostgreSQL: `FOR UPDATE SKIP LOCKED`, postgres/jobs.pg.ts); an instance that dies holding one loses it when the
 * lease ends and another instance takes the job over. This file holds the interface and the one-process engine.
 */

export interface Job<P = unknown> {
  kind: string
  id: string
  /** Epoch ms (sandbox clock) from which the job may run. */
  dueMs: number
  payload: P
  /** Claims so far (a claim whose lease ran out counts: the work may have been half done). */
  attempts: number
}

export interface Jobs {
  /** Adds a job, or does nothing when one of this kind and id exists (idempotent: enqueue twice, run once). */
  enqueue<P>(kind: string, id: string, payload: P, dueMs: number): Promise<boolean>
  /**
   * Claims up to `limit` due jobs of `kind` for `owner` until `nowMs + leaseMs`. A job is claimed by one owner at a
   * time; a claimed job not completed or rescheduled before its lease ends is due again.
   */
  claim<P>(kind: string, owner: string, nowMs: number, leaseMs: number, limit: number): Promise<Job<P>[]>
  /** The job is done: removed. False when `owner` no longer holds it (its lease ended and another took it). */
  complete(kind: string, id: string, owner: string): Promise<boolean>
  /** Runs the job again at `dueMs` with a new payload (a retry's backoff); releases the lease. */
  reschedule<P>(kind: string, id: string, owner: string, dueMs: number, payload: P): Promise<boolean>
  /** Jobs of `kind` not done yet. */
  pending(kind: string): Promise<number>
}

interface Held extends Job {
  owner?: string
  leaseUntil: number
}

/** One process's engine: the reference the PostgreSQL engine is tested against. */
export function memoryJobs(): Jobs {
  const jobs = new Map<string, Held>()
  const key = (kind: string, id: string) => `${kind}\u0000${id}`
  const held = (kind: string, id: string, owner: string) => {
    const j = jobs.get(key(kind, id))
    return j && j.owner === owner ? j : undefined
  }
  return {
    async enqueue(kind, id, payload, dueMs) {
      if (jobs.has(key(kind, id))) return false
      jobs.set(key(kind, id), { kind, id, dueMs, payload, attempts: 0, leaseUntil: 0 })
      return true
    },
    async claim<P>(kind: string, owner: string, nowMs: number, leaseMs: number, limit: number) {
      const due = [...jobs.values()]
        .filter((j) => j.kind === kind && j.dueMs <= nowMs && j.leaseUntil <= nowMs)
        .sort((a, b) => a.dueMs - b.dueMs)
        .slice(0, limit)
      for (const j of due) Object.assign(j, { owner, leaseUntil: nowMs + leaseMs, attempts: j.attempts + 1 })
      return due.map(({ kind, id, dueMs, payload, attempts }) => ({
        kind,
        id,
        dueMs,
        payload: payload as P,
        attempts,
      }))
    },
    async complete(kind, id, owner) {
      return held(kind, id, owner) !== undefined && jobs.delete(key(kind, id))
    },
    async reschedule(kind, id, owner, dueMs, payload) {
      const j = held(kind, id, owner)
      if (!j) return false
      Object.assign(j, { dueMs, payload, owner: undefined, leaseUntil: 0 })
      return true
    },
    async pending(kind) {
      let n = 0
      for (const j of jobs.values()) if (j.kind === kind) n++
      return n
    },
  }
}
