/** Query parameters of the support API's lists: enum lists, paging, dates; every bad one named in one 422. */
import type { Context } from 'hono'
import { ProblemError } from '../../errors'
import { OPEN_STATUSES, STATUSES, type WorkStatus } from './support.types'

export class QueryReader {
  readonly errors: Record<string, string> = {}
  constructor(private readonly c: Context) {}

  /** A comma-separated list of allowed values (`status=new,triaged`). */
  list<T extends string>(name: string, allowed: readonly T[]): T[] | undefined {
    const raw = this.c.req.query(name)
    if (raw === undefined || raw === '') return undefined
    const values = raw.split(',').map((v) => v.trim())
    const bad = values.filter((v) => !allowed.includes(v as T))
    if (bad.length > 0) this.errors[name] = `must be among ${allowed.join(', ')} (comma-separated)`
    return values as T[]
  }

  /** `status=`: the statuses asked for (`open` stands for every open one); undefined when none is. */
  statuses(): WorkStatus[] | undefined {
    return this.list('status', [...STATUSES, 'open'] as const)?.flatMap((x) =>
      x === 'open' ? OPEN_STATUSES : [x],
    )
  }

  one<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.c.req.query(name)
    if (raw === undefined || raw === '') return undefined
    if (!allowed.includes(raw as T)) this.errors[name] = `must be one of ${allowed.join(', ')}`
    return raw as T
  }

  text(name: string, max = 200): string | undefined {
    const raw = this.c.req.query(name)
    if (raw !== undefined && raw.length > max) this.errors[name] = `at most ${max} characters`
    return raw === '' ? undefined : raw
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const raw = this.c.req.query(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!/^\d+$/.test(raw) || n < min || n > max) this.errors[name] = `must be a whole number, ${min}–${max}`
    return n
  }

  /** Epoch milliseconds or an ISO 8601 date-time. */
  time(name: string): number | undefined {
    const raw = this.c.req.query(name)
    if (raw === undefined) return undefined
    const ms = /^\d{1,15}$/.test(raw) ? Number(raw) : Date.parse(raw)
    if (Number.isNaN(ms)) this.errors[name] = 'must be epoch milliseconds or an ISO 8601 date-time'
    return ms
  }

  /** Throws the 422 naming every bad parameter. */
  done(): void {
    if (Object.keys(this.errors).length > 0)
      throw new ProblemError(422, 'Invalid filter', 'Fix the listed query parameters.', {
        errors: this.errors,
      })
  }
}

/** One page of a list: `{items, total, limit, offset}`. */
export function page<T>(items: T[], q: QueryReader, defaultLimit = 50) {
  const limit = q.int('limit', defaultLimit, 1, 500)
  const offset = q.int('offset', 0, 0, 1_000_000)
  q.done()
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset }
}

/** A list's items the latest change first (then by reference, descending). */
const newestFirst = (a: Listed, b: Listed) =>
  b.updatedAt - a.updatedAt || (a.reference < b.reference ? 1 : -1)
type Listed = { updatedAt: number; reference: string }

/** One page of a list, the latest change first, each item shown by `view`; `read` (the audit) once the query is valid. */
export async function listPage<T extends Listed, V>(
  items: T[],
  q: QueryReader,
  read: () => Promise<void>,
  view: (item: T) => Promise<V>,
) {
  const result = page(items.sort(newestFirst), q)
  await read()
  return { ...result, items: await Promise.all(result.items.map(view)) }
}
