/** Staff-wide routes: the queue, the dashboard, targets (leads change them), canned answers, staff, the audit log. */
import { Hono } from 'hono'
import type { Services } from '../../services'
import { NO_STORE, objectBody } from '../../http/json-body'
import { ALLOWED_EXTENSIONS } from './attachments'
import { CANNED_ANSWERS } from './canned-answers'
import { dashboard } from './dashboard'
import { SECTORS, STAGES } from './programme'
import { page, QueryReader } from './query'
import { supportAccess } from './support-access'
import {
  CATEGORIES,
  type Item,
  LIMITS,
  OPEN_STATUSES,
  PRIORITIES,
  STATUSES,
  type WorkStatus,
} from './support.types'
import { queueRow } from './views'
import { findAll } from '../../store/documents'
import { PROVIDER_TRANSITIONS, STAFF_TRANSITIONS } from './workflow'

const SORTS = ['due', '-due', 'created', '-created', 'updated', '-updated', 'priority'] as const
const BREACHES = ['any', 'first_response', 'resolution', 'due_soon', 'none'] as const

/** Matching audit entries read per search, newest first (the page then paginates them). */
const AUDIT_SEARCH_LIMIT = 10_000

export function staffRoutes(s: Services): Hono {
  const r = new Hono()
  const access = supportAccess(s)

  /** Enquiries and applications in one list, open ones by default, soonest target deadline first. */
  r.get('/queue', async (c) => {
    const p = await access.staff(c)
    const q = new QueryReader(c)
    const kind = q.one('kind', ['enquiry', 'application'] as const)
    const status = q.list('status', [...STATUSES, 'open', 'all'] as const) ?? ['open']
    const category = q.list('category', CATEGORIES)
    const priority = q.list('priority', PRIORITIES)
    const assignee = q.text('assignee', 64)
    const breach = q.one('breach', BREACHES)
    const sort = q.one('sort', SORTS) ?? 'due'
    const now = s.clock.now()
    const wanted: readonly WorkStatus[] = status.includes('all')
      ? STATUSES
      : status.flatMap((x) => (x === 'open' ? OPEN_STATUSES : x === 'all' ? [] : [x]))
    const me = p.kind === 'staff' ? p.accountId : undefined
    // Each wanted status (and kind) is asked of the store; deadlines are computed, so breaches are filtered here.
    const kinds = kind ? [kind] : (['enquiry', 'application'] as const)
    const found = await Promise.all(
      kinds.flatMap((k) =>
        [...new Set(wanted)].map((status) =>
          k === 'enquiry'
            ? findAll(s.support.enquiries, { status })
            : findAll(s.support.applications, { status }),
        ),
      ),
    )
    const rows = (found.flat() as Item[])
      .filter(
        (i) =>
          (!category || (i.kind === 'enquiry' && category.includes(i.category))) &&
          (!priority || priority.includes(i.priority)) &&
          (!assignee ||
            (assignee === 'none' ? !i.assigneeId : i.assigneeId === (assignee === 'me' ? me : assignee))),
      )
      .map((i) => ({ i, d: s.support.targets.deadlines(i, now) }))
      .filter(({ d }) => {
        const any = d.firstResponseBreached || d.resolutionBreached
        if (breach === 'any') return any
        if (breach === 'first_response') return d.firstResponseBreached
        if (breach === 'resolution') return d.resolutionBreached
        if (breach === 'due_soon') return d.dueSoon
        if (breach === 'none') return !any
        return true
      })
    const rank = (x: Item) => PRIORITIES.indexOf(x.priority)
    const key: Record<(typeof SORTS)[number], (a: (typeof rows)[0], b: (typeof rows)[0]) => number> = {
      due: (a, b) => (a.d.nextDue ?? Infinity) - (b.d.nextDue ?? Infinity),
      '-due': (a, b) => (b.d.nextDue ?? -Infinity) - (a.d.nextDue ?? -Infinity),
      created: (a, b) => a.i.createdAt - b.i.createdAt,
      '-created': (a, b) => b.i.createdAt - a.i.createdAt,
      updated: (a, b) => a.i.updatedAt - b.i.updatedAt,
      '-updated': (a, b) => b.i.updatedAt - a.i.updatedAt,
      priority: (a, b) => rank(b.i) - rank(a.i) || (a.d.nextDue ?? Infinity) - (b.d.nextDue ?? Infinity),
    }
    rows.sort((a, b) => key[sort](a, b) || (a.i.reference < b.i.reference ? -1 : 1))
    const result = page(rows, q)
    await access.audit(p, c, 'queue.read', 'queue')
    return c.json(
      { ...result, items: await Promise.all(result.items.map(({ i }) => queueRow(s.support, i))) },
      200,
      NO_STORE,
    )
  })

  r.get('/dashboard', async (c) => {
    await access.staff(c)
    const q = new QueryReader(c)
    const weeks = q.int('weeks', 8, 1, 52)
    const kind = q.one('kind', ['enquiry', 'application'] as const)
    q.done()
    return c.json(await dashboard(s.support, s.clock.now(), weeks, kind), 200, NO_STORE)
  })

  r.get('/targets', async (c) => {
    await access.staff(c)
    return c.json(targetsView(s), 200, NO_STORE)
  })

  r.put('/targets', async (c) => {
    const p = await access.lead(c)
    await s.support.targets.update(await objectBody(c), await s.support.actor(p), s.clock.now())
    return c.json(targetsView(s), 200, NO_STORE)
  })

  r.get('/canned-answers', async (c) => {
    await access.staff(c)
    return c.json({ items: CANNED_ANSWERS }, 200, NO_STORE)
  })

  /** Staff accounts, for the assignee picker. */
  r.get('/staff', async (c) => {
    await access.staff(c)
    const items = (await s.accounts.list('staff')).map((a) => ({
      id: a.id,
      email: a.email,
      role: a.staffRole ?? 'agent',
    }))
    return c.json({ items }, 200, NO_STORE)
  })

  /** Leads and the admin token: who read or changed what, newest first. */
  r.get('/audit', async (c) => {
    await access.lead(c)
    const q = new QueryReader(c)
    const accountId = q.text('accountId', 64)
    const action = q.text('action', 64)
    const target = q.text('target', 200)
    const since = q.time('since')
    const until = q.time('until')
    const found = await s.audit.search(
      (e) =>
        (!accountId || e.accountId === accountId) &&
        (!action || e.action === action || e.action.startsWith(`${action}.`)) &&
        (!target || e.target.startsWith(target)) &&
        (since === undefined || e.at >= since) &&
        (until === undefined || e.at < until),
      AUDIT_SEARCH_LIMIT,
    )
    const entries = found.map((e) => ({ ...e, at: new Date(e.at).toISOString() }))
    return c.json(page(entries, q, 100), 200, NO_STORE)
  })

  /** The vocabularies every form needs (any signed-in caller). */
  r.get('/meta', async (c) => {
    await access.principal(c)
    return c.json(
      {
        categories: CATEGORIES,
        severities: PRIORITIES,
        priorities: PRIORITIES,
        statuses: STATUSES,
        transitions: { staff: STAFF_TRANSITIONS, provider: PROVIDER_TRANSITIONS },
        sectors: SECTORS,
        stages: STAGES,
        attachments: {
          extensions: Object.keys(ALLOWED_EXTENSIONS),
          maxBytes: LIMITS.attachmentBytes,
          maxPerEnquiry: LIMITS.attachmentsPerEnquiry,
          encoding: 'base64',
        },
        limits: { subject: LIMITS.subject, description: LIMITS.description, requestIds: LIMITS.requestIds },
      },
      200,
      NO_STORE,
    )
  })

  return r
}

function targetsView(s: Services) {
  const t = s.support.targets.get()
  return {
    hours: t.hours,
    holidays: t.holidays,
    businessHours: { timeZone: 'Asia/Hong_Kong', days: 'Mon–Fri', open: '09:00', close: '18:00' },
    ...(t.updatedAt !== undefined ? { updatedAt: new Date(t.updatedAt).toISOString() } : {}),
    ...(t.updatedBy ? { updatedBy: t.updatedBy } : {}),
  }
}
