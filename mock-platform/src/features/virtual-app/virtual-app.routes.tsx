/** The virtual iAM Smart app at /app: choose a resident, inbox of pushed requests, scan a QR, decide, history. */
import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import type { Context } from 'hono'
import { PlatformError } from '../../errors'
import { readForm } from '../../http/body'
import type { Resident } from '../../personas/resident.types'
import { orgOf } from '../apps'
import type { Services } from '../../services'
import { type Consent, isOneOff } from '../consent'
import { langOf } from '../../views/i18n'
import { ConsentList, type ConsentRow, consentView } from '../../views/consent-pages'
import { doneView, homeView, notFoundView } from '../../views/virtual-app-pages'
import { requestView } from '../../views/virtual-app-request'
import { DECISIONS, type Decision, type Ticket } from '../tickets'
import { memoryHistory } from './virtual-app.history'
import type { HistoryEntry } from './virtual-app.types'

const RESIDENT_COOKIE = 'vapp_resident'
const LANG_COOKIE = 'vapp_lang'

export function virtualAppRoutes(s: Services, entries: HistoryEntry[]): Hono {
  const r = new Hono()
  // Hosted: the decisions of every instance (a shared log); embedded: this process's, in `entries`.
  const history = s.virtualAppHistory ?? memoryHistory(entries)
  // Cross-site form posts (decisions, revocations) are refused with 403, not left to the generic 500 handler.
  const sameOrigin = csrf()
  r.use('*', async (c, next) => {
    try {
      return await sameOrigin(c, next)
    } catch (e) {
      if (e instanceof HTTPException && e.status === 403) return c.text('Cross-site form post refused', 403)
      throw e
    }
  })

  const langFor = (c: Context) => {
    const q = c.req.query('lang')
    if (q) setCookie(c, LANG_COOKIE, langOf(q), { path: '/app', sameSite: 'Lax' })
    return langOf(q ?? getCookie(c, LANG_COOKIE))
  }
  const residentFor = (c: Context) => {
    const id = getCookie(c, RESIDENT_COOKIE)
    return id ? s.residents.get(id) : Promise.resolve(undefined)
  }

  r.get('/', async (c) => {
    const lang = langFor(c)
    const resident = await residentFor(c)
    const q = (c.req.query('q') ?? '').trim()
    // A console member sees their organisation's own residents beside the shared ones.
    const signedIn = await s.access.signedIn(c)
    const orgId = signedIn ? (await s.orgs.membershipOf(signedIn.account.id))?.org.id : undefined
    const matches = searchResidents(
      orgId ? await s.residents.visible({ orgId }) : await s.residents.list(),
      q,
    )
    const inbox = resident ? await s.tickets.inboxOf(resident.id) : []
    const rows = resident
      ? await Promise.all(
          (await s.consents.ofResident(resident.id)).slice(0, 50).map((x) => consentRow(s, x)),
        )
      : []
    // The apps' names, read once for the inbox and the consents (the views take them synchronously).
    const appName = await appNames(s, [
      ...inbox.map((t) => t.clientID),
      ...rows.map((r) => r.consent.clientID),
    ])
    return homeView(c, {
      lang,
      resident,
      residents: matches.slice(0, 50),
      query: q,
      searchAction: '/app',
      inbox,
      history: resident ? await history.of(resident.id, 20) : [],
      appName,
      consents: resident ? <ConsentList lang={lang} rows={rows} appName={appName} /> : undefined,
    })
  })

  /** One consent of the current resident, with its history (every retrieval included). */
  r.get('/consents/:ref', async (c) => {
    const lang = langFor(c)
    const consent = await s.consents.get(c.req.param('ref'))
    const resident = await residentFor(c)
    if (!consent || !resident || consent.residentId !== resident.id) return notFoundView(c, lang)
    return consentView(c, {
      lang,
      row: await consentRow(s, consent),
      appName: (await s.apps.get(consent.clientID))?.name ?? consent.appName,
      events: await s.consents.history(consent),
    })
  })

  /** Revokes at once (CSRF: the csrf() middleware above refuses cross-origin form posts). */
  r.post('/consents/:ref/revoke', async (c) => {
    const lang = langFor(c)
    const consent = await s.consents.get(c.req.param('ref'))
    const resident = await residentFor(c)
    if (!consent || !resident || consent.residentId !== resident.id) return notFoundView(c, lang)
    await s.consents.revoke(consent.id, resident.id)
    return c.redirect(`/app/consents/${consent.id}`, 303)
  })

  r.post('/resident', async (c) => {
    const form = await readForm(c)
    const next = typeof form.next === 'string' && form.next.startsWith('/app') ? form.next : '/app'
    const resident = typeof form.residentId === 'string' ? await s.residents.find(form.residentId) : undefined
    if (resident)
      setCookie(c, RESIDENT_COOKIE, resident.id, { path: '/app', httpOnly: true, sameSite: 'Lax' })
    return c.redirect(next, 303)
  })

  /** "Scanning": the QR encodes /app/scan?qr=<token>; a pasted link or token works too. */
  r.get('/scan', async (c) => {
    const lang = langFor(c)
    const raw = (c.req.query('qr') ?? '').trim()
    const token = raw.includes('qr=') ? (new URL(raw, 'http://x').searchParams.get('qr') ?? '') : raw
    const ticket = token ? await s.tickets.scan(token) : undefined
    if (ticket?.status !== 'pending') return notFoundView(c, lang)
    // The language the e-Service asked for (getQR's lang) carries into the app, unless the link names one.
    const asked = ticket.request.lang
    const requested =
      c.req.query('lang') ?? ticket.browser?.lang ?? (typeof asked === 'string' ? asked : undefined)
    const query = requested ? `?lang=${langOf(requested)}` : ''
    return c.redirect(`/app/requests/${ticket.ticketID}${query}`, 303)
  })

  r.get('/requests/:ticketID', async (c) => {
    const lang = langFor(c)
    const ticket = await s.tickets.lookup(c.req.param('ticketID'))
    if (!ticket) return notFoundView(c, lang)
    const chosen = await residentFor(c)
    if (ticket.status !== 'pending')
      return doneView(c, { lang, ticket, serviceName: await serviceName(s, ticket) })
    // The residents this request's app may use: the shared ones and those of its own organisation.
    const app = await s.apps.get(ticket.clientID)
    const usable = app ? await s.residents.visible({ orgId: orgOf(app) }) : await s.residents.list()
    const resident = chosen && usable.some((r) => r.id === chosen.id) ? chosen : undefined
    // Searching stays on this request (the pending login is kept); the organisation's own residents come first.
    const q = (c.req.query('q') ?? '').trim()
    const ordered = [...usable.filter((r) => r.orgId), ...usable.filter((r) => !r.orgId)]
    return requestView(c, {
      lang,
      ticket,
      serviceName: await serviceName(s, ticket),
      resident,
      residents: resident ? [] : searchResidents(ordered, q).slice(0, 30),
      query: q,
      assigned: ticket.residentId ? await s.residents.get(ticket.residentId) : undefined,
    })
  })

  r.post('/requests/:ticketID/decision', async (c) => {
    const lang = langFor(c)
    const form = await readForm(c, { all: true })
    const decision = String(form.decision ?? '') as Decision
    const ticket = await s.tickets.lookup(c.req.param('ticketID'))
    if (!ticket) return notFoundView(c, lang)
    if (!DECISIONS.includes(decision)) return c.redirect(`/app/requests/${ticket.ticketID}`, 303)
    // Another organisation's private resident is unknown to this ticket's app (approving then needs another one).
    const chosen = await residentFor(c)
    const resident = chosen && (await s.residents.usableBy(chosen.id, await s.apps.get(ticket.clientID)))
    if (ticket.residentId && chosen && ticket.residentId !== chosen.id && decision !== 'timeout') {
      // A pushed request belongs to one resident only.
      return notFoundView(c, lang)
    }
    const fields = form.fields
    if (fields !== undefined) ticket.agreedFields = (Array.isArray(fields) ? fields : [fields]).map(String)
    // Every box unticked: the browser sends no "fields" at all, which means share nothing (not everything).
    else if (form.fieldsShown !== undefined) ticket.agreedFields = []
    try {
      if (decision === 'timeout') ticket.expiresAt = s.clock.now()
      const done = await s.tickets.decide(ticket.ticketID, decision, resident?.id, ticket)
      // The decision stands whether or not its line in the history could be written.
      await history
        .record({
          ticketID: done.ticketID,
          residentId: done.residentId ?? resident?.id ?? '',
          serviceName: await serviceName(s, done),
          kind: done.kind,
          status: done.status,
          fields:
            done.kind === 'dataexchange'
              ? ((done.result?.content?.approvedDataSets as string[] | undefined) ?? [])
              : Object.keys(done.result?.content ?? {}),
          at: s.clock.now(),
        })
        .catch((e: unknown) => s.logger.warn('virtual app history not recorded', { error: String(e) }))
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e
    }
    return c.redirect(`/app/requests/${ticket.ticketID}`, 303)
  })

  return r
}

async function consentRow(s: Services, consent: Consent): Promise<ConsentRow> {
  // Only consents that last a period are retrieved from; a one-off release needs no ledger read.
  const retrievals = isOneOff(consent)
    ? 0
    : (await s.consents.history(consent)).filter((e) => e.type === 'retrieved').length
  return { consent, status: s.consents.status(consent), retrievals }
}

/** Residents whose id, English or Chinese name contains `query`, or whose HKID starts with it (case-insensitive). */
export function searchResidents<R extends Resident>(all: R[], query: string): R[] {
  const q = query.trim().toLowerCase()
  if (!q) return all
  const hkidPrefix = q.replace(/[()\s]/g, '')
  return all.filter(
    (x) =>
      x.id.toLowerCase().includes(q) ||
      x.profile.enName.UnstructuredName.toLowerCase().includes(q) ||
      (x.profile.chName?.ChineseName ?? '').includes(query.trim()) ||
      `${x.profile.idNo.Identification}${x.profile.idNo.CheckDigit}`.toLowerCase().startsWith(hkidPrefix),
  )
}

async function serviceName(s: Services, t: Ticket): Promise<string> {
  return (await s.apps.get(t.clientID))?.name ?? t.clientID
}

/** The names of these apps, read once (by client ID; an unknown app is shown by its client ID). */
async function appNames(s: Services, clientIDs: string[]): Promise<(clientID: string) => string> {
  const ids = [...new Set(clientIDs)]
  const apps = await Promise.all(ids.map((id) => s.apps.get(id)))
  const names = new Map(ids.map((id, i) => [id, apps[i]?.name ?? id]))
  return (id) => names.get(id) ?? id
}
