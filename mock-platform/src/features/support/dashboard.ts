/** Dashboard figures for the staff console's charts: weekly volume by category, time to first response, backlog age. */
import { findAll } from '../../store/documents'
import type { Desk } from './desk'
import { CATEGORIES, type Item, OPEN_STATUSES, PRIORITIES, STATUSES } from './support.types'
import { isOpen } from './workflow'

const HKT = 8 * 3_600_000
const DAY = 86_400_000
const WEEK = 7 * DAY
const MINUTE = 60_000

/** Business time to first response, in buckets (a business day is 9 hours). */
export const RESPONSE_BUCKETS: Array<[string, number]> = [
  ['< 1 h', 60],
  ['1–4 h', 240],
  ['4–9 h', 540],
  ['1–2 days', 1080],
  ['> 2 days', Infinity],
]
/** Calendar age of open items. */
export const AGE_BUCKETS: Array<[string, number]> = [
  ['< 1 day', 1],
  ['1–3 days', 3],
  ['3–7 days', 7],
  ['> 7 days', Infinity],
]

/** Monday 00:00 HKT of the week holding `ms`. */
export function weekStart(ms: number): number {
  const local = ms + HKT
  const day = local - (((local % DAY) + DAY) % DAY)
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  return day - weekday * DAY - HKT
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!
}
const bucket = (buckets: Array<[string, number]>, values: number[]) =>
  buckets.map(([label, upTo], i) => ({
    label,
    count: values.filter((v) => v < upTo && (i === 0 || v >= buckets[i - 1]![1])).length,
  }))
const tally = <K extends string>(keys: readonly K[], values: K[]) =>
  Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<K, number>

/** Figures over every item (of one kind): an aggregate the store does not answer, so the items are read a page at a time. */
export async function dashboard(desk: Desk, now: number, weeks: number, kind?: Item['kind']) {
  const items: Item[] = [
    ...(kind === 'application' ? [] : await findAll(desk.enquiries)),
    ...(kind === 'enquiry' ? [] : await findAll(desk.applications)),
  ]
  const from = weekStart(now) - (weeks - 1) * WEEK
  const recent = items.filter((i) => i.createdAt >= from)
  const volume = Array.from({ length: weeks }, (_, w) => {
    const start = from + w * WEEK
    const inWeek = recent.filter((i) => i.createdAt >= start && i.createdAt < start + WEEK)
    const enquiries = inWeek.flatMap((i) => (i.kind === 'enquiry' ? [i.category] : []))
    return {
      weekStart: new Date(start + HKT).toISOString().slice(0, 10),
      byCategory: tally(CATEGORIES, enquiries),
      applications: inWeek.filter((i) => i.kind === 'application').length,
      total: inWeek.length,
    }
  })
  const cal = desk.targets.calendar()
  const answered = recent.filter((i) => i.firstResponseAt !== undefined)
  const minutes = answered.map((i) => Math.round(cal.between(i.createdAt, i.firstResponseAt!) / MINUTE))
  const open = items.filter(isOpen)
  const ages = open.map((i) => (now - i.createdAt) / DAY)
  const deadlines = open.map((i) => desk.targets.deadlines(i, now))
  return {
    generatedAt: new Date(now).toISOString(),
    weeks,
    volume,
    firstResponse: {
      count: answered.length,
      pending: recent.filter((i) => i.firstResponseAt === undefined && isOpen(i)).length,
      medianBusinessMinutes: median(minutes),
      p90BusinessMinutes: percentile(minutes, 0.9),
      withinTarget: answered.filter((i) => !desk.targets.deadlines(i, now).firstResponseBreached).length,
      distribution: bucket(RESPONSE_BUCKETS, minutes),
    },
    backlog: {
      open: open.length,
      byStatus: tally(
        STATUSES.filter((s) => OPEN_STATUSES.includes(s)),
        open.map((i) => i.status),
      ),
      byPriority: tally(
        PRIORITIES,
        open.map((i) => i.priority),
      ),
      age: bucket(AGE_BUCKETS, ages),
    },
    breaches: {
      firstResponse: deadlines.filter((d) => d.firstResponseBreached).length,
      resolution: deadlines.filter((d) => d.resolutionBreached).length,
      dueSoon: deadlines.filter((d) => d.dueSoon).length,
    },
  }
}
