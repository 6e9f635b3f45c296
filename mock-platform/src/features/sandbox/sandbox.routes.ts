/** The minimal sandbox API: register apps, residents, headless decisions (autopilot, one ticket). */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { ProblemError } from '../../errors'
import type { Services } from '../../services'
import type { NewApp } from '../apps/apps.service'
import type { RegisteredApp } from '../apps/app.types'
import { DECISIONS, type Decision } from '../tickets/ticket.types'
import { adminGuard } from './admin-guard'

export function sandboxRoutes(s: Services, adminToken: () => string | undefined): Hono {
  const r = new Hono()
  const guard = adminGuard(adminToken, () => s.config.mode)

  r.get('/residents', (c) => {
    const q = (c.req.query('q') ?? '').toLowerCase()
    const rows = s.residents
      .list()
      .filter((x) => !q || x.id.includes(q) || x.profile.enName.UnstructuredName.toLowerCase().includes(q))
      .map((x) => ({
        id: x.id,
        hkid: `${x.profile.idNo.Identification}(${x.profile.idNo.CheckDigit})`,
        tier: x.tier,
        englishName: x.profile.enName.UnstructuredName,
        chineseName: x.profile.chName?.ChineseName ?? null,
        decision: x.behaviour.decision,
        outcome: x.magic?.outcome ?? null,
        tags: x.tags,
      }))
    return c.json({ items: rows, total: rows.length })
  })

  r.post('/apps', guard, async (c) => {
    const body = await jsonBody<NewApp>(c)
    const app = await s.apps.create(body)
    return c.json(appView(app, true), 201, { 'Cache-Control': 'no-store' })
  })

  r.get('/apps', guard, (c) => c.json({ items: s.apps.list().map((a) => appView(a, false)) }))

  r.put('/apps/:clientID/autopilot', guard, async (c) => {
    const app = s.apps.get(c.req.param('clientID'))
    if (!app) throw new ProblemError(404, 'App not found', `No app with clientID ${c.req.param('clientID')}`)
    const body = await jsonBody<{ residentId?: string; decision?: string; delayMs?: number } | null>(c)
    if (body === null) {
      s.autopilot.set(app.clientID, undefined)
      return c.body(null, 204)
    }
    const decision = (body.decision ?? 'approve') as Decision
    if (!DECISIONS.includes(decision))
      throw new ProblemError(422, 'Invalid decision', `Use one of ${DECISIONS.join(', ')}`)
    const delayMs = body.delayMs ?? 0
    if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 600_000) {
      throw new ProblemError(
        422,
        'Invalid delayMs',
        'delayMs must be a whole number of milliseconds, 0–600000',
      )
    }
    const resident = s.residents.find(body.residentId ?? 'magic-approve')
    if (!resident)
      throw new ProblemError(
        422,
        'Unknown resident',
        `No resident "${body.residentId}"; see GET /sandbox/v1/residents`,
      )
    const setting = { residentId: resident.id, decision, delayMs }
    s.autopilot.set(app.clientID, setting)
    return c.json(setting)
  })

  r.delete('/apps/:clientID/autopilot', guard, (c) => {
    s.autopilot.set(c.req.param('clientID'), undefined)
    return c.body(null, 204)
  })

  r.post('/tickets/:ticketID/decision', guard, async (c) => {
    const body = await jsonBody<{ decision?: string; residentId?: string }>(c)
    const decision = body.decision as Decision
    if (!DECISIONS.includes(decision))
      throw new ProblemError(422, 'Invalid decision', `Use one of ${DECISIONS.join(', ')}`)
    const ticket = s.tickets.get(c.req.param('ticketID'))
    if (!ticket)
      throw new ProblemError(404, 'Ticket not found', 'It may have expired (240 s) or never existed.')
    if (ticket.status !== 'pending')
      throw new ProblemError(409, 'Ticket already decided', `It is ${ticket.status}.`)
    const resident = body.residentId ? s.residents.find(body.residentId) : undefined
    if (body.residentId && !resident)
      throw new ProblemError(422, 'Unknown resident', `No resident "${body.residentId}"`)
    const done = await s.tickets.decide(ticket.ticketID, decision, resident?.id ?? 'magic-approve')
    return c.json({
      ticketID: done.ticketID,
      status: done.status,
      code: done.result?.code,
      location: done.browser?.location ?? null,
    })
  })

  return r
}

async function jsonBody<T>(c: Context): Promise<T> {
  if (!/^application\/json/i.test(c.req.header('content-type') ?? '')) {
    throw new ProblemError(415, 'Unsupported media type', 'Send Content-Type: application/json')
  }
  try {
    return (await c.req.json()) as T
  } catch {
    throw new ProblemError(400, 'Malformed JSON', 'The request body is not valid JSON.')
  }
}

function appView(app: RegisteredApp, withSecret: boolean) {
  return {
    clientID: app.clientID,
    ...(withSecret ? { clientSecret: app.clientSecret } : {}),
    name: app.name,
    redirectURIs: app.redirectURIs,
    scopes: app.scopes,
    kekPublicKeys: app.kekPublicKeys,
    activeKek: app.activeKek,
    strict: app.strict,
    createdAt: app.createdAt,
  }
}
