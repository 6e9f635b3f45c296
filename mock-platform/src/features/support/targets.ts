/** Response targets per priority in business hours, the holiday list, and each item's due dates and breach flags. */
import type { Config } from '../../config'
import { ProblemError } from '../../errors'
import type { Documents } from '../../store/documents'
import { BusinessCalendar, builtInHolidays } from './business-hours'
import { type Actor, PRIORITIES, type Priority, type WorkItem } from './support.types'

export type TargetHours = Record<Priority, { firstResponse: number; resolution: number }>

/** Business hours (a business day is 9 hours): urgent 1 h / 1 day, high 4 h / 2 days, normal 1 / 5 days, low 2 / 10 days. */
export const DEFAULT_TARGETS: TargetHours = {
  urgent: { firstResponse: 1, resolution: 9 },
  high: { firstResponse: 4, resolution: 18 },
  normal: { firstResponse: 9, resolution: 45 },
  low: { firstResponse: 18, resolution: 90 },
}

export interface Targets {
  id: 'targets'
  hours: TargetHours
  holidays: string[]
  updatedAt?: number
  updatedBy?: Actor
}

export interface Deadlines {
  firstResponseDue: number
  resolutionDue: number
  firstResponseBreached: boolean
  resolutionBreached: boolean
  /** The next unmet deadline (undefined once resolved): the queue sorts by it. */
  nextDue?: number
  /** Less than one business hour to the next deadline, not yet breached. */
  dueSoon: boolean
  /** Waiting on the provider: the resolution clock is paused. */
  paused: boolean
}

const HOUR = 3_600_000

/** The targets in force: the lead's last change (durable), else the configuration, else the defaults. */
export class SupportTargets {
  private current: Targets
  private cal: BusinessCalendar
  /** Settled once the holidays are known: at once when stored or configured, else when the built-in list loads. */
  private holidays: Promise<void> | undefined
  private constructor(
    private readonly store: Documents<Targets>,
    stored: Targets | undefined,
    config: Pick<Config, 'supportTargets' | 'supportHolidays'>,
  ) {
    this.current = stored ?? {
      id: 'targets',
      hours: { ...DEFAULT_TARGETS, ...config.supportTargets },
      holidays: [...(config.supportHolidays ?? [])],
    }
    this.cal = new BusinessCalendar(this.current.holidays)
    if (stored || config.supportHolidays) this.holidays = Promise.resolve()
  }

  static async open(
    store: Documents<Targets>,
    config: Pick<Config, 'supportTargets' | 'supportHolidays'>,
  ): Promise<SupportTargets> {
    return new SupportTargets(store, await store.get('targets'), config)
  }

  /**
   * Resolves once the holiday list is in force (the built-in one loads at the first support request, not at startup)
   * and the targets are the stored ones: a lead's change on another instance applies from the next request here.
   */
  async ready(): Promise<void> {
    const stored = await this.store.get('targets')
    if (stored && stored.updatedAt !== this.current.updatedAt) {
      this.current = stored
      this.cal = new BusinessCalendar(stored.holidays)
      this.holidays = Promise.resolve()
    }
    return this.loadHolidays()
  }

  private loadHolidays(): Promise<void> {
    this.holidays ??= builtInHolidays().then(
      (list) => {
        this.current = { ...this.current, holidays: list }
        this.cal = new BusinessCalendar(list)
      },
      (e: unknown) => {
        this.holidays = undefined
        throw e
      },
    )
    return this.holidays
  }

  get(): Targets {
    return this.current
  }

  calendar(): BusinessCalendar {
    return this.cal
  }

  /** Leads only (checked by the route): replaces the hours of the priorities given and, if given, the holidays. */
  async update(input: Record<string, unknown>, by: Actor, now: number): Promise<Targets> {
    const errors: Record<string, string> = {}
    const hours = { ...this.current.hours }
    const given = input.hours
    if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given)))
      errors.hours = 'must be an object keyed by priority'
    for (const [p, v] of Object.entries((given as Record<string, unknown> | undefined) ?? {})) {
      const t = v as { firstResponse?: unknown; resolution?: unknown } | null
      const ok =
        PRIORITIES.includes(p as Priority) &&
        t !== null &&
        typeof t === 'object' &&
        isHours(t.firstResponse) &&
        isHours(t.resolution) &&
        (t.resolution as number) >= (t.firstResponse as number)
      if (!ok)
        errors[`hours.${p}`] =
          'must be {firstResponse, resolution}: hours 1–2000, resolution ≥ first response'
      else
        hours[p as Priority] = {
          firstResponse: t.firstResponse as number,
          resolution: t.resolution as number,
        }
    }
    let holidays = this.current.holidays
    if (input.holidays !== undefined) {
      const list = input.holidays
      if (!Array.isArray(list) || list.length > 400 || !list.every(isDate))
        errors.holidays = 'must be a list of YYYY-MM-DD dates (at most 400)'
      else holidays = [...new Set(list as string[])].sort()
    }
    if (Object.keys(errors).length > 0)
      throw new ProblemError(422, 'Invalid targets', 'Fix the listed fields and try again.', { errors })
    this.current = { id: 'targets', hours, holidays, updatedAt: now, updatedBy: by }
    this.cal = new BusinessCalendar(holidays)
    await this.store.put(this.current)
    return this.current
  }

  /** Due dates and breach flags of an item at `now` (derived, never stored: a target change applies at once). */
  deadlines(item: WorkItem, now: number): Deadlines {
    const t = this.current.hours[item.priority]
    const firstResponseDue = this.cal.add(item.createdAt, t.firstResponse * HOUR)
    const end = item.resolvedAt ?? now
    const waited = this.pausedMs(item, end)
    const resolutionDue = this.cal.add(item.openedAt, t.resolution * HOUR + waited)
    const paused = item.status === 'waiting_on_provider'
    const firstResponseBreached = (item.firstResponseAt ?? now) > firstResponseDue
    const resolutionBreached = !paused && end > resolutionDue
    const nextDue =
      item.firstResponseAt === undefined
        ? firstResponseDue
        : item.resolvedAt === undefined
          ? resolutionDue
          : undefined
    const breached = nextDue === firstResponseDue ? firstResponseBreached : resolutionBreached
    const dueSoon = nextDue !== undefined && !breached && !paused && this.cal.between(now, nextDue) < HOUR
    return {
      firstResponseDue,
      resolutionDue,
      firstResponseBreached,
      resolutionBreached,
      ...(nextDue !== undefined ? { nextDue } : {}),
      dueSoon,
      paused,
    }
  }

  /** Business time spent waiting on the provider since the item was (re)opened. */
  private pausedMs(item: WorkItem, end: number): number {
    let total = 0
    let since: number | undefined
    for (const e of item.history) {
      if (e.type !== 'status' || e.at < item.openedAt) continue
      if (e.to === 'waiting_on_provider') since = e.at
      else if (since !== undefined) {
        total += this.cal.between(since, e.at)
        since = undefined
      }
    }
    if (since !== undefined) total += this.cal.between(since, end)
    return total
  }
}

const isHours = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 2000
const isDate = (v: unknown): boolean =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
