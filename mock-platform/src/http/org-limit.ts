/** The one answer of every per-organisation limit (APPS_PER_ORG, RESIDENTS_PER_ORG): 409, how many, and what to do. */
import { ProblemError } from '../errors'

export interface OrgLimit {
  /** The problem's title, e.g. `App limit reached`. */
  title: string
  /** What is counted, plural: `apps`. */
  things: string
  /** How one gets another: `register`, `create`. */
  verb: string
  /** What the caller can do instead, and the setting that raises the limit. */
  advice: string
}

/** Throws the limit's 409 when the organisation already holds `count` of its `limit` things. */
export function checkOrgLimit(orgId: string, count: number, limit: number, l: OrgLimit): void {
  if (count < limit) return
  throw new ProblemError(
    409,
    l.title,
    `Organisation "${orgId}" has ${count} ${l.things}, the most one organisation may ${l.verb} (${limit}). ${l.advice}`,
    { limit, count },
  )
}
